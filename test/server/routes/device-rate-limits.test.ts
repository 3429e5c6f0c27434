import { describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { snapshotOf, useListeningCenter } from '../../helpers/socket-client.ts'
import { isSnapshotRefusal } from '../../../protocol/events.ts'

/** The shipped defaults (the test center lifts them for the other tests). */
const DEFAULTS = { ticketsPerMinute: 30, ticketBurst: 10, snapshotsPerMinute: 30, snapshotBurst: 10 }

describe('per-device rate limits on issuing and snapshots (issue 16 item 9)', () => {
  const { clients, start } = useListeningCenter()

  it('a kiosk token cannot issue a flood: 429 TABOUR_ERR_RATE_LIMITED with Retry-After, nothing written; other kiosks go on', async () => {
    const clock = new TestClock()
    const { center } = await start({ clock, config: { deviceLimits: DEFAULTS } })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const other = await center.createDevice('kiosk')
    const answers = []
    for (let i = 0; i < 40; i++)
      answers.push(await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } }))
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(10)
    const refused = answers.at(-1)!
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ statusCode: 429, code: 'TABOUR_ERR_RATE_LIMITED' })
    // one ticket back every 2 s at 30 a minute
    expect(refused.headers['retry-after']).toBe('2')
    const count = () => (center.app.tabour.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
    expect(count()).toBe(10)
    expect((await center.request('POST', '/api/v1/tickets', { token: other.token, body: { serviceId: a.id } })).statusCode).toBe(201)
    clock.advance(2)
    expect((await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } })).statusCode).toBe(201)
    expect(count()).toBe(12)
  })

  it('a busy real kiosk never meets the default: a family of five, then a citizen every 3 s for 5 minutes', async () => {
    const clock = new TestClock()
    const { center } = await start({ clock, config: { deviceLimits: DEFAULTS } })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    for (let i = 0; i < 5; i++) await center.issue(kiosk.token, { serviceId: a.id })
    for (let i = 0; i < 100; i++) {
      clock.advance(3)
      await center.issue(kiosk.token, { serviceId: a.id })
    }
  })

  it('a display cannot hammer snapshots: a refusal with the code and the wait, per device; staff are not limited', async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { deviceLimits: DEFAULTS } })
    const display = await center.createDevice('display')
    const other = await center.createDevice('display')
    const manager = (await center.createUser('amira', 'manager')).token
    const socket = await clients.connect(url, display.token)
    const answers = []
    for (let i = 0; i < 15; i++) answers.push(await socket.timeout(3000).emitWithAck('snapshot'))
    expect(answers.filter((x) => !isSnapshotRefusal(x))).toHaveLength(10)
    expect(answers.at(-1)).toMatchObject({ statusCode: 429, code: 'TABOUR_ERR_RATE_LIMITED', retryAfterSeconds: 2 })
    // the limit is the device's, not the socket's: a second socket of the same display waits too
    const again = await clients.connect(url, display.token)
    expect(isSnapshotRefusal(await again.timeout(3000).emitWithAck('snapshot'))).toBe(true)
    expect((await snapshotOf(await clients.connect(url, other.token))).feed).toMatch(/^feed:display/)
    const staff = await clients.connect(url, manager)
    for (let i = 0; i < 20; i++) await snapshotOf(staff)
    clock.advance(2)
    expect((await snapshotOf(socket)).feed).toMatch(/^feed:display/)
  })
})
