import { describe, expect, it } from 'vitest'
import { TestClock } from '../../helpers/test-center.ts'
import { snapshotOf, useListeningCenter, waitForEvent } from '../../helpers/socket-client.ts'
import { isSnapshotRefusal } from '../../../protocol/events.ts'
import { act, buildFloor } from '../realtime/floor.ts'

const BOARD = '/api/v1/devices/me/snapshot'

/**
 * GET /devices/me/snapshot (issue 22): a display's board over HTTP, the answer its socket gives
 * to `snapshot`, for its page to carry (server/ui-start-data.ts). Same feed, seq, access and
 * per-device allowance as the socket's.
 */
describe('a display board over HTTP', () => {
  const { clients, start } = useListeningCenter()

  it("is the socket's snapshot for the same display, seq included, and its seq is what a new socket then joins at", async () => {
    // a still clock: the services' `hours.at` is the same in both answers
    const { center, url } = await start({ clock: new TestClock() })
    const floor = await buildFloor(center, { open: true })
    const t1 = await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await center.issue(floor.kiosk.token, { serviceId: floor.service.id })
    await act(center, floor.clerkGround, floor.ground.id, 'call-next')
    await act(center, floor.clerkFirst, floor.first.id, 'call-next')

    const res = await center.request('GET', BOARD, { token: floor.displayGround.token })
    expect(res.statusCode).toBe(200)
    const board = res.json()
    expect(board.feed).toBe('feed:display:ground')
    expect(board.recentCalls.map((c: { ticket: { id: string } }) => c.ticket.id)).toEqual([t1.id])
    expect(board.counters.map((c: { clerk: unknown }) => c.clerk)).toEqual([null])

    const socket = clients.open(url, floor.displayGround.token)
    const joined = await waitForEvent(socket, 'feed:joined')
    expect(joined.seq, 'nothing pushed since the board was built').toBe(board.seq)
    expect(await snapshotOf(socket)).toEqual(board)

    // a call on its zone moves the feed on: a socket joining after it learns that its board is old
    await act(center, floor.clerkGround, floor.ground.id, 'recall')
    const later = await waitForEvent(clients.open(url, floor.displayGround.token), 'feed:joined')
    expect(later.seq).toBeGreaterThan(board.seq)
  })

  it('answers displays only: 401 without a token or with a revoked one, 403 to a kiosk or staff', async () => {
    const { center } = await start()
    const floor = await buildFloor(center)
    expect((await center.request('GET', BOARD)).json()).toMatchObject({ statusCode: 401, code: 'TABOUR_ERR_UNAUTHENTICATED' })
    expect((await center.request('GET', BOARD, { token: floor.kiosk.token })).json()).toMatchObject({
      statusCode: 403,
      code: 'TABOUR_ERR_FORBIDDEN',
    })
    expect((await center.request('GET', BOARD, { token: floor.manager })).statusCode).toBe(403)
    const admin = await center.admin()
    expect((await center.request('POST', `/api/v1/devices/${floor.displayAll.id}/revoke`, { token: admin })).statusCode).toBe(200)
    expect((await center.request('GET', BOARD, { token: floor.displayAll.token })).json()).toMatchObject({
      statusCode: 401,
      code: 'TABOUR_ERR_UNAUTHENTICATED',
    })
  })

  it("counts against the display's snapshot allowance, shared with its socket: 429 with Retry-After, never a 500", async () => {
    const clock = new TestClock()
    const { center, url } = await start({ clock, config: { deviceLimits: { snapshotsPerMinute: 30, snapshotBurst: 2 } } })
    const floor = await buildFloor(center)
    const token = floor.displayAll.token
    expect((await center.request('GET', BOARD, { token })).statusCode).toBe(200)
    const socket = await clients.connect(url, token)
    await snapshotOf(socket)
    const refused = await center.request('GET', BOARD, { token })
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toMatchObject({ code: 'TABOUR_ERR_RATE_LIMITED' })
    expect(refused.headers['retry-after']).toBe('2')
    expect(isSnapshotRefusal(await socket.timeout(3000).emitWithAck('snapshot'))).toBe(true)
    // another display is not held back by this one
    expect((await center.request('GET', BOARD, { token: floor.displayGround.token })).statusCode).toBe(200)
    clock.advance(2)
    expect((await center.request('GET', BOARD, { token })).statusCode).toBe(200)
  })

  it('is in the OpenAPI document with its response schema', async () => {
    const { center } = await start()
    const doc = (await center.request('GET', '/api/v1/openapi.json')).json()
    const op = doc.paths[BOARD]?.get
    expect(op?.tags).toEqual(['devices'])
    const schema = op.responses['200'].content['application/json'].schema
    expect(Object.keys(schema.properties).sort().join(' ')).toBe('counters feed news pastCalls recentCalls seq serverTime services')
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '403', '429'])
  })
})
