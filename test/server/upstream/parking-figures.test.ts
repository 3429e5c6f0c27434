import { afterEach, describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { addNationalService } from '../../hub/hub-harness.ts'
import { drain, hubJson, startHubLosingAcks, startReportingCenter } from './upstream-helpers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/**
 * Parked tickets reach the national hub exactly once, through the real reporter and a real hub
 * on loopback: each park, resume and abandon in the hour of its event, revised as the hour goes
 * on (the revision replaces, never adds), and resent after lost acks (the hub stored the batch
 * but its answer never arrived) without being counted twice. The figures of the fixture day are
 * worked out by hand, hour by hour, and equal the center's GET /stats/parking.
 */
describe('parking upstream', () => {
  it('arrives at the hub exactly once, resends and revisions included', { timeout: 90_000 }, async () => {
    const clock = new TestClock(Date.parse('2026-03-10T06:10:00Z')) // 08:10 in Cairo
    // the hub stores each batch, then can lose its answer: the center must send it again
    const { hub, acks } = await startHubLosingAcks()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'A')
    const center = await startReportingCenter(hub, 'EG-ALX-004', clock)
    cleanups.push(() => center.close())
    const a = (await center.createService({ prefix: 'A', nationalCode: 'A' })).id
    const b = (await center.createService({ prefix: 'B' })).id
    const counter = (await center.createCounter({ number: 1, serviceIds: [a] })).id
    const counterB = (await center.createCounter({ number: 2, serviceIds: [b] })).id
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk = await center.openCounterAs('clerk1', counter)
    const clerkB = await center.openCounterAs('clerk2', counterB)
    const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
      const res = await p
      expect(res.statusCode, res.body).toBe(200)
    }
    const callAndPark = async (minutes: number, [who, at] = [clerk, counter] as const) => {
      const called = await center.action(who, at, 'call-next')
      expect(called.statusCode, called.body).toBe(200)
      await ok(center.request('POST', `/api/v1/counters/${at}/park`, { token: who, body: { reason: 'payment', minutes } }))
      return called.json().ticket.id as string
    }
    const resume = async (ticketId: string, [who, at] = [clerk, counter] as const) => {
      await ok(center.request('POST', `/api/v1/counters/${at}/resume-parked`, { token: who, body: { ticketId } }))
      await ok(center.action(who, at, 'start'))
      await ok(center.action(who, at, 'finish'))
    }
    const hubParking = async (by: 'service' | 'hour') =>
      ((await hubJson(hub, `/api/hub/v1/figures?from=2026-03-10&by=${by}&center=EG-ALX-004`)).rows as any[])
        .map((r) => ({
          key: r.localCode ?? r.key,
          parked: r.parked,
          parkResumed: r.parkResumed,
          parkAbandoned: r.parkAbandoned,
        }))
        // a service or hour with tickets but no park has its row too, all three at 0
        .filter((r) => r.parked + r.parkResumed + r.parkAbandoned > 0)

    for (const s of [a, a, b, a]) await center.issue(kiosk, { serviceId: s })
    // hour 08: A-001 parked 10 min and back after 3; A-002 parked 5 min; the first two acks lost
    acks.lose = 2
    const a1 = await callAndPark(10)
    const a2 = await callAndPark(5)
    clock.advance(180)
    await resume(a1)
    await drain(center)
    expect(acks.lost).toBe(2)
    expect(await hubParking('service')).toEqual([{ key: 'A', parked: 2, parkResumed: 1, parkAbandoned: 0 }])

    // 08:20: A-002's five minutes ran out at 08:15; the sweep abandons it now, in hour 08, which is revised (its ack lost too)
    clock.set('2026-03-10T06:20:00Z')
    acks.lose = 1
    const parkedList = await center.request('GET', '/api/v1/tickets/parked', { token: clerk })
    expect(parkedList.json().parked).toEqual([])
    expect(center.app.tabour.db.prepare('SELECT status FROM tickets WHERE id = ?').get(a2)).toEqual({ status: 'abandoned' })
    await drain(center)
    expect(acks.lost).toBe(3)
    expect(await hubParking('service')).toEqual([{ key: 'A', parked: 2, parkResumed: 1, parkAbandoned: 1 }])

    // hour 09: B-001 parked 30 min at counter 2 at 09:05 and back at 09:20 (B has no national code: its own row at the hub)
    clock.set('2026-03-10T07:05:00Z')
    const b1 = await callAndPark(30, [clerkB, counterB])
    clock.set('2026-03-10T07:20:00Z')
    await resume(b1, [clerkB, counterB])
    await drain(center)
    expect(await hubParking('hour')).toEqual([
      { key: '8', parked: 2, parkResumed: 1, parkAbandoned: 1 },
      { key: '9', parked: 1, parkResumed: 1, parkAbandoned: 0 },
    ])
    expect(await hubParking('service')).toEqual([
      { key: 'A', parked: 2, parkResumed: 1, parkAbandoned: 1 },
      { key: 'B', parked: 1, parkResumed: 1, parkAbandoned: 0 },
    ])
    // the hub's totals equal the center's own figures of the day
    const own = (await center.request('GET', '/api/v1/stats/parking?from=2026-03-10&to=2026-03-10', { token: await center.admin() })).json()
    expect(own.rows[0]).toMatchObject({ serviceId: null, parked: 3, resumed: 2, abandoned: 1 })
    expect((await hubJson(hub, '/api/hub/v1/summary?from=2026-03-10')).totals).toMatchObject({
      parked: own.rows[0].parked,
      parkResumed: own.rows[0].resumed,
      parkAbandoned: own.rows[0].abandoned,
    })
    // A-004 still waits: untouched by parking
    expect(center.app.tabour.db.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'").get()).toEqual({ n: 1 })
  })
})
