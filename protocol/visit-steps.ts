import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from './common.ts'

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
const StepService = Type.Object({ serviceId: Type.Integer(), nameAr: Type.String(), nameEn: Type.String() })

export const VisitProgress = Type.Object({
  /** The step the ticket is at now, 1 for the service it was issued for. */
  step: Type.Integer({ minimum: 1 }),
  /** How many steps the visit has in all. */
  of: Type.Integer({ minimum: 2 }),
  /** The service of the step after this one; null at the last step. */
  next: Nullable(StepService),
  /**
   * Every step's service in order, the issuing one first, as the visit really takes them: the services
   * its steps were taken at so far (a step a clerk transferred to another service is named by that
   * service), the one it is in now, then the route's steps ahead (walk s53: a transferred step was
   * still reported as planned). At issue, the route of the service.
   */
  route: Type.Array(StepService),
  /**
   * Only once the visit is done (status done): the services its steps were served at, in order, the
   * last step's included. A transfer within a step changes the service that serves it but not the
   * route (walk s52: a step moved to Civil registry and served there was listed as Building permits).
   */
  served: Type.Optional(Type.Array(StepService)),
})
export type VisitProgress = Static<typeof VisitProgress>

/** Where a ticket goes in the next step's line: by when it was first issued (default), or at the end. */
export type StepPlacement = 'issue-time' | 'end-of-line'

/** One step of a route in the figures: its calls' waits against its own service's target (the per-step SLA). */
export const StepFigure = Type.Object({
  /** 1 for the service the visits were issued for, 2 for the route's first step after it, … */
  step: Type.Integer({ minimum: 1 }),
  /** The service the step was called in (a transfer within a step shows its own service). */
  serviceId: Type.Integer(),
  /** Visits called at this step (each visit once: a step called again after a reinstatement counts its first call). */
  calls: Type.Integer(),
  meanWaitSeconds: Nullable(Type.Integer()),
  maxWaitSeconds: Nullable(Type.Integer()),
  /** Calls within the step's service target (as recorded at the call). */
  withinTarget: Type.Integer(),
  /** withinTarget ÷ calls, a percentage with one decimal; null without calls. This is the SLA of a visit of several steps. */
  withinTargetPercent: Nullable(Type.Number()),
})
export type StepFigure = Static<typeof StepFigure>

/** The figures of the visits issued for one service with a route, over a range of days. */
export const RouteFigures = Type.Object({
  /** The service the visits were issued for (the route's start). */
  serviceId: Type.Integer(),
  /** Visits that passed at least one step (a `ticket.next_step`). */
  visits: Type.Integer(),
  /** Of those, visits whose last step was finished (served to the end). */
  completed: Type.Integer(),
  steps: Type.Array(StepFigure),
  /** Whole visit of the completed ones: first issue → last finish, mean and longest, seconds. */
  meanVisitSeconds: Nullable(Type.Integer()),
  maxVisitSeconds: Nullable(Type.Integer()),
  /** Sum of the steps' waits of the completed ones, mean seconds (time spent waiting rather than served). */
  meanTotalWaitSeconds: Nullable(Type.Integer()),
  /** Completed visits whose total wait is within the sum of their steps' targets, a percentage with one decimal (beside the SLA, not the SLA). */
  visitWithinTargetsPercent: Nullable(Type.Number()),
})
export type RouteFigures = Static<typeof RouteFigures>

/** GET /stats/steps?from&to: per route, by the day the visits' tickets were issued. */
export const StepFigures = Type.Object({ from: Type.String(), to: Type.String(), routes: Type.Array(RouteFigures) })
export type StepFigures = Static<typeof StepFigures>
