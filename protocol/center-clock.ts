/**
 * The center's clock: what day and hour it is where the center is, when a local day (or a
 * business day) begins, and when a local time of day next comes round, in the center's IANA
 * zone (default Africa/Cairo, which has DST). Ticket numbers, daily caps, reports, the nightly
 * backup, the upstream hours and the hub all follow the day as people in the center live it,
 * not the UTC day: a ticket taken at 00:30 local must not belong to "yesterday".
 *
 * Every zone rule comes from Temporal (the polyfill until Node ships it); nothing here scans,
 * bisects or assumes an offset. Local dates are `YYYY-MM-DD` strings, local times `HH:MM`,
 * instants epoch milliseconds: what the database, the wire and the callers already hold.
 * Shared by the server, the hub and the drivers; it imports nothing from the repository.
 */
import { Temporal } from 'temporal-polyfill'

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string

/** The wall-clock fields of an instant in a zone (month 1–12, hour 0–23, dayOfWeek 1 = Monday … 7 = Sunday). */
export interface LocalParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  dayOfWeek: number
}

/**
 * Wall clock → instant answers, kept: the opening-hours checks turn the same few days and times
 * into instants on every issue and every call (a 24-hour center's "when does it close" walks a
 * fortnight, ~1 ms of Temporal per service per call). They are pure functions of their strings
 * (a zone's rules change only with the runtime's tz data, i.e. a restart), so a kept answer is
 * never stale; the table is emptied when full, which bounds it without bookkeeping.
 */
const kept = new Map<string, number | string>()
const MAX_KEPT = 20_000

function remembered<T extends number | string>(key: string, compute: () => T): T {
  const answer = kept.get(key)
  if (answer !== undefined) return answer as T
  const fresh = compute()
  if (kept.size >= MAX_KEPT) kept.clear()
  kept.set(key, fresh)
  return fresh
}

/** The local days last asked for per zone, with their bounds: most instants asked about fall on a day asked about just before. */
const recentDays = new Map<string, { day: LocalDate; start: number; end: number }[]>()
const RECENT_DAYS_PER_ZONE = 32

/** The zoned date-time of `epochMs` in `timeZone`; RangeError for an unknown zone or a non-finite time. */
function zoned(epochMs: number, timeZone: string): Temporal.ZonedDateTime {
  if (!Number.isFinite(epochMs)) throw new RangeError(`invalid timestamp: ${epochMs}`)
  return Temporal.Instant.fromEpochMilliseconds(Math.floor(epochMs)).toZonedDateTimeISO(timeZone)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

function plainDate(day: LocalDate): Temporal.PlainDate {
  if (!isRealDay(day)) throw new RangeError(`not a local date (YYYY-MM-DD): ${day}`)
  return Temporal.PlainDate.from(day)
}

function plainTime(time: string): Temporal.PlainTime {
  if (!/^\d{2}:\d{2}$/.test(time)) throw new RangeError(`not a local time (HH:MM): ${time}`)
  return Temporal.PlainTime.from(time)
}

/** True when `tz` is a named IANA zone this runtime knows (`Africa/Cairo`, `UTC`); false for anything else: '', offsets such as `+02:00`. */
export function isValidTimeZone(tz: string): boolean {
  // offsets are valid Temporal zones but not IANA names, and the screens' Intl formatting refuses them
  if (typeof tz !== 'string' || tz === '' || /^[+\-\u2212]/.test(tz)) return false
  try {
    new Temporal.ZonedDateTime(0n, tz)
    return true
  } catch {
    return false
  }
}

/** The wall-clock fields of `epochMs` in `timeZone`; throws RangeError for an unknown zone or a non-finite time. */
export function localParts(epochMs: number, timeZone: string): LocalParts {
  const z = zoned(epochMs, timeZone)
  return { year: z.year, month: z.month, day: z.day, hour: z.hour, minute: z.minute, second: z.second, dayOfWeek: z.dayOfWeek }
}

/** The local calendar day `YYYY-MM-DD` of `epochMs` in `timeZone`; throws like localParts. */
export function localDay(epochMs: number, timeZone: string): LocalDate {
  const recent = recentDays.get(timeZone) ?? []
  const hit = recent.find((d) => epochMs >= d.start && epochMs < d.end)
  if (hit) return hit.day
  const day = zoned(epochMs, timeZone).toPlainDate().toString()
  if (recent.length >= RECENT_DAYS_PER_ZONE) recent.shift()
  recent.push({ day, start: dayStartMs(day, timeZone), end: dayEndMs(day, timeZone) })
  recentDays.set(timeZone, recent)
  return day
}

/** The local wall-clock hour 0–23 of `epochMs` in `timeZone` (never 24); throws like localParts. */
export function localHour(epochMs: number, timeZone: string): number {
  return zoned(epochMs, timeZone).hour
}

/** The local wall-clock time `HH:MM` (24 h) of `epochMs` in `timeZone`; throws like localParts. */
export function localTime(epochMs: number, timeZone: string): string {
  const z = zoned(epochMs, timeZone)
  return `${pad2(z.hour)}:${pad2(z.minute)}`
}

/**
 * `epochMs` as a local ISO 8601 time with its offset in `timeZone`, to the second
 * (`2026-12-03T14:05:00+02:00`): what a CSV writes, so a reader needs no zone arithmetic; throws like localParts.
 */
export function localIsoTime(epochMs: number, timeZone: string): string {
  return zoned(epochMs, timeZone).toString({ smallestUnit: 'second', timeZoneName: 'never' })
}

/** The instant the local hour containing `epochMs` began (zones with :30 and :45 offsets, and DST changes, included). */
export function localHourStartMs(epochMs: number, timeZone: string): number {
  return zoned(epochMs, timeZone).round({ smallestUnit: 'hour', roundingMode: 'floor' }).epochMilliseconds
}

/** Whether `day` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  try {
    return Temporal.PlainDate.from(day, { overflow: 'reject' }).toString() === day
  } catch {
    return false
  }
}

/** `day` moved by `n` calendar days (negative: back). */
export function addDays(day: LocalDate, n: number): LocalDate {
  return remembered(`${day}+${n}`, () => plainDate(day).add({ days: n }).toString())
}

/** Number of days in from..to, both included (0 or less when to < from). */
export function dayCount(from: LocalDate, to: LocalDate): number {
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days + 1
}

/** Days from `from` to `to`, both included (empty when to < from). */
export function daysBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = []
  const last = plainDate(to)
  for (let d = plainDate(from); Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) out.push(d.toString())
  return out
}

/**
 * The instant local `day` begins in `timeZone`: its first instant, even on a day whose
 * midnight does not exist (Cairo's spring change starts the day at 01:00).
 */
export function dayStartMs(day: LocalDate, timeZone: string): number {
  return remembered(`${day}|${timeZone}`, () => plainDate(day).toZonedDateTime(timeZone).epochMilliseconds)
}

/** The instant local `day` ends (exclusive): the start of the next day; 23 or 25 hours after its start on DST days. */
export function dayEndMs(day: LocalDate, timeZone: string): number {
  return dayStartMs(addDays(day, 1), timeZone)
}

/**
 * The instant local `day` reaches the wall-clock `time` (`HH:MM`) in `timeZone`. When the
 * clock goes back and the time happens twice, the first; when it jumps over it, the jump (the
 * first instant the clock shows a later time).
 */
export function localTimeMs(day: LocalDate, time: string, timeZone: string): number {
  return remembered(`${day} ${time}|${timeZone}`, () => wallTimeMs(day, time, timeZone))
}

function wallTimeMs(day: LocalDate, time: string, timeZone: string): number {
  const wall = plainDate(day).toPlainDateTime(plainTime(time))
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' })
  if (earlier.toPlainDateTime().equals(wall)) return earlier.epochMilliseconds
  // `time` falls in a gap: 'earlier' lands before the jump, the jump itself is the next transition
  return (earlier.getTimeZoneTransition('next') ?? wall.toZonedDateTime(timeZone)).epochMilliseconds
}

/** The first instant at or after `fromMs` at which the local clock reaches `time` (`HH:MM`): today's if still to come, else tomorrow's. */
export function nextLocalTimeMs(fromMs: number, time: string, timeZone: string): number {
  let day = localDay(fromMs, timeZone)
  for (;;) {
    const at = localTimeMs(day, time, timeZone)
    if (at >= fromMs) return at
    day = addDays(day, 1)
  }
}

/** The default start of a business day: local midnight, so the business day is the calendar day. */
export const MIDNIGHT = '00:00'

/** The instant business day `day` begins when business days start at local `startsAt` (`HH:MM`, default 00:00). */
export function businessDayStartMs(day: LocalDate, timeZone: string, startsAt = MIDNIGHT): number {
  return startsAt === MIDNIGHT ? dayStartMs(day, timeZone) : localTimeMs(day, startsAt, timeZone)
}

/**
 * The business day `YYYY-MM-DD` that `epochMs` belongs to when business days start at local
 * `startsAt` (`HH:MM`, default 00:00: the calendar day). With 06:00, 05:59 on the 10th still
 * belongs to the 9th. Boundaries are instants, so a repeated hour never moves back a day.
 */
export function businessDay(epochMs: number, timeZone: string, startsAt = MIDNIGHT): LocalDate {
  let day = localDay(epochMs, timeZone)
  if (startsAt === MIDNIGHT) return day
  while (epochMs < businessDayStartMs(day, timeZone, startsAt)) day = addDays(day, -1)
  while (epochMs >= businessDayStartMs(addDays(day, 1), timeZone, startsAt)) day = addDays(day, 1)
  return day
}

/** The instant the business day after the one `epochMs` belongs to begins: when, with a daily close, that day's line closes. */
export function nextBusinessDayStartMs(epochMs: number, timeZone: string, startsAt = MIDNIGHT): number {
  return businessDayStartMs(addDays(businessDay(epochMs, timeZone, startsAt), 1), timeZone, startsAt)
}
