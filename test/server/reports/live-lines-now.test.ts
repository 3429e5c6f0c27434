import { afterEach, describe, expect, it } from 'vitest'
import { oneCounterDay } from '../../helpers/one-counter-day.ts'

/**
 * What GET /stats/today tells the manager's live view to act on (walk 2026-12-06): each line's
 * target and how many of its tickets are past it now, and each counter's current ticket, called
 * or served, since when. Service A (target 600 s) at counter 1, on a test clock from 08:00Z.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

describe('GET /stats/today: lines past target and the counters current tickets', () => {
  it('counts the tickets past the target as the longest wait measures them, and says what each counter holds since when', async () => {
    const day = await oneCounterDay('2026-03-10T08:00:00Z')
    cleanups.push(() => day.center.close())
    const { center, a, counter, kiosk, clerk, manager, at, ok } = day
    const today = async () => (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    const lineA = async () => (await today()).services.find((s: { prefix: string }) => s.prefix === 'A')
    const counter1 = async () => (await today()).counters.find((c: { counterId: number }) => c.counterId === counter.id)

    await center.issue(kiosk, { serviceId: a.id }) // A-001 at 0
    at(100)
    await center.issue(kiosk, { serviceId: a.id }) // A-002 at 100
    at(300)
    await center.issue(kiosk, { serviceId: a.id }) // A-003 at 300
    expect(await lineA()).toMatchObject({ targetWaitSeconds: 600, waiting: 3, longestWaitSeconds: 300, pastTarget: 0 })
    expect((await counter1()).current).toBeNull()

    // at the target exactly: not past it; a second later, A-001 is
    at(600)
    expect(await lineA()).toMatchObject({ longestWaitSeconds: 600, pastTarget: 0 })
    at(601)
    expect(await lineA()).toMatchObject({ longestWaitSeconds: 601, pastTarget: 1 })
    at(750)
    expect(await lineA()).toMatchObject({ waiting: 3, longestWaitSeconds: 750, pastTarget: 2 })

    // A-001 called at 750: the counter holds it "called" since then, the line has one past target left
    await ok(center.action(clerk, counter.id, 'call-next'))
    at(800)
    expect(await lineA()).toMatchObject({ waiting: 2, longestWaitSeconds: 700, pastTarget: 1 })
    expect((await counter1()).current).toMatchObject({
      label: 'A-001',
      status: 'called',
      since: new Date(day.clock.now - 50_000).toISOString(),
    })

    // a recall keeps the call's time; the start moves "since" to the start
    await ok(center.action(clerk, counter.id, 'recall'))
    at(820)
    expect((await counter1()).current).toMatchObject({
      label: 'A-001',
      status: 'called',
      since: new Date(day.clock.now - 70_000).toISOString(),
    })
    await ok(center.action(clerk, counter.id, 'start'))
    at(900)
    expect((await counter1()).current).toMatchObject({
      label: 'A-001',
      status: 'serving',
      since: new Date(day.clock.now - 80_000).toISOString(),
    })

    // finished: nothing at the counter
    await ok(center.action(clerk, counter.id, 'finish'))
    expect((await counter1()).current).toBeNull()
  })
})
