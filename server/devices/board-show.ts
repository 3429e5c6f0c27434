import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import { BLANK, type BoardShow } from '../../drivers/serial/index.ts'

/**
 * What a paused counter's board shows: dashes, so a citizen sees the counter is staffed but not
 * calling. ASCII because boards are ASCII (the em dash of the design cannot cross the wire).
 */
export const PAUSED_TEXT = '--'

/**
 * What a counter's board shows when nothing new is being called: the label at the counter,
 * steady; dashes when paused; blank when closed or open with nobody at it. Calls and recalls
 * flash, and come from the `ticket:called` event instead.
 */
export function boardShowFor(counter: CounterRecord | undefined, currentLabel: string | null): BoardShow {
  if (!counter || counter.state === 'closed') return BLANK
  if (counter.state === 'paused') return { text: PAUSED_TEXT, flash: false }
  return currentLabel ? { text: currentLabel, flash: false } : BLANK
}
