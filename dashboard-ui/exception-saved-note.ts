/**
 * What the hours tab says after an exception is added (hours-view.ts): saved; saved but already over
 * (kept for the record, it changes nothing ahead); or saved and overlapping another (the list says
 * which applies). "Over" is judged against the center's date from GET /calendar/now (`today`, the day
 * whose hours decide this moment), never the UTC date of its instant nor the PC's clock: from 00:00
 * to 02:00 in Cairo those are still yesterday, and a holiday ending yesterday was said to be ahead.
 */
import type { CalendarNow, HoursException } from '../protocol/calendar.ts'
import { exceptionOverlaps } from '../protocol/calendar-overlaps.ts'
import type { HoursEditorMessageKey } from '../protocol/messages/hours-editor.ts'

/** The note for the last of `stored`, just added, with the center's clock read at `now`. */
export function exceptionSavedNote(stored: readonly HoursException[], now: Pick<CalendarNow, 'today'>): HoursEditorMessageKey {
  const last = stored.length - 1
  if ((stored[last]?.to ?? '') < now.today) return 'hoursTab.exceptionSavedPast'
  const overlapping = exceptionOverlaps(stored).some((o) => o.winner === last || o.loser === last)
  return overlapping ? 'hoursTab.exceptionSavedOverlaps' : 'hoursTab.exceptionSaved'
}
