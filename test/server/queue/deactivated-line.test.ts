import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { buildSnapshot } from '../../../server/realtime/snapshot.ts'
import { KIOSK_FEED, STAFF_FEED, zoneFeed } from '../../../server/realtime/feeds.ts'

/**
 * s53: an admin deactivates a service while three citizens wait in its line. Deactivating stops new tickets only
 * (README "Deactivating a service"): the counters that serve it still call those three, and every screen says so.
 * The staff's and the boards' snapshots listed active services only, so a console or a TV that reloaded (or
 * reconnected after a gap) dropped the line while its tickets were still to be called: the console could call
 * "next" into a ticket it did not list, and the TV no longer counted the three.
 */
describe('a service deactivated while tickets wait in its line', () => {
  let center: TestCenter
  let kiosk: string
  let admin: string
  let clerk: string
  let a: { id: number }
  let b: { id: number }
  let counterId: number
  const tickets: { id: string; label: string }[] = []

  beforeAll(async () => {
    center = await TestCenter.start()
    admin = await center.admin()
    a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    b = await center.createService({ prefix: 'B', whenUnstaffed: 'not-offered' })
    counterId = (await center.createCounter({ number: 1, zone: 'ground', serviceIds: [a.id, b.id] })).id
    kiosk = (await center.createDevice('kiosk')).token
    clerk = await center.openCounterAs('clerk1', counterId)
    for (let i = 0; i < 3; i++) tickets.push(await center.issue(kiosk, { serviceId: b.id }))
    const off = await center.request('PATCH', `/api/v1/services/${b.id}`, { token: admin, body: { active: false } })
    expect(off.statusCode, off.body).toBe(200)
  })
  afterAll(async () => center?.close())

  const snapshotServices = (feed: string) =>
    buildSnapshot(center.app.tabour.queue, feed, 0).services.map((s) => [s.prefix, s.active, s.waiting])

  it('takes no new ticket: the kiosk is refused, and its snapshot does not list it', async () => {
    const res = await center.request('POST', '/api/v1/tickets', { token: kiosk, body: { serviceId: b.id } })
    expect(res.statusCode).toBe(422)
    expect(res.json().code).toBe('TABOUR_ERR_SERVICE_INACTIVE')
    expect(snapshotServices(KIOSK_FEED)).toEqual([['A', true, 0]])
  })

  it('stays on the console and the TV, with its three, after a reload (it was dropped: walk s53)', () => {
    expect(snapshotServices(STAFF_FEED)).toEqual([
      ['A', true, 0],
      ['B', false, 3],
    ])
    expect(snapshotServices(zoneFeed('ground'))).toEqual([
      ['A', true, 0],
      ['B', false, 3],
    ])
  })

  it('tells each of the three its place and a wait: its counter still calls the line', async () => {
    const page = (await center.request('GET', `/api/v1/tickets/${tickets[2]!.id}`)).json()
    expect(page).toMatchObject({ status: 'waiting', position: 2 })
    expect(page.estimatedWaitSeconds).toEqual(expect.any(Number))
  })

  it('tells them to ask a member of staff while no counter serves the line, as none will open to call it', async () => {
    const page = async () => (await center.request('GET', `/api/v1/tickets/${tickets[0]!.id}`)).json()
    expect((await page()).noCounterServes).toBeUndefined()
    const serves = async (serviceIds: number[]) => {
      // the admin confirms taking B's line off its last counter (refused without: 409 LAST_COUNTER_OF_WAITING_SERVICE)
      const res = await center.request('PATCH', `/api/v1/counters/${counterId}`, {
        token: admin,
        body: { serviceIds, confirmUnserved: true },
      })
      expect(res.statusCode, res.body).toBe(200)
    }
    await serves([a.id])
    // it said "no counter serving this service is open now; calls start when one opens"
    expect(await page()).toMatchObject({ status: 'waiting', estimatedWaitSeconds: null, noCounterServes: true })
    await serves([a.id, b.id])
    expect((await page()).noCounterServes).toBeUndefined()
  })

  it('is called by next and by name, and leaves the screens once its line is empty', async () => {
    const call = async (path: string, body?: unknown) => {
      const res = await center.request('POST', `/api/v1/counters/${counterId}/${path}`, { token: clerk, body })
      expect(res.statusCode, res.body).toBe(200)
      const label = res.json().ticket?.label as string
      expect((await center.request('POST', `/api/v1/counters/${counterId}/start`, { token: clerk })).statusCode).toBe(200)
      const done = await center.request('POST', `/api/v1/counters/${counterId}/finish`, { token: clerk })
      expect(done.statusCode, done.body).toBe(200)
      return label
    }
    expect(await call('call-next')).toBe(tickets[0]!.label)
    expect(await call('call', { ticketId: tickets[2]!.id })).toBe(tickets[2]!.label)
    expect(snapshotServices(STAFF_FEED)).toEqual([
      ['A', true, 0],
      ['B', false, 1],
    ])
    expect(await call('call-next')).toBe(tickets[1]!.label)
    expect(snapshotServices(STAFF_FEED)).toEqual([['A', true, 0]])
    expect(snapshotServices(zoneFeed('ground'))).toEqual([['A', true, 0]])
  })
})
