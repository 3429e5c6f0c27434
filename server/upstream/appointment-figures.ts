import type { Db } from '../db/connection.ts'
import type { HourFigures } from '../../protocol/upstream.ts'
import { APPOINTMENT_DEFAULTS } from '../../protocol/appointments.ts'
import { addDays, localDay, localHour } from '../../protocol/center-clock.ts'
import { callAfterUndoSql } from '../reports/no-show-undo.ts'

/**
 * Appointments and places taken from a phone (issue 19) for the hub, per local hour and service,
 * each fact in the hour it happened so a past hour never needs reopening (the hub keeps the
 * highest revision of an hour: each is counted there exactly once):
 * - booked, cancelled, checked in: the `appointment.*` events of the hour;
 * - no-shows: bookings not used whose check-in window (`checkInAfterMinutes` after the slot)
 *   closed in the hour, once it has closed (a closed window cannot be used or cancelled any more);
 * - appointment and remote calls: calls of tickets of that origin in the hour that end a wait
 *   (not the call after an undone no-show, server/reports/no-show-undo.ts), with their
 *   `waitedSeconds` summed (the reports' definition, server/reports/appointment-figures.ts);
 * - remote joins: remote tickets issued in the hour.
 */
export function addAppointmentFigures(
  db: Db,
  day: string,
  hourFunction: string,
  cell: (hour: number, serviceId: number) => HourFigures | null,
  timeZone: string,
  now: number,
): void {
  const add = (hour: number, serviceId: number, field: keyof HourFigures, n: number) => {
    const f = cell(hour, serviceId)
    if (f) (f[field] as number | undefined) = ((f[field] as number | undefined) ?? 0) + n
  }
  const events = db
    .prepare(
      `SELECT ${hourFunction}(at) AS hour, service_id AS serviceId, type, COUNT(*) AS n FROM events
       WHERE day = ? AND type IN ('appointment.booked', 'appointment.cancelled', 'appointment.checked_in') AND service_id IS NOT NULL
       GROUP BY hour, service_id, type`,
    )
    .all(day) as { hour: number; serviceId: number; type: string; n: number }[]
  const field = { 'appointment.booked': 'appointmentsBooked', 'appointment.cancelled': 'appointmentsCancelled' } as const
  for (const e of events) add(e.hour, e.serviceId, field[e.type as keyof typeof field] ?? 'appointmentsCheckedIn', e.n)

  // a window that closed on this local day belongs to a slot of this day or (late at night) the day before
  const unused = db
    .prepare(
      `SELECT b.service_id AS serviceId,
              b.slot_start + COALESCE(json_extract(s.settings, '$.checkInAfterMinutes'), @after) * 60000 AS closes
       FROM bookings b LEFT JOIN appointment_settings s ON s.service_id = b.service_id
       WHERE b.status = 'booked' AND b.day BETWEEN @before AND @day`,
    )
    .all({ after: APPOINTMENT_DEFAULTS.checkInAfterMinutes, before: addDays(day, -1), day }) as { serviceId: number; closes: number }[]
  for (const b of unused) {
    if (b.closes < now && localDay(b.closes, timeZone) === day) add(localHour(b.closes, timeZone), b.serviceId, 'appointmentNoShows', 1)
  }

  const calls = db
    .prepare(
      `SELECT ${hourFunction}(e.at) AS hour, e.service_id AS serviceId, t.origin AS origin, COUNT(*) AS n,
              COALESCE(SUM(json_extract(e.data, '$.waitedSeconds')), 0) AS waitSum
       FROM events e JOIN tickets t ON t.id = e.ticket_id
       WHERE e.day = @day AND e.type = 'ticket.called' AND NOT ${callAfterUndoSql('e')}
         AND t.origin IN ('appointment', 'remote') AND e.service_id IS NOT NULL
       GROUP BY hour, e.service_id, t.origin`,
    )
    .all({ day }) as { hour: number; serviceId: number; origin: 'appointment' | 'remote'; n: number; waitSum: number }[]
  for (const c of calls) {
    add(c.hour, c.serviceId, c.origin === 'appointment' ? 'appointmentCalls' : 'remoteCalls', c.n)
    add(c.hour, c.serviceId, c.origin === 'appointment' ? 'appointmentWaitSecondsSum' : 'remoteWaitSecondsSum', Math.round(c.waitSum))
  }

  const joins = db
    .prepare(
      `SELECT ${hourFunction}(at) AS hour, service_id AS serviceId, COUNT(*) AS n FROM events
       WHERE day = ? AND type = 'ticket.issued' AND json_extract(data, '$.origin') = 'remote' AND service_id IS NOT NULL
       GROUP BY hour, service_id`,
    )
    .all(day) as { hour: number; serviceId: number; n: number }[]
  for (const j of joins) add(j.hour, j.serviceId, 'remoteJoins', j.n)
}
