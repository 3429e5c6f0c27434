import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from '../routes/route-helpers.ts'

/**
 * A place held from a phone (check-in) sees its turn come when a ticket queued after it is called
 * **in its line** (server/db/repositories/remote-joins-repo.ts turnCameAt). The calls are read from
 * the log, each with the place it was called from, not from the tickets' rows: a ticket moved to its
 * visit's next step or transferred keeps the call time of the line it left. Walk of session 54: B-001
 * joined from a phone; A-001 (a visit A then B) called and finished in A moved into B, and B-001 was
 * given "check in before" one minute later, then lost its place, though nobody had been called in B.
 */
describe("a held place's turn comes by the calls of its own line", () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  async function setUp() {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: { remoteJoin: { services: [{ prefix: 'B', mode: 'check-in', dailyCap: 10, arriveMinutes: 1 }] } },
    })
    const c = center
    const a = await c.createService({ prefix: 'A' })
    const b = await c.createService({ prefix: 'B' })
    const counter = await c.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const kiosk = (await c.createDevice('kiosk')).token
    const clerk = await c.openCounterAs('clerk1', counter.id)
    const act = async (action: string, body?: unknown) => {
      const res = await c.action(clerk, counter.id, action, body)
      expect(res.statusCode, res.body).toBe(200)
      return res.json().ticket
    }
    const page = async (id: string) => (await c.request('GET', `/api/v1/tickets/${id}`)).json()
    return { c, clock, a, b, kiosk, act, page }
  }

  it('a visit moved into its line by its next step is no call there: the place keeps waiting; its later call there is the turn', async () => {
    const { c, clock, a, b, kiosk, act, page } = await setUp()
    await c.request('PUT', `/api/v1/services/${a.id}/steps`, { token: await c.admin(), body: { steps: [b.id] } })
    const held = await c.joinFromPhone(b.id)
    clock.advance(30)
    const visit = await c.issue(kiosk, { serviceId: a.id })
    expect((await act('call-next')).id).toBe(visit.id)
    await act('start')
    clock.advance(60)
    await act('finish')
    expect(await page(visit.id)).toMatchObject({ status: 'waiting', serviceId: b.id })
    expect((await page(held.id)).remote.arriveBy).toBeNull()
    clock.advance(5 * 60)
    expect(await page(held.id)).toMatchObject({ status: 'remote', remote: { arriveBy: null } })
    // now a ticket queued after it (the visit, placed by its issue time) is called in B: its turn has come
    const turn = clock.now
    expect((await act('call-next')).id).toBe(visit.id)
    expect((await page(held.id)).remote.arriveBy).toBe(new Date(turn + 60_000).toISOString())
    clock.advance(61)
    expect((await page(held.id)).status).toBe('abandoned')
    expect(rows(c, "SELECT json_extract(data, '$.reason') AS reason FROM events WHERE type = 'ticket.abandoned'")).toEqual([
      { reason: 'turn_passed' },
    ])
  })

  it('a ticket transferred into its line after its call elsewhere is no call there', async () => {
    const { c, clock, a, b, kiosk, act, page } = await setUp()
    const held = await c.joinFromPhone(b.id)
    clock.advance(30)
    const moved = await c.issue(kiosk, { serviceId: a.id })
    expect((await act('call-next')).id).toBe(moved.id)
    await act('transfer', { serviceId: b.id })
    expect(await page(moved.id)).toMatchObject({ status: 'waiting', serviceId: b.id })
    clock.advance(5 * 60)
    expect(await page(held.id)).toMatchObject({ status: 'remote', remote: { arriveBy: null } })
  })

  it('a call in its line stands when the called ticket leaves the line after it: the deadline does not move', async () => {
    const { c, clock, a, b, kiosk, act, page } = await setUp()
    const held = await c.joinFromPhone(b.id)
    clock.advance(30)
    const later = await c.issue(kiosk, { serviceId: b.id })
    const turn = clock.now
    expect((await act('call-next')).id).toBe(later.id)
    const arriveBy = new Date(turn + 60_000).toISOString()
    expect((await page(held.id)).remote.arriveBy).toBe(arriveBy)
    clock.advance(20)
    await act('transfer', { serviceId: a.id })
    expect((await page(held.id)).remote.arriveBy).toBe(arriveBy)
    clock.advance(41)
    expect((await page(held.id)).status).toBe('abandoned')
  })
})
