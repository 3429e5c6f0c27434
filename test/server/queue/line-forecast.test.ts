import { describe, expect, it } from 'vitest'
import { candidateMaker } from './waiting-candidate.ts'
import { DEFAULT_CALL_POLICY_PARAMS } from '../../../protocol/call-policy.ts'
import { type ForecastCounter, forecastCalls } from '../../../server/queue/line-forecast.ts'
import type { CallCandidate, CallPolicyName } from '../../../server/queue/types.ts'

const NOW = Date.parse('2026-12-04T08:00:00Z')
const MIN = 60_000
const PASSPORTS = 1
const CIVIL = 2

/** A waiting ticket queued `minutesAgo` before NOW; ordinary, weight 1 (waiting-candidate.ts). */
const ticket = candidateMaker(NOW)

function counter(id: number, candidates: CallCandidate[], over: Partial<ForecastCounter> = {}): ForecastCounter {
  return { id, freeAt: NOW, priorityStreak: 0, candidates, ...over }
}

/** Five-minute services unless told otherwise. */
function play(counters: ForecastCounter[], policy: CallPolicyName = 'fifo', seconds: Record<number, number> = {}) {
  return forecastCalls({
    now: NOW,
    policy,
    params: DEFAULT_CALL_POLICY_PARAMS,
    counters,
    serviceSeconds: (id) => seconds[id] ?? 300,
  })
}

const summary = (calls: ReturnType<typeof play>) =>
  Object.fromEntries([...calls].map(([id, c]) => [id, { counter: c.counterId, inMinutes: (c.at - NOW) / MIN, ahead: c.ahead }]))

describe('the line forecast', () => {
  it('one counter, one service: the old rule (ahead × mean time)', () => {
    const line = [ticket('A1', PASSPORTS, 10), ticket('A2', PASSPORTS, 8), ticket('A3', PASSPORTS, 5)]
    expect(summary(play([counter(1, line)]))).toEqual({
      A1: { counter: 1, inMinutes: 0, ahead: 0 },
      A2: { counter: 1, inMinutes: 5, ahead: 1 },
      A3: { counter: 1, inMinutes: 10, ahead: 2 },
    })
  })

  it("another service's older ticket at the only counter is ahead (the walk-through's untrue 'you are next')", () => {
    const civil = ticket('B1', CIVIL, 12)
    const passport = ticket('A1', PASSPORTS, 1)
    const calls = play([counter(1, [civil, passport])], 'fifo', { [CIVIL]: 600 })
    expect(summary(calls)).toEqual({
      B1: { counter: 1, inMinutes: 0, ahead: 0 },
      A1: { counter: 1, inMinutes: 10, ahead: 1 },
    })
  })

  it('two counters share the work: a ticket waits for the first counter to come free, not for ahead ÷ counters', () => {
    const line = [ticket('A1', PASSPORTS, 9), ticket('A2', PASSPORTS, 8), ticket('A3', PASSPORTS, 7)]
    expect(summary(play([counter(1, line), counter(2, line, { freeAt: NOW + 2 * MIN })]))).toEqual({
      A1: { counter: 1, inMinutes: 0, ahead: 0 },
      A2: { counter: 2, inMinutes: 2, ahead: 1 },
      A3: { counter: 1, inMinutes: 5, ahead: 2 },
    })
  })

  it('counts as ahead only the calls of counters that could call the ticket', () => {
    // counter 1 serves passports and civil records, counter 2 civil records only
    const a1 = ticket('A1', PASSPORTS, 1)
    const b1 = ticket('B1', CIVIL, 10)
    const b2 = ticket('B2', CIVIL, 9)
    const calls = play([counter(1, [a1, b1, b2]), counter(2, [b1, b2])])
    // counter 1 calls B1 at once (the oldest), counter 2 takes B2; A1 is next at counter 1
    expect(summary(calls)).toEqual({
      B1: { counter: 1, inMinutes: 0, ahead: 0 },
      B2: { counter: 2, inMinutes: 0, ahead: 1 },
      A1: { counter: 1, inMinutes: 5, ahead: 1 },
    })
  })

  it('a busy counter is free only when its current ticket should end', () => {
    const calls = play([counter(1, [ticket('A1', PASSPORTS, 3)], { freeAt: NOW + 4 * MIN })])
    expect(summary(calls).A1).toEqual({ counter: 1, inMinutes: 4, ahead: 0 })
  })

  it('a counter whose current ticket is overdue counts as free now, never in the past', () => {
    const calls = play([counter(1, [ticket('A1', PASSPORTS, 3)], { freeAt: NOW - 4 * MIN })])
    expect(summary(calls).A1.inMinutes).toBe(0)
  })

  it('under the priority policy a later priority ticket is ahead, up to the cap', () => {
    const line = [
      ticket('A1', PASSPORTS, 10),
      ticket('P1', PASSPORTS, 2, { priority: 'elderly' }),
      ticket('P2', PASSPORTS, 1, { priority: 'elderly' }),
    ]
    expect(summary(play([counter(1, line)], 'priority'))).toEqual({
      P1: { counter: 1, inMinutes: 0, ahead: 0 },
      P2: { counter: 1, inMinutes: 5, ahead: 1 },
      A1: { counter: 1, inMinutes: 10, ahead: 2 },
    })
    // after three priority calls in a row the ordinary ticket is owed the next turn
    expect(summary(play([counter(1, line, { priorityStreak: 3 })], 'priority')).A1).toEqual({ counter: 1, inMinutes: 0, ahead: 0 })
  })

  it('backup services (weight 0) wait until the counter has nothing else', () => {
    const backup = ticket('B1', CIVIL, 30, { weight: 0 })
    const main = ticket('A1', PASSPORTS, 1)
    expect(summary(play([counter(1, [backup, main])]))).toEqual({
      A1: { counter: 1, inMinutes: 0, ahead: 0 },
      B1: { counter: 1, inMinutes: 5, ahead: 1 },
    })
  })

  it('a ticket no open counter can call has no forecast, and an empty center plays nothing', () => {
    expect(play([counter(1, [ticket('A1', PASSPORTS, 1)])]).has('B9')).toBe(false)
    expect(play([]).size).toBe(0)
  })

  it('a long line at counters sharing services: each ticket is called once, its ahead the earlier calls of its counters', () => {
    // counter 1 serves both services, 2 passports only, 3 civil records only; 90 tickets, some priority
    const passports = Array.from({ length: 45 }, (_, i) =>
      ticket(`A${i}`, PASSPORTS, 90 - 2 * i, i % 7 === 0 ? { priority: 'elderly' } : {}),
    )
    const civil = Array.from({ length: 45 }, (_, i) => ticket(`B${i}`, CIVIL, 89 - 2 * i))
    const counters = [counter(1, [...passports, ...civil]), counter(2, passports, { freeAt: NOW + MIN }), counter(3, civil)]
    const callers = (id: string) => counters.filter((c) => c.candidates.some((t) => t.ticketId === id)).map((c) => c.id)
    for (const policy of ['fifo', 'priority', 'sla'] as const) {
      const calls = [...play(counters, policy, { [CIVIL]: 420 })]
      expect(calls.map(([id]) => id).sort()).toEqual([...passports, ...civil].map((t) => t.ticketId).sort())
      // the play's order is the map's: a ticket's ahead counts the calls before it at the counters that could call it
      calls.forEach(([id, call], i) => {
        const mine = callers(id)
        expect(call.ahead, `${policy} ${id}`).toBe(calls.slice(0, i).filter(([, earlier]) => mine.includes(earlier.counterId)).length)
        expect(mine).toContain(call.counterId)
      })
      // each counter calls one ticket after another, never two at once
      for (const c of counters) {
        const times = calls.filter(([, call]) => call.counterId === c.id).map(([, call]) => call.at)
        expect(times).toEqual([...times].sort((a, b) => a - b))
        expect(new Set(times).size).toBe(times.length)
      }
    }
  })

  it('does not change its inputs and gives the same answer twice', () => {
    const line = [ticket('A1', PASSPORTS, 2), ticket('A2', PASSPORTS, 1)]
    const counters = [counter(1, line)]
    const frozen = JSON.stringify(counters)
    expect(summary(play(counters))).toEqual(summary(play(counters)))
    expect(JSON.stringify(counters)).toBe(frozen)
  })
})
