/**
 * The line forecast: who the open counters will call, in what order and about when, found by
 * playing the call policy forward. It is what "people ahead" and the estimated wait are read
 * from, so a sentence on the kiosk, the paper ticket or the status page counts the tickets that
 * will really be called first: a Civil-records ticket waiting at the only counter that also
 * serves Passports is ahead of the next Passports ticket, though it is not in its service's line.
 *
 * The play: every open counter (clerk present) becomes free at `freeAt` (now when idle, else
 * when its current ticket should end: counter-free-at.ts; never before now). The counter free first (ties: lower id) calls what `decideNext` picks from
 * its own candidates still waiting, judged at that moment (ageing and SLA shares grow as the
 * play runs), and is then busy for the mean service time of the ticket's service. It stops when
 * nothing waits that an open counter can call, or once the ticket asked about is called.
 *
 * A ticket's "people ahead" are the tickets the play calls before it at the counters that could
 * call it; its estimate is when it is called. A ticket no open counter can call has no forecast
 * (the caller falls back to its service's line and an unknown wait). An estimate, not a promise:
 * service times vary, clerks pause, and people arrive after it was made.
 */
import { type CallReason, decideNext, nextPriorityStreak } from '../../protocol/call-policy.ts'
import type { CallCandidate, CallPolicyName, CallPolicyParams } from './types.ts'

/** An open counter as the play sees it. */
export interface ForecastCounter {
  id: number
  /** Epoch ms from which it can call: now when idle, else the expected end of its current ticket (counter-free-at.ts; not before now). */
  freeAt: number
  /** Priority tickets it called in a row (rule d's streak). */
  priorityStreak: number
  /** The waiting tickets it may call, as the real call sees them (tickets-repo candidatesFor). */
  candidates: readonly CallCandidate[]
}

export interface ForecastInput {
  now: number
  policy: CallPolicyName
  params: CallPolicyParams
  counters: readonly ForecastCounter[]
  /** Mean service time (call → finish) of a service, seconds. */
  serviceSeconds: (serviceId: number) => number
  /** Stop once this ticket is called (the rest of the line is not needed). */
  until?: string
}

/** When and where the play calls a ticket, and how many it called first at the counters that could call it. */
export interface ForecastCall {
  counterId: number
  /** Epoch ms. */
  at: number
  ahead: number
  /** The rule that picks it at that call (protocol/call-policy.ts): why a later ticket goes first (placed-ahead.ts). */
  reason: CallReason
  /** The counters that could call it (shared with the play, not copied): whose calls its `ahead` counts. */
  callers: ReadonlySet<number>
}

interface Seat {
  id: number
  freeAt: number
  streak: number
  candidates: CallCandidate[]
  /** The same candidates by ticket id (a ticket is a counter's candidate once: tickets-repo candidatesFor). */
  byTicket: Map<string, CallCandidate>
}

/** The play's calls by ticket id (see the header). Pure: inputs are not mutated. */
export function forecastCalls(input: ForecastInput): Map<string, ForecastCall> {
  const seats: Seat[] = input.counters.map((c) => ({
    id: c.id,
    freeAt: Math.max(input.now, c.freeAt),
    streak: c.priorityStreak,
    candidates: [...c.candidates],
    byTicket: new Map(c.candidates.map((t) => [t.ticketId, t])),
  }))
  // which counters could call each ticket: its "ahead" counts only their calls
  const callers = new Map<string, Set<number>>()
  for (const s of seats)
    for (const c of s.candidates) (callers.get(c.ticketId) ?? callers.set(c.ticketId, new Set()).get(c.ticketId)!).add(s.id)
  const calls = new Map<string, ForecastCall>()
  // the calls each counter has made so far in the play: a ticket's "ahead" is their sum over its callers
  const callsAt = new Map<number, number>()

  // each step is O(candidates) for the policy's pick: the line is taken out of the counters'
  // candidates in place, not filtered again at every step, so a line of a few hundred stays a
  // millisecond or two (it is played for every call's board, before the displays' push)
  for (;;) {
    let seat: Seat | null = null
    for (const s of seats) {
      if (s.candidates.length === 0) continue
      if (seat === null || s.freeAt < seat.freeAt || (s.freeAt === seat.freeAt && s.id < seat.id)) seat = s
    }
    if (seat === null) break
    const decision = decideNext(seat.candidates, {
      now: seat.freeAt,
      policy: input.policy,
      params: input.params,
      priorityStreak: seat.streak,
    })
    if (decision === null) break
    const chosen = decision.candidate
    const mine = callers.get(chosen.ticketId)!
    let ahead = 0
    for (const id of mine) ahead += callsAt.get(id) ?? 0
    calls.set(chosen.ticketId, { counterId: seat.id, at: seat.freeAt, ahead, reason: decision.reason, callers: mine })
    callsAt.set(seat.id, (callsAt.get(seat.id) ?? 0) + 1)
    // called: out of the line of every counter that could have called it
    for (const s of seats) if (mine.has(s.id)) dropTicket(s, chosen.ticketId)
    seat.streak = nextPriorityStreak(seat.streak, chosen)
    seat.freeAt += Math.max(0, input.serviceSeconds(chosen.serviceId)) * 1000
    if (chosen.ticketId === input.until) break
  }
  return calls
}

/**
 * The tickets a play calls before `ticketId` at the counters that could call it, in call order:
 * who its `ahead` counts (as many). The play's calls are in call order (a Map keeps insertion order).
 */
export function calledAhead(calls: ReadonlyMap<string, ForecastCall>, ticketId: string): string[] {
  const mine = calls.get(ticketId)
  if (!mine) return []
  const ahead: string[] = []
  for (const [id, call] of calls) {
    if (id === ticketId) break
    if (mine.callers.has(call.counterId)) ahead.push(id)
  }
  return ahead
}

/** Takes a ticket out of a counter's candidates, in place, keeping their order (found by identity: no string compared). */
function dropTicket(seat: Seat, ticketId: string): void {
  const candidate = seat.byTicket.get(ticketId)
  if (candidate) seat.candidates.splice(seat.candidates.indexOf(candidate), 1)
}
