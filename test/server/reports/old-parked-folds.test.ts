import { expect, it } from 'vitest'
import type Database from 'better-sqlite3'
import { migrate } from '../../../server/db/migrate.ts'
import { figureRows } from '../../../server/reports/figures.ts'
import { databaseBefore } from '../../helpers/database-before.ts'

/**
 * A center upgraded past the parked-time fix: the days it folded before kept the time parked in
 * busy time, and their finishes wrote only the stay after the resume as service time. Migration
 * 24 empties the rollups and the fold replays a parked ticket's stays from the event log, so an
 * old day and a new day with the same visit give the same figures. The visit, from 10:00 Cairo:
 * called at 0, started at 30, parked at 120, resumed at 720, finished at 780: 180 s at the
 * counter (service and busy time), 600 s parked (neither).
 */
const TZ = 'Africa/Cairo'

function logVisit(db: Database.Database, ticketId: string, day: string, finishData: object): void {
  const t0 = Date.parse(`${day}T08:00:00Z`)
  const log = db.prepare(
    `INSERT INTO events (at, day, type, ticket_id, counter_id, service_id, user_id, data) VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
  )
  const row = (s: number, type: string, data: object = {}, counter: number | null = 1) =>
    log.run(t0 + s * 1000, day, type, ticketId, counter, counter === null ? null : 7, JSON.stringify(data))
  row(-60, 'ticket.issued', {}, null)
  row(0, 'ticket.called', { waitedSeconds: 60, withinTarget: true })
  row(30, 'ticket.started')
  row(120, 'ticket.parked', { reason: 'missing_document', minutes: 15, from: 'serving', serviceSeconds: 120 })
  row(720, 'ticket.resumed', { parkedSeconds: 600 })
  row(720, 'ticket.started')
  row(780, 'ticket.finished', { outcome: null, note: null, ...finishData })
}

it('folds a day written before the parked-time fix like a day written after it', () => {
  const db = databaseBefore(24)
  // as the server wrote it before the fix: the finish's service time is the stay after the resume
  logVisit(db, 'old', '2026-03-09', { serviceSeconds: 60, handlingSeconds: 60 })
  // and as its fold left the rollups: busy from the first call to the finish, the 600 s parked inside
  const stale = `1, 1, 1, 0, 0, 0, 60, 60, 1, 0, 60, ${780_000}, '60,', '60,'`
  const values =
    'issued, called, served, no_show, cancelled, transferred, wait_sum, wait_max, within, missed, svc_sum, busy_ms, waits, svcs'
  db.exec(`INSERT INTO report_day (day, service_id, counter_id, user_id, ${values}) VALUES ('2026-03-09', 1, 1, 7, ${stale})`)
  db.exec(`INSERT INTO report_hour (day, hour, service_id, ${values}) VALUES ('2026-03-09', 10, 1, ${stale})`)
  db.prepare(`INSERT INTO report_state (key, value) VALUES ('timeZone', ?), ('lastEventId', (SELECT MAX(id) FROM events))`).run(TZ)

  expect(migrate(db)).toMatchObject({ from: 23 })
  // the same visit the day after, as the server writes it now
  logVisit(db, 'new', '2026-03-10', { serviceSeconds: 180, handlingSeconds: 150 })

  const byDay = figureRows(db, 'day', { from: '2026-03-09', to: '2026-03-10', tz: TZ }).map((r) => ({
    day: r.key,
    served: r.served,
    service: r.avgServiceSeconds,
    p90: r.p90ServiceSeconds,
    busy: r.busyMs / 1000,
  }))
  const same = { served: 1, service: 180, p90: 180, busy: 180 }
  expect(byDay).toEqual([
    { day: '2026-03-09', ...same },
    { day: '2026-03-10', ...same },
  ])
  // the hours (what the hub is sent) agree too
  const hours = figureRows(db, 'dayHour', { from: '2026-03-09', to: '2026-03-10', tz: TZ })
    .filter((r) => r.served > 0) // the issue at 09:59 has an hour of its own
    .map((r) => [r.key, r.avgServiceSeconds, r.busyMs])
  expect(hours).toEqual([
    ['2026-03-09 10', 180, 180_000],
    ['2026-03-10 10', 180, 180_000],
  ])
  db.close()
})
