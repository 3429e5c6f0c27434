import type { Db } from '../../server/db/connection.ts'
import { addDays, dayStartMs } from '../../protocol/center-clock.ts'

/**
 * A busy month written straight into the real schema (no server, no API: a month through the
 * API would take an hour): six services, 20 counters and clerks, tickets issued evenly through
 * 08:00–16:00 local time, each called after up to 40 min, then a no-show (5 %), a transfer and a
 * second call (`transferShare`), or started and finished after 1–11 min. For the benches that
 * need a month of history: report latency and server start-up.
 */
export interface BusyMonthOptions {
  /** The month's last local day (YYYY-MM-DD); the month ends there. */
  lastDay: string
  /** Local days, ending with `lastDay`. */
  days: number
  perDay: number
  timeZone: string
  /** The PRNG's seed: the same seed writes the same month. */
  seed: number
  /** created_at of the services, users and counters (ms). */
  createdAt: number
  /** Also write each counter's day: opened at 08:00, lunch 12:00–12:30, closed at 16:30. */
  counterShifts: boolean
  /** Share of tickets transferred once (to the same service) and served after a second call. */
  transferShare: number
}

const TARGETS = [600, 900, 1200, 600, 1800, 300]
const COUNTERS = 20
const NO_SHOW_SHARE = 0.05
const HOUR = 3_600_000

/** A tiny deterministic PRNG (an LCG), so every run writes the same month. */
function rng(seed: number) {
  return () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

const calledData = (waitedSeconds: number, targetWaitSeconds: number) =>
  JSON.stringify({
    how: 'policy',
    waitedSeconds,
    targetWaitSeconds,
    withinTarget: waitedSeconds <= targetWaitSeconds,
    priority: 'none',
    policy: 'fifo',
  })
const finishedData = (serviceSeconds: number, handlingSeconds: number) =>
  JSON.stringify({ outcome: 'served', note: null, serviceSeconds, handlingSeconds })

/** Writes the month into `db` (a fresh, migrated database), then ANALYZE; counts what it wrote. */
export function writeBusyMonth(db: Db, o: BusyMonthOptions): { tickets: number; events: number } {
  // nothing here needs to survive a crash: no fsync per transaction while writing
  db.pragma('synchronous = OFF')
  db.transaction(() => {
    TARGETS.forEach((target, i) =>
      db
        .prepare('INSERT INTO services (prefix, name_ar, name_en, target_wait_seconds, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(String.fromCharCode(65 + i), `خدمة ${i}`, `Service ${i}`, target, o.createdAt),
    )
    for (let c = 1; c <= COUNTERS; c++) {
      db.prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)').run(
        `clerk${c}`,
        'x',
        'clerk',
        o.createdAt,
      )
      db.prepare('INSERT INTO counters (number, name, created_at) VALUES (?, ?, ?)').run(c, `Counter ${c}`, o.createdAt)
    }
  })()
  const insertEvent = db.prepare(
    'INSERT INTO events (at, day, type, ticket_id, counter_id, service_id, user_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  let events = 0
  const ev = (
    at: number,
    day: string,
    type: string,
    ticketId: string | null,
    counter: number | null,
    service: number | null,
    data: string,
  ) => {
    insertEvent.run(at, day, type, ticketId, counter, service, counter, data)
    events++
  }
  const tk = db.prepare(
    `INSERT INTO tickets (id, service_id, issued_service_id, day, number, label, status, issued_at, queued_at, called_at, started_at, finished_at, counter_id, clerk_id, issued_by_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'device')`,
  )
  const rand = rng(o.seed)
  for (let d = o.days - 1; d >= 0; d--) {
    const day = addDays(o.lastDay, -d)
    const open = dayStartMs(day, o.timeZone) + 8 * HOUR
    const numbers = new Map<number, number>()
    db.transaction(() => {
      if (o.counterShifts) {
        for (let c = 1; c <= COUNTERS; c++) {
          ev(open, day, 'counter.opened', null, c, null, '{}')
          ev(open + 4 * HOUR, day, 'counter.paused', null, c, null, '{}')
          ev(open + 4.5 * HOUR, day, 'counter.resumed', null, c, null, '{}')
          ev(open + 8.5 * HOUR, day, 'counter.closed', null, c, null, '{}')
        }
      }
      for (let i = 0; i < o.perDay; i++) {
        const s = 1 + Math.floor(rand() * TARGETS.length)
        const target = TARGETS[s - 1]
        const n = (numbers.get(s) ?? 0) + 1
        numbers.set(s, n)
        const id = `${day}-${i}`
        const issued = open + Math.floor((i / o.perDay) * 8 * HOUR)
        const wait = Math.floor(rand() * 2400)
        const service = 60 + Math.floor(rand() * 600)
        const counter = 1 + Math.floor(rand() * COUNTERS)
        const called = issued + wait * 1000
        const fate = rand()
        ev(issued, day, 'ticket.issued', id, null, s, '{}')
        ev(called, day, 'ticket.called', id, counter, s, calledData(wait, target))
        const noShow = fate < NO_SHOW_SHARE
        if (noShow) {
          ev(called + 60_000, day, 'ticket.no_show', id, counter, s, '{"recallCount":1}')
        } else if (fate < NO_SHOW_SHARE + o.transferShare) {
          ev(
            called + 120_000,
            day,
            'ticket.transferred',
            id,
            counter,
            s,
            JSON.stringify({ fromServiceId: s, toServiceId: s, toCounterId: null, serviceSeconds: 120 }),
          )
          ev(called + 300_000, day, 'ticket.called', id, counter, s, calledData(180, target))
          ev(called + 300_000 + service * 1000, day, 'ticket.finished', id, counter, s, finishedData(service, service))
        } else {
          ev(called + 20_000, day, 'ticket.started', id, counter, s, '{}')
          ev(called + service * 1000, day, 'ticket.finished', id, counter, s, finishedData(service, service - 20))
        }
        const label = `${String.fromCharCode(64 + s)}-${String(n).padStart(3, '0')}`
        tk.run(
          id,
          s,
          s,
          day,
          n,
          label,
          noShow ? 'no_show' : 'done',
          issued,
          issued,
          called,
          noShow ? null : called + 20_000,
          called + (noShow ? 60_000 : service * 1000),
          counter,
          counter,
        )
      }
    })()
  }
  db.pragma('synchronous = FULL')
  db.exec('ANALYZE')
  return { tickets: o.days * o.perDay, events }
}
