import { describe, expect, it } from 'vitest'
import { connect, type Socket as NetSocket } from 'node:net'
import type { Socket } from 'socket.io-client'
import { BODY_LIMIT_BYTES } from '../../server/app.ts'
import { ConfigError, validateConfig } from '../../server/config.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import { http } from '../helpers/http.ts'
import { snapshotOf, useListeningCenter, waitForDisconnect, waitForEvent } from '../helpers/socket-client.ts'

/**
 * Issue 8, "bad input": what a client sends is bounded in size and in time, over a real
 * listening server and raw TCP sockets (fetch would be too polite to misbehave). The bounds
 * are config `http.*TimeoutSeconds` and BODY_LIMIT_BYTES in server/app.ts; the tests use short
 * timeouts and check the cut-off with generous margins, never the machine's speed.
 */

/** Short timeouts so a cut-off is seen in seconds; the defaults (10 s, 30 s) are checked separately. */
const QUICK = { http: { headersTimeoutSeconds: 1, requestTimeoutSeconds: 2, keepAliveTimeoutSeconds: 1 } }
/** How long a cut-off may take here: far more than the 1–2 s timeouts plus Node's 0.5 s sweep. */
const CUT_OFF_WITHIN_MS = 15_000

interface RawExchange {
  socket: NetSocket
  /** Resolves when the server closes (or resets) the connection: everything it sent, and when. */
  closed: Promise<{ text: string; afterMs: number }>
}

/** A raw TCP connection to the server; `start` writes the first bytes once connected. */
function rawConnection(port: number, start: (socket: NetSocket) => void = () => {}): RawExchange {
  const socket = connect(port, '127.0.0.1')
  const began = Date.now()
  let text = ''
  socket.setEncoding('utf8')
  socket.on('data', (chunk: string) => (text += chunk))
  socket.on('error', () => {}) // a reset is a close here; EPIPE after the server hung up is expected
  socket.on('connect', () => start(socket))
  const closed = new Promise<{ text: string; afterMs: number }>((resolve) =>
    socket.on('close', () => resolve({ text, afterMs: Date.now() - began })),
  )
  return { socket, closed }
}

/** Waits for the close, failing with what came so far when it does not come within the bound. */
async function closedWithin(exchange: RawExchange, ms = CUT_OFF_WITHIN_MS): Promise<{ text: string; afterMs: number }> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`connection still open after ${ms} ms`)), ms)),
  )
  try {
    return await Promise.race([exchange.closed, timeout])
  } finally {
    clearTimeout(timer)
    exchange.socket.destroy()
  }
}

/** The status and JSON body of the first HTTP answer in `text`. */
function parseAnswer(text: string): { status: number; body: { statusCode?: number; code?: string } } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)
  const body = text.slice(text.indexOf('\r\n\r\n') + 4)
  return { status, body: body ? JSON.parse(body) : {} }
}

const portOf = (url: string) => Number(new URL(url).port)

describe('bounded input: body size and slow clients (issue 8)', () => {
  const { clients, start } = useListeningCenter()

  it('the defaults hold on a started server: headers 10 s, whole request 30 s, keep-alive 72 s; headers may not outlast the request', async () => {
    const { center } = await start()
    expect(center.app.server.headersTimeout).toBe(10_000)
    expect(center.app.server.requestTimeout).toBe(30_000)
    expect(center.app.server.keepAliveTimeout).toBe(72_000)
    expect(() => validateConfig({ http: { headersTimeoutSeconds: 40, requestTimeoutSeconds: 30 } })).toThrow(ConfigError)
  })

  it('an oversized body gets 413 with a code and the connection closes, whether the length is declared or chunked', async () => {
    const { center, url } = await start()
    const kiosk = await center.createDevice('kiosk')
    const head = (extra: string) =>
      `POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${kiosk.token}\r\nContent-Type: application/json\r\n${extra}\r\n`

    // declared: a terabyte is refused from the header, before a byte of it is read
    const declared = rawConnection(portOf(url), (s) => s.write(`${head('Content-Length: 1000000000000\r\n')}{"serviceId":`))
    // declared just past the limit and actually sent: refused, not buffered
    const justPast = rawConnection(portOf(url), (s) => {
      s.write(head(`Content-Length: ${BODY_LIMIT_BYTES + 1}\r\n`))
      s.write('x'.repeat(BODY_LIMIT_BYTES + 1))
    })
    // chunked, no length: refused once the bytes read pass the limit, while the client keeps sending
    const chunked = rawConnection(portOf(url), (s) => {
      s.write(head('Transfer-Encoding: chunked\r\n'))
      const chunk = 'y'.repeat(8 * 1024)
      const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)), 5)
    })
    for (const exchange of [declared, justPast, chunked]) {
      const { text } = await closedWithin(exchange)
      const answer = parseAnswer(text)
      expect(answer.status, text.slice(0, 200)).toBe(413)
      expect(answer.body).toMatchObject({ statusCode: 413, code: ErrorCodes.BAD_BODY })
    }
    expect((await http(url, 'GET', '/healthz')).status).toBe(200)
  })

  it('a body that never arrives and a slowloris trickling headers are cut off with 408 TABOUR_ERR_REQUEST_TIMEOUT', async () => {
    const { center, url } = await start({ config: QUICK })
    const kiosk = await center.createDevice('kiosk')
    // declares 1000 bytes (under the limit), sends ten, then nothing
    const stalled = rawConnection(portOf(url), (s) =>
      s.write(
        `POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${kiosk.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"service`,
      ),
    )
    // one byte of headers every 100 ms, forever: each byte is on time, the headers never end
    const slowloris = rawConnection(portOf(url), (s) => {
      const text = `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(10_000)}`
      let i = 0
      const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write(text[i++ % text.length])), 100)
    })
    // connects and says nothing
    const silent = rawConnection(portOf(url))
    for (const [what, exchange] of [
      ['stalled body', stalled],
      ['slowloris', slowloris],
      ['silent', silent],
    ] as const) {
      const { text, afterMs } = await closedWithin(exchange)
      expect(afterMs, what).toBeLessThan(CUT_OFF_WITHIN_MS)
      const answer = parseAnswer(text)
      expect(answer.status, `${what}: ${text.slice(0, 200)}`).toBe(408)
      expect(answer.body, what).toMatchObject({ statusCode: 408, code: ErrorCodes.REQUEST_TIMEOUT })
    }
    // and the kiosk's real request still goes through
    expect((await http(url, 'GET', '/healthz')).status).toBe(200)
  })

  it('bytes that are not HTTP get 400 with a code, not a bare socket error', async () => {
    const { url } = await start()
    const { text } = await closedWithin(rawConnection(portOf(url), (s) => s.write('HELLO\u0000 WORLD\r\n\r\n')))
    expect(parseAnswer(text)).toMatchObject({ status: 400, body: { statusCode: 400, code: ErrorCodes.BAD_BODY } })
  })

  it('hundreds of idle and trickling connections do not keep a normal request from being served', async () => {
    const { center, url } = await start()
    const service = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const idle = Array.from({ length: 300 }, () => rawConnection(portOf(url)))
    const trickling = Array.from({ length: 50 }, () =>
      rawConnection(portOf(url), (s) => {
        s.write('GET /healthz HTTP/1.1\r\nHost: x\r\n')
        const timer = setInterval(() => (s.destroyed ? clearInterval(timer) : s.write('X')), 200)
      }),
    )
    try {
      await Promise.all(
        [...idle, ...trickling].map(
          (e) => new Promise((resolve) => (e.socket.connecting ? e.socket.once('connect', resolve) : resolve(null))),
        ),
      )
      const health = await http(url, 'GET', '/healthz')
      expect(health.status).toBe(200)
      const issued = await http(url, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })
      expect(issued.status).toBe(201)
    } finally {
      for (const e of [...idle, ...trickling]) e.socket.destroy()
    }
  })

  it('a socket.io message past maxHttpBufferSize ends that connection only, on websocket and on long-polling', async () => {
    const { center, url } = await start()
    const service = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const display = await center.createDevice('display')
    const watcher = await clients.connect(url, display.token)
    // socket.io's own limit (1 MB by default): test/server/realtime/snapshot.test.ts keeps half a megabyte answerable
    const limit = center.app.tabour.realtime.io.engine.opts.maxHttpBufferSize ?? 1e6
    for (const transports of [['websocket'], ['polling']]) {
      const greedy = await clients.connect(url, (await center.createUser(`greedy-${transports[0]}`)).token, { transports })
      const gone = waitForDisconnect(greedy, 10_000)
      ;(greedy as unknown as Socket).emit('snapshot', 'z'.repeat(limit + 1024), () => {})
      expect(await gone, transports[0]).toMatch(/transport (close|error)/)
    }
    // the server is fine, and so is the healthy socket beside it
    expect((await http(url, 'GET', '/healthz')).status).toBe(200)
    expect((await snapshotOf(watcher)).services.map((s) => s.id)).toContain(service.id)
    const pushed = waitForEvent(watcher, 'queue:updated')
    await center.issue(kiosk.token, { serviceId: service.id })
    expect((await pushed).services[0].waiting).toBe(1)
  })
})
