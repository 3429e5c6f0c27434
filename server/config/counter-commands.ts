import type { CreateCounterBody, UpdateCounterBody } from '../../protocol/requests.ts'
import type { CounterFields, CounterRecord } from '../db/repositories/counters-repo.ts'
import type { QueueContext, WriteScope } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { DomainError, domainError, ErrorCodes, fieldError, type UnservedDetail } from '../errors.ts'
import { auditChange, fieldChanges } from './config-audit.ts'
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
      if (body.confirmUnserved !== true) this.assertNoLineLeftUnserved(current, active, services)
      this.ctx.counters.update(current.id, {
        number: body.number ?? current.number,
        name: body.name ?? current.name,
        zone: body.zone ?? current.zone,
        active,
        services,
        printerDeviceId: body.printerDeviceId === undefined ? (current.printerDeviceId ?? null) : this.printerOf(body.printerDeviceId),
      })
      const { confirmUnserved: _, ...change } = body
      // what it changed, field by field; a save that changed nothing is not a change (the form sends every field)
      const changes = fieldChanges(counterFields(current), counterFields(this.ctx.counters.get(current.id)!))
      if (changes.length > 0) auditChange(tx, actor, 'counter.update', { id }, change, changes)
      return this.changed(tx, current.id)
    })
  }

  private changed(tx: WriteScope, id: number): CounterRecord {
    const counter = this.ctx.counters.get(id)!
    tx.emit({ type: 'counter:updated', counter })
    tx.emit({ type: 'queue:updated', serviceIds: counter.services.map((s) => s.serviceId) })
    return counter
  }

  /**
   * Refuses (409 LAST_COUNTER_OF_WAITING_SERVICE, each line and how many wait) an edit of `current` that
   * takes a service with tickets waiting off the last active counter serving it (by its services or by
   * active: false): nobody would call those people, and the admin learns it before, not the citizens
   * after (decision 0008: retire a service by letting its counters empty its line first). A ticket sent
   * to one counter is not counted: that counter still calls it.
   */
  private assertNoLineLeftUnserved(current: CounterRecord, active: boolean, services: CounterFields['services']): void {
    const kept = new Set(active ? services.map((s) => s.serviceId) : [])
    const others = this.ctx.counters.list().filter((c) => c.id !== current.id && c.active)
    const unserved: UnservedDetail['unserved'] = []
    for (const { serviceId } of current.active ? current.services : []) {
      if (kept.has(serviceId) || others.some((c) => c.services.some((s) => s.serviceId === serviceId))) continue
      const sent = this.ctx.tickets.waitingByTargetCounter(serviceId).reduce((n, c) => n + c.waiting, 0)
      const waiting = this.ctx.tickets.waitingCount(serviceId) - sent
      if (waiting > 0) unserved.push({ serviceId, waiting })
    }
    if (unserved.length === 0) return
    const said = unserved.map((u) => `${this.ctx.services.get(u.serviceId)?.prefix ?? u.serviceId} (${u.waiting} waiting)`).join(', ')
    throw new DomainError(
      ErrorCodes.LAST_COUNTER_OF_WAITING_SERVICE,
      `no other active counter serves ${said}: nobody would call them; send confirmUnserved: true to save anyway`,
      undefined,
      { unserved },
    )
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

/** A counter's fields as an admin edits them, for the change log (its services in one order, whatever order the form sent). */
function counterFields(c: CounterRecord): Record<string, unknown> {
  const services = [...c.services].sort((a, b) => a.serviceId - b.serviceId)
  return { number: c.number, name: c.name, zone: c.zone, active: c.active, services, printerDeviceId: c.printerDeviceId ?? null }
}
