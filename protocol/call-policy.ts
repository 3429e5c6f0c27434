/**
 * Call policy: which waiting ticket a counter gets when the clerk presses "call next".
 *
 * It is a pure function of the waiting candidates (the tickets of the services this counter
 * serves) and the context (time, policy, parameters, how many priority tickets this counter
 * called in a row). The rules are applied in this order:
 *
 *  a. Transferred here first. A ticket transferred to this very counter (`targetedHere`) goes
 *     before everything else, oldest `queuedAt` first: the person was already sent to this
 *     window and should not queue twice.
 *  b. Backup services last. A service this counter serves with weight 0 is a backup: its
 *     tickets are considered only when no ticket of a weight > 0 service waits. Among backup
 *     tickets all weights count as equal (1), so they are served in the policy's own order.
 *  f. Due appointments next (appointment-blend.ts): a checked-in appointment whose slot has
 *     started goes before the policy's order below, earliest slot first, unless this counter has
 *     just called `maxAppointmentsInARow` appointments in a row (CallContext.appointmentStreak)
 *     and another ticket waits: then the policy's order picks. Lettered f because it came last;
 *     it applies after (b) and before (c)–(e).
 *  c. `fifo`: the largest weighted wait (now − queuedAt) × weight goes first. With all weights
 *     equal this is plain first-in-first-out across the counter's services; a service with
 *     weight 2 overtakes an older weight-1 ticket only once it has waited more than half as
 *     long. Ties: older queuedAt, then smaller number, then ticketId.
 *  d. `priority`: the priority class is every ticket with a priority category (elderly,
 *     disabled, pregnant, …) plus every ordinary ticket that has waited at least
 *     `priorityAgingSeconds` (ageing: nobody waits forever behind a stream of priority
 *     tickets). The priority class goes first, ordered within itself as in (c); if it is empty,
 *     all tickets in the (c) order. Anti-starvation: once this counter has called
 *     `maxPriorityInARow` priority-category tickets in a row and an ordinary ticket waits, the
 *     best ordinary ticket (in the (c) order) goes next. An aged ordinary ticket is ordinary
 *     for that count: calling it resets the streak (see nextPriorityStreak).
 *  e. `sla`: the largest share of the service's target wait already used,
 *     (now − queuedAt) ÷ targetWaitSeconds × weight, goes first (a target ≤ 0 counts as 1 s),
 *     so a ticket at 90% of a 10-minute target beats one at 50% of a 30-minute target even if
 *     the latter is older. Ties as in (c).
 *
 * One module for the server, which calls by these rules (server/queue/counter-actions.ts, the line
 * forecast), and the clerk's console, which lists each line's next tickets in the order a call
 * takes them (counter-ui/queue-model.ts): one rule, not a copy that drifts (review s44).
 *
 * Parked tickets (issue 21) are never candidates: a parked ticket is not waiting. When the
 * citizen comes back, a clerk of the service resumes it and it is called to that clerk's counter
 * at once, ahead of everyone in the line, whatever the policy (server/queue/ticket-parking.ts):
 * the citizen already reached a counter once and left only to fetch a paper.
 *
 * A wait is never negative: a queuedAt in the future (clock skew between kiosk and server)
 * counts as 0 s waited. Inputs are never mutated and the result is deterministic.
 *
 * No TypeBox here: the kiosk's first screen imports `policyHonoursPriority` (issue 22: importing it
 * from settings.ts put TypeBox, about 40 KB of script, in the kiosk's first chunk).
 */
import { NO_PRIORITY, type CallCandidate, type CallContext, type CallPolicyParams } from './call-candidate.ts'
import { DEFAULT_MAX_APPOINTMENTS_IN_A_ROW, dueAppointment } from './appointment-blend.ts'

/** Defaults: at most 3 priority tickets in a row, ordinary tickets promoted after 1800 s (30 min). */
export const DEFAULT_CALL_POLICY_PARAMS: CallPolicyParams = Object.freeze({
  maxPriorityInARow: 3,
  priorityAgingSeconds: 1800,
})

/** Why a ticket was chosen; short codes suitable for the event log and the dashboard. */
export type CallReason =
  | 'targeted' // rule a
  | 'starvation_cap' // rule d, anti-starvation
  | 'priority_category' // rule d, a priority-category ticket
  | 'aged' // rule d, an ordinary ticket promoted by ageing
  | 'weighted_wait' // rule c, or rule d with an empty priority class
  | 'sla_ratio' // rule e
  | 'appointment_due' // rule f

/** The chosen ticket, the rule that chose it, and whether it came from a backup (weight 0) service. */
export interface CallDecision {
  candidate: CallCandidate
  reason: CallReason
  backup: boolean
}

/** True when the ticket has a priority category (priority !== 'none'); ageing does not make it one. */
export function hasPriorityCategory(c: CallCandidate): boolean {
  return c.priority !== NO_PRIORITY
}

/**
 * Seconds since the ticket's place in the line (`queuedAt`) at `now`, never negative: what the order
 * and the ageing go by. Not always its wait (protocol/waiting-since.ts): a transfer that keeps the
 * issue time, a reinstatement and a phone join's arrival keep an earlier place than the wait's start.
 */
export function inLineSeconds(c: CallCandidate, now: number): number {
  return Math.max(0, now - c.queuedAt) / 1000
}

/** True for an ordinary ticket that has waited at least params.priorityAgingSeconds (default 1800). */
export function isAged(c: CallCandidate, now: number, params: CallPolicyParams): boolean {
  return !hasPriorityCategory(c) && inLineSeconds(c, now) >= params.priorityAgingSeconds
}

// Weight as the ordering sees it: backup tickets are only ever compared among themselves
// (rule b), where treating them as equal keeps their relative order meaningful instead of all 0.
const effectiveWeight = (c: CallCandidate, backup: boolean) => (backup ? 1 : c.weight)

/** Rule (c) score: seconds waited × weight (weight taken as 1 among backup tickets). */
export function weightedWait(c: CallCandidate, now: number, backup = false): number {
  return inLineSeconds(c, now) * effectiveWeight(c, backup)
}

/** Rule (e) score: seconds waited ÷ targetWaitSeconds (≤ 0 or non-finite → 1) × weight. */
export function slaRatio(c: CallCandidate, now: number, backup = false): number {
  const target = c.targetWaitSeconds > 0 ? c.targetWaitSeconds : 1
  return (inLineSeconds(c, now) / target) * effectiveWeight(c, backup)
}

/** The final tie-breakers: older queuedAt, then smaller number, then ticketId (code-unit order, locale-independent). */
export function compareTieBreak(a: CallCandidate, b: CallCandidate): number {
  if (a.queuedAt !== b.queuedAt) return a.queuedAt - b.queuedAt
  if (a.number !== b.number) return a.number - b.number
  return a.ticketId < b.ticketId ? -1 : a.ticketId > b.ticketId ? 1 : 0
}

type Score = (c: CallCandidate) => number

// Higher score first, then the tie-breakers. Returns the best without sorting (no copy needed).
function best(candidates: readonly CallCandidate[], score: Score): CallCandidate | null {
  let top: CallCandidate | null = null
  let topScore = 0
  for (const c of candidates) {
    const s = score(c)
    if (top === null || s > topScore || (s === topScore && compareTieBreak(c, top) < 0)) {
      top = c
      topScore = s
    }
  }
  return top
}

/** `candidates` in rule (c) order (a new array): largest weighted wait first, then the tie-breakers. */
export function fifoOrder(candidates: readonly CallCandidate[], now: number, backup = false): CallCandidate[] {
  return [...candidates].sort((a, b) => weightedWait(b, now, backup) - weightedWait(a, now, backup) || compareTieBreak(a, b))
}

/** The next ticket for this counter and the rule that chose it, or null when nothing waits. */
export function decideNext(candidates: readonly CallCandidate[], ctx: CallContext): CallDecision | null {
  if (candidates.length === 0) return null
  const { now, params } = ctx

  // a. Transferred to this counter: oldest first, whatever the policy and weight. (The line
  // forecast decides once per ticket of the line, for every call's board: no copy is made when
  // nothing is transferred here or no backup service waits, the common case.)
  const targeted = candidates.some((c) => c.targetedHere)
    ? best(
        candidates.filter((c) => c.targetedHere),
        (c) => -c.queuedAt,
      )
    : null
  if (targeted) return { candidate: targeted, reason: 'targeted', backup: false }

  // b. Backup services only when nothing else waits. `> 0` also sends a NaN weight to backup.
  const weighted = candidates.every((c) => c.weight > 0) ? candidates : candidates.filter((c) => c.weight > 0)
  const backup = weighted.length === 0
  const pool = backup ? candidates : weighted
  const byWeightedWait: Score = (c) => weightedWait(c, now, backup)
  const decide = (candidate: CallCandidate | null, reason: CallReason): CallDecision | null => candidate && { candidate, reason, backup }

  // f. A checked-in appointment whose slot has started, within its cap.
  const due = dueAppointment(
    pool,
    now,
    ctx.appointmentStreak ?? 0,
    params.maxAppointmentsInARow ?? DEFAULT_MAX_APPOINTMENTS_IN_A_ROW,
    compareTieBreak,
  )
  if (due) return decide(due, 'appointment_due')

  switch (ctx.policy) {
    case 'sla':
      return decide(
        best(pool, (c) => slaRatio(c, now, backup)),
        'sla_ratio',
      )
    case 'priority': {
      const ordinary = pool.filter((c) => !hasPriorityCategory(c))
      // d. Anti-starvation comes before the priority class: after the cap, an ordinary ticket
      // (aged or not) is owed a turn if one waits.
      if (ctx.priorityStreak >= params.maxPriorityInARow && ordinary.length > 0) {
        return decide(best(ordinary, byWeightedWait), 'starvation_cap')
      }
      const priorityClass = pool.filter((c) => hasPriorityCategory(c) || isAged(c, now, params))
      if (priorityClass.length > 0) {
        const chosen = best(priorityClass, byWeightedWait)!
        return decide(chosen, hasPriorityCategory(chosen) ? 'priority_category' : 'aged')
      }
      return decide(best(pool, byWeightedWait), 'weighted_wait')
    }
    default:
      // Unknown policy names (e.g. an old config) fall back to the plainest fair order.
      return decide(best(pool, byWeightedWait), 'weighted_wait')
  }
}

/** The next ticket for this counter under ctx.policy (rules a–e above), or null when `candidates` is empty. */
export function chooseNext(candidates: readonly CallCandidate[], ctx: CallContext): CallCandidate | null {
  return decideNext(candidates, ctx)?.candidate ?? null
}

/** The streak to pass to the next call: previousStreak + 1 when `chosen` has a priority category, else 0 (aged ordinary tickets reset it). */
export function nextPriorityStreak(previousStreak: number, chosen: CallCandidate): number {
  return hasPriorityCategory(chosen) ? previousStreak + 1 : 0
}

/**
 * The tickets this one counter would call, one at a time, if it called `candidates` back to back
 * at ctx.now, feeding the streaks forward: a generator, so a reader that needs only the first few
 * of each line (the console's "next" labels) stops there instead of ordering the whole line.
 */
export function* callOrder(candidates: readonly CallCandidate[], ctx: CallContext): Generator<CallCandidate, void, undefined> {
  const remaining = [...candidates]
  let streak = ctx.priorityStreak
  let appointments = ctx.appointmentStreak ?? 0
  while (remaining.length > 0) {
    const next = chooseNext(remaining, { ...ctx, priorityStreak: streak, appointmentStreak: appointments })!
    remaining.splice(remaining.indexOf(next), 1)
    yield next
    streak = nextPriorityStreak(streak, next)
    appointments = next.slotStart === undefined ? 0 : appointments + 1
  }
}

/** The order in which this one counter would call all `candidates` back to back at ctx.now (a new array); for "why this ticket?" views. */
export function projectedCallOrder(candidates: readonly CallCandidate[], ctx: CallContext): CallCandidate[] {
  return [...callOrder(candidates, ctx)]
}

/**
 * True when the center's call policy serves priority categories first (`priority`). Under
 * `fifo` or `sla` a category changes nothing, so the kiosk neither asks for one nor promises
 * it, and the server records none on a kiosk's ticket (server/queue/ticket-issuer.ts).
 */
export function policyHonoursPriority(callPolicy: string | null | undefined): boolean {
  return callPolicy === 'priority'
}
