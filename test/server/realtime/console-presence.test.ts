import { describe, expect, it } from 'vitest'
import { useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { TestClock, type TestCenter } from '../../helpers/test-center.ts'

const AWAY_AFTER = 180

/**
 * Away detection (issue 14): a counter whose clerk has had no live console for
 * queue.awayAfterSeconds leaves staffing and the estimates, shows as away to staff, and a manager
 * may close it; the console coming back ends it. Real socket.io clients; the injected clock
 * stands in for the minutes, and the sweep is run by hand (its timer runs on real time).
 */
describe('console presence: away counters', () => {
  const { clients, start } = useListeningCenter()

  /** A client that has had its feed's first push (so later pushes are not missed). */
  async function joined(url: string, token: string) {
    const socket = clients.open(url, token)
    await waitForEvent(socket, 'feed:joined')
    return socket
  }

  async function setUp() {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { queue: { awayAfterSeconds: AWAY_AFTER } } })
    const a = await center.createService({ prefix: 'A', whenUnstaffed: 'not-offered' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const manager = (await center.createUser('manager', 'manager')).token
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    const console1 = await joined(url, clerk1)
    const dashboard = await joined(url, manager)
    const sweep = () => center.app.tabour.realtime.presence.sweep()
    return { clock, center, url, a, c1, c2, kiosk, manager, clerk1, console1, dashboard, sweep }
  }

  const counterOf = async (center: TestCenter, token: string, id: number) =>
    (await center.request('GET', `/api/v1/counters/${id}`, { token })).json()
  const serviceOf = async (center: TestCenter, token: string) => (await center.request('GET', '/api/v1/services', { token })).json()[0]

  it('a console that disconnects makes its counter away after the setting, not before; it leaves the estimates', async () => {
    const s = await setUp()
    for (let i = 0; i < 2; i++) await s.center.issue(s.kiosk.token, { serviceId: s.a.id })
    expect(await serviceOf(s.center, s.kiosk.token)).toMatchObject({ staffed: true, estimatedWaitSeconds: 600 })

    s.console1.disconnect()
    await new Promise((r) => setTimeout(r, 100)) // the server hears the disconnect
    s.clock.advance(AWAY_AFTER - 1)
    expect(s.sweep()).toEqual([])
    expect(await counterOf(s.center, s.manager, s.c1.id)).toMatchObject({ state: 'open', awaySince: null })

    const pushed = waitForEvent(s.dashboard, 'counter:updated', undefined, (e) => e.counter.awaySince !== null)
    s.clock.advance(1)
    expect(s.sweep()).toEqual([s.c1.id])
    const { counter } = await pushed
    expect(counter).toMatchObject({ id: s.c1.id, state: 'open', clerk: { username: 'clerk1' } })
    expect(Date.parse(counter.awaySince!)).toBe(s.clock.now - AWAY_AFTER * 1000)
    // nobody serves the line any more: off sale, no estimate, the kiosk is refused
    expect(await serviceOf(s.center, s.kiosk.token)).toMatchObject({ staffed: false, available: false, estimatedWaitSeconds: null })
    const refused = await s.center.request('POST', '/api/v1/tickets', { token: s.kiosk.token, body: { serviceId: s.a.id } })
    expect(refused.json()).toMatchObject({ code: 'TABOUR_ERR_SERVICE_UNSTAFFED' })
    // a second sweep changes nothing
    expect(s.sweep()).toEqual([])
  })

  it('the console reconnecting ends the away spell; a clerk with two consoles is away only when both are gone', async () => {
    const s = await setUp()
    const second = await joined(s.url, s.clerk1)
    s.console1.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER * 2)
    expect(s.sweep()).toEqual([])
    second.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER)
    expect(s.sweep()).toEqual([s.c1.id])
    expect((await counterOf(s.center, s.manager, s.c1.id)).awaySince).not.toBeNull()

    const back = waitForEvent(s.dashboard, 'counter:updated', undefined, (e) => e.counter.awaySince === null)
    await clients.connect(s.url, s.clerk1)
    expect((await back).counter).toMatchObject({ id: s.c1.id, awaySince: null })
    expect(await serviceOf(s.center, s.kiosk.token)).toMatchObject({ staffed: true, available: true, estimatedWaitSeconds: 0 })
    const log = s.center.app.tabour.queue.ctx.db
      .prepare(`SELECT type FROM events WHERE counter_id = ? AND type IN ('counter.away', 'counter.back') ORDER BY id`)
      .all(s.c1.id) as { type: string }[]
    expect(log.map((e) => e.type)).toEqual(['counter.away', 'counter.back'])
  })

  it('a clerk who acts over the API after the console left is not marked away: the no-show lists the counter', async () => {
    // the walk of session 50: the tab closed at 07:12:24, the clerk no-showed A-001 and called A-002 over
    // REST, and at 07:15:31 the counter went away dated 07:12:24; A-001's page sent them to counter 2 only
    const s = await setUp()
    const clerk2 = await s.center.openCounterAs('clerk2', s.c2.id)
    await joined(s.url, clerk2)
    const first = await s.center.issue(s.kiosk.token, { serviceId: s.a.id })
    await s.center.issue(s.kiosk.token, { serviceId: s.a.id })
    expect((await s.center.action(s.clerk1, s.c1.id, 'call-next')).statusCode).toBe(200)

    s.console1.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER - 30)
    expect((await s.center.action(s.clerk1, s.c1.id, 'no-show')).statusCode).toBe(200)
    expect((await s.center.action(s.clerk1, s.c1.id, 'call-next')).statusCode).toBe(200)
    s.clock.advance(30)
    expect(s.sweep()).toEqual([])
    s.clock.advance(AWAY_AFTER * 3) // the mark is dropped, not put off: the clerk is judged again when a console returns
    expect(s.sweep()).toEqual([])
    expect(await counterOf(s.center, s.manager, s.c1.id)).toMatchObject({ state: 'open', awaySince: null })
    const page = (await s.center.request('GET', `/api/v1/tickets/${first.id}`)).json()
    expect(page.noShow.counters.map((c: { number: number }) => c.number)).toEqual([1, 2])

    // a console of the clerk's that comes and goes again starts a new count from its own departure
    const again = await joined(s.url, s.clerk1)
    again.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    const left = s.clock.now
    s.clock.advance(AWAY_AFTER)
    expect(s.sweep()).toEqual([s.c1.id])
    expect(Date.parse((await counterOf(s.center, s.manager, s.c1.id)).awaySince)).toBe(left)
  })

  it('logging out without closing leaves the counter open: away after the setting', async () => {
    const s = await setUp()
    const gone = waitForEvent(s.console1, 'disconnect' as never).catch(() => {})
    expect((await s.center.request('POST', '/api/v1/auth/logout', { token: s.clerk1 })).statusCode).toBe(204)
    await gone
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER)
    expect(s.sweep()).toEqual([s.c1.id])
  })

  it('a manager closes an away counter (audited as a counter action); not a present one, and not as a clerk', async () => {
    const s = await setUp()
    const clerk2 = await s.center.openCounterAs('clerk2', s.c2.id)
    await joined(s.url, clerk2) // clerk2's console is live
    const present = await s.center.request('POST', `/api/v1/counters/${s.c2.id}/close-away`, { token: s.manager })
    expect(present.json()).toMatchObject({ statusCode: 409, code: 'TABOUR_ERR_COUNTER_NOT_AWAY' })

    s.console1.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER)
    expect(s.sweep()).toEqual([s.c1.id])
    expect((await s.center.request('POST', `/api/v1/counters/${s.c1.id}/close-away`, { token: clerk2 })).statusCode).toBe(403)

    const pushed = waitForEvent(s.dashboard, 'counter:updated', undefined, (e) => e.counter.state === 'closed')
    const closed = await s.center.request('POST', `/api/v1/counters/${s.c1.id}/close-away`, { token: s.manager })
    expect(closed.statusCode).toBe(200)
    expect(closed.json()).toMatchObject({ id: s.c1.id, state: 'closed', clerk: null, awaySince: null })
    expect((await pushed).counter).toMatchObject({ id: s.c1.id, state: 'closed' })
    const row = s.center.app.tabour.queue.ctx.db
      .prepare(`SELECT user_id AS userId, data FROM events WHERE counter_id = ? AND type = 'counter.closed'`)
      .get(s.c1.id) as { userId: number; data: string }
    const managerId = (await s.center.request('GET', '/api/v1/auth/me', { token: s.manager })).json().id
    expect(row.userId).toBe(managerId)
    expect(JSON.parse(row.data)).toMatchObject({ by: 'manager', reason: 'away' })
    // the clerk, back later, finds the counter closed and may open it again
    expect((await s.center.action(s.clerk1, s.c1.id, 'open')).statusCode).toBe(200)
  })

  it('an away counter holding a ticket is not closed under it (409 COUNTER_BUSY)', async () => {
    const s = await setUp()
    await s.center.issue(s.kiosk.token, { serviceId: s.a.id })
    expect((await s.center.action(s.clerk1, s.c1.id, 'call-next')).statusCode).toBe(200)
    s.console1.disconnect()
    await new Promise((r) => setTimeout(r, 100))
    s.clock.advance(AWAY_AFTER)
    s.sweep()
    const busy = await s.center.request('POST', `/api/v1/counters/${s.c1.id}/close-away`, { token: s.manager })
    expect(busy.json()).toMatchObject({ statusCode: 409, code: 'TABOUR_ERR_COUNTER_BUSY' })
  })
})
