import type { CreateServiceBody, UpdateServiceBody } from '../../protocol/requests.ts'
import type { Service } from '../../protocol/entities.ts'
import type { ServiceFields } from '../db/repositories/services-repo.ts'
import { NationalServicesRepo } from '../db/repositories/national-services-repo.ts'
import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes, fieldError } from '../errors.ts'
import { auditChange, fieldChanges } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { ServiceGroupsRepo } from '../db/repositories/service-groups-repo.ts'
import { checkedDocuments, checkedGroup, checkedIcon } from './service-menu-checks.ts'

/** Creating and editing services; screens hear `queue:updated` for the service after commit. */
export class ServiceCommands {
  /** The hub's national catalogue as last received: what a national code is checked against. */
  readonly nationalCatalogue: NationalServicesRepo
  private readonly groups: ServiceGroupsRepo

  constructor(private readonly ctx: QueueContext) {
    this.nationalCatalogue = new NationalServicesRepo(ctx.db)
    this.groups = new ServiceGroupsRepo(ctx.db)
  }

  /** One service, or SERVICE_NOT_FOUND. */
  get(id: number): Service {
    const service = this.ctx.services.get(id)
    if (!service) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${id} does not exist`)
    return service
  }

  create(actor: Actor, body: CreateServiceBody): Service {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      this.assertPrefixFree(body.prefix)
      this.assertNationalCode(undefined, body.nationalCode)
      const fields: ServiceFields = {
        dailyCap: null,
        active: true,
        // a new service goes after the others on the kiosk, not between the first two (sort 0 ties with the first:
        // the walk of 2026-12-06 saw G land between A and B)
        sortOrder: this.nextSortOrder(),
        whenUnstaffed: 'not-offered',
        ...body,
        ...this.menuFields(body),
      }
      const service = this.ctx.services.insert(fields, tx.now)
      auditChange(tx, actor, 'service.create', {}, body)
      tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
      return service
    })
  }

  update(actor: Actor, id: number, body: UpdateServiceBody): Service {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      const current = this.get(id)
      if (body.prefix) this.assertPrefixFree(body.prefix, current.id)
      this.assertPrefixUnlocked(current, body.prefix)
      this.assertNationalCode(current, body.nationalCode)
      const { id: _id, ...fields } = { ...current, ...body, ...this.menuFields(body) }
      const service = this.ctx.services.update(current.id, fields)
      // switching it off or on is its own sentence in the change log (an edit of other fields with it is in the request under it)
      const command = service.active === current.active ? 'service.update' : service.active ? 'service.activate' : 'service.deactivate'
      // what the edit changed, field by field (switching it off or on is said by the sentence); a save that changed nothing is not logged
      const { id: _before, active: _wasActive, ...before } = current
      const { id: _after, active: _isActive, ...after } = service
      const changes = fieldChanges(before, after)
      if (command !== 'service.update' || changes.length > 0) auditChange(tx, actor, command, { id }, body, changes)
      tx.emit({ type: 'queue:updated', serviceIds: [service.id] })
      return service
    })
  }

  /**
   * The hub's mapping (a configuration bundle), inside the bundle's transaction: the services in
   * `codes` (by id) get that national code, locked; a service locked before and not in it is
   * unlocked and keeps its code; null: the hub manages no mapping here (every lock goes).
   */
  setHubMappingIn(tx: WriteScope, actor: Actor, codes: ReadonlyMap<number, string> | null): void {
    const changed: number[] = []
    for (const current of this.ctx.services.list()) {
      const code = codes?.get(current.id)
      const next = code === undefined ? { code: current.nationalCode ?? null, locked: false } : { code, locked: true }
      if (next.code === (current.nationalCode ?? null) && next.locked === (current.nationalCodeLocked === true)) continue
      const { id, ...fields } = current
      this.ctx.services.update(id, { ...fields, nationalCode: next.code, nationalCodeLocked: next.locked })
      changed.push(id)
    }
    // a bundle that manages no mapping here and unlocks nothing changed nothing: no audit row
    if (codes === null && changed.length === 0) return
    const mapping = codes ? Object.fromEntries([...codes].map(([id, code]) => [this.get(id).prefix, code])) : null
    auditChange(tx, actor, 'service.national-mapping', {}, { mapping })
    if (changed.length > 0) tx.emit({ type: 'queue:updated', serviceIds: changed })
  }

  /** The kiosk menu's and the documents' fields of `body` that it names, checked (service-menu-checks.ts). */
  private menuFields(body: UpdateServiceBody): Partial<ServiceFields> {
    return {
      ...(body.documents !== undefined ? { documents: checkedDocuments(body.documents) } : {}),
      ...(body.icon !== undefined ? { icon: checkedIcon(body.icon) } : {}),
      ...(body.groupId !== undefined ? { groupId: checkedGroup(this.groups, body.groupId) } : {}),
    }
  }

  /**
   * A code the hub's catalogue holds (any well-formed code before the first catalogue arrives: the
   * hub then shows an unknown one as unmapped and says so), and none while the hub manages it.
   */
  private assertNationalCode(current: Service | undefined, code: string | null | undefined): void {
    if (code === undefined) return
    if (current?.nationalCodeLocked && code !== (current.nationalCode ?? null))
      throw domainError(ErrorCodes.NATIONAL_CODE_LOCKED, `the national code of service ${current.id} is set by the hub's configuration`)
    if (code !== null && this.nationalCatalogue.version() !== null && !this.nationalCatalogue.has(code))
      throw domainError(ErrorCodes.UNKNOWN_NATIONAL_CODE, `the hub's national catalogue has no code ${code}`)
  }

  /**
   * The hub's bundle maps a center's services by letter (its "unmapped" rows name them so, and the
   * center's figures reach it by letter): a mapped service renamed here would have the next bundle
   * refused whole (TABOUR_BUNDLE_UNKNOWN_SERVICE, walk s52), so its letter is locked with its code.
   */
  private assertPrefixUnlocked(current: Service, prefix: string | undefined): void {
    if (prefix !== undefined && prefix !== current.prefix && current.nationalCodeLocked)
      throw fieldError(
        ErrorCodes.SERVICE_PREFIX_LOCKED,
        { field: 'prefix', reason: 'locked' },
        `the letter of service ${current.id} is how the hub's configuration maps it; it cannot change while the hub maps it`,
      )
  }

  /** The place after the last service (0 for the first); the API's sortOrder may still put one anywhere. */
  private nextSortOrder(): number {
    const orders = this.ctx.services.list().map((s) => s.sortOrder)
    return orders.length === 0 ? 0 : Math.min(10_000, Math.max(...orders) + 1)
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
