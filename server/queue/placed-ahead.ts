/**
 * Why a waiting ticket has more people ahead than when it joined the line, though nobody left: the
 * tickets the line forecast calls before it (line-forecast.ts calledAhead) that joined a line after
 * it did, each by the rule that puts it first (walk s52: the status page's "people ahead" grew from
 * 2 to 3 and said nothing). A ticket that joined before it was ahead already when it joined, and
 * is not counted: the kiosk's ticket and the page counted it from the start.
 *
 * - `priority`: a priority category ahead of an ordinary ticket (the `priority` policy, rule d);
 * - `appointment`: a checked-in booking whose slot has come (rule f);
 * - `counter`: sent by a clerk to one of the counters that call this ticket (rule a);
 * - `earlier`: an earlier place kept on joining (a transfer that keeps its issue time, a no-show put
 *   back, a visit's next step, a phone's held place on arrival);
 * - `line`: another service that these counters put first now (its weight, or its target's share).
 * A later ticket ahead for any other reason (anti-starvation after a run of priority calls) is not
 * named: the page says nothing rather than a reason that is not the one.
 */
import { NO_PRIORITY } from '../../protocol/call-candidate.ts'
import type { PlacedAhead, PlacedAheadKind } from '../../protocol/entities.ts'
import type { ForecastCall } from './line-forecast.ts'
import { calledAhead } from './line-forecast.ts'
import type { CallCandidate } from './types.ts'

/** A ticket in line as this reading needs it. */
export type LineTicket = { id: string; serviceId: number; queuedAt: number } & Pick<CallCandidate, 'priority'>

/** Why `later`, called before `t` in the play, is ahead of it; null when none of the named reasons is why. */
function kindOf(call: ForecastCall, later: LineTicket, t: LineTicket): PlacedAheadKind | null {
  if (call.reason === 'targeted') return 'counter'
  if (call.reason === 'appointment_due') return 'appointment'
  if (call.reason === 'priority_category' && t.priority === NO_PRIORITY) return 'priority'
  if (later.queuedAt < t.queuedAt) return 'earlier'
  const ordered = call.reason === 'weighted_wait' || call.reason === 'sla_ratio' || call.reason === 'priority_category'
  return ordered && later.serviceId !== t.serviceId ? 'line' : null
}

/**
 * The people placed ahead of `t` since it joined, by kind (see the header); null when none is.
 * `calls`: the play `t` is called in; `joinedLater`: the waiting tickets that joined a line after `t`.
 */
export function placedAheadOf(
  t: LineTicket,
  calls: ReadonlyMap<string, ForecastCall>,
  joinedLater: ReadonlyMap<string, LineTicket>,
): PlacedAhead | null {
  const placed: PlacedAhead = {}
  let any = false
  for (const id of calledAhead(calls, t.id)) {
    const later = joinedLater.get(id)
    const kind = later && kindOf(calls.get(id)!, later, t)
    if (!kind) continue
    placed[kind] = (placed[kind] ?? 0) + 1
    any = true
  }
  return any ? placed : null
}

/**
 * The same for a ticket no counter, open or paused, can call, whose people ahead are its own service's line in
 * the policy's broad order (queue-view aheadInItsLine): under `priority` (`priorityFirst`) every priority
 * ticket is ahead of an ordinary one, a later one too; otherwise by place in line, so only an earlier place
 * kept puts a later ticket ahead.
 */
export function placedAheadInLine(t: LineTicket, joinedLater: readonly LineTicket[], priorityFirst: boolean): PlacedAhead | null {
  const placed: PlacedAhead = {}
  let any = false
  for (const later of joinedLater) {
    if (later.serviceId !== t.serviceId) continue
    const classFirst = priorityFirst && later.priority !== NO_PRIORITY && t.priority === NO_PRIORITY
    const sameClass = !priorityFirst || (later.priority === NO_PRIORITY) === (t.priority === NO_PRIORITY)
    const kind: PlacedAheadKind | null = classFirst ? 'priority' : sameClass && later.queuedAt < t.queuedAt ? 'earlier' : null
    if (!kind) continue
    placed[kind] = (placed[kind] ?? 0) + 1
    any = true
  }
  return any ? placed : null
}
