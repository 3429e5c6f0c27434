/**
 * The console's "mark as no-show?" question, with the undo it offers as the center sets it
 * (queue.noShowGraceMinutes, sent on GET /center): the minutes the "Recent no-shows" list then
 * counts down, none when the window is 0, and no promise from an older server that does not say.
 */
import type { ConsoleMessageKey } from '../protocol/messages/console.ts'

/** The confirm's message and values for ticket `label`; `graceMinutes` undefined: not known. */
export function noShowConfirm(
  label: string,
  graceMinutes: number | undefined,
): { message: ConsoleMessageKey; values: Record<string, string | number> } {
  if (graceMinutes === undefined) return { message: 'noShow.confirmPlain', values: { label } }
  if (graceMinutes === 0) return { message: 'noShow.confirmFinal', values: { label } }
  return { message: 'noShow.confirm', values: { label, minutes: graceMinutes } }
}
