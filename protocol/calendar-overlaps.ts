/**
 * Exceptions whose dates overlap without being the same (walk s40: accepted silently). They are
 * accepted on purpose, not refused: a holiday inside a month of Ramadan hours, or one day's
 * closure inside a week of special hours, is what admins write, and the calendar has a rule for
 * the shared days (opening-hours.ts `deciding`: the shorter range decides, between two as long
 * the one listed later). What was missing is saying so: the dashboard's list writes, next to
 * both exceptions, which one applies on which days. Identical ones (same dates, same services)
 * stay refused (calendar-validation.ts, 409 DUPLICATE_EXCEPTION). A center-wide exception and a
 * service's own do not compete (the service is open only while both say so), so only two of
 * the same reach (both center-wide, or both naming a same service) are an overlap here.
 */
import type { HoursException } from './calendar.ts'
import { exceptionKey } from './calendar-validation.ts'
import { dayCount } from './center-clock.ts'
import { deciding } from './opening-hours.ts'

/** Two overlapping exceptions (indexes in the calendar's list) and the days they share, `from`–`to` inclusive. */
export interface ExceptionOverlap {
  /** The one that applies on the shared days. */
  winner: number
  loser: number
  from: string
  to: string
  /** Why: `shorter` (its range is shorter) or `later` (as long, listed later: added later). */
  why: 'shorter' | 'later'
}

/** Both center-wide, or both naming at least one same service. */
function sameReach(a: HoursException, b: HoursException): boolean {
  if (a.serviceIds === undefined || b.serviceIds === undefined) return a.serviceIds === b.serviceIds
  return a.serviceIds.some((id) => b.serviceIds!.includes(id))
}

/** Every pair of `exceptions` that overlap (not identical), in list order, with the one that decides their shared days. */
export function exceptionOverlaps(exceptions: readonly HoursException[]): ExceptionOverlap[] {
  const out: ExceptionOverlap[] = []
  exceptions.forEach((a, i) => {
    for (let j = i + 1; j < exceptions.length; j++) {
      const b = exceptions[j]!
      if (!sameReach(a, b) || exceptionKey(a) === exceptionKey(b)) continue
      // dates as written sort as they fall: the later start, the earlier end
      const from = [a.from, b.from].sort()[1]!
      const to = [a.to, b.to].sort()[0]!
      if (from > to) continue
      // the calendar's own rule names the winner: the same on every shared day, both cover them all
      const laterWins = deciding([a, b], from) === b
      const why = dayCount(a.from, a.to) === dayCount(b.from, b.to) ? 'later' : 'shorter'
      out.push({ winner: laterWins ? j : i, loser: laterWins ? i : j, from, to, why })
    }
  })
  return out
}
