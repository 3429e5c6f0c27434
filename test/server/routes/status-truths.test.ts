import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from './route-helpers.ts'

/**
 * What the public ticket (GET /api/v1/tickets/:id) must say for the status page to be true:
 * a parked ticket carries until when its turn is kept (never the clerk's note).
 */

describe('the public ticket tells the truth', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(clock = new TestClock()) {
    center = await TestCenter.start({
      clock,
      config: { queue: { maxParkMinutes: 30 } },
    })
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    return { a, counter, clerk, kiosk, clock }
  }

  const publicTicket = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
  it('says until when a parked turn is kept, in the center zone, only while parked, and never the note', async () => {
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
    expect(res.body).not.toContain('payment')

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
})
