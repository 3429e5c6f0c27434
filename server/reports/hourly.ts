/**
 * The dashboard's hourly charts: a day's tickets issued and served and the mean wait per local
 * hour, beside the mean of the same weekday in the `weeks` before it, and issued/served per
 * service and hour. One grouped pass over the event log for all the days at once.
 */
import type Database from 'better-sqlite3'
import type { HourlySeries } from '../../protocol/stats.ts'
import { addDays } from '../../protocol/center-clock.ts'
import { figureRows, round1 } from './figures.ts'
import { servicesInReportOrder } from './report-services.ts'
import { firstEvent } from './first-event.ts'

const zeros = (): (number | null)[] => Array.from({ length: 24 }, () => 0)

export function hourlySeries(db: Database.Database, q: { day: string; weeks: number; timeZone: string }): HourlySeries {
  // only the weeks the center lived (from the day of its first event): a week before it existed is
  // no data, not a week of zeros pulling the mean down (walk s40: a new center's chart drew them at 0)
  const firstDay = firstEvent(db)?.day
  const baselineDays = Array.from({ length: q.weeks }, (_, i) => addDays(q.day, -7 * (i + 1))).filter(
    (d) => firstDay !== undefined && d >= firstDay,
  )
  const tz = q.timeZone
  const issued = zeros()
  const served = zeros()
  const avgWait: (number | null)[] = Array.from({ length: 24 }, () => null)
  const bIssued = zeros()
  const bServed = zeros()
  const days = new Set(baselineDays)
  // the earliest baseline day to today, reading only the days that matter
  const from = baselineDays.at(-1) ?? q.day
  const onlyDays = { where: 'AND day IN (SELECT value FROM json_each(@days))', params: { days: JSON.stringify([q.day, ...baselineDays]) } }
  for (const r of figureRows(db, 'dayHour', { from, to: q.day, tz, ...onlyDays })) {
    const [day, h] = String(r.key).split(' ') as [string, string]
    const hour = Number(h)
    if (day === q.day) {
      issued[hour] = r.issued
      served[hour] = r.served
      avgWait[hour] = round1(r.avgWaitSeconds)
    } else if (days.has(day)) {
      bIssued[hour]! += r.issued
      bServed[hour]! += r.served
    }
  }
  const mean = (a: (number | null)[]) => a.map((v) => (baselineDays.length === 0 ? null : round1((v ?? 0) / baselineDays.length)))
  const services = servicesInReportOrder(db).map((s) => ({
    serviceId: s.id,
    prefix: s.prefix,
    nameAr: s.nameAr,
    nameEn: s.nameEn,
    issued: zeros(),
    served: zeros(),
  }))
  const byId = new Map(services.map((s) => [s.serviceId, s]))
  for (const r of figureRows(db, 'serviceHour', { from: q.day, to: q.day, tz })) {
    const [id, h] = String(r.key).split(' ').map(Number) as [number, number]
    const s = byId.get(id)
    if (!s) continue
    s.issued[h] = r.issued
    s.served[h] = r.served
  }
  return {
    day: q.day,
    baselineDays,
    issued,
    served,
    avgWaitSeconds: avgWait,
    baselineIssued: mean(bIssued),
    baselineServed: mean(bServed),
    services,
  }
}
