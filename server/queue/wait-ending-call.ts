import type { EventRecord } from '../db/repositories/events-repo.ts'

/**
 * The call after an undone no-show ends no wait (server/reports/no-show-undo.ts, README "A ticket's
 * wait"): the citizen's wait in that line ended at the first call, a hit or a miss then. These read
 * a ticket's event log (in order) the way `callAfterUndoSql` reads its rows, so the call command,
 * the console and the reports agree on which call ended the wait.
 */

/** True when a call of the ticket now would be the call after an undone no-show: its latest call or reinstatement is a reinstatement. */
export function nextCallIsAfterUndo(events: readonly EventRecord[]): boolean {
  return events.findLast((e) => e.type === 'ticket.called' || e.type === 'ticket.reinstated')?.type === 'ticket.reinstated'
}

/**
 * The call that ended the ticket's present wait, when its latest call did not (that call came after an
 * undone no-show); undefined when its latest call is the one that ended it, or when it has none.
 */
export function earlierWaitEndingCall(events: readonly EventRecord[]): EventRecord | undefined {
  let ending: EventRecord | undefined
  let latestEnded = true
  let afterUndo = false
  for (const e of events) {
    if (e.type === 'ticket.reinstated') afterUndo = true
    if (e.type !== 'ticket.called') continue
    latestEnded = !afterUndo
    if (latestEnded) ending = e
    afterUndo = false
  }
  return latestEnded ? undefined : ending
}

/**
 * The call after an undone no-show counts as a call again (recallCount, the console's "Called again
 * since issue"), as the figures count it (no new call, no-show-undo.ts), not the undo: true unless
 * the reinstatement was logged before this rule (its event carries recallCount: counted at the undo).
 */
export function undoCountedAtItsCall(events: readonly EventRecord[]): boolean {
  return typeof events.findLast((e) => e.type === 'ticket.reinstated')?.data?.recallCount !== 'number'
}
