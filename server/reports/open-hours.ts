/**
 * The report figures that know the opening hours (issue 18), per service, per day and for the
 * center, over local days `from..to`:
 * - openMinutes: minutes inside the opening hours (openSpansOn: the center's for the center and
 *   for a day row, each service's own for a service row);
 * - utilisationPercent: busy time (busy-time.ts, as the clerks' report counts it: call to finish,
 *   no-show or transfer of every ticket that ended in the range, also those ended after closing,
 *   and, in a range reaching now, every ticket still at a counter from its call to now) ÷ open time. It is
 *   counter-time used per open minute, so with two counters on one service it can reach 200 %;
 *   null when the range had no open minute;
 * - issuedOutsideHours / servedOutsideHours: `ticket.issued` / `ticket.finished` events at an
 *   instant outside the hours of the ticket's service (a ticket served after closing counts:
 *   centers keep serving until the line is empty). Judged by the calendar, not by the event's
 *   `outsideHours` flag, so tickets issued before the calendar existed are judged the same way.
 * The calendar as it is now is applied to past days: the center keeps no history of its
 * calendar, so a report over last year uses this year's hours. Only the minutes the center has
 * lived count as open: none before its first event (a new center's report over last week said it
 * stood open 8 hours a day, 0 % used), none after now (at 01:49 today said 24 hours open).
 */
import type Database from 'better-sqlite3'
import type { CenterCalendar } from '../../protocol/calendar.ts'
import { addDays, daysBetween } from '../../protocol/center-clock.ts'
import { openSpansOn, type Span } from '../../protocol/opening-hours.ts'
import { firstEvent } from './first-event.ts'

/** The hours figures of one report row (all optional on the wire: rows grouped by hour, counter or clerk have none). */
export interface HoursFigures {
  openMinutes: number
  utilisationPercent: number | null
  issuedOutsideHours: number
  servedOutsideHours: number
}

/** What the hours figures cover: local days `from..to` in `timeZone`, judged by `calendar`, within `lived`. */
export interface HoursQuery {
  from: string
  to: string
  timeZone: string
  calendar: CenterCalendar
  /** From the center's first event to now (epoch ms): open minutes outside it are not counted. */
  lived: Span
}

/** The span a center has lived: from its first event (now, when it has none yet) to `now`. */
export function livedSpan(db: Database.Database, now: number): Span {
  return { start: Math.min(firstEvent(db)?.at ?? now, now), end: now }
}

/**
 * True when the calendar sets any opening hours. A center that configured none (always open, the
 * default) has no hours figures: its reports stay as they were, and "open 1440 minutes a day"
 * would make every utilisation look idle.
 */
export function hasOpeningHours(cal: CenterCalendar): boolean {
  return cal.weekly !== null || cal.exceptions.length > 0 || cal.services.some((s) => s.weekly !== null)
}

/** Minutes of `spans` inside `within`. */
const minutesOf = (spans: Span[], within: Span) =>
  spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.end, within.end) - Math.max(s.start, within.start)), 0) / 60_000

/** Open spans per (service or center, day), computed once per report. */
function spanCache(q: HoursQuery) {
  const cache = new Map<string, Span[]>()
  return (serviceId: number | null, day: string): Span[] => {
    const key = `${serviceId ?? ''}|${day}`
    let spans = cache.get(key)
    if (!spans) cache.set(key, (spans = openSpansOn(q.calendar, serviceId, day, q.timeZone)))
    return spans
  }
}

/** Open minutes of the center (serviceId null) or a service over the range. */
export function openMinutesOf(q: HoursQuery, serviceId: number | null): number {
  const spans = spanCache(q)
  return daysBetween(q.from, q.to).reduce((sum, day) => sum + minutesOf(spans(serviceId, day), q.lived), 0)
}

/** Per-key counts of issues and finishes outside the hours of the ticket's service, keyed by service id, by day and '' (total). */
export function outsideHoursCounts(db: Database.Database, q: HoursQuery): Map<string, { issued: number; served: number }> {
  const spans = spanCache(q)
  const rows = db
    .prepare(
      `SELECT at, day, type, service_id AS serviceId FROM events
       WHERE type IN ('ticket.issued', 'ticket.finished') AND day BETWEEN ? AND ?`,
    )
    .all(q.from, q.to) as { at: number; day: string; type: string; serviceId: number | null }[]
  const out = new Map<string, { issued: number; served: number }>()
  const add = (key: string, column: 'issued' | 'served') => {
    let c = out.get(key)
    if (!c) out.set(key, (c = { issued: 0, served: 0 }))
    c[column]++
  }
  for (const e of rows) {
    // the business day can start before local midnight's day ends: look at the event's day and the next
    const open = [e.day, addDays(e.day, 1)].some((d) => spans(e.serviceId, d).some((s) => s.start <= e.at && e.at < s.end))
    if (open) continue
    const column = e.type === 'ticket.issued' ? 'issued' : 'served'
    add('', column)
    add(`service:${e.serviceId ?? 0}`, column)
    add(`day:${e.day}`, column)
  }
  return out
}

/** The hours figures of a row: its open minutes, its busy time and its outside-hours counts. */
export function hoursFigures(openMinutes: number, busyMs: number, outside: { issued: number; served: number } | undefined): HoursFigures {
  return {
    openMinutes: Math.round(openMinutes),
    utilisationPercent: openMinutes > 0 ? Math.round((busyMs / 60_000 / openMinutes) * 1000) / 10 : null,
    issuedOutsideHours: outside?.issued ?? 0,
    servedOutsideHours: outside?.served ?? 0,
  }
}
