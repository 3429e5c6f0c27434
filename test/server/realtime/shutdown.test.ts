import { afterEach, describe, expect, it } from 'vitest'
import { Socket as EngineSocket } from 'engine.io-client'
import { TestCenter } from '../../helpers/test-center.ts'
import { connect } from 'node:net'
import { once } from 'node:events'
import { useListeningCenter, waitForDisconnect, waitUntil, type TabourSocket } from '../../helpers/socket-client.ts'
import { buildFloor } from './floor.ts'
import { within } from '../../helpers/within.ts'

describe('closing the app with clients connected', () => {
  const { clients, start } = useListeningCenter()

  it('finishes promptly, tells every client, and the clients do not reconnect', async () => {
    const { center, url } = await start()
    const floor = await buildFloor(center)
    // reconnecting clients, as displays and kiosks are in the field
    const options = { reconnection: true, reconnectionDelay: 20, reconnectionDelayMax: 20 }
    const sockets: TabourSocket[] = []
    for (const token of [floor.displayGround.token, floor.displayFirst.token, floor.displayAll.token, floor.kiosk.token, floor.manager]) {
      sockets.push(await clients.connect(url, token, options))
    }
    // and one that is half-way through its handshake
    clients.open(url, floor.displayAll.token, options)
    expect(center.app.tabour.realtime.socketCount()).toBeGreaterThanOrEqual(5)
    const reasons = Promise.all(sockets.map((s) => waitForDisconnect(s)))

    const app = center.app
    const closing = app.close()
    await within(closing, 2_000, 'app.close()')
    // told by the server, so none of them retries against a center that is going away
    expect(await reasons).toEqual(sockets.map(() => 'io server disconnect'))
    expect(app.server.listening).toBe(false)
    expect(app.tabour.db.open).toBe(false)
    // `active` false: the client has given up its connection for good (no reconnection scheduled)
    expect(sockets.map((s) => [s.connected, s.active])).toEqual(sockets.map(() => [false, false]))
  })

  it('finishes promptly with a connection that has not joined a feed yet (a screen whose feed is still starting)', async () => {
    const { center, url } = await start()
    // an engine.io connection with no socket.io socket on it: a page's feed between its transport and its CONNECT packet
    const raw = new EngineSocket(url, { path: '/socket.io/', transports: ['websocket'] })
    const closed = new Promise<string>((resolve) => raw.on('close', (reason) => resolve(reason)))
    await new Promise<void>((resolve, reject) => {
      raw.on('open', () => resolve())
      raw.on('error', reject)
    })
    expect(center.app.tabour.realtime.socketCount()).toBe(0)
    await within(center.app.close(), 2_000, 'app.close()')
    expect(await closed).toBe('transport close')
  })

  it('refuses a new feed while it closes, with the connection closed after the answer: a screen reconnecting at once cannot hold the close open', async () => {
    // A kiosk whose feed the server ended reconnects by itself (it must come back after a
    // restart). Its new handshake reached engine.io, which answers outside Fastify's closing
    // rules: a new session was opened and the connection kept alive, and the page's next poll on
    // it kept the HTTP server from closing until the page went away (seen in CI, 2026-12-05:
    // a center's close took 4 min 17 s with a kiosk page open).
    const { center, url } = await start()
    const raw = connect(Number(new URL(url).port), '127.0.0.1')
    await once(raw, 'connect')
    // the handshake's headers not yet finished: the connection is busy, so the close does not reap it
    raw.write('GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    const closing = center.app.close()
    await waitUntil(() => !center.app.server.listening, 2_000, 'the server to stop listening')
    let answer = ''
    raw.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk))
    const gone = once(raw, 'close')
    raw.write('\r\n')
    await within(closing, 5_000, 'app.close() with a handshake arriving while it closes')
    await within(gone, 1_000, 'the connection closed after its answer')
    expect(answer).toMatch(/^HTTP\/1\.1 403 /)
    expect(answer.toLowerCase()).toContain('connection: close')
  })

  it('finishes promptly with no client at all, and twice in a row', async () => {
    const { center } = await start()
    await within(center.app.close(), 2_000, 'app.close()')
    await within(center.app.close(), 2_000, 'a second app.close()')
  })
})

/** An inject-only center never listens, so it is started and closed here rather than by useListeningCenter. */
describe('closing an app that was never listening', () => {
  let center: TestCenter | undefined
  afterEach(async () => {
    await center?.close()
    center = undefined
  })

  it('closes an app that was never listening (inject-only tests) promptly', async () => {
    center = await TestCenter.start()
    expect((await center.request('GET', '/healthz')).statusCode).toBe(200)
    await within(center.app.close(), 2_000, 'app.close()')
  })
})
