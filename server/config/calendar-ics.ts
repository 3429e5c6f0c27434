/**
 * Holidays in iCalendar (.ics, RFC 5545) through ical.js (Mozilla's parser), so a ministry can
 * send one file to every center. An all-day event is a closure from its first day to the day
 * before DTEND; `X-TABOUR-HOURS:09:00-14:00,17:00-20:00` turns it into shorter hours
 * (Ramadan), `X-TABOUR-NAME-AR` / `X-TABOUR-NAME-EN` keep both names (else SUMMARY is
 * both), and `X-TABOUR-WALK-INS-ONLY:TRUE` an exception's `walkInsOnly`. What it cannot honour is refused naming the event: an event at a time of day (a
 * holiday is whole days), a time zone that does not exist, a recurrence other than yearly on a
 * Gregorian date (a Hijri RSCALE, weekly rules, BYDAY…): the Eids move every year and come as
 * dated events, never as a guess.
 */
import ICAL from 'ical.js'
import { addDays, isRealDay, isValidTimeZone, type LocalDate } from '../../protocol/center-clock.ts'
import type { CenterCalendar, HoursException, OpenInterval } from '../../protocol/calendar.ts'
import { exceptionKey, intervalProblems } from '../../protocol/calendar-validation.ts'
import { ErrorCodes, fieldError } from '../errors.ts'
import type { FieldReason } from '../../protocol/error-codes.ts'

/** How many years ahead a yearly event is expanded (the file is sent again every year anyway). */
const YEARS_AHEAD = 3
const MAX_EVENTS = 500

type Component = InstanceType<typeof ICAL.Component>
type Time = InstanceType<typeof ICAL.Time>

/** A refusal naming the event: `field` `ics/events/<n>` (its place in the file, from 0) and why, so the dashboard words it. */
const refuse = (n: number, event: string, reason: FieldReason, message: string) =>
  fieldError(ErrorCodes.CALENDAR_ICS, { field: `ics/events/${n}`, reason }, `event ${event}: ${message}`)

const dateOf = (t: Time): LocalDate =>
  `${String(t.year).padStart(4, '0')}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`

function parseHours(n: number, name: string, text: string | null): OpenInterval[] {
  if (text === null) return []
  const hours = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const m = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(p)
      if (!m) throw refuse(n, name, 'pattern', `X-TABOUR-HOURS "${p}" is not HH:MM-HH:MM`)
      return { open: m[1]!, close: m[2]! }
    })
  const problem = intervalProblems('X-TABOUR-HOURS', hours)[0]
  if (problem) throw refuse(n, name, problem.reason, `${problem.field} ${problem.message}`)
  return hours
}

function text(c: Component, prop: string): string | null {
  const v = c.getFirstPropertyValue(prop)
  return v === null || v === undefined ? null : String(v)
}

/** The exceptions an .ics file holds, from `today` on for yearly events; DomainError CALENDAR_ICS naming the event when it cannot be honoured. */
export function importIcs(source: string, today: LocalDate): HoursException[] {
  let root: Component
  try {
    root = new ICAL.Component(ICAL.parse(source) as unknown[])
  } catch (err) {
    throw fieldError(ErrorCodes.CALENDAR_ICS, { field: 'ics', reason: 'invalid' }, `not an iCalendar file: ${(err as Error).message}`)
  }
  if (root.name !== 'vcalendar')
    throw fieldError(ErrorCodes.CALENDAR_ICS, { field: 'ics', reason: 'invalid' }, 'not an iCalendar file: no VCALENDAR')
  const events = root.getAllSubcomponents('vevent')
  if (events.length > MAX_EVENTS)
    throw fieldError(ErrorCodes.CALENDAR_ICS, { field: 'ics', reason: 'maximum', limit: MAX_EVENTS }, `more than ${MAX_EVENTS} events`)
  const out: HoursException[] = []
  events.forEach((vevent, n) => {
    const summary = text(vevent, 'summary') ?? ''
    const uid = text(vevent, 'uid') ?? `event-${n + 1}`
    const name = `"${summary || uid}"`
    const start = vevent.getFirstProperty('dtstart')
    if (!start) throw refuse(n, name, 'no-start', 'has no DTSTART')
    const tzid = start.getParameter('tzid')
    if (typeof tzid === 'string' && !isValidTimeZone(tzid)) throw refuse(n, name, 'time-zone', `DTSTART time zone ${tzid} does not exist`)
    const event = new ICAL.Event(vevent)
    if (!event.startDate.isDate)
      throw refuse(n, name, 'time-of-day', 'starts at a time of day; a holiday is whole days (DTSTART;VALUE=DATE)')
    const days = event.endDate ? Math.max(1, event.endDate.subtractDate(event.startDate).toSeconds() / 86_400) : 1
    const base = {
      nameAr: text(vevent, 'x-tabour-name-ar') ?? summary,
      nameEn: text(vevent, 'x-tabour-name-en') ?? summary,
      hours: parseHours(n, name, text(vevent, 'x-tabour-hours')),
      // hours for walk-in tickets only, bookings keeping the usual ones (protocol/bookable-hours.ts): the export says so, the import keeps it
      ...(text(vevent, 'x-tabour-walk-ins-only')?.toUpperCase() === 'TRUE' ? { walkInsOnly: true } : {}),
    }
    const add = (from: LocalDate, key: string) => {
      if (!isRealDay(from)) throw refuse(n, name, 'invalid', `${from} is not a date`)
      out.push({ from, to: addDays(from, Math.round(days) - 1), ...base, uid: key })
    }
    if (!event.isRecurring()) return add(dateOf(event.startDate), uid)
    const rule = vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null
    const ruleText = rule ? rule.toString() : 'RDATE'
    const byParts = rule ? Object.keys(rule.parts).filter((k) => k !== 'BYMONTH' && k !== 'BYMONTHDAY') : []
    if (rule?.freq !== 'YEARLY' || byParts.length > 0 || /RSCALE/i.test(ruleText) || (rule.interval ?? 1) !== 1)
      throw refuse(
        n,
        name,
        'recurrence',
        `cannot honour the recurrence ${ruleText}: only yearly on a Gregorian date; send moving holidays as dated events`,
      )
    const until = `${Number(today.slice(0, 4)) + YEARS_AHEAD}-12-31`
    const it = event.iterator()
    for (let next = it.next(), guard = 0; next && guard < 200; next = it.next(), guard++) {
      const from = dateOf(next)
      if (from > until) break
      if (addDays(from, Math.round(days) - 1) >= today) add(from, `${uid}#${from}`)
    }
  })
  return out
}

/** What an import would change: exceptions new to the calendar, ones it replaces (same UID, different content), and ones already there. */
export interface IcsPreview {
  added: HoursException[]
  changed: { before: HoursException; after: HoursException }[]
  unchanged: HoursException[]
}

const same = (a: HoursException, b: HoursException) => JSON.stringify(a) === JSON.stringify(b)

/**
 * The calendar's exception an imported one replaces: the one with its UID, else the one with
 * its dates and services (a holiday typed in by hand, or imported from another file: the
 * calendar refuses two on the same dates, DUPLICATE_EXCEPTION). Its index, or -1.
 */
function replacedBy(list: readonly HoursException[], e: HoursException): number {
  const byUid = list.findIndex((x) => x.uid !== undefined && x.uid === e.uid)
  return byUid >= 0 ? byUid : list.findIndex((x) => exceptionKey(x) === exceptionKey(e))
}

/** Compares imported exceptions with the calendar's (matched by UID, else by dates: replacedBy). */
export function previewImport(cal: CenterCalendar, imported: HoursException[]): IcsPreview {
  const preview: IcsPreview = { added: [], changed: [], unchanged: [] }
  for (const e of imported) {
    const before = cal.exceptions[replacedBy(cal.exceptions, e)]
    if (!before) preview.added.push(e)
    else if (same(before, { ...e, ...(before.serviceIds ? { serviceIds: before.serviceIds } : {}) })) preview.unchanged.push(e)
    else preview.changed.push({ before, after: e })
  }
  return preview
}

/** The calendar with the imported exceptions: one with the same UID (else the same dates) replaced in place, new ones appended. */
export function mergeImport(cal: CenterCalendar, imported: HoursException[]): CenterCalendar {
  const exceptions = [...cal.exceptions]
  for (const e of imported) {
    const at = replacedBy(exceptions, e)
    if (at >= 0) exceptions[at] = e
    else exceptions.push(e)
  }
  return { ...cal, exceptions }
}

/** The center-wide exceptions as an .ics file that importIcs reads back the same. */
export function exportIcs(cal: CenterCalendar, productName: string): string {
  const root = new ICAL.Component(['vcalendar', [], []])
  root.updatePropertyWithValue('prodid', `-//Tabour//${productName}//EN`)
  root.updatePropertyWithValue('version', '2.0')
  cal.exceptions
    .filter((e) => e.serviceIds === undefined)
    .forEach((e, n) => {
      const v = new ICAL.Component('vevent')
      v.updatePropertyWithValue('uid', e.uid ?? `tabour-${e.from}-${n + 1}`)
      v.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(0), true))
      v.updatePropertyWithValue('summary', e.nameEn || e.nameAr)
      v.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(e.from))
      v.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(e.to, 1)))
      v.updatePropertyWithValue('x-tabour-name-ar', e.nameAr)
      v.updatePropertyWithValue('x-tabour-name-en', e.nameEn)
      if (e.hours.length > 0) v.updatePropertyWithValue('x-tabour-hours', e.hours.map((h) => `${h.open}-${h.close}`).join(','))
      if (e.walkInsOnly) v.updatePropertyWithValue('x-tabour-walk-ins-only', 'TRUE')
      root.addSubcomponent(v)
    })
  return root.toString()
}
