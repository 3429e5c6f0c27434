import type { CreateCounterBody, UpdateCounterBody } from '../../protocol/requests.ts'
import type { CounterFields, CounterRecord } from '../db/repositories/counters-repo.ts'
import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes, fieldError } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import { assertNoReorderingControls } from './public-text-check.ts'
import { assertPrinter } from '../queue/printer-targets.ts'

/** Creating and editing counters; screens hear `counter:updated` and `queue:updated` after commit. */
export class CounterCommands {
  constructor(private readonly ctx: QueueContext) {}

  /** One counter, or COUNTER_NOT_FOUND. */
  get(id: number): CounterRecord {
    const counter = this.ctx.counters.get(id)
    if (!counter) throw domainError(ErrorCodes.COUNTER_NOT_FOUND, `counter ${id} does not exist`)
    return counter
  }

  create(actor: Actor, body: CreateCounterBody): CounterRecord {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      this.assertNumberFree(body.number)
      const active = body.active ?? true
      const services = this.servicesOf(body, [])
      assertServesWhenActive(body, active, services)
      const { id } = this.ctx.counters.insert(
        {
          number: body.number,
          name: body.name,
          zone: body.zone ?? 'main',
          active,
          services,
          printerDeviceId: this.printerOf(body.printerDeviceId ?? null),
        },
        tx.now,
      )
      auditChange(tx, actor, 'counter.create', {}, body)
      return this.changed(tx, id)
    })
  }

  update(actor: Actor, id: number, body: UpdateCounterBody): CounterRecord {
    assertNoReorderingControls(body)
    return this.ctx.write((tx) => {
      const current = this.get(id)
      if (body.number !== undefined) this.assertNumberFree(body.number, current.id)
      const active = body.active ?? current.active
      const services = this.servicesOf(body, current.services)
      assertServesWhenActive(body, active, services)
      this.ctx.counters.update(current.id, {
        number: body.number ?? current.number,
        name: body.name ?? current.name,
        zone: body.zone ?? current.zone,
        active,
        services,
        printerDeviceId: body.printerDeviceId === undefined ? (current.printerDeviceId ?? null) : this.printerOf(body.printerDeviceId),
      })
      auditChange(tx, actor, 'counter.update', { id }, body)
      return this.changed(tx, current.id)
    })
  }

  private changed(tx: WriteScope, id: number): CounterRecord {
    const counter = this.ctx.counters.get(id)!
    tx.emit({ type: 'counter:updated', counter })
    tx.emit({ type: 'queue:updated', serviceIds: counter.services.map((s) => s.serviceId) })
    return counter
  }

  /** The services a body names, with weights; every one must exist. */
  private servicesOf(body: UpdateCounterBody, fallback: CounterFields['services']): CounterFields['services'] {
    if (body.serviceIds && body.services)
      throw fieldError(ErrorCodes.VALIDATION, { field: 'services', reason: 'invalid' }, 'give either serviceIds or services, not both')
    const list = body.services ?? body.serviceIds?.map((serviceId) => ({ serviceId, weight: 1 })) ?? fallback
    if (new Set(list.map((s) => s.serviceId)).size !== list.length)
      throw fieldError(ErrorCodes.VALIDATION, { field: 'services', reason: 'duplicate' }, 'a service is listed twice')
    for (const s of list) {
      if (!this.ctx.services.get(s.serviceId))
        throw fieldError(ErrorCodes.SERVICE_NOT_FOUND, { field: 'services', reason: 'unknown' }, `service ${s.serviceId} does not exist`)
    }
    return list
  }

  /** A printer binding must name one of the center's printers (404 no such device, 422 not a printer); null unbinds. */
  private printerOf(deviceId: number | null): number | null {
    if (deviceId !== null) assertPrinter(this.ctx, deviceId)
    return deviceId
  }

  private assertNumberFree(number: number, id?: number): void {
    const holder = this.ctx.counters.findByNumber(number)
    if (holder && holder.id !== id)
      throw fieldError(ErrorCodes.DUPLICATE_COUNTER_NUMBER, { field: 'number', reason: 'duplicate' }, `counter number ${number} is taken`)
  }
}

/**
 * An active counter serves at least one service (a weight of 0, a backup, counts): a clerk who opens
 * one that serves none is never called a ticket. Refused as VALIDATION naming the list the body
 * gave (`serviceIds` or `services`) with reason `required`; an inactive counter may serve none yet
 * (set up before its services), and becomes active only with some.
 */
function assertServesWhenActive(body: UpdateCounterBody, active: boolean, services: CounterFields['services']): void {
  if (!active || services.length > 0) return
  throw fieldError(
    ErrorCodes.VALIDATION,
    { field: body.serviceIds !== undefined ? 'serviceIds' : 'services', reason: 'required' },
    'an active counter needs at least one service (a clerk who opens it would never be called a ticket): give serviceIds or services, or active: false to keep it for later',
  )
}
