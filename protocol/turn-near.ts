/**
 * When a citizen's turn is "near": the status page's «اقترب دورك» / "Your turn is near" (and its
 * "head to the center now" / "stay close to the counters") and the texts that say it. Few people
 * ahead is not enough: at a slow service two ahead may be forty minutes away (walk s47), and a
 * citizen told "near" then waits at the counters or rushes back for nothing. So near is few ahead
 * AND an estimate known and within `queue.turnNearMinutes`; with no counter serving (estimate
 * unknown) nobody is called soon, however few are ahead.
 *
 * A consenting citizen is texted that their turn is near exactly once per line: by "ticket taken"
 * when it is near already at issue (message-scanner.ts issuedNear), else by the "few ahead" text
 * when it becomes near (a citizen near at issue got neither, and could step out waiting for a text
 * that never came).
 */
import { waitValues } from './messages/ticket.ts'

/** How few ahead and how soon make a turn near. */
export interface NearRule {
  /** At most this many people ahead (the page's NEAR_PEOPLE_AHEAD, the text's `messages.aheadAt`). */
  people: number
  /** At most this many minutes' estimate, in the whole minutes the estimate is worded in (`queue.turnNearMinutes`). */
  minutes: number
}

/** The status page's "few ahead": its line shows from this many people ahead or fewer. */
export const NEAR_PEOPLE_AHEAD = 2

/** Whether `position` people ahead with an estimate of `estimatedWaitSeconds` (null: unknown) is near its turn by `rule`. */
export function turnIsNearBy(position: number, estimatedWaitSeconds: number | null, rule: NearRule): boolean {
  if (estimatedWaitSeconds === null) return false
  // the minutes the words say ("about 15 minutes"), so "near" and the sentence beside it agree
  return position <= rule.people && waitValues(estimatedWaitSeconds).minutes <= rule.minutes
}
