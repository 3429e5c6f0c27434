/**
 * Which services a kiosk offers (its config's `serviceIds`, protocol/device-config.ts) as form
 * fields: "every service" (no key: services added later are offered too), or a box per service.
 * The walk of 2026-12-06 found the subset settable only as JSON in the device's config.
 */
import type { FieldValues } from './device-fields.ts'

/** The "offers every service" box; unticked, the service boxes choose. */
export const OFFERS_ALL = 'offersAll'

/** The box of one service. */
export const offerName = (serviceId: number) => `offers/${serviceId}`

const isOfferField = (name: string) => name === OFFERS_ALL || name.startsWith('offers/')

/** A kiosk's config as the boxes' values. */
export function offerValues(config: Record<string, unknown>): FieldValues {
  const ids = Array.isArray(config.serviceIds) ? (config.serviceIds as number[]) : null
  return { [OFFERS_ALL]: ids === null, ...Object.fromEntries((ids ?? []).map((id) => [offerName(id), true])) }
}

/** The services ticked, in the order `serviceIds` lists them (the services list's). */
const ticked = (values: FieldValues, serviceIds: readonly number[]) => serviceIds.filter((id) => values[offerName(id)] === true)

/** Whether the boxes would leave the kiosk offering nothing at all. */
export const offersNothing = (values: FieldValues, serviceIds: readonly number[]): boolean =>
  values[OFFERS_ALL] !== true && ticked(values, serviceIds).length === 0

/** `config` with the boxes written, when one of them changed (else as it is: an untouched key is not rewritten). */
export function withOffers(
  config: Record<string, unknown>,
  values: FieldValues,
  initial: FieldValues,
  serviceIds: readonly number[],
): Record<string, unknown> {
  const names = new Set([...Object.keys(values), ...Object.keys(initial)].filter(isOfferField))
  if (![...names].some((n) => values[n] !== initial[n])) return config
  const { serviceIds: _stored, ...rest } = config
  return values[OFFERS_ALL] === true ? rest : { ...rest, serviceIds: ticked(values, serviceIds) }
}
