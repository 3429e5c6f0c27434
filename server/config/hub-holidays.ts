import type { CenterCalendar, HoursException } from '../../protocol/calendar.ts'
import { setByHub } from '../../protocol/config-bundle.ts'
import { ErrorCodes, fieldError } from '../errors.ts'

/**
 * The holidays the hub's configuration bundle set (uid `hub:…`) are the hub's, not the center's:
 * a change of the calendar at the center (the hours tab, PUT /calendar, an .ics import) that
 * removes, alters or adds one is refused (409 TABOUR_ERR_HUB_MANAGED, reason `hub-managed`). It was
 * accepted, and the next bundle put the holiday back: a manager saw it vanish and return. Only a
 * bundle (CalendarCommands.updateIn) changes them.
 *
 * @param prefix the message's path prefix (`body/` for PUT /calendar), as the calendar's other refusals
 */
export function refuseHubHolidayChanges(current: CenterCalendar, next: CenterCalendar, prefix: string): void {
  const before = new Map(current.exceptions.filter(setByHub).map((e) => [e.uid!, e]))
  next.exceptions.forEach((e, i) => {
    if (!setByHub(e)) return
    const was = before.get(e.uid!)
    if (was && sameException(was, e)) {
      before.delete(e.uid!)
      return
    }
    throw refusal(
      `exceptions/${i}`,
      `${prefix}exceptions/${i} (${e.uid}) ${was ? 'changes' : 'adds'} a holiday only the national hub's configuration bundle sets`,
    )
  })
  const removed = [...before.values()][0]
  if (removed)
    throw refusal(
      'exceptions',
      `${prefix}exceptions leaves out ${removed.uid}, a holiday the national hub's configuration bundle set; it is removed at the hub`,
    )
}

const refusal = (field: string, message: string) => fieldError(ErrorCodes.HUB_MANAGED, { field, reason: 'hub-managed' }, message)

/** The same holiday, whatever order its keys came in (a JSON round trip through the dashboard keeps values, not always key order). */
function sameException(a: HoursException, b: HoursException): boolean {
  return canonical(a) === canonical(b)
}

const canonical = (e: HoursException): string =>
  JSON.stringify(
    Object.keys(e)
      .sort()
      .map((k) => [k, e[k as keyof HoursException]]),
  )
