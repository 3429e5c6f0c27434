import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { readCsv } from '../../helpers/read-csv.ts'

/**
 * A counter's time over a hand-made day (2026-03-10, Cairo; t0 = 08:00Z), held by two clerks in turn:
 *
 *   clerk1 opens counter 1 at 0; A-001 called 100, finished 400 (busy 300); paused 600–900;
 *          A-002 called 1000, no-show 1060 (busy 60); closes at 1200 → open 900, paused 300, busy 360
 *   clerk2 opens it at 2000; A-003 called 2100, finished 2600 (busy 500); A-004 called 2800, still
 *          at the counter at 3000, the report's now (busy 200: busy-time.ts counts it up to now)
 *          → open 1000, busy 700
 *   counter 1: open 1900, paused 300, busy 1060, idle 840; with a ticket 1060 / 1900 = 55.8 % of its
 *          open time. Counter 2 was never opened: no share (null), not 0 %.
 */
describe('the report by counter: busy, idle, paused and the share of open time with a ticket', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('adds up every holder of the counter, and the clerks keep their own', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const t0 = clock.now
    const at = (s: number) => (clock.now = t0 + s * 1000)
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const manager = (await center.createUser('boss', 'manager')).token
    for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: a.id })
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const res = await p
      expect(res.statusCode, res.body).toBe(200)
    }
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    let clerk2 = ''
    const steps: [number, () => Promise<unknown>][] = [
      [100, () => ok(center.action(clerk1, c1.id, 'call-next'))],
      [150, () => ok(center.action(clerk1, c1.id, 'start'))],
      [400, () => ok(center.action(clerk1, c1.id, 'finish'))],
      [600, () => ok(center.action(clerk1, c1.id, 'pause', { reason: 'break' }))],
      [900, () => ok(center.action(clerk1, c1.id, 'open'))],
      [1000, () => ok(center.action(clerk1, c1.id, 'call-next'))],
      [1060, () => ok(center.action(clerk1, c1.id, 'no-show'))],
      [1200, () => ok(center.action(clerk1, c1.id, 'close'))],
      [2000, async () => (clerk2 = await center.openCounterAs('clerk2', c1.id))],
      [2100, () => ok(center.action(clerk2, c1.id, 'call-next'))],
      [2200, () => ok(center.action(clerk2, c1.id, 'start'))],
      [2600, () => ok(center.action(clerk2, c1.id, 'finish'))],
      [2800, () => ok(center.action(clerk2, c1.id, 'call-next'))],
    ]
    for (const [s, step] of steps) {
      at(s)
      await step()
    }
    at(3000)

    const report = async (by: string) => {
      const res = await center.request('GET', `/api/v1/stats/report?from=2026-03-10&to=2026-03-10&by=${by}`, { token: manager })
      expect(res.statusCode, res.body).toBe(200)
      return res.json()
    }
    const byCounter = await report('counter')
    expect(
      byCounter.rows.map((r: Record<string, unknown>) => [r.label, r.busySeconds, r.idleSeconds, r.pauseSeconds, r.busyPercent]),
    ).toEqual([
      ['1 · Counter 1', 1060, 840, 300, 55.8],
      ['2 · Counter 2', 0, 0, 0, null],
    ])
    const byClerk = await report('clerk')
    const clerk = (name: string) => byClerk.rows.find((r: { label: string }) => r.label === name)
    expect(clerk('clerk1')).toMatchObject({ busySeconds: 360, idleSeconds: 540, pauseSeconds: 300, busyPercent: 40 })
    expect(clerk('clerk2')).toMatchObject({ busySeconds: 700, idleSeconds: 300, pauseSeconds: 0, busyPercent: 70 })

    // the CSV carries the same figures, headed in the language asked for
    const csv = await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=counter&lang=en', {
      token: manager,
    })
    expect(csv.statusCode, csv.body).toBe(200)
    const [first, second] = readCsv(csv.body).rows
    expect(first).toMatchObject({
      'Busy with a ticket (seconds)': '1060',
      'Open without a ticket (seconds)': '840',
      'Paused (seconds)': '300',
      'Open time with a ticket (%)': '55.8',
    })
    expect(second!['Open time with a ticket (%)']).toBe('')
  })
})
