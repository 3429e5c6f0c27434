import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { RemoteJoin } from '../../../server/queue/remote-join.ts'
import { arrive } from '../../../server/queue/remote-arrival.ts'
import { rows } from '../routes/route-helpers.ts'

/**
 * One start for a waiting ticket's wait (server/queue/wait-facts.ts, migration 32): since it joined
 * its present line. The live view's longest wait and "past target", the SLA's live misses and the
 * wait its call then records all count from it, not from its place in the line (queued_at), which a
 * check-in arrival and a transfer that keeps the issue time leave earlier. Before, a citizen who
 * joined from home 40 minutes ago and arrived a minute ago was a live miss of the SLA (0 %) that
 * their call then turned into a hit, and the live view said the line's longest wait was 40 minutes.
 * Service A, target 600 s, on a test clock from 08:00Z.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function centerWith(queue: Record<string, unknown> = {}) {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  const center = await TestCenter.start({
    clock,
    config: { queue, remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 10 }] } },
  })
  cleanups.push(() => center.close())
  const t0 = clock.now
  const a = await center.createService({ prefix: 'A', targetWaitSeconds: 600 })
  const b = await center.createService({ prefix: 'B', targetWaitSeconds: 600 })
  const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = (await center.createUser('boss', 'manager')).token
  const today = async () => (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
  const line = async (prefix: string) => (await today()).services.find((s: { prefix: string }) => s.prefix === prefix)
  const act = async (action: string, body?: unknown) => {
    const r = await center.action(clerk, counter.id, action, body)
    expect(r.statusCode, r.body).toBe(200)
    return r.json()
  }
  const at = (s: number) => {
    clock.now = t0 + s * 1000
  }
  return { center, clock, a, b, kiosk, today, line, act, at }
}

/** What the ticket's call recorded in the event log. */
const callWait = (center: TestCenter, ticketId: string) =>
  rows(
    center,
    "SELECT json_extract(data, '$.waitedSeconds') AS waited, json_extract(data, '$.withinTarget') AS within FROM events WHERE ticket_id = ? AND type = 'ticket.called'",
    ticketId,
  )

describe('a wait counts from joining the present line', () => {
  it('a check-in arrival waits from its arrival, in the live view, the SLA and its call, while it keeps its join time place', async () => {
    const { center, a, kiosk, today, line, act, at } = await centerWith()
    const { queue, config } = center.app.tabour
    const remote = new RemoteJoin(queue.ctx, queue.view, queue.issuer, () => config.remoteJoin)
    const join = () => remote.join({ serviceId: a.id, address: '10.0.0.7', publicBase: 'http://center.example' }).ticket
    const held = join() // at 0, from home
    const stayedHome = join()
    at(60)
    const present = await center.issue(kiosk, { serviceId: a.id }) // at 60, in the center
    at(2400)
    arrive(queue.ctx, held.id, 'phone') // 40 minutes after joining
    at(2460)
    // the present citizen has waited 2,400 s, past the target; the arrival 60 s
    expect(await line('A')).toMatchObject({ waiting: 2, longestWaitSeconds: 2400, pastTarget: 1 })
    expect((await today()).totals).toMatchObject({ slaCounted: 1, slaPercent: 0 })
    expect(rows(center, 'SELECT rejoined_at AS rejoinedAt FROM tickets WHERE id = ?', held.id)).toEqual([
      { rejoinedAt: center.app.tabour.queue.ctx.clock() - 60_000 },
    ])

    // it stands at its join time's place: called first, its call records the 60 s: a hit, as the live view said
    expect((await act('call-next')).ticket.id).toBe(held.id)
    expect(callWait(center, held.id)).toEqual([{ waited: 60, within: 1 }])
    // no miss turned into a hit: one hit, and the present citizen still a miss
    expect((await today()).totals).toMatchObject({ slaCounted: 2, slaPercent: 50 })
    await act('start')
    await act('finish')

    // a place given up from home is no miss of the target: nobody waited in the line
    at(2500)
    expect((await center.request('POST', `/api/v1/tickets/${stayedHome.id}/cancel-mine`)).statusCode).toBe(200)
    expect((await today()).totals).toMatchObject({ cancelled: 1, slaCounted: 2, slaPercent: 50 })

    expect((await act('call-next')).ticket.id).toBe(present.id)
    expect(callWait(center, present.id)).toEqual([{ waited: 2440, within: 0 }])
  })

  it('a ticket transferred with its issue time kept waits from the transfer, in the live view, the SLA and its call', async () => {
    const { center, a, b, kiosk, today, line, act, at } = await centerWith({ transferKeepsIssueTime: true })
    const first = await center.issue(kiosk, { serviceId: a.id }) // at 0
    at(100)
    await act('call-next')
    await act('start')
    at(700)
    await act('transfer', { serviceId: b.id })
    at(800)
    // in B's line since 700: 100 s, not the 800 since its issue that its place (queued_at) still says
    expect(rows(center, 'SELECT queued_at AS queuedAt FROM tickets WHERE id = ?', first.id)).toEqual([
      { queuedAt: Date.parse('2026-03-10T08:00:00Z') },
    ])
    expect(await line('B')).toMatchObject({ waiting: 1, longestWaitSeconds: 100, pastTarget: 0 })
    expect((await today()).totals).toMatchObject({ slaCounted: 1, slaPercent: 100 })
    at(1301)
    // 601 s in B's line: past the target in the live view and a miss in the SLA, at the same second
    expect(await line('B')).toMatchObject({ longestWaitSeconds: 601, pastTarget: 1 })
    expect((await today()).totals).toMatchObject({ slaCounted: 2, slaPercent: 50 })
    expect((await act('call-next')).ticket.id).toBe(first.id)
    expect(callWait(center, first.id)).toEqual([
      { waited: 100, within: 1 },
      { waited: 601, within: 0 },
    ])
    expect((await today()).totals).toMatchObject({ slaCounted: 2, slaPercent: 50 })
  })
})
