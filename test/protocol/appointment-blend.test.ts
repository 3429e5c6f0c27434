import { describe, expect, it } from 'vitest'
import { decideNext, DEFAULT_CALL_POLICY_PARAMS, nextPriorityStreak, projectedCallOrder } from '../../protocol/call-policy.ts'
import { appointmentStreakOf, dueAppointment, isDueAppointment } from '../../protocol/appointment-blend.ts'
import type { CallCandidate, CallContext, CallPolicyName } from '../../protocol/call-candidate.ts'

const NOW = Date.parse('2026-03-10T08:00:00Z')
const MIN = 60_000

let seq = 0
/** A walk-in that has waited `waitedMin` minutes at NOW. */
const walkIn = (id: string, waitedMin: number, over: Partial<CallCandidate> = {}): CallCandidate => ({
  ticketId: id,
  serviceId: 1,
  priority: 'none',
  queuedAt: NOW - waitedMin * MIN,
  targetWaitSeconds: 600,
  weight: 1,
  targetedHere: false,
  number: ++seq,
  ...over,
})
/** A checked-in appointment whose slot starts `slotInMin` minutes from NOW (negative: started), checked in `arrivedMin` ago. */
const appt = (id: string, slotInMin: number, arrivedMin = 5, over: Partial<CallCandidate> = {}): CallCandidate =>
  walkIn(id, arrivedMin, { slotStart: NOW + slotInMin * MIN, ...over })

const ctx = (policy: CallPolicyName = 'fifo', over: Partial<CallContext> = {}, maxAppointmentsInARow = 2): CallContext => ({
  now: NOW,
  policy,
  params: { ...DEFAULT_CALL_POLICY_PARAMS, maxAppointmentsInARow },
  priorityStreak: 0,
  ...over,
})

/** One counter calling everything back to back at NOW, streaks fed forward as the server does. */
const order = (cs: CallCandidate[], c: CallContext) => projectedCallOrder(cs, c).map((x) => x.ticketId)

describe('rule f: due appointments ahead of walk-ins, capped', () => {
  // policy, candidates, cap, starting appointment streak → the order one counter calls them in
  const table: [string, CallPolicyName, CallCandidate[], number, number, string[]][] = [
    [
      'a due appointment goes before older walk-ins',
      'fifo',
      [walkIn('W1', 30), walkIn('W2', 20), appt('A1', -1)],
      2,
      0,
      ['A1', 'W1', 'W2'],
    ],
    ['an early arrival waits like a walk-in until its slot', 'fifo', [walkIn('W1', 30), appt('A1', 10, 5)], 2, 0, ['W1', 'A1']],
    ['an early arrival who waited longest still goes by the policy', 'fifo', [walkIn('W1', 3), appt('A1', 10, 20)], 2, 0, ['A1', 'W1']],
    ['due appointments: earliest slot first', 'fifo', [appt('A2', -1, 20), appt('A1', -10, 1), walkIn('W1', 40)], 2, 0, ['A1', 'A2', 'W1']],
    [
      'cap 2: A A W A A W, walk-ins never starve',
      'fifo',
      [appt('A1', -6), appt('A2', -5), appt('A3', -4), appt('A4', -3), walkIn('W1', 50), walkIn('W2', 40)],
      2,
      0,
      ['A1', 'A2', 'W1', 'A3', 'A4', 'W2'],
    ],
    ['cap 1: A W A W', 'fifo', [appt('A1', -6), appt('A2', -5), walkIn('W1', 50), walkIn('W2', 40)], 1, 0, ['A1', 'W1', 'A2', 'W2']],
    ['a streak carried over from earlier calls', 'fifo', [appt('A1', -2), walkIn('W1', 10)], 2, 2, ['W1', 'A1']],
    ['the cap is ignored when only appointments wait', 'fifo', [appt('A1', -3), appt('A2', -2), appt('A3', -1)], 1, 5, ['A1', 'A2', 'A3']],
    [
      'ahead of priority tickets too (a promised time), under the same cap',
      'priority',
      [walkIn('P1', 5, { priority: 'elderly' }), appt('A1', -1), walkIn('W1', 20)],
      2,
      0,
      ['A1', 'P1', 'W1'],
    ],
    ['under sla as well', 'sla', [walkIn('W1', 9), appt('A1', 0)], 2, 0, ['A1', 'W1']],
    ['a transfer to this counter still goes first', 'fifo', [appt('A1', -5), walkIn('T1', 1, { targetedHere: true })], 2, 0, ['T1', 'A1']],
    [
      'an appointment of a backup service (weight 0) waits for the weighted services',
      'fifo',
      [appt('A1', -5, 5, { weight: 0, serviceId: 9 }), walkIn('W1', 1)],
      2,
      0,
      ['W1', 'A1'],
    ],
  ]
  it.each(table)('%s', (_name, policy, cs, cap, streak, expected) => {
    expect(order(cs, ctx(policy, { appointmentStreak: streak }, cap))).toEqual(expected)
  })

  it('names the rule that chose it', () => {
    expect(decideNext([walkIn('W1', 30), appt('A1', 0)], ctx())?.reason).toBe('appointment_due')
    expect(decideNext([walkIn('W1', 30), appt('A1', 0)], ctx('fifo', { appointmentStreak: 2 }))?.reason).toBe('weighted_wait')
  })

  it('within N minutes of its slot: with one counter finishing every 6 minutes, each appointment is called within 6 minutes of its slot', () => {
    // a morning: walk-ins arrive every 2 minutes, an appointment every 15 (slot times), one counter calls every 6 minutes
    const waiting: CallCandidate[] = []
    const calledAt = new Map<string, number>()
    let streak = 0
    let prio = 0
    for (let t = 0; t <= 180; t++) {
      const now = NOW + t * MIN
      if (t % 2 === 0) waiting.push(walkIn(`W${t}`, 0, { queuedAt: now }))
      if (t % 15 === 0) waiting.push(appt(`A${t}`, 0, 0, { queuedAt: now - 10 * MIN, slotStart: now }))
      if (t % 6 !== 0) continue
      const d = decideNext(waiting, { ...ctx(), now, appointmentStreak: streak, priorityStreak: prio })
      if (!d) continue
      waiting.splice(waiting.indexOf(d.candidate), 1)
      calledAt.set(d.candidate.ticketId, t)
      streak = d.candidate.slotStart === undefined ? 0 : streak + 1
      prio = nextPriorityStreak(prio, d.candidate)
    }
    for (let t = 0; t <= 170; t += 15) expect(calledAt.get(`A${t}`)! - t).toBeLessThan(6)
  })

  it('helpers', () => {
    expect(isDueAppointment(appt('A', 0), NOW)).toBe(true)
    expect(isDueAppointment(appt('A', 1), NOW)).toBe(false)
    expect(isDueAppointment(walkIn('W', 1), NOW)).toBe(false)
    expect(dueAppointment([], NOW, 0, 2, () => 0)).toBeNull()
    expect(appointmentStreakOf(['appointment', 'appointment', 'walk_in', 'appointment'])).toBe(2)
    expect(appointmentStreakOf(['walk_in', 'appointment'])).toBe(0)
  })
})
