import type { CreateServiceGroupBody, ServiceGroup, UpdateServiceGroupBody } from '../../protocol/service-menu.ts'
import { ServiceGroupsRepo } from '../db/repositories/service-groups-repo.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { checkedIcon } from './service-menu-checks.ts'

/**
 * The kiosk menu's groups (issue 21): created, edited and deleted by an admin, audited like any
 * configuration. Deleting a group leaves its services in no group (they stay on the kiosk).
 * Kiosks hear `queue:updated` for the group's services and reload the menu.
 */
export class ServiceGroupCommands {
  readonly repo: ServiceGroupsRepo

  constructor(private readonly ctx: QueueContext) {
    this.repo = new ServiceGroupsRepo(ctx.db)
  }

  /** Every group in menu order. */
  list(): ServiceGroup[] {
    return this.repo.list()
  }

  /** One group, or 404 SERVICE_GROUP_NOT_FOUND. */
  get(id: number): ServiceGroup {
    const group = this.repo.get(id)
    if (!group) throw domainError(ErrorCodes.SERVICE_GROUP_NOT_FOUND, `service group ${id} does not exist`)
    return group
  }

  create(actor: Actor, body: CreateServiceGroupBody): ServiceGroup {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      const group = this.repo.insert(
        { nameAr: body.nameAr, nameEn: body.nameEn, icon: checkedIcon(body.icon ?? null), sortOrder: body.sortOrder ?? 0 },
        tx.now,
      )
      auditChange(tx, actor, 'service-group.create', {}, body)
      return group
    })
  }

  update(actor: Actor, id: number, body: UpdateServiceGroupBody): ServiceGroup {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      const { id: _id, ...current } = this.get(id)
      const group = this.repo.update(id, { ...current, ...body, icon: checkedIcon(body.icon === undefined ? current.icon : body.icon) })
      auditChange(tx, actor, 'service-group.update', { id }, body)
      tx.emit({ type: 'queue:updated', serviceIds: this.memberIds(id) })
      return group
    })
  }

  /** Deletes the group; its services stay, in no group. */
  delete(actor: Actor, id: number): void {
    this.ctx.write((tx) => {
      this.get(id)
      const members = this.ctx.services.ungroup(id)
      this.repo.delete(id)
      auditChange(tx, actor, 'service-group.delete', { id }, {})
      if (members.length > 0) tx.emit({ type: 'queue:updated', serviceIds: members })
    })
  }

  private memberIds(id: number): number[] {
    return this.ctx.services
      .list()
      .filter((s) => s.groupId === id)
      .map((s) => s.id)
  }
}
