/**
 * A day's figures per local hour and service, for the hub. The ticket figures come from the
 * reports' one reading of the event log (server/reports/figures.ts, grouped by service and
 * local hour): issued, called, served, no-show, cancelled, transferred (out), the wait of each
 * call and the service time of each finish — turned back into sums and counts so the hub can
 * add centers and hours up. Added here: transferred in (a transfer into another service) and
 * the minutes counters serving the service were open, and the tickets waiting past their target
 * now (in the running hour: see the within-target definition in server/reports/figures.ts). Only counts leave: no ticket ids, phone
 * numbers or names.
 */
import type { Db } from '../db/connection.ts'
import { type HourFigures, zeroCounts } from '../../protocol/upstream.ts'
import { figureRows } from '../reports/figures.ts'
import { localDay, localHour } from '../../protocol/center-clock.ts'
import { overdueByService } from '../reports/overdue.ts'
import { splitByLocalHour } from './hours.ts'
import { CalendarRepo } from '../db/repositories/calendar-repo.ts'
import { openSpansOn } from '../../protocol/opening-hours.ts'
import { hasOpeningHours, livedSpan } from '../reports/open-hours.ts'
import { addRatingFigures } from './rating-figures.ts'
import { addParkingFigures } from './parking-figures.ts'
import { addAppointmentFigures } from './appointment-figures.ts'
import { addStepFigures } from './step-figures-upstream.ts'

const HOUR_FN = 'tabour_upstream_local_hour'

const TRANSFER_IN_SQL = `
  SELECT ${HOUR_FN}(at) AS hour, json_extract(data, '$.toServiceId') AS serviceId, COUNT(*) AS n
  FROM events WHERE day = ? AND type = 'ticket.transferred'
    AND json_extract(data, '$.toServiceId') IS NOT json_extract(data, '$.fromServiceId')
  GROUP BY hour, serviceId`

const COUNTER_TYPES = `('counter.opened', 'counter.resumed', 'counter.taken_over', 'counter.paused', 'counter.closed')`
// the day's counter events, plus each counter's last one before the day (a counter left open overnight)
const COUNTER_SQL = `
  SELECT counter_id AS counterId, type, at FROM events
  WHERE counter_id IS NOT NULL AND type IN ${COUNTER_TYPES}
    AND (day = ? OR id IN (SELECT MAX(id) FROM events WHERE day < ? AND counter_id IS NOT NULL AND type IN ${COUNTER_TYPES} GROUP BY counter_id))
  ORDER BY id`

/** Registers the SQL function the queries group by (the center's local hour of an epoch-ms instant). */
export function registerHourFunction(db: Db, timeZone: () => string): void {
  // not `deterministic`: the zone can change at run time
  db.function(HOUR_FN, (at: unknown) => localHour(Number(at), timeZone()))
}

const empty = (s: { id: number; prefix: string; nameAr: string; nameEn: string; nationalCode: string | null }): HourFigures => ({
  serviceCode: s.prefix,
  serviceNameAr: s.nameAr,
  serviceNameEn: s.nameEn,
  // the key at the hub; without one the hub shows the service as this center's own, never merged by prefix
  ...(s.nationalCode ? { nationalCode: s.nationalCode } : {}),
  serviceId: s.id,
  ...zeroCounts(),
})

/**
 * The figures of local day `day`, by hour (0–23) and service (sorted by service code); hours
 * and services without any activity are left out. Open counters count up to `now`.
 * Needs `registerHourFunction(db, timeZone)` first.
 */
export function dayFigures(db: Db, timeZone: string, day: string, now: number): Map<number, HourFigures[]> {
  const services = new Map(
    (
      db.prepare('SELECT id, prefix, name_ar AS nameAr, name_en AS nameEn, national_code AS nationalCode FROM services').all() as {
        id: number
        prefix: string
        nameAr: string
        nameEn: string
        nationalCode: string | null
      }[]
    ).map((s) => [s.id, s]),
  )
  const byHour = new Map<number, Map<number, HourFigures>>()
  const cell = (hour: number, serviceId: number): HourFigures | null => {
    const s = services.get(serviceId)
    if (!s) return null
    let hourMap = byHour.get(hour)
    if (!hourMap) byHour.set(hour, (hourMap = new Map()))
    let f = hourMap.get(serviceId)
    if (!f) hourMap.set(serviceId, (f = empty(s)))
    return f
  }

  // every call has its waitedSeconds and every finish its serviceSeconds, so mean × count is the (integer) sum
  for (const r of figureRows(db, 'serviceHour', { from: day, to: day, tz: timeZone })) {
    const [serviceId, hour] = String(r.key).split(' ').map(Number)
    const f = cell(hour, serviceId)
    if (!f) continue
    Object.assign(f, {
      issued: r.issued,
      called: r.called,
      served: r.served,
      noShow: r.noShow,
      cancelled: r.cancelled,
      transferredOut: r.transferred,
      waitSumSeconds: Math.round((r.avgWaitSeconds ?? 0) * r.called),
      waitCount: r.avgWaitSeconds === null ? 0 : r.called,
      waitMaxSeconds: r.maxWaitSeconds ?? 0,
      waitWithinTarget: r.withinTarget,
      waitMissedUncalled: r.missedTarget,
      serviceSumSeconds: Math.round((r.avgServiceSeconds ?? 0) * r.served),
      serviceCount: r.avgServiceSeconds === null ? 0 : r.served,
    })
  }
  // tickets waiting past their target right now count as misses in the running hour only: when the
  // hour closes they move to the next running hour, and once they leave the line (a late call, a
  // cancellation) the event's own hour counts them, so the hub counts each exactly once at any time
  if (day === localDay(now, timeZone)) {
    for (const [serviceId, n] of overdueByService(db, now)) {
      const f = cell(localHour(now, timeZone), serviceId)
      if (!f) continue
      f.waitMissedUncalled = (f.waitMissedUncalled ?? 0) + n
      // and said apart, so the hub does not show them as tickets that left uncalled
      f.waitingPastTarget = n
    }
  }
  for (const r of db.prepare(TRANSFER_IN_SQL).all(day) as { hour: number; serviceId: number; n: number }[]) {
    const f = cell(r.hour, Number(r.serviceId))
    if (f) f.transferredIn = r.n
  }

  addRatingFigures(db, day, HOUR_FN, cell)
  addParkingFigures(db, day, HOUR_FN, cell)
  addAppointmentFigures(db, day, HOUR_FN, cell, timeZone, now)
  addStepFigures(db, day, HOUR_FN, cell)

  // counter open time, attributed to each service the counter serves
  const counterServices = new Map<number, number[]>()
  for (const r of db.prepare('SELECT counter_id AS c, service_id AS s FROM counter_services').all() as { c: number; s: number }[]) {
    counterServices.set(r.c, [...(counterServices.get(r.c) ?? []), r.s])
  }
  const openMs = new Map<string, number>() // `${hour}:${serviceId}` → ms
  const addOpen = (from: number, to: number, counterId: number) => {
    splitByLocalHour(from, to, timeZone, (key, ms) => {
      if (key.day !== day) return
      for (const s of counterServices.get(counterId) ?? []) openMs.set(`${key.hour}:${s}`, (openMs.get(`${key.hour}:${s}`) ?? 0) + ms)
    })
  }
  const openSince = new Map<number, number>()
  for (const e of db.prepare(COUNTER_SQL).all(day, day) as { counterId: number; type: string; at: number }[]) {
    const opens = e.type === 'counter.opened' || e.type === 'counter.resumed' || e.type === 'counter.taken_over'
    const since = openSince.get(e.counterId)
    if (opens) {
      if (since === undefined) openSince.set(e.counterId, e.at)
    } else if (since !== undefined) {
      addOpen(since, e.at, e.counterId)
      openSince.delete(e.counterId)
    }
  }
  for (const [counterId, since] of openSince) if (since < now) addOpen(since, now, counterId)
  for (const [k, ms] of openMs) {
    const [hour, serviceId] = k.split(':').map(Number)
    const minutes = Math.round(ms / 60_000)
    if (minutes === 0) continue
    const f = cell(hour, serviceId)
    if (f) f.counterOpenMinutes = minutes
  }

  // minutes inside the opening hours, on the rows there are (a service open with no counter and no
  // ticket sends no row); the calendar as it is now, also for a past day resent
  const calendar = new CalendarRepo(db).load()
  if (hasOpeningHours(calendar)) {
    // each service's open time by local hour, worked out once per service, not once per row
    const openByHour = new Map<number, Map<number, number>>()
    // only the minutes the center has lived, as its own report counts them (server/reports/open-hours.ts):
    // the running hour sent 60 open minutes at 12:16, and a center 12 minutes old the whole day's hours before it
    const lived = livedSpan(db, now)
    const openIn = (serviceId: number, hour: number): number => {
      let hours = openByHour.get(serviceId)
      if (!hours) {
        const acc = new Map<number, number>()
        for (const span of openSpansOn(calendar, serviceId, day, timeZone))
          splitByLocalHour(Math.max(span.start, lived.start), Math.min(span.end, lived.end), timeZone, (key, piece) => {
            if (key.day === day) acc.set(key.hour, (acc.get(key.hour) ?? 0) + piece)
          })
        hours = acc
        openByHour.set(serviceId, hours)
      }
      return hours.get(hour) ?? 0
    }
    for (const [hour, m] of byHour) {
      for (const [serviceId, f] of m) f.openMinutes = Math.round(openIn(serviceId, hour) / 60_000)
    }
  }

  const out = new Map<number, HourFigures[]>()
  for (const [hour, m] of [...byHour].sort((a, b) => a[0] - b[0])) {
    out.set(
      hour,
      [...m.values()].sort((a, b) => (a.serviceCode < b.serviceCode ? -1 : a.serviceCode > b.serviceCode ? 1 : 0)),
    )
  }
  return out
}
