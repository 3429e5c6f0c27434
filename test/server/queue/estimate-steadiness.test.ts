import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * The line's estimate holds still while nothing changes (server/queue/queue-view.ts). The forecast
 * is played once per state and second; a reading made later in that second used to count from the
 * clock of the reading, not of the play, so the same idle line said 300 s to the kiosk and 299 s
 * to the next reader (CI stop 37: the kiosk tile showed 300, the server's truth was 299).
 */
describe('the estimated wait of an unchanged line', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('is the same at the start and at the end of the second its forecast was played in', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00.000Z'))
    center = await TestCenter.start({ clock })
    const f = await center.createService({ prefix: 'F' })
    const counter = await center.createCounter({ number: 6, serviceIds: [f.id] })
    await center.openCounterAs('clerk-6', counter.id)
    const kiosk = await center.createDevice('kiosk')
    const waiting = await center.issue(kiosk.token, { serviceId: f.id })
    const view = center.app.tabour.queue.view
    const estimate = () => view.serviceQueue(f.id)!.estimatedWaitSeconds
    const standing = () => view.standing(center.app.tabour.queue.ctx.tickets.get(waiting.id)!).estimatedWaitSeconds

    const first = estimate()
    // the counter is idle: the waiting ticket is called now, the new one after a mean service time
    expect(first).toBe(300)
    expect(standing()).toBe(0)
    clock.advance(0.8)
    expect(estimate()).toBe(first)
    expect(standing()).toBe(0)
    // a new second plays the line again from its own now: an idle counter's wait does not drift
    clock.advance(0.4)
    expect(estimate()).toBe(first)
  })

  it('counts down with the clock while a ticket is being served, one reading per play', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00.000Z'))
    center = await TestCenter.start({ clock })
    const f = await center.createService({ prefix: 'F' })
    const counter = await center.createCounter({ number: 6, serviceIds: [f.id] })
    const clerk = await center.openCounterAs('clerk-6', counter.id)
    const kiosk = await center.createDevice('kiosk')
    await center.issue(kiosk.token, { serviceId: f.id })
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    // started: a ticket called and not started holds its counter a mean from now (counter-free-at.ts)
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    const estimate = () => center.app.tabour.queue.view.serviceQueue(f.id)!.estimatedWaitSeconds
    expect(estimate()).toBe(300)
    clock.advance(0.7)
    expect(estimate()).toBe(300)
    clock.advance(9.3)
    expect(estimate()).toBe(290)
  })
})
