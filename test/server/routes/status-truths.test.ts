import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from './route-helpers.ts'

/**
 * What the public ticket (GET /api/v1/tickets/:id) must say for the status page to be true:
 * a parked ticket carries until when its turn is kept (never the clerk's note), and the day's
 * remote figures count as lost places only the places lost for want of a check-in, not a
 * checked-in remote ticket that was parked and did not come back in time.
 */
const REMOTE = '/api/v1/remote'
const WIFI = '192.168.1.20'

describe('the public ticket tells the truth', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(clock = new TestClock()) {
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 10 }] }, queue: { maxParkMinutes: 30 } },
    })
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    return { a, counter, clerk, kiosk, clock }
  }

  const publicTicket = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
  const join = (serviceId: number, address: string) =>
    center.app.inject({ method: 'POST', url: `${REMOTE}/join`, payload: { serviceId }, remoteAddress: address })
  const arrive = (id: string) => center.app.inject({ method: 'POST', url: `${REMOTE}/tickets/${id}/arrive`, remoteAddress: WIFI })

  it('says until when a parked turn is kept, in the center zone, the reason picked and the counter, only while parked, and never the note', async () => {
    const { a, counter, clerk, kiosk, clock } = await setUp()
    const t = await center.issue(kiosk, { serviceId: a.id })
    expect((await publicTicket(t.id)).parked).toBeUndefined()
    await center.action(clerk, counter.id, 'call-next')
    const parkedAt = clock.now
    const park = await center.action(clerk, counter.id, 'park', { reason: 'payment', minutes: 12, note: 'secret note about the citizen' })
    expect(park.statusCode, park.body).toBe(200)

    const res = await center.request('GET', `/api/v1/tickets/${t.id}`)
    expect(res.json()).toMatchObject({
      status: 'parked',
      parked: { until: new Date(parkedAt + 12 * 60_000).toISOString(), timeZone: 'Africa/Cairo' },
    })
    // the deadline is the stored one, not a re-computation
    const [row] = rows<{ deadline_at: number }>(center, 'SELECT deadline_at FROM parked_tickets WHERE ticket_id = ?', t.id)
    expect(res.json().parked.until).toBe(new Date(row!.deadline_at).toISOString())
    expect(res.body).not.toContain('secret note')
    // the reason's bilingual name and the counter to go back to (walk s40), not the reason's code
    expect(res.json().parked).toMatchObject({
      reason: { nameAr: 'السداد', nameEn: 'Making a payment' },
      counter: { number: counter.number },
      clockStopped: false,
    })
    expect(res.body).not.toContain('"payment"')

    // resumed: called again, no deadline any more
    clock.advance(60)
    expect((await center.action(clerk, counter.id, 'resume-parked', { ticketId: t.id })).statusCode).toBe(200)
    const resumed = await publicTicket(t.id)
    expect(resumed.status).toBe('called')
    expect(resumed.parked).toBeUndefined()

    // parked again and not back in time: abandoned, no deadline shown
    await center.action(clerk, counter.id, 'park', { reason: 'payment', minutes: 1 })
    clock.advance(61)
    const abandoned = await publicTicket(t.id)
    expect(abandoned.status).toBe('abandoned')
    expect(abandoned.parked).toBeUndefined()
  })

  it('counts a lost place only for a place never checked in, not for a checked-in remote ticket parked and not back in time', async () => {
    const { a, counter, clerk, kiosk, clock } = await setUp()
    const parkedOne = (await join(a.id, '198.51.100.1')).json().id as string
    const neverCame = (await join(a.id, '198.51.100.2')).json().id as string
    // the first checks in, is called, parked for 5 minutes and does not come back
    expect((await arrive(parkedOne)).statusCode).toBe(200)
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(parkedOne)
    expect((await center.action(clerk, counter.id, 'park', { reason: 'payment', minutes: 5 })).statusCode).toBe(200)
    clock.advance(5 * 60 + 1)
    const afterPark = await publicTicket(parkedOne)
    expect(afterPark).toMatchObject({ status: 'abandoned', remote: { mode: 'check-in' } })
    expect(afterPark.remote.arrivedAt).not.toBeNull()
    let figures = (await center.request('GET', `${REMOTE}/figures?day=2026-03-10`, { token: clerk })).json()
    expect(figures).toMatchObject({ joined: 2, arrived: 1, abandoned: 0 })

    // the second never checks in: a walk-in after it is called, its 10 minutes pass, its place is lost
    await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, counter.id, 'call-next')
    clock.advance(11 * 60)
    // the remote sweep runs every minute and before any join or arrival: a late "I am here" finds the place lost
    expect((await arrive(neverCame)).statusCode).toBe(410)
    const lost = await publicTicket(neverCame)
    expect(lost).toMatchObject({ status: 'abandoned', remote: { arrivedAt: null } })
    figures = (await center.request('GET', `${REMOTE}/figures?day=2026-03-10`, { token: clerk })).json()
    expect(figures).toMatchObject({ joined: 2, arrived: 1, abandoned: 1 })
    expect(rows(center, "SELECT count(*) AS n FROM events WHERE type = 'ticket.abandoned'")).toEqual([{ n: 2 }])
  })
})
