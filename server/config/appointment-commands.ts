import type { QueueContext } from '../queue/queue-context.ts'
import type { Actor } from '../queue/actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { auditChange } from './config-audit.ts'
import type { AppointmentDay, AppointmentSettings } from '../../protocol/appointments.ts'

/** A service's appointment settings (admins) and a day's block or extra places (managers), each audited in its own transaction. */
export class AppointmentCommands {
  constructor(private readonly ctx: QueueContext) {}

  private assertService(serviceId: number): void {
    if (!this.ctx.services.get(serviceId)) throw domainError(ErrorCodes.SERVICE_NOT_FOUND, `service ${serviceId} does not exist`)
  }

  /** Fields left out keep their value (the defaults, APPOINTMENT_DEFAULTS, for a service never set). */
  setSettings(actor: Actor, serviceId: number, change: Partial<AppointmentSettings>): AppointmentSettings {
    return this.ctx.write((tx) => {
      this.assertService(serviceId)
      const settings = { ...this.ctx.bookings.settings(serviceId), ...change }
      this.ctx.bookings.setSettings(serviceId, settings)
      auditChange(tx, actor, 'appointments.settings', { id: serviceId }, settings)
      // bookings on or off changes the service's `checkIn`: kiosks and consoles show or hide check-in at once
      tx.emit({ type: 'queue:updated', serviceIds: [serviceId] })
      return this.ctx.bookings.settings(serviceId)
    })
  }

  /** Blocks a day for bookings or adds places to each of its slots; bookings already made stay. */
  setDay(actor: Actor, serviceId: number, day: string, change: AppointmentDay): AppointmentDay {
    return this.ctx.write((tx) => {
      this.assertService(serviceId)
      this.ctx.bookings.setDay(serviceId, day, change)
      auditChange(tx, actor, 'appointments.day', { id: serviceId, day }, change)
      return change
    })
  }
}
