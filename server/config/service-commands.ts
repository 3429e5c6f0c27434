import type { CreateServiceBody, UpdateServiceBody } from '../../protocol/requests.ts'
import type { Service } from '../../protocol/entities.ts'
import type { ServiceFields } from '../db/repositories/services-repo.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes, fieldError } from '../errors.ts'
import { auditChange } from './config-audit.ts'

/** Creating and editing services; screens hear `queue:updated` for the service after commit. */
export class ServiceCommands {
  constructor(private readonly ctx: QueueContext) {}

  /** One service, or SERVICE_NOT_FOUND. */
  get(id: number): Service {
    const service = this.ctx.services.get(id)
    if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${id} does not exist`)
    return service
  }

  create(actor: Actor, body: CreateServiceBody): Service {
    return this.ctx.write((tx) => {
      this.assertPrefixFree(body.prefix)
      const fields: ServiceFields = { dailyCap: null, active: true, sortOrder: 0, whenUnstaffed: 'not-offered', ...body }
      const service = this.ctx.services.insert(fields, tx.now)
      auditChange(tx, actor, 'service.create', {}, body)
      tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
      return service
    })
  }

  update(actor: Actor, id: number, body: UpdateServiceBody): Service {
    return this.ctx.write((tx) => {
      const current = this.get(id)
      if (body.prefix) this.assertPrefixFree(body.prefix, current.id)
      const { id: _id, ...fields } = { ...current, ...body }
      const service = this.ctx.services.update(current.id, fields)
      auditChange(tx, actor, 'service.update', { id }, body)
      tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
      return service
    })
  }

  private assertPrefixFree(prefix: string, id?: number): void {
    const holder = this.ctx.services.findByPrefix(prefix)
    if (holder && holder.id !== id)
      throw fieldError(
        ErrorCodes.DUPLICATE_PREFIX,
        { field: 'prefix', reason: 'duplicate' },
        `prefix ${prefix} is used by service ${holder.id}`,
      )
  }
}
