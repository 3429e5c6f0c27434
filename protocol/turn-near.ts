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
 * that never came). On WhatsApp, whose approved "ticket taken" template cannot say it, by the
 * "few ahead" message right after it (server/notify/message-scanner.ts takenSaysNear).
 */
import type { PublicTicket } from './entities.ts'
import { waitValues } from './messages/ticket.ts'

/** How few ahead and how soon make a turn near. */
export interface NearRule {
  /** At most this many people ahead (`messages.aheadAt`, turnNearPeople: the page's and the texts' one count). */
  people: number
  /** At most this many minutes' estimate, in the whole minutes the estimate is worded in (`queue.turnNearMinutes`). */
  minutes: number
}

/** The count when `messages.aheadAt` is 0 (no "few ahead" texts): the setting's default, so the page keeps its line. */
export const DEFAULT_NEAR_PEOPLE = 3

/**
 * How few people ahead make a turn near, for the status page and the texts alike: `messages.aheadAt`
 * (DEFAULT_NEAR_PEOPLE when it is 0). One count in one place: the page counted from 2 while the
 * texts counted from aheadAt (3), so at 3 ahead the SMS said "your turn is near" and the page the
 * citizen opened from it did not (s49).
 */
export function turnNearPeople(aheadAt: number): number {
  return aheadAt > 0 ? aheadAt : DEFAULT_NEAR_PEOPLE
}

/** Whether `position` people ahead with an estimate of `estimatedWaitSeconds` (null: unknown) is near its turn by `rule`. */
export function turnIsNearBy(position: number, estimatedWaitSeconds: number | null, rule: NearRule): boolean {
  if (estimatedWaitSeconds === null) return false
  // the minutes the words say ("about 15 minutes"), so "near" and the sentence beside it agree
  return position <= rule.people && waitValues(estimatedWaitSeconds).minutes <= rule.minutes
}

/**
 * Whether a public ticket's turn is near (the status page's «اقترب دورك» / "Your turn is near"):
 * still in line (or holding a place) with at most the center's turnNearPeople ahead and an estimate
 * within its turnNearMinutes (unknown, with no counter serving, is never near: walk finding 8).
 */
export function turnIsNear(t: PublicTicket): boolean {
  // once a held place's turn has come (arriveBy set) it is no longer "near": "your turn has come" says it
  if (t.remote?.arriveBy) return false
  if (t.status !== 'waiting' && t.status !== 'remote') return false
  return turnIsNearBy(t.position, t.estimatedWaitSeconds, { people: t.center.turnNearPeople, minutes: t.center.turnNearMinutes })
}
