import { Type, type Static } from '@sinclair/typebox'

/**
 * Visits with several steps (issue 21): a service may define a route, the services a ticket
 * issued for it passes after the first (reception → review → cashier). Finishing a step sends
 * the ticket on to the next step's line, keeping its label; the last step's finish ends it.
 */

/** The most steps a route may have after its first service (TABOUR_ERR_STEP_ROUTE_TOO_LONG above it). */
export const MAX_ROUTE_STEPS = 5

/** PUT /services/:id/steps: the services after the first, in order; [] removes the route. */
export const ServiceStepsBody = Type.Object(
  // the schema's bound is loose on purpose: a route over MAX_ROUTE_STEPS is refused with its own stable code (422)
  { steps: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50 }) },
  { additionalProperties: false },
)
export type ServiceStepsBody = Static<typeof ServiceStepsBody>

/** A service's route as stored: the service it starts at and the steps after it. */
export const ServiceSteps = Type.Object({ serviceId: Type.Integer(), steps: Type.Array(Type.Integer()) })
export type ServiceSteps = Static<typeof ServiceSteps>

/** Where a ticket is in its visit (the public status page): step n (1-based) of `of`, and the next step's service. */
export const VisitProgress = Type.Object({
  /** The step the ticket is at now, 1 for the service it was issued for. */
  step: Type.Integer({ minimum: 1 }),
  /** How many steps the visit has in all. */
  of: Type.Integer({ minimum: 2 }),
  /** The service of the step after this one; null at the last step. */
  next: Type.Union([Type.Object({ serviceId: Type.Integer(), nameAr: Type.String(), nameEn: Type.String() }), Type.Null()]),
})
export type VisitProgress = Static<typeof VisitProgress>

/** Where a ticket goes in the next step's line: by when it was first issued (default), or at the end. */
export type StepPlacement = 'issue-time' | 'end-of-line'
