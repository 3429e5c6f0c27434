import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { stepsRepo } from '../queue/visit-steps.ts'
import { MAX_ROUTE_STEPS, type ServiceSteps, type ServiceStepsBody } from '../../protocol/visit-steps.ts'

/**
 * A service's route of steps (issue 21, server/queue/visit-steps.ts) as configuration: set in
 * one audited transaction, or refused whole with nothing written. A route names each service at
 * most once and never the service it starts at (STEP_ROUTE_LOOP), has at most MAX_ROUTE_STEPS
 * steps (STEP_ROUTE_TOO_LONG), and every step is an existing (SERVICE_NOT_FOUND), active
 * (SERVICE_INACTIVE) service. A step service's own route is not followed: a visit walks the route
 * of the service it was issued for only, so routes cannot chain into a loop.
 */
export class ServiceStepCommands {
  constructor(private readonly ctx: QueueContext) {}

  /** The service's route; SERVICE_NOT_FOUND for an unknown service. */
  get(serviceId: number): ServiceSteps {
    if (!this.ctx.services.get(serviceId)) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${serviceId} does not exist`)
    return { serviceId, steps: stepsRepo(this.ctx.db).route(serviceId) }
  }

  /** Replaces the service's route ([] removes it). */
  set(actor: Actor, serviceId: number, body: ServiceStepsBody): ServiceSteps {
    return this.ctx.write((tx) => {
      const service = this.ctx.services.get(serviceId)
      if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${serviceId} does not exist`)
      if (body.steps.length > MAX_ROUTE_STEPS)
        throw domainError(
          ErrorCodes.STEP_ROUTE_TOO_LONG,
          `a route has at most ${MAX_ROUTE_STEPS} steps after its first, not ${body.steps.length}`,
        )
      const seen = new Set([service.id])
      for (const id of body.steps) {
        if (seen.has(id)) throw domainError(ErrorCodes.STEP_ROUTE_LOOP, `service ${id} appears twice in the route of service ${service.id}`)
        seen.add(id)
        const step = this.ctx.services.get(id)
        if (!step) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `step service ${id} does not exist`)
        if (!step.active) throw domainError(ErrorCodes.SERVICE_INACTIVE, `step service ${step.prefix} is not active`)
      }
      stepsRepo(this.ctx.db).replace(service.id, body.steps)
      auditChange(tx, actor, 'service.steps', { id: service.id }, body)
      // status pages of the service's tickets say the steps ahead
      tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
      return { serviceId: service.id, steps: [...body.steps] }
    })
  }
}
