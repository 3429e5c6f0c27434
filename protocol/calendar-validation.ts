/**
 * What a calendar must satisfy beyond its schema, each problem naming its field
 * (`weekly.sun[1]`, `exceptions[3].to`) and a stable reason (`overlap`, `close-before-open`…):
 * a close before its open, overlapping intervals, a range that ends before it starts, a date
 * that does not exist, a service listed twice, two exceptions on the same dates for the same
 * services (the dashboard's "Add" pressed twice made two identical holidays; which one decides
 * the day then depends on their order). The server refuses the whole calendar on the
 * first problem, so nothing is half-saved; the dashboard words the reason next to the field.
 */
import { isRealDay } from './center-clock.ts'
import { WEEKDAYS, type CenterCalendar, type HoursException, type OpenInterval, type WeeklyHours } from './calendar.ts'
import type { FieldReason } from './error-codes.ts'

/** One problem: the field's path, why (a stable word) and what is wrong, in English (the API's language for errors). */
export interface CalendarProblem {
  field: string
  reason: FieldReason
  message: string
  /** The calendar is well-formed but holds the same exception twice: 409 DUPLICATE_EXCEPTION, not 400. */
  conflict?: true
}

/** What makes two exceptions the same: their dates and the services they apply to (none: the whole center). */
export const exceptionKey = (e: Pick<HoursException, 'from' | 'to' | 'serviceIds'>) =>
  `${e.from}|${e.to}|${e.serviceIds ? [...e.serviceIds].sort((a, b) => a - b).join(',') : '*'}`

/** `weekly.mon[1].close` → `weekly/mon/1/close`, the error body's `field` (`/` between levels). */
export const wireField = (path: string) => path.replace(/\[(\d+)\]/g, '/$1').replaceAll('.', '/')

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** Problems of one day's intervals at `path` (`weekly.sun`). */
export function intervalProblems(path: string, intervals: readonly OpenInterval[]): CalendarProblem[] {
  const out: CalendarProblem[] = []
  intervals.forEach((i, n) => {
    if (minutes(i.close) <= minutes(i.open))
      out.push({
        field: `${path}[${n}].close`,
        reason: 'close-before-open',
        message: `closes at ${i.close}, not after it opens at ${i.open}`,
      })
  })
  const order = intervals.map((i, n) => ({ ...i, n })).sort((a, b) => minutes(a.open) - minutes(b.open))
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!
    const cur = order[k]!
    if (minutes(cur.open) < minutes(prev.close))
      out.push({
        field: `${path}[${cur.n}]`,
        reason: 'overlap',
        message: `${cur.open}–${cur.close} overlaps ${path}[${prev.n}] ${prev.open}–${prev.close}`,
      })
  }
  return out
}

/** The problems of a week's opening intervals under `path` (`weekly.mon[0]` …); none for null (no weekly hours). */
export function weeklyProblems(path: string, weekly: WeeklyHours | null): CalendarProblem[] {
  if (weekly === null) return []
  return WEEKDAYS.flatMap((d) => intervalProblems(`${path}.${d}`, weekly[d]))
}

/** Every problem of `cal` (empty: it may be stored). `serviceIds`: the services that exist. */
export function calendarProblems(cal: CenterCalendar, serviceIds: readonly number[]): CalendarProblem[] {
  const known = new Set(serviceIds)
  const out = weeklyProblems('weekly', cal.weekly)
  const firstWith = new Map<string, number>()
  cal.exceptions.forEach((e, n) => {
    const at = `exceptions[${n}]`
    const key = exceptionKey(e)
    const earlier = firstWith.get(key)
    if (earlier === undefined) firstWith.set(key, n)
    else
      out.push({
        field: `${at}.from`,
        reason: 'duplicate',
        message: `${e.from}–${e.to} is already exceptions[${earlier}] (${cal.exceptions[earlier]!.nameEn || cal.exceptions[earlier]!.nameAr})`,
        conflict: true,
      })
    if (!isRealDay(e.from)) out.push({ field: `${at}.from`, reason: 'invalid', message: `${e.from} is not a date` })
    if (!isRealDay(e.to)) out.push({ field: `${at}.to`, reason: 'invalid', message: `${e.to} is not a date` })
    else if (e.to < e.from)
      out.push({ field: `${at}.to`, reason: 'ends-before-start', message: `ends ${e.to}, before it starts ${e.from}` })
    out.push(...intervalProblems(`${at}.hours`, e.hours))
    for (const id of e.serviceIds ?? [])
      if (!known.has(id)) out.push({ field: `${at}.serviceIds`, reason: 'unknown', message: `no service ${id}` })
  })
  const seen = new Set<number>()
  cal.services.forEach((s, n) => {
    const at = `services[${n}]`
    if (!known.has(s.serviceId)) out.push({ field: `${at}.serviceId`, reason: 'unknown', message: `no service ${s.serviceId}` })
    if (seen.has(s.serviceId))
      out.push({ field: `${at}.serviceId`, reason: 'duplicate', message: `service ${s.serviceId} is listed twice` })
    seen.add(s.serviceId)
    out.push(...weeklyProblems(`${at}.weekly`, s.weekly))
  })
  return out
}
