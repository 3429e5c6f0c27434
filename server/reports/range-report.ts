/**
 * Reports over any range of local days, grouped by day, hour, service, counter or clerk:
 * the figures of figures.ts, labelled, with every day/hour/service/counter present even when
 * nothing happened (a chart needs the zeros), and the clerks' busy/idle/pause time.
 */
import type Database from 'better-sqlite3'
import type { Report, ReportGrouping, ReportRow } from '../../protocol/stats.ts'
import { clerkTimes, counterTimes } from './clerk-time.ts'
import { busyMsBy } from './busy-time.ts'
import { daysBetween } from '../../protocol/center-clock.ts'
import { byKey, figureRows, toFigures } from './figures.ts'
import { hasOpeningHours, hoursFigures, livedSpan, openMinutesOf, outsideHoursCounts } from './open-hours.ts'
import type { CenterCalendar } from '../../protocol/calendar.ts'
import { overdueByService, overdueKeys, totalOf } from './overdue.ts'
import { incompletePapersByService, incompletePapersFigures } from './incomplete-papers.ts'
import { servedByOutcome } from './served-by-outcome.ts'
import { servicesInReportOrder } from './report-services.ts'
import { firstEvent } from './first-event.ts'
import type { FinishOutcome } from '../../protocol/entities.ts'

export interface RangeReportQuery {
  from: string
  to: string
  by: ReportGrouping
  timeZone: string
  now: number
  /** The calendar the hours figures use (open minutes, utilisation, outside hours); none: rows without them. */
  calendar?: CenterCalendar
  /** The finish outcomes configured now (the served-by-outcome figures name them); none: codes only. */
  finishOutcomes?: readonly FinishOutcome[]
}

interface Named {
  id: number
  label: string
  labelAr?: string
  service?: ReportRow['service']
  counter?: ReportRow['counter']
}

const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00`

function keysOf(db: Database.Database, q: RangeReportQuery, seen: Set<string>): Named[] | { key: string | number; label: string }[] {
  switch (q.by) {
    case 'day':
      return daysBetween(q.from, q.to).map((d) => ({ key: d, label: d }))
    case 'hour':
      return Array.from({ length: 24 }, (_, h) => ({ key: h, label: hourLabel(h) }))
    case 'service':
      return servicesInReportOrder(db).map((s) => ({
        id: s.id,
        label: `${s.prefix} · ${s.nameEn}`,
        labelAr: `${s.prefix} · ${s.nameAr}`,
        service: { prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn },
      }))
    case 'counter':
      return (
        db.prepare('SELECT id, number, name FROM counters ORDER BY number').all() as { id: number; number: number; name: string }[]
      ).map((c) => ({ id: c.id, label: `${c.number} · ${c.name}`, counter: { number: c.number, name: c.name } }))
    case 'clerk': {
      const users = db.prepare('SELECT id, username, display_name AS displayName, role FROM users ORDER BY username').all() as {
        id: number
        username: string
        displayName: string
        role: string
      }[]
      // clerks always; other staff only when they did something in the range
      return users
        .filter((u) => u.role === 'clerk' || seen.has(String(u.id)))
        .map((u) => ({ id: u.id, label: u.displayName && u.displayName !== u.username ? `${u.displayName} (${u.username})` : u.username }))
    }
  }
}

/**
 * Whether a day could hold records: from the business day of the center's first event to today
 * (ReportRow.noRecords). A center with no event yet has recorded no day.
 */
function recordedDays(db: Database.Database, today: string): (day: string) => boolean {
  const first = firstEvent(db)?.day
  return (day) => first !== undefined && first <= day && day <= today
}

/** The report of `q` (from ≤ to is the caller's check). */
export function rangeReport(db: Database.Database, q: RangeReportQuery): Report {
  const fq = { from: q.from, to: q.to, tz: q.timeZone }
  const rows = byKey(figureRows(db, q.by, fq))
  const tq = { from: q.from, to: q.to, tz: q.timeZone, now: q.now }
  // how the clerks and the counters spent their open time (clerk-time.ts)
  const times = q.by === 'clerk' ? clerkTimes(db, tq) : q.by === 'counter' ? counterTimes(db, tq) : null
  const seen = new Set([...rows.keys(), ...(times ? [...times.keys()].map(String) : [])])
  // a range that includes today counts the tickets waiting past their target now (figures.ts)
  const live = overdueKeys(q.now, q.timeZone)
  const overdue = q.from <= live.day && live.day <= q.to ? overdueByService(db, q.now) : new Map<number, number>()
  const overdueOf = (key: string | number): number => {
    if (q.by === 'service') return overdue.get(Number(key)) ?? 0
    if (q.by === 'day') return key === live.day ? totalOf(overdue) : 0
    if (q.by === 'hour') return key === live.hour ? totalOf(overdue) : 0
    return 0 // a ticket still waiting has no counter or clerk yet
  }
  // the hours figures (open-hours.ts) on service and day rows and the totals, when the center has opening hours
  const hq =
    q.calendar && hasOpeningHours(q.calendar)
      ? { from: q.from, to: q.to, timeZone: q.timeZone, calendar: q.calendar, lived: livedSpan(db, q.now) }
      : null
  const outside = hq ? outsideHoursCounts(db, hq) : null
  const recorded = q.by === 'day' ? recordedDays(db, live.day) : null
  // busy time as the clerks' report counts it (busy-time.ts), for "counter time per open hour"
  const bq = { ...fq, now: q.now }
  const busy = hq && (q.by === 'service' || q.by === 'day') ? busyMsBy(db, q.by, bq, rows) : null
  const out: ReportRow[] = keysOf(db, q, seen).map((k) => {
    const key = 'id' in k ? k.id : k.key
    const row: ReportRow = {
      key,
      label: k.label,
      ...('labelAr' in k && k.labelAr ? { labelAr: k.labelAr } : {}),
      ...('service' in k && k.service ? { service: k.service } : {}),
      ...('counter' in k && k.counter ? { counter: k.counter } : {}),
      ...toFigures(rows.get(String(key)), overdueOf(key)),
      ...(recorded && !recorded(String(key)) ? { noRecords: true as const } : {}),
    }
    if (times) Object.assign(row, times.get(key as number) ?? { busySeconds: 0, idleSeconds: 0, pauseSeconds: 0, busyPercent: null })
    if (hq && outside && (q.by === 'service' || q.by === 'day')) {
      const minutes =
        q.by === 'service' ? openMinutesOf(hq, Number(key)) : openMinutesOf({ ...hq, from: String(key), to: String(key) }, null)
      Object.assign(row, hoursFigures(minutes, busy?.get(String(key)) ?? 0, outside.get(`${q.by}:${key}`)))
    }
    return row
  })
  const total = figureRows(db, 'total', fq)[0]
  const totals = toFigures(total, totalOf(overdue))
  // only where the rows carry them: under a clerk or counter report the center's open time and
  // "counter time per open hour" stood alone in the total line, under columns no row fills
  const rowsHaveHours = q.by === 'service' || q.by === 'day'
  if (hq && outside && rowsHaveHours) {
    const totalBusy = busyMsBy(db, 'total', bq, byKey(total ? [total] : [])).get('null') ?? 0
    Object.assign(totals, hoursFigures(openMinutesOf(hq, null), totalBusy, outside.get('')))
  }
  const byOutcome = servedByOutcome(db, { ...q, finishOutcomes: q.finishOutcomes ?? [] })
  const papers = q.by === 'service' ? incompletePapersByService(byOutcome) : new Map<number, number>()
  if (papers.size > 0) {
    for (const row of out) Object.assign(row, incompletePapersFigures(papers.get(Number(row.key)) ?? 0, row.served))
    Object.assign(totals, incompletePapersFigures(totalOf(papers), totals.served))
  }
  return { from: q.from, to: q.to, by: q.by, timeZone: q.timeZone, rows: out, totals, servedByOutcome: byOutcome }
}
