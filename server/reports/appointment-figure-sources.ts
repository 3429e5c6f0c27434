/**
 * The center's side of the appointment figures (appointment-figures.ts): the services, their
 * booking settings, and the places of a day's slots as the booking page would have offered them
 * (planDay as of just before the day began, so every slot of the day counts; the service's
 * setting `enabled` is taken as on, so a service that stopped taking bookings still shows the
 * places its past bookings had). The center does not remember when a service began taking
 * bookings, so places count from the local day its first booking was made (today when it has
 * none yet): a week's report of a service turned on this morning is not 0 % of a week of slots.
 */
import { dayStartMs, localDay, type LocalDate } from '../../protocol/center-clock.ts'
import { planDay } from '../queue/appointment-capacity.ts'
import type { Appointments } from '../queue/appointments.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { AppointmentFigureSources } from './appointment-figures.ts'

export function appointmentFigureSources(ctx: QueueContext, appointments: Appointments): AppointmentFigureSources {
  const timeZone = ctx.config.timeZone
  const calendar = ctx.calendar()
  // one service time per service for the whole range (the average of the recent services, or the setting)
  const serviceSeconds = new Map<number, number>()
  const firstDay = new Map<number, LocalDate>()
  const firstBooking = ctx.db.prepare('SELECT min(created_at) AS at FROM bookings WHERE service_id = ?')
  const placesFrom = (serviceId: number): LocalDate => {
    let day = firstDay.get(serviceId)
    if (day === undefined) {
      const at = (firstBooking.get(serviceId) as { at: number | null }).at
      firstDay.set(serviceId, (day = localDay(at ?? ctx.clock(), timeZone)))
    }
    return day
  }
  return {
    db: ctx.db,
    serviceIds: ctx.services.list().map((s) => s.id),
    enabledServiceIds: ctx.bookings.enabledServiceIds(),
    settingsOf: (id) => appointments.settingsOf(id),
    slotPlaces: (serviceId, day: LocalDate) => {
      if (day < placesFrom(serviceId)) return []
      const settings = appointments.settingsOf(serviceId)
      let seconds = serviceSeconds.get(serviceId)
      if (seconds === undefined) serviceSeconds.set(serviceId, (seconds = appointments.serviceSeconds(serviceId, settings)))
      const planned = planDay({
        calendar,
        serviceId,
        day,
        timeZone,
        settings: { ...settings, enabled: true, bookAheadDays: Math.max(1, settings.bookAheadDays) },
        counters: ctx.bookings.servingCounters(serviceId),
        serviceSeconds: seconds,
        override: ctx.bookings.dayOverride(serviceId, day),
        now: dayStartMs(day, timeZone) - 1,
      })
      return planned.slots.map((s) => s.capacity)
    },
    now: ctx.clock(),
  }
}
