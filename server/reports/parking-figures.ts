import type { Db } from '../db/connection.ts'
import type { ParkingFigureRow, ParkingFigures } from '../../protocol/parking.ts'

/**
 * Parking figures (issue 21) from the event log, by the day of each event: `ticket.parked`,
 * `ticket.resumed` (its `parkedSeconds`) and `ticket.abandoned`. Abandoned tickets are their own
 * figure: they are never no-shows (the citizen reached a counter and was served in part), and
 * a ticket parked, resumed and parked again counts two parks.
 */
export function parkingFigures(db: Db, from: string, to: string): ParkingFigures {
  const rows = db
    .prepare(
      `SELECT service_id AS serviceId,
              SUM(type = 'ticket.parked') AS parked,
              SUM(type = 'ticket.resumed') AS resumed,
              SUM(type = 'ticket.abandoned') AS abandoned,
              SUM(CASE WHEN type = 'ticket.resumed' THEN json_extract(data, '$.parkedSeconds') END) AS resumedSeconds
       FROM events
       WHERE day BETWEEN ? AND ? AND type IN ('ticket.parked', 'ticket.resumed', 'ticket.abandoned')
       GROUP BY service_id ORDER BY service_id`,
    )
    .all(from, to) as { serviceId: number; parked: number; resumed: number; abandoned: number; resumedSeconds: number | null }[]
  const total = rows.reduce(
    (t, r) => ({
      parked: t.parked + r.parked,
      resumed: t.resumed + r.resumed,
      abandoned: t.abandoned + r.abandoned,
      resumedSeconds: t.resumedSeconds + (r.resumedSeconds ?? 0),
    }),
    { parked: 0, resumed: 0, abandoned: 0, resumedSeconds: 0 },
  )
  return { from, to, rows: [row(null, total), ...rows.map((r) => row(r.serviceId, { ...r, resumedSeconds: r.resumedSeconds ?? 0 }))] }
}

function row(
  serviceId: number | null,
  f: { parked: number; resumed: number; abandoned: number; resumedSeconds: number },
): ParkingFigureRow {
  const ended = f.resumed + f.abandoned
  return {
    serviceId,
    parked: f.parked,
    resumed: f.resumed,
    abandoned: f.abandoned,
    meanParkedMinutes: f.resumed > 0 ? round1(f.resumedSeconds / f.resumed / 60) : null,
    abandonedPercent: ended > 0 ? round1((100 * f.abandoned) / ended) : null,
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10
