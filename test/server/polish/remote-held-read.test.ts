import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from '../routes/route-helpers.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'

/**
 * Finding 4 of the walk-through: a held place (status remote) whose time ran out stayed "remote"
 * until the once-a-minute sweep, so its status page read in between still offered "I am here".
 * The sweep now runs before every read of the queue, as the parking sweep does: the page read
 * at that moment says the place is lost, and the log has its `ticket.abandoned` once.
 */
describe('a held place read after its time ran out', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('reads abandoned (turn passed) at once, with one abandon in the log, and stays so on the next read', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 10, arriveMinutes: 10 }] } },
    })
    const c = center
    const a = await c.createService({ prefix: 'A' })
    const counter = await c.createCounter({ number: 1, serviceIds: [a.id] })
    const joined = await c.app.inject({
      method: 'POST',
      url: '/api/v1/remote/join',
      payload: { serviceId: a.id },
      remoteAddress: '203.0.113.9',
    })
    expect(joined.statusCode, joined.body).toBe(201)
    const held = joined.json().id as string
    const kiosk = (await c.createDevice('kiosk')).token
    await c.issue(kiosk, { serviceId: a.id })
    const clerk = await c.openCounterAs('clerk1', counter.id)
    // its turn comes: the walk-in who came after it is called
    await c.action(clerk, counter.id, 'call-next')
    clock.advance(9 * 60)
    expect((await c.request('GET', `/api/v1/tickets/${held}`)).json().status).toBe('remote')
    clock.advance(2 * 60)
    const read = await c.request('GET', `/api/v1/tickets/${held}`)
    expect(read.statusCode, read.body).toBe(200)
    expect(read.json().status).toBe('abandoned')
    expect((await c.request('GET', `/api/v1/tickets/${held}`)).json().status).toBe('abandoned')
    expect(rows(c, "SELECT json_extract(data, '$.reason') AS reason FROM events WHERE type = 'ticket.abandoned'")).toEqual([
      { reason: 'turn_passed' },
    ])
    expect(read.json().cancelledBecause).toBeUndefined()
  })

  it("a held place the day's close ended says so (the day's line closed), not that nobody checked in in time", async () => {
    const clock = new TestClock(Date.parse('2026-03-10T21:40:00Z')) // 23:40 in Cairo
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 10, arriveMinutes: 10 }] } },
    })
    const a = await center.createService({ prefix: 'A' })
    const joined = await center.joinFromPhone(a.id)
    clock.advance(30 * 60) // 00:10 the next day
    const read = (await center.request('GET', `/api/v1/tickets/${joined.id}`)).json()
    expect(read).toMatchObject({ status: 'abandoned', cancelledBecause: 'day_closed' })
  })

  it('a center with no daily close keeps a held place across midnight', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T21:40:00Z')) // 23:40 in Cairo
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'A', mode: 'check-in', dailyCap: 10, arriveMinutes: 10 }] } },
    })
    const body = { ...DEFAULT_CALENDAR, dailyClose: false }
    expect((await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body })).statusCode).toBe(200)
    const a = await center.createService({ prefix: 'A' })
    const joined = await center.joinFromPhone(a.id)
    clock.advance(30 * 60) // 00:10 the next day
    expect((await center.request('GET', `/api/v1/tickets/${joined.id}`)).json().status).toBe('remote')
  })
})
