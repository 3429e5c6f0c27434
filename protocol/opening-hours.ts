/**
 * Opening hours on the center clock: whether the center (or a service) is open at an instant,
 * when it opens next, when it closes, and the last-ticket time. Pure functions of the calendar
 * (calendar.ts), an instant and the center's zone; every wall-clock time becomes an instant
 * through center-clock.ts (Temporal), so DST days need nothing special here: Cairo's
 * 24 April 00:00 opening is the day's first instant (01:00), and a 24:00 close is the next day's
 * start. Adjacent intervals join, so a 24-hour center is one open stretch across midnight.
 */
import { addDays, dayCount, dayEndMs, localDay, localTimeMs, nextBusinessDayStartMs, type LocalDate } from './center-clock.ts'
import { WEEKDAYS, type CenterCalendar, type ClosedReason, type HoursException, type HoursNow, type OpenInterval } from './calendar.ts'

/** An open stretch as instants, start ≤ t < end. */
export interface Span {
  start: number
  end: number
}

/** How far ahead "opens next" looks: a center closed for longer than a year has no next opening. */
const LOOK_AHEAD_DAYS = 400
/** How far ahead "closes" looks: open longer than this without a break is a 24-hour center (no close). */
const CLOSE_HORIZON_DAYS = 14

/**
 * The date whose hours decide instant `at`: its local date in the center's zone. Exceptions are
 * dated by it (an interval never crosses midnight), not by the business day: with a 06:00 day
 * start, 03:00 on the 10th is still business day 9 for numbering, but the 10th's hours apply.
 */
export const hoursDay = (at: number, timeZone: string): LocalDate => localDay(at, timeZone)

/** The weekday key of a local date. */
export function weekdayOf(day: LocalDate): (typeof WEEKDAYS)[number] {
  const [y, m, d] = day.split('-').map(Number)
  // a date's weekday is the same in every zone; getUTCDay counts from Sunday, WEEKDAYS from Monday
  return WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!
}

/**
 * The exception that decides `day` among `list` (the shorter range wins, then the later one), or
 * undefined; calendar-overlaps.ts names the same winner to the admin.
 */
export function deciding(list: readonly HoursException[], day: LocalDate): HoursException | undefined {
  let best: HoursException | undefined
  let bestLen = Number.POSITIVE_INFINITY
  for (const e of list) {
    if (day < e.from || day > e.to) continue
    const len = dayCount(e.from, e.to)
    if (len <= bestLen) {
      best = e
      bestLen = len
    }
  }
  return best
}

function spansOf(day: LocalDate, intervals: readonly OpenInterval[], timeZone: string): Span[] {
  return intervals
    .map((i) => ({
      start: localTimeMs(day, i.open, timeZone),
      end: i.close === '24:00' ? dayEndMs(day, timeZone) : localTimeMs(day, i.close, timeZone),
    }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start)
}

const ALL_DAY: readonly OpenInterval[] = [{ open: '00:00', close: '24:00' }]

/** The center-wide exception that decides `day`, or undefined (the dashboard's month grid names it). */
export const centerExceptionOn = (cal: CenterCalendar, day: LocalDate): HoursException | undefined =>
  deciding(
    cal.exceptions.filter((e) => e.serviceIds === undefined),
    day,
  )

/** The center's intervals on `day` (wall clock): a center-wide exception, else the weekly pattern, else all day. */
function centerIntervals(cal: CenterCalendar, day: LocalDate): readonly OpenInterval[] {
  const exception = deciding(
    cal.exceptions.filter((e) => e.serviceIds === undefined),
    day,
  )
  if (exception) return exception.hours
  return cal.weekly ? cal.weekly[weekdayOf(day)] : ALL_DAY
}

/** A service's own intervals on `day`: its exception, else its weekly pattern, else null (the center's). */
function serviceIntervals(cal: CenterCalendar, serviceId: number, day: LocalDate): readonly OpenInterval[] | null {
  const exception = deciding(
    cal.exceptions.filter((e) => e.serviceIds?.includes(serviceId)),
    day,
  )
  if (exception) return exception.hours
  const own = cal.services.find((s) => s.serviceId === serviceId)?.weekly
  return own ? own[weekdayOf(day)] : null
}

/** The instants both lists of stretches cover, in order. */
export function intersect(a: Span[], b: Span[]): Span[] {
  const out: Span[] = []
  for (const x of a)
    for (const y of b) {
      const start = Math.max(x.start, y.start)
      const end = Math.min(x.end, y.end)
      if (end > start) out.push({ start, end })
    }
  return out.sort((p, q) => p.start - q.start)
}

/** The open stretches of local `day` for the center (serviceId null) or a service, as instants, in order. */
export function openSpansOn(cal: CenterCalendar, serviceId: number | null, day: LocalDate, timeZone: string): Span[] {
  const center = spansOf(day, centerIntervals(cal, day), timeZone)
  if (serviceId === null) return center
  const own = serviceIntervals(cal, serviceId, day)
  return own === null ? center : intersect(center, spansOf(day, own, timeZone))
}

/** True when the center (serviceId null) or the service is inside its opening hours at `at`. */
export function isOpenAt(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string): boolean {
  return openSpansOn(cal, serviceId, hoursDay(at, timeZone), timeZone).some((s) => s.start <= at && at < s.end)
}

/** The first open stretch that ends after `at` (it may have begun already), looking `days` ahead; null when none. */
function spanFrom(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string, days: number): Span | null {
  let day = hoursDay(at, timeZone)
  for (let i = 0; i <= days; i++, day = addDays(day, 1)) {
    const span = openSpansOn(cal, serviceId, day, timeZone).find((s) => s.end > at)
    if (span) return span
  }
  return null
}

/** When it next opens after `at` while closed; `at` itself when open; null when it stays closed for over a year. */
export function nextOpeningMs(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string): number | null {
  const span = spanFrom(cal, serviceId, at, timeZone, LOOK_AHEAD_DAYS)
  return span === null ? null : Math.max(span.start, at)
}

/** The next closing a screen names: when, and whether it is the business day's close rather than the end of the hours. */
export interface Closing {
  at: number
  /** True: the calendar's daily close (the line of the day closes, its waiting tickets are cancelled) comes before the hours end. */
  dayClose: boolean
}

/**
 * The next closing from `at`, the one computation every screen's "closes at" comes from: the end
 * of the open stretch around `at`, joining stretches that touch (23:00–24:00 then 00:00–06:00 is
 * one), or, with the calendar's `dailyClose`, the next business day's start when it comes first
 * (or at once): the center may stay open across it, but the old day's waiting tickets are
 * cancelled then (queue-context.ts closePastDays), so for a citizen in line it is a closing
 * (walk 2026-12-05: a 24-hour center said nothing before midnight). Null when closed at `at`, or
 * open for a fortnight without a break and no daily close.
 */
export function nextClosing(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string): Closing | null {
  let span = spanFrom(cal, serviceId, at, timeZone, 0)
  if (span === null || span.start > at) return null
  const dayClose = cal.dailyClose ? nextBusinessDayStartMs(at, timeZone, cal.businessDayStartsAt) : Number.POSITIVE_INFINITY
  const horizon = Math.min(at + CLOSE_HORIZON_DAYS * 86_400_000, dayClose)
  while (span.end < horizon) {
    const next = spanFrom(cal, serviceId, span.end, timeZone, 1)
    if (next === null || next.start > span.end) return { at: span.end, dayClose: false }
    span = next
  }
  return cal.dailyClose ? { at: dayClose, dayClose: true } : null
}

/** The instant of the next closing (nextClosing); null when closed at `at`, or with no close in sight. */
export function closingMs(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string): number | null {
  return nextClosing(cal, serviceId, at, timeZone)?.at ?? null
}

/** The service's cut-off in minutes before closing (0 when it has no rules). */
export function lastTicketMinutes(cal: CenterCalendar, serviceId: number): number {
  return cal.services.find((s) => s.serviceId === serviceId)?.lastTicketMinutes ?? 0
}

/** The last instant a kiosk issues for the service in the stretch around `at`: closing minus its cut-off; null when closed or no close in sight. */
export function lastTicketMs(cal: CenterCalendar, serviceId: number, at: number, timeZone: string): number | null {
  const close = closingMs(cal, serviceId, at, timeZone)
  return close === null ? null : close - lastTicketMinutes(cal, serviceId) * 60_000
}

/**
 * Whether a kiosk may issue for the service (or, serviceId null, whether the center is open) at
 * `at`, and the times a screen shows. `estimatedWaitSeconds` is the wait of a ticket taken now
 * (null: unknown, never stops issuing).
 */
export function hoursNow(
  cal: CenterCalendar,
  serviceId: number | null,
  at: number,
  timeZone: string,
  estimatedWaitSeconds: number | null = null,
): HoursNow {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())
  const closing = nextClosing(cal, serviceId, at, timeZone)
  const close = closing?.at ?? null
  const open = close !== null || isOpenAt(cal, serviceId, at, timeZone)
  if (!open) {
    return {
      at: new Date(at).toISOString(),
      open,
      closedReason: 'closed',
      opensAt: iso(nextOpeningMs(cal, serviceId, at, timeZone)),
      closesAt: null,
      dayClose: false,
      lastTicketAt: null,
    }
  }
  const lastTicket = close === null || serviceId === null ? close : close - lastTicketMinutes(cal, serviceId) * 60_000
  let closedReason: ClosedReason | null = null
  if (serviceId !== null && lastTicket !== null && at >= lastTicket) closedReason = 'last-ticket'
  else if (
    serviceId !== null &&
    close !== null &&
    estimatedWaitSeconds !== null &&
    cal.services.find((s) => s.serviceId === serviceId)?.stopWhenWaitPastClose &&
    at + estimatedWaitSeconds * 1000 > close
  )
    closedReason = 'wait-past-close'
  // past the cut-off, "opens" means the next stretch after this one closes
  const opensAt = closedReason && close !== null ? nextOpeningMs(cal, serviceId, close, timeZone) : null
  return {
    at: new Date(at).toISOString(),
    open,
    closedReason,
    opensAt: iso(opensAt),
    closesAt: iso(close),
    dayClose: closing?.dayClose ?? false,
    lastTicketAt: iso(lastTicket),
    ...(closing && !closing.dayClose ? { cancelsWaitingAt: iso(cancelsWaitingAfter(cal, at, timeZone)) } : {}),
  }
}

/**
 * When the tickets still waiting at the coming closing (not the day's) are cancelled: null, never,
 * the calendar serves them (serve-until-empty, or a center always open whose services close); else
 * the center's next closing plus the grace (cancel-after; server/queue/queue-context.ts cancels
 * them by closingDueForCancel), or the day's close when the center's hours run on into it.
 */
function cancelsWaitingAfter(cal: CenterCalendar, at: number, timeZone: string): number | null {
  if (cal.atClosing !== 'cancel-after' || cal.weekly === null) return null
  const center = nextClosing(cal, null, at, timeZone)
  if (center === null) return null
  return center.dayClose ? center.at : center.at + cal.cancelAfterMinutes * 60_000
}

/** How far back "when did it last close" looks. */
const LOOK_BACK_DAYS = 8

/** The latest instant at or before `at` when the center (or service) closed, joining stretches that touch; null when none in the last week. */
export function lastClosingMs(cal: CenterCalendar, serviceId: number | null, at: number, timeZone: string): number | null {
  let day = hoursDay(at, timeZone)
  for (let i = 0; i <= LOOK_BACK_DAYS; i++, day = addDays(day, -1)) {
    const spans = openSpansOn(cal, serviceId, day, timeZone)
    for (let k = spans.length - 1; k >= 0; k--) {
      const end = spans[k]!.end
      // a stretch that runs on into the next one (24:00 then 00:00) did not close there
      if (end <= at && !isOpenAt(cal, serviceId, end, timeZone)) return end
    }
  }
  return null
}

/**
 * With `atClosing: 'cancel-after'`: whether `at` falls in the grace after the last closing, while
 * the tickets taken before it are still called (they are cancelled when it ends: closingDueForCancel).
 */
export function inCancelGrace(cal: CenterCalendar, at: number, timeZone: string): boolean {
  return cancelGrace(cal, at, timeZone) !== null
}

/**
 * With `atClosing: 'cancel-after'`, while `at` falls in the grace after the last closing: that
 * closing and when the tickets taken before it and still waiting are cancelled (epoch ms); null otherwise.
 */
export function cancelGrace(cal: CenterCalendar, at: number, timeZone: string): { closedAt: number; cancelAt: number } | null {
  if (cal.atClosing !== 'cancel-after' || cal.weekly === null) return null
  const closedAt = lastClosingMs(cal, null, at, timeZone)
  if (closedAt === null) return null
  const cancelAt = closedAt + cal.cancelAfterMinutes * 60_000
  return at < cancelAt ? { closedAt, cancelAt } : null
}

/**
 * With `atClosing: 'cancel-after'`: the closing whose waiting tickets are due for cancelling at
 * `at` (the last closing, once `cancelAfterMinutes` have passed since it); null otherwise.
 */
export function closingDueForCancel(cal: CenterCalendar, at: number, timeZone: string): number | null {
  if (cal.atClosing !== 'cancel-after' || cal.weekly === null) return null
  const closed = lastClosingMs(cal, null, at, timeZone)
  return closed !== null && at >= closed + cal.cancelAfterMinutes * 60_000 ? closed : null
}
