/**
 * Busy time, one definition for the clerks' and counters' busy and idle time (clerk-time.ts) and the "counter
 * time per open hour" of the reports by service and day (open-hours.ts): a ticket at a counter is
 * busy from its call (or its resume after a park) to its end (finish, no-show, transfer, next step
 * or park), credited to the end's clerk, counter, service and day (the rollups' busy_ms,
 * figures.ts); and, when the range reaches now, a ticket still at a counter (called or being
 * served) is busy from its call to now, credited to its clerk, counter and service and to today.
 * Without that second part the service of a ticket served for half an hour read 0 % while the
 * by-clerk report gave its clerk 1,780 busy seconds (walk s50).
 */
import type Database from 'better-sqlite3'
import { addDays, dayStartMs, localDay } from '../../protocol/center-clock.ts'
import { byKey, figureRows, type FigureRow } from './figures.ts'

/** The groupings busy time is read by; keys as byKey gives them ('null' for the total). */
export type BusyGroup = 'clerk' | 'counter' | 'service' | 'day' | 'total'

export interface BusyQuery {
  from: string
  to: string
  tz: string
  now: number
}

interface AtCounter {
  clerk: number | null
  counter: number | null
  service: number
  since: number
}

/** The column of a ticket still at a counter that a group credits (the day: today's, the total: one key). */
const keyOf = (group: BusyGroup, t: AtCounter, today: string): string | null => {
  switch (group) {
    case 'clerk':
      return t.clerk === null ? null : String(t.clerk)
    case 'counter':
      return t.counter === null ? null : String(t.counter)
    case 'service':
      return String(t.service)
    case 'day':
      return today
    case 'total':
      return 'null'
  }
}

/**
 * Busy ms per key of `group` over local days `from..to`: the rollups' (`rows`, read here when not
 * given) plus, when the range reaches now, each ticket still at a counter from its call to now.
 */
export function busyMsBy(db: Database.Database, group: BusyGroup, q: BusyQuery, rows?: Map<string, FigureRow>): Map<string, number> {
  const ended = rows ?? byKey(figureRows(db, group, q))
  const busy = new Map([...ended].map(([key, r]) => [key, r.busyMs]))
  const start = dayStartMs(q.from, q.tz)
  const end = dayStartMs(addDays(q.to, 1), q.tz)
  if (q.now < start || q.now > end) return busy
  const today = localDay(q.now, q.tz)
  const current = db
    .prepare(
      `SELECT clerk_id AS clerk, counter_id AS counter, service_id AS service, MAX(called_at, COALESCE(resumed_at, called_at)) AS since
       FROM tickets WHERE status IN ('called', 'serving') AND called_at IS NOT NULL`,
    )
    .all() as AtCounter[]
  for (const t of current) {
    const key = keyOf(group, t, today)
    const ms = q.now - Math.max(start, t.since)
    if (key !== null && ms > 0) busy.set(key, (busy.get(key) ?? 0) + ms)
  }
  return busy
}
