import type { Db } from '../db/connection.ts'
import type { HourFigures } from '../../protocol/upstream.ts'

/**
 * Parked tickets (issue 21) for the hub: per local hour and service, the `ticket.parked`,
 * `ticket.resumed` and `ticket.abandoned` events of the day, each in the hour of its own event
 * (the sweep logs an abandon when it runs, so it joins the running hour). An event is one row
 * written once and an hour is sent as revisions the hub keeps the highest of, so each park,
 * resume and abandon is counted at the hub exactly once. The same events as GET /stats/parking.
 */
export function addParkingFigures(
  db: Db,
  day: string,
  hourFunction: string,
  cell: (hour: number, serviceId: number) => HourFigures | null,
): void {
  const rows = db
    .prepare(
      `SELECT ${hourFunction}(at) AS hour, service_id AS serviceId,
              SUM(type = 'ticket.parked') AS parked, SUM(type = 'ticket.resumed') AS resumed, SUM(type = 'ticket.abandoned') AS abandoned
       FROM events WHERE day = ? AND type IN ('ticket.parked', 'ticket.resumed', 'ticket.abandoned')
       GROUP BY hour, service_id`,
    )
    .all(day) as { hour: number; serviceId: number; parked: number; resumed: number; abandoned: number }[]
  for (const r of rows) {
    const f = cell(r.hour, r.serviceId)
    if (!f) continue
    f.parked = r.parked
    f.parkResumed = r.resumed
    f.parkAbandoned = r.abandoned
  }
}
