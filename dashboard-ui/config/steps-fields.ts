/**
 * A service's route of steps in the services form (visits with several steps, docs/visit-steps.md):
 * up to MAX_ROUTE_STEPS pickers named `steps/0`… as the API's list is, each offering the other
 * active services. The walk of 2026-12-06 found the route settable only as JSON
 * (PUT /services/:id/steps); here it is chosen, and written only when a picker changed.
 */
import { MAX_ROUTE_STEPS } from '../../protocol/visit-steps.ts'
import { visitStepsText } from '../../protocol/messages/visit-steps.ts'
import type { ServiceWithQueue } from '../../protocol/entities.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import { serviceLabel } from '../../ui-common/service-label.ts'
import { str, type FieldSpec, type Values } from './config-form.ts'

const STEP = /^steps\/\d+$/

/** Whether `name` is one step's picker. */
export const isStepField = (name: string): boolean => STEP.test(name)

/** A route as form values (`steps/0`: the first service after this one). */
export function stepValues(steps: readonly number[]): Values {
  return Object.fromEntries(steps.map((id, i) => [`steps/${i}`, String(id)]))
}

/** The chosen steps in order, the pickers left at "none" skipped. */
export function stepsOf(values: Values): number[] {
  return Array.from({ length: MAX_ROUTE_STEPS }, (_, i) => str(values[`steps/${i}`]))
    .filter((v) => v !== '')
    .map(Number)
}

/** A service chosen twice: the route would loop (TABOUR_ERR_STEP_ROUTE_LOOP), said before anything is sent. */
export const chosenTwice = (steps: readonly number[]): boolean => new Set(steps).size !== steps.length

/**
 * The pickers: as many as the route has, plus one to add a step, up to the limit. A step may be
 * any other active service (a route never names its own service: that is a loop); a step chosen
 * before and since deactivated stays listed so the form shows what is stored.
 */
export function stepFields(
  values: Values,
  services: readonly ServiceWithQueue[],
  own: number | null,
  lang: 'ar' | 'en',
  digits: DigitStyle = 'western',
): FieldSpec[] {
  const chosen = stepsOf(values)
  const rows = Math.min(MAX_ROUTE_STEPS, chosen.length + 1)
  const offered = services.filter((s) => s.id !== own && (s.active || chosen.includes(s.id)))
  return Array.from({ length: rows }, (_, i) => ({
    name: `steps/${i}`,
    label: visitStepsText('steps.form.step', lang, { n: i + 2 }, digits),
    kind: 'select' as const,
    options: [
      { value: '', label: visitStepsText('steps.form.none', lang) },
      ...offered.map((s) => ({ value: String(s.id), label: serviceLabel(s, lang) })),
    ],
  }))
}
