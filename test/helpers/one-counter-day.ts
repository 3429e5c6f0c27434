/**
 * The smallest center a report test needs: service A (target 600 s) at counter 1, opened by
 * clerk1, a kiosk and a manager, on a test clock from `startIso`; `at(s)` moves the clock to
 * `s` seconds after the start, `ok` checks that a call answered 200 (its body in the message).
 */
import { expect } from 'vitest'
import { TestCenter, TestClock } from './test-center.ts'

export async function oneCounterDay(startIso: string, queue: Record<string, unknown> = {}) {
  const clock = new TestClock(Date.parse(startIso))
  const center = await TestCenter.start({ clock, config: { queue } })
  const t0 = clock.now
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = (await center.createUser('boss', 'manager')).token
  return {
    center,
    clock,
    a,
    counter,
    kiosk,
    clerk,
    manager,
    at: (s: number) => {
      clock.now = t0 + s * 1000
    },
    ok: async (res: Promise<{ statusCode: number; body: string }>) => {
      const r = await res
      expect(r.statusCode, r.body).toBe(200)
    },
  }
}
