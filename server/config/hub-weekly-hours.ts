import type { Db } from '../db/connection.ts'
import { WEEKDAYS, type CenterCalendar, type Weekday, type WeeklyHours } from '../../protocol/calendar.ts'
import { ErrorCodes, fieldError } from '../errors.ts'
import { weeklyHoursBundleVersion } from './running-bundle-version.ts'

/**
 * The weekly hours a running hub bundle set (its `weeklyHours`) are the hub's, as its holidays are
 * (hub-holidays.ts): a calendar change at the center (the hours tab, PUT /calendar) that alters them
 * is refused, 409 TABOUR_ERR_HUB_MANAGED with `field` (`weekly/<day>`, the first day changed, or
 * `weekly` for "always open") and `reason: "hub-managed"`. They were editable, and the next bundle
 * set them back: a manager saw his hours vanish (walk s52). The rest of the calendar (the services'
 * own hours, the business day, closing) stays the center's; a bundle with `weeklyHours: null`
 * leaves the week to the center again.
 *
 * @param prefix the message's path prefix (`body/` for PUT /calendar), as the calendar's other refusals
 */
export function refuseHubWeeklyHoursChange(db: Db, current: CenterCalendar, next: CenterCalendar, prefix: string): void {
  const changed = changedPart(current.weekly, next.weekly)
  if (changed === null) return
  const version = weeklyHoursBundleVersion(db)
  if (version === null) return
  throw fieldError(
    ErrorCodes.HUB_MANAGED,
    { field: changed, reason: 'hub-managed' },
    `${prefix}${changed}: the national hub's configuration bundle ${version} sets the weekly hours; they are changed at the hub, not here`,
  )
}

/** `weekly/<day>` for the first weekday whose intervals differ, `weekly` when one of the two is "always open" (null); null when the same. */
function changedPart(before: WeeklyHours | null, after: WeeklyHours | null): string | null {
  if (before === null || after === null) return before === after ? null : 'weekly'
  const day = WEEKDAYS.find((d: Weekday) => !sameDay(before[d], after[d]))
  return day === undefined ? null : `weekly/${day}`
}

const sameDay = (a: WeeklyHours[Weekday], b: WeeklyHours[Weekday]): boolean =>
  a.length === b.length && a.every((h, i) => h.open === b[i]!.open && h.close === b[i]!.close)
