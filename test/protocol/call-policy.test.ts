import { describe, it, expect } from 'vitest'
import {
  chooseNext,
  decideNext,
  DEFAULT_CALL_POLICY_PARAMS,
  fifoOrder,
  nextPriorityStreak,
  projectedCallOrder,
  inLineSeconds,
} from '../../protocol/call-policy.ts'
import type { CallCandidate, CallContext, CallPolicyName, CallPolicyParams } from '../../protocol/call-candidate.ts'

const NOW = Date.parse('2024-03-10T10:00:00Z')
const S = 1000
const MIN = 60 * S

let seq = 0
/** A candidate that has waited `waitedMs` at NOW; ordinary, weight 1, 10-minute target by default. */
function cand(id: string, waitedMs: number, over: Partial<CallCandidate> = {}): CallCandidate {
  return {
    ticketId: id,
    serviceId: 1,
    priority: 'none',
    queuedAt: NOW - waitedMs,
    targetWaitSeconds: 600,
    weight: 1,
    targetedHere: false,
    number: ++seq,
    ...over,
  }
}

function ctx(policy: CallPolicyName, over: Partial<CallContext> = {}, params: Partial<CallPolicyParams> = {}): CallContext {
  return { now: NOW, policy, params: { ...DEFAULT_CALL_POLICY_PARAMS, ...params }, priorityStreak: 0, ...over }
}

const ids = (cs: CallCandidate[]) => cs.map((c) => c.ticketId)

/** Calls one ticket at a time at one counter, feeding the streak back like the server will. */
function simulate(candidates: CallCandidate[], c: CallContext): string[] {
  const remaining = [...candidates]
  const order: string[] = []
  let streak = c.priorityStreak
  for (;;) {
    const next = chooseNext(remaining, { ...c, priorityStreak: streak })
    if (!next) return order
    order.push(next.ticketId)
    remaining.splice(remaining.indexOf(next), 1)
    streak = nextPriorityStreak(streak, next)
  }
}

describe('defaults', () => {
  it('at most 3 priority in a row, ageing after 30 minutes', () => {
    expect(DEFAULT_CALL_POLICY_PARAMS).toEqual({ maxPriorityInARow: 3, priorityAgingSeconds: 1800 })
  })
})

describe('empty queue', () => {
  it.each(['fifo', 'priority', 'sla'] as const)('%s → null', (policy) => {
    expect(chooseNext([], ctx(policy))).toBeNull()
    expect(decideNext([], ctx(policy))).toBeNull()
  })
})

describe('fifo', () => {
  it('serves two services by arrival', () => {
    const cs = [
      cand('A-001', 5 * MIN, { serviceId: 1 }),
      cand('B-001', 9 * MIN, { serviceId: 2 }),
      cand('A-002', 2 * MIN, { serviceId: 1 }),
      cand('B-002', 7 * MIN, { serviceId: 2 }),
    ]
    expect(chooseNext(cs, ctx('fifo'))?.ticketId).toBe('B-001')
    expect(simulate(cs, ctx('fifo'))).toEqual(['B-001', 'B-002', 'A-001', 'A-002'])
    expect(ids(fifoOrder(cs, NOW))).toEqual(['B-001', 'B-002', 'A-001', 'A-002'])
  })

  it('a later priority ticket does NOT jump the queue under fifo', () => {
    const cs = [cand('old', 10 * MIN), cand('prio', 1 * MIN, { priority: 'elderly' })]
    expect(chooseNext(cs, ctx('fifo'))?.ticketId).toBe('old')
  })

  it('weight 2 overtakes an older weight-1 ticket only when its weighted wait is larger', () => {
    const older = cand('w1-150s', 150 * S, { serviceId: 1, weight: 1 })
    // 100 s × 2 = 200 > 150
    expect(chooseNext([older, cand('w2-100s', 100 * S, { serviceId: 2, weight: 2 })], ctx('fifo'))?.ticketId).toBe('w2-100s')
    // 60 s × 2 = 120 < 150
    expect(chooseNext([older, cand('w2-60s', 60 * S, { serviceId: 2, weight: 2 })], ctx('fifo'))?.ticketId).toBe('w1-150s')
    // 75 s × 2 = 150 = 150: tie → the older ticket
    expect(chooseNext([cand('w2-75s', 75 * S, { serviceId: 2, weight: 2 }), older], ctx('fifo'))?.ticketId).toBe('w1-150s')
  })

  it('weight 0 (backup) is served only when nothing else waits', () => {
    const backupOld = cand('backup-old', 3 * 60 * MIN, { serviceId: 9, weight: 0 })
    const backupNew = cand('backup-new', 10 * MIN, { serviceId: 9, weight: 0 })
    const fresh = cand('fresh', 1 * S, { weight: 1 })
    expect(chooseNext([backupOld, backupNew, fresh], ctx('fifo'))?.ticketId).toBe('fresh')
    const d = decideNext([backupNew, backupOld], ctx('fifo'))
    expect(d?.candidate.ticketId).toBe('backup-old')
    expect(d?.backup).toBe(true)
    expect(simulate([backupOld, backupNew, fresh], ctx('fifo'))).toEqual(['fresh', 'backup-old', 'backup-new'])
  })

  it('ties: older queuedAt, then smaller number, then ticketId', () => {
    const t = NOW - 5 * MIN
    const a = cand('a', 0, { queuedAt: t, number: 7 })
    const b = cand('b', 0, { queuedAt: t, number: 3 })
    expect(chooseNext([a, b], ctx('fifo'))?.ticketId).toBe('b')
    const x = cand('x', 0, { queuedAt: t, number: 3, serviceId: 2 })
    expect(chooseNext([x, b], ctx('fifo'))?.ticketId).toBe('b')
    expect(chooseNext([b, x], ctx('fifo'))?.ticketId).toBe('b')
  })

  it('a queuedAt in the future counts as no wait, so weight cannot invert the order', () => {
    expect(inLineSeconds(cand('f', -5 * S), NOW)).toBe(0)
    const future = cand('future-w3', -10 * S, { weight: 3 })
    const justNow = cand('now-w1', 0, { weight: 1 })
    expect(chooseNext([future, justNow], ctx('fifo'))?.ticketId).toBe('now-w1')
  })
})

describe('priority', () => {
  it('a later priority ticket goes before an earlier ordinary one', () => {
    const cs = [cand('ordinary', 10 * MIN), cand('elderly', 1 * MIN, { priority: 'elderly' })]
    const d = decideNext(cs, ctx('priority'))
    expect(d?.candidate.ticketId).toBe('elderly')
    expect(d?.reason).toBe('priority_category')
  })

  it('within the priority class, fifo order regardless of category', () => {
    const cs = [
      cand('pregnant-3m', 3 * MIN, { priority: 'pregnant' }),
      cand('disabled-8m', 8 * MIN, { priority: 'disabled' }),
      cand('elderly-5m', 5 * MIN, { priority: 'elderly' }),
    ]
    expect(simulate(cs, ctx('priority'))).toEqual(['disabled-8m', 'elderly-5m', 'pregnant-3m'])
  })

  it('with no priority ticket, plain fifo', () => {
    const cs = [cand('o2', 2 * MIN), cand('o9', 9 * MIN)]
    expect(decideNext(cs, ctx('priority'))).toMatchObject({ candidate: { ticketId: 'o9' }, reason: 'weighted_wait' })
  })

  it('starvation cap 2: P P O P P O … then the rest', () => {
    // Priority tickets all arrived after the ordinary ones, so without the cap all P would go first.
    const ordinary = [1, 2, 3].map((i) => cand(`O${i}`, (20 - i) * MIN))
    const priority = [1, 2, 3, 4, 5, 6, 7].map((i) => cand(`P${i}`, (10 - i) * MIN, { priority: 'elderly' }))
    const c = ctx('priority', {}, { maxPriorityInARow: 2, priorityAgingSeconds: 3600 })
    const expected = ['P1', 'P2', 'O1', 'P3', 'P4', 'O2', 'P5', 'P6', 'O3', 'P7']
    expect(simulate([...priority, ...ordinary], c)).toEqual(expected)
    expect(ids(projectedCallOrder([...ordinary, ...priority], c))).toEqual(expected)
  })

  it('starvation cap 3 (default) and a streak carried over from before', () => {
    const ordinary = [1, 2].map((i) => cand(`O${i}`, (20 - i) * MIN))
    const priority = [1, 2, 3, 4, 5].map((i) => cand(`P${i}`, (10 - i) * MIN, { priority: 'disabled' }))
    expect(simulate([...priority, ...ordinary], ctx('priority'))).toEqual(['P1', 'P2', 'P3', 'O1', 'P4', 'P5', 'O2'])
    // The counter already called 2 priority tickets: only one more before an ordinary one.
    expect(simulate([...priority, ...ordinary], ctx('priority', { priorityStreak: 2 }))).toEqual(['P1', 'O1', 'P2', 'P3', 'P4', 'O2', 'P5'])
  })

  it('the cap is ignored when no ordinary ticket waits', () => {
    const cs = [cand('P1', 2 * MIN, { priority: 'elderly' }), cand('P2', 1 * MIN, { priority: 'elderly' })]
    expect(chooseNext(cs, ctx('priority', { priorityStreak: 10 }))?.ticketId).toBe('P1')
  })

  it('the cap picks the best ordinary ticket', () => {
    const cs = [cand('P1', 30 * S, { priority: 'elderly' }), cand('O-new', 1 * MIN), cand('O-old', 5 * MIN)]
    const d = decideNext(cs, ctx('priority', { priorityStreak: 3 }))
    expect(d).toMatchObject({ candidate: { ticketId: 'O-old' }, reason: 'starvation_cap' })
  })

  it('ageing promotes an old ordinary ticket into the priority class', () => {
    const prio = cand('elderly-20m', 20 * MIN, { priority: 'elderly' })
    const aged = cand('ordinary-31m', 31 * MIN)
    const young = cand('ordinary-29m', 29 * MIN)
    // 31 min ≥ 30: aged, and it has waited longer than the priority ticket.
    const d = decideNext([prio, aged], ctx('priority'))
    expect(d).toMatchObject({ candidate: { ticketId: 'ordinary-31m' }, reason: 'aged' })
    // 29 min < 30: not aged, the priority ticket goes first even though it is younger.
    expect(chooseNext([prio, young], ctx('priority'))?.ticketId).toBe('elderly-20m')
    // Exactly at the threshold counts as aged.
    expect(chooseNext([prio, cand('ordinary-30m', 30 * MIN)], ctx('priority'))?.ticketId).toBe('ordinary-30m')
    // Custom ageing threshold.
    expect(chooseNext([prio, young], ctx('priority', {}, { priorityAgingSeconds: 25 * 60 }))?.ticketId).toBe('ordinary-29m')
  })

  it('an aged ordinary ticket resets the streak and satisfies the cap', () => {
    const aged = cand('aged', 40 * MIN)
    expect(nextPriorityStreak(2, aged)).toBe(0)
    const prioOlder = cand('P-old', 50 * MIN, { priority: 'elderly' })
    const d = decideNext([prioOlder, aged], ctx('priority', { priorityStreak: 3 }))
    expect(d).toMatchObject({ candidate: { ticketId: 'aged' }, reason: 'starvation_cap' })
  })

  it('a priority ticket of a backup (weight 0) service waits for the weighted services', () => {
    const cs = [cand('P-backup', 10 * MIN, { priority: 'elderly', weight: 0 }), cand('O', 1 * MIN)]
    expect(chooseNext(cs, ctx('priority'))?.ticketId).toBe('O')
  })
})

describe('nextPriorityStreak', () => {
  it('counts priority-category tickets and resets on ordinary ones', () => {
    expect(nextPriorityStreak(0, cand('p', 0, { priority: 'pregnant' }))).toBe(1)
    expect(nextPriorityStreak(4, cand('p', 0, { priority: 'elderly' }))).toBe(5)
    expect(nextPriorityStreak(4, cand('o', 0))).toBe(0)
  })
})

describe('sla', () => {
  it('90% of a 10-minute target beats 50% of a 30-minute target, even if the latter is older', () => {
    const short = cand('short-90%', 9 * MIN, { serviceId: 1, targetWaitSeconds: 600 })
    const long = cand('long-50%', 15 * MIN, { serviceId: 2, targetWaitSeconds: 1800 })
    const d = decideNext([long, short], ctx('sla'))
    expect(d).toMatchObject({ candidate: { ticketId: 'short-90%' }, reason: 'sla_ratio' })
    // fifo would have picked the older one: the policies really differ.
    expect(chooseNext([long, short], ctx('fifo'))?.ticketId).toBe('long-50%')
  })

  it('weights scale the ratio', () => {
    const a = cand('a-50%-w2', 5 * MIN, { targetWaitSeconds: 600, weight: 2 })
    const b = cand('b-90%-w1', 9 * MIN, { targetWaitSeconds: 600, weight: 1 })
    expect(chooseNext([b, a], ctx('sla'))?.ticketId).toBe('a-50%-w2')
  })

  it('a target ≤ 0 counts as 1 second', () => {
    const zero = cand('zero-target-5s', 5 * S, { targetWaitSeconds: 0 })
    const normal = cand('normal-99%', 594 * S, { targetWaitSeconds: 600 })
    expect(chooseNext([normal, zero], ctx('sla'))?.ticketId).toBe('zero-target-5s')
    const negative = cand('neg-target', 1 * S, { targetWaitSeconds: -100 })
    expect(chooseNext([normal, negative], ctx('sla'))?.ticketId).toBe('neg-target')
  })

  it('among backup (weight 0) tickets the ratio still orders them', () => {
    // Weight 0 must not flatten every score to 0 (which would make sla plain fifo for backups).
    const short = cand('backup-90%', 9 * MIN, { targetWaitSeconds: 600, weight: 0 })
    const long = cand('backup-50%', 15 * MIN, { targetWaitSeconds: 1800, weight: 0 })
    expect(decideNext([long, short], ctx('sla'))).toMatchObject({ candidate: { ticketId: 'backup-90%' }, backup: true })
  })

  it('equal ratios fall back to the tie-breakers', () => {
    const a = cand('a', 10 * MIN, { targetWaitSeconds: 1200 })
    const b = cand('b', 5 * MIN, { targetWaitSeconds: 600 })
    expect(chooseNext([b, a], ctx('sla'))?.ticketId).toBe('a')
  })
})

describe('targetedHere', () => {
  it.each(['fifo', 'priority', 'sla'] as const)('goes first under %s, oldest first', (policy) => {
    const cs = [
      cand('old-prio', 60 * MIN, { priority: 'elderly', targetWaitSeconds: 60 }),
      cand('target-new', 1 * S, { targetedHere: true, weight: 0 }),
      cand('target-old', 2 * S, { targetedHere: true }),
      cand('old', 50 * MIN),
    ]
    const d = decideNext(cs, ctx(policy, { priorityStreak: 99 }))
    expect(d).toMatchObject({ candidate: { ticketId: 'target-old' }, reason: 'targeted' })
    expect(ids(projectedCallOrder(cs, ctx(policy))).slice(0, 2)).toEqual(['target-old', 'target-new'])
  })
})

describe('purity', () => {
  const make = () => [
    cand('a', 5 * MIN, { priority: 'elderly' }),
    cand('b', 9 * MIN, { weight: 2 }),
    cand('c', 40 * MIN, { weight: 0 }),
    cand('d', 1 * MIN, { targetWaitSeconds: 60 }),
  ]

  it.each(['fifo', 'priority', 'sla'] as const)('%s does not mutate its inputs', (policy) => {
    const cs = make()
    const snapshot = structuredClone(cs)
    const c = ctx(policy, { priorityStreak: 1 })
    const ctxSnapshot = structuredClone(c)
    // Frozen: any write would throw in strict-mode ESM.
    const frozen = Object.freeze(cs.map((x) => Object.freeze(x)))
    chooseNext(frozen, c)
    projectedCallOrder(frozen, c)
    fifoOrder(frozen, NOW)
    expect(cs).toEqual(snapshot)
    expect(c).toEqual(ctxSnapshot)
  })

  it.each(['fifo', 'priority', 'sla'] as const)('%s is independent of input order', (policy) => {
    const cs = make()
    const expected = chooseNext(cs, ctx(policy))?.ticketId
    const rotations = cs.map((_, i) => [...cs.slice(i), ...cs.slice(0, i)])
    for (const r of [...rotations, [...cs].reverse()]) {
      expect(chooseNext(r, ctx(policy))?.ticketId).toBe(expected)
      expect(ids(projectedCallOrder(r, ctx(policy)))).toEqual(ids(projectedCallOrder(cs, ctx(policy))))
    }
  })
})
