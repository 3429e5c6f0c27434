import { describe, expect, it } from 'vitest'
import fc, { type Arbitrary } from 'fast-check'
import type { Socket } from 'socket.io-client'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import type { ClientToServerEvents } from '../../protocol/events.ts'
import {
  EventRecorder,
  useListeningCenter,
  waitForEvent,
  waitUntil,
  type ConnectError,
  type ListeningCenter,
  type TabourSocket,
} from '../helpers/socket-client.ts'
import { NASTY_STRINGS } from '../helpers/schema-arbitrary.ts'

/**
 * Issue 8, "bad input", over socket.io: a real listening center and real socket.io-client
 * sockets. The contract (server/realtime/socket-server.ts): a handshake without a valid token
 * gets `connect_error` with a documented `data.code`; `snapshot` with an ack callback gets the
 * snapshot whatever else it carries, without one it is ignored; any other event is ignored; a
 * packet socket.io cannot parse closes that one connection. Properties: the server never
 * throws, every refusal carries a documented code, and healthy sockets keep their pushes.
 *
 * Reproduce or widen: FUZZ_SEED=<n> FUZZ_RUNS=<cases per property> npx vitest run test/reliability/fuzz-socket
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_308)
const RUNS = Number(process.env.FUZZ_RUNS ?? 300)

const DOCUMENTED = new Set<string>(Object.values(ErrorCodes))
/** Every event a client may emit (protocol/events.ts); a compile error here means a new one needs fuzzing below. */
const CLIENT_EVENTS: Record<keyof ClientToServerEvents, true> = { snapshot: true }
/** Names socket.io-client refuses to emit itself; they go out as raw packets instead. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'])

type Credential = 'kiosk' | 'display' | 'clerk' | 'manager' | 'admin'
const CREDENTIALS: Credential[] = ['kiosk', 'display', 'clerk', 'manager', 'admin']

/** Payload values: JSON of every shape, nasty strings, binary, deep nesting, a big buffer. */
const payloadArb: Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: fc.constantFrom(Buffer.alloc(0), Buffer.alloc(32 * 1024, 0xff), new Uint8Array([0, 1, 2]).buffer) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      JSON.parse('['.repeat(300) + ']'.repeat(300)),
      { __proto__: { admin: true } },
      { constructor: { prototype: { admin: true } } },
      { _placeholder: true, num: 0 },
    ),
  },
)

const unknownNameArb: Arbitrary<string> = fc
  .oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(
      'snapshot ',
      'Snapshot',
      'SNAPSHOT',
      'snapshot\u0000',
      'ticket:issued',
      'feed:joined',
      'error',
      'connect_error',
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'emit',
      'x'.repeat(10_000),
    ),
  )
  .filter((name) => !(name in CLIENT_EVENTS) && !RESERVED.has(name))

/** Raw socket.io packets (the engine.io message text), as a broken or hostile client writes them. */
const RAW_PACKETS = [
  '2["disconnect"]',
  '2["connect"]',
  '2["newListener","x"]',
  '2["removeListener"]',
  '2["connect_error",{}]',
  '2',
  '2[',
  '2{}',
  '2[]',
  '2[1]',
  '2[null]',
  '2[{}]',
  '2["snapshot"',
  '2"snapshot"',
  '21["snapshot"]',
  '299999999999999999999["snapshot"]',
  '2/nowhere,["snapshot"]',
  '0/nowhere,{}',
  '0{"token":"x"}',
  '0',
  '1',
  '3["x"]',
  '37["x"]',
  '4"oops"',
  '4{"message":"x"}',
  '5-["snapshot",{"_placeholder":true,"num":0}]',
  '51-["snapshot",{"_placeholder":true,"num":7}]',
  '6',
  '9',
  'x',
  '',
  `2["snapshot",${'['.repeat(2_000)}${']'.repeat(2_000)}]`,
  `2["${'e'.repeat(20_000)}"]`,
  '2["snapshot","\u0000\u202E"]',
]
const rawPacketArb: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...RAW_PACKETS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '21', '2/', '5-', '51-'), fc.string({ maxLength: 40 }))
      .map(([a, b]) => a + b),
  },
)

/** One thing a fuzzed socket does. */
type Action =
  | { kind: 'snapshot-ack'; args: unknown[] }
  | { kind: 'snapshot-no-ack'; args: unknown[] }
  | { kind: 'unknown'; name: string; args: unknown[]; ack: boolean }
  | { kind: 'raw'; packet: string }

const argsArb = fc.array(payloadArb, { maxLength: 3 })
const actionArb: Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: argsArb.map((args): Action => ({ kind: 'snapshot-ack', args })) },
  { weight: 2, arbitrary: argsArb.map((args): Action => ({ kind: 'snapshot-no-ack', args })) },
  {
    weight: 3,
    arbitrary: fc.record({ name: unknownNameArb, args: argsArb, ack: fc.boolean() }).map((a): Action => ({ kind: 'unknown', ...a })),
  },
  { weight: 2, arbitrary: rawPacketArb.map((packet): Action => ({ kind: 'raw', packet })) },
)

/** What a client hands the server as `auth`: real tokens, garbage, wrong types, extra keys, non-objects. */
function authArb(tokens: Record<Credential, string>): Arbitrary<{ auth: unknown; valid: boolean }> {
  const garbage = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(`tbu_${'A'.repeat(43)}`, 'tbd_', 'Bearer x', 'x'.repeat(100_000)),
  )
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...CREDENTIALS).map((c) => ({ auth: { token: tokens[c] }, valid: true })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...CREDENTIALS),
          fc.dictionary(
            fc.string({ maxLength: 10 }).filter((k) => k !== 'token'),
            fc.jsonValue({ maxDepth: 2 }),
            { maxKeys: 3 },
          ),
        )
        .map(([c, extra]) => ({ auth: { ...extra, token: tokens[c] }, valid: true })),
    },
    { weight: 3, arbitrary: garbage.map((token) => ({ auth: { token }, valid: false })) },
    {
      weight: 2,
      arbitrary: fc
        .jsonValue({ maxDepth: 2 })
        .filter((v) => typeof v !== 'string')
        .map((token) => ({ auth: { token }, valid: false })),
    },
    {
      weight: 1,
      arbitrary: fc
        .dictionary(
          fc.string({ maxLength: 10 }).filter((k) => k !== 'token'),
          fc.jsonValue({ maxDepth: 2 }),
          { maxKeys: 3 },
        )
        .map((auth) => ({ auth, valid: false })),
    },
    // a public watch (the status page) of garbage: never a live ticket id, so always refused with a code
    {
      weight: 2,
      arbitrary: fc
        .oneof(garbage, fc.jsonValue({ maxDepth: 2 }), fc.array(garbage, { maxLength: 8 }))
        .map((watch) => ({ auth: { watch }, valid: false })),
    },
    // not an object at all: socket.io's parser refuses the CONNECT packet
    { weight: 1, arbitrary: fc.constantFrom<unknown>('token', 42, null, true, [], ['x'], '').map((auth) => ({ auth, valid: false })) },
  )
}

type Outcome = { kind: 'connect' } | { kind: 'connect_error'; err: ConnectError } | { kind: 'closed'; reason: string } | { kind: 'timeout' }

/** The first of connect, connect_error or a closed transport; a timeout is a failure the caller reports. */
function handshakeOutcome(socket: TabourSocket, timeoutMs = 5_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), timeoutMs)
    const done = (o: Outcome) => {
      clearTimeout(timer)
      resolve(o)
    }
    socket.once('connect', () => done({ kind: 'connect' }))
    socket.once('connect_error', (err) => done({ kind: 'connect_error', err: err as ConnectError }))
    // a refused client's manager closes in the same tick, just before the socket's connect_error: let that win
    socket.io.once('close', (reason) => setTimeout(() => done({ kind: 'closed', reason }), 50))
  })
}

describe('fuzzing socket.io: the handshake and every client event (issue 8)', () => {
  const { clients, start } = useListeningCenter()

  async function setUp(): Promise<ListeningCenter & { tokens: Record<Credential, string>; serviceId: number }> {
    const lc = await start()
    const { center } = lc
    const service = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, zone: 'main', serviceIds: [service.id] })
    const [kiosk, display, clerk, manager] = await Promise.all([
      center.createDevice('kiosk'),
      center.createDevice('display', 'main'),
      center.createUser('clerk'),
      center.createUser('manager', 'manager'),
    ])
    const tokens = { kiosk: kiosk.token, display: display.token, clerk: clerk.token, manager: manager.token, admin: await center.admin() }
    expect((await center.action(tokens.clerk, 1, 'open')).statusCode).toBe(200)
    return { ...lc, tokens, serviceId: service.id }
  }

  /** Healthy clients still get their pushes: a ticket reaches staff and displays, a call reaches the display. */
  async function expectPushesFlow(lc: Awaited<ReturnType<typeof setUp>>, display: TabourSocket, staff: TabourSocket): Promise<void> {
    const issuedOnStaff = waitForEvent(staff, 'ticket:issued')
    const queueOnDisplay = waitForEvent(display, 'queue:updated')
    const ticket = await lc.center.issue(lc.tokens.kiosk, { serviceId: lc.serviceId })
    expect((await issuedOnStaff).ticket.id).toBe(ticket.id)
    expect((await queueOnDisplay).services.map((s) => s.serviceId)).toContain(lc.serviceId)
    const called = waitForEvent(display, 'ticket:called', undefined, (e) => e.ticket.id === ticket.id)
    expect((await lc.center.action(lc.tokens.clerk, 1, 'call-next')).statusCode).toBe(200)
    await called
    // leave the counter idle for the next round
    expect((await lc.center.action(lc.tokens.clerk, 1, 'no-show')).statusCode).toBe(200)
  }

  it('handshake auth: a real token connects, anything else is refused with a documented code (or the packet is dropped)', async () => {
    const lc = await setUp()
    const display = await clients.connect(lc.url, lc.tokens.display)
    const staff = await clients.connect(lc.url, lc.tokens.manager)
    const outcomes: Record<string, number> = {}
    const started = Date.now()
    await fc.assert(
      fc.asyncProperty(authArb(lc.tokens), async ({ auth, valid }) => {
        // socket.io-client only takes an object; a function hands over anything else as it is
        const socket = clients.open(lc.url, undefined, {
          auth:
            typeof auth === 'object' && auth !== null && !Array.isArray(auth)
              ? (auth as object)
              : (cb: (data: unknown) => void) => cb(auth),
        })
        const outcome = await handshakeOutcome(socket)
        socket.disconnect()
        const key = outcome.kind === 'connect_error' ? `connect_error:${outcome.err.data?.code ?? outcome.err.message}` : outcome.kind
        outcomes[key] = (outcomes[key] ?? 0) + 1
        expect(outcome.kind, JSON.stringify(auth)?.slice(0, 200)).not.toBe('timeout')
        if (valid) expect(outcome.kind).toBe('connect')
        else {
          expect(outcome.kind).not.toBe('connect')
          if (outcome.kind === 'connect_error') expect(DOCUMENTED.has(outcome.err.data?.code ?? ''), outcome.err.message).toBe(true)
        }
      }),
      { seed: SEED, numRuns: RUNS },
    )
    await expectPushesFlow(lc, display, staff)
    const health = await lc.center.request('GET', '/healthz')
    expect(health.statusCode).toBe(200)
    console.log(
      `fuzz-socket handshake: ${RUNS} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); outcomes ${Object.entries(
        outcomes,
      )
        .map(([k, n]) => `${k.replace('TABOUR_ERR_', '')}:${n}`)
        .join(' ')}`,
    )
  }, 120_000)

  it('events: snapshot with an ack always answers, everything else is ignored or closes only the sender; pushes keep flowing', async () => {
    const lc = await setUp()
    const display = await clients.connect(lc.url, lc.tokens.display)
    const staff = await clients.connect(lc.url, lc.tokens.manager)
    const displayLog = new EventRecorder(display)
    const pool = new Map<Credential, TabourSocket>()
    const socketFor = async (credential: Credential) => {
      const current = pool.get(credential)
      if (current?.connected) return current
      const socket = await clients.connect(lc.url, lc.tokens[credential])
      pool.set(credential, socket)
      return socket
    }
    const tally: Record<string, number> = {}
    const count = (key: string) => (tally[key] = (tally[key] ?? 0) + 1)
    const started = Date.now()

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CREDENTIALS), actionArb, async (credential, action) => {
        const socket = await socketFor(credential)
        const untyped = socket as unknown as Socket
        let strayAck = false
        let closedBy: string | null = null
        socket.once('disconnect', (reason) => (closedBy = reason))
        switch (action.kind) {
          case 'snapshot-ack': {
            const snapshot = await untyped.timeout(5_000).emitWithAck('snapshot', ...action.args)
            expect(snapshot).toMatchObject({
              seq: expect.any(Number),
              feed: expect.any(String),
              services: expect.any(Array),
              counters: expect.any(Array),
            })
            count('snapshot answered')
            break
          }
          case 'snapshot-no-ack':
            untyped.emit('snapshot', ...action.args)
            break
          case 'unknown':
            if (action.ack) untyped.emit(action.name, ...action.args, () => (strayAck = true))
            else untyped.emit(action.name, ...action.args)
            break
          case 'raw':
            socket.io.engine.send(action.packet)
            break
        }
        // packets are handled in order: once a later snapshot is answered, the server has dealt with this one;
        // a raw packet may instead end the connection (or, a DISCONNECT packet, only the server's side of it)
        const serverSide = lc.center.app.tabour.realtime.io.of('/').sockets
        const id = socket.id!
        const probe = await Promise.race([
          untyped
            .timeout(5_000)
            .emitWithAck('snapshot')
            .then(
              () => 'answered',
              () => (closedBy ? 'closed' : 'no answer'),
            ),
          waitUntil(() => !serverSide.has(id), 5_500, 'server drops the socket').then(
            () => 'dropped',
            () => 'never dropped',
          ),
        ])
        if (probe === 'dropped') {
          socket.disconnect()
          pool.delete(credential)
        }
        if (action.kind === 'raw') {
          // a packet socket.io cannot parse (or a disconnect packet) ends this connection only
          expect(['answered', 'dropped', 'closed'], `raw ${JSON.stringify(action.packet.slice(0, 80))}`).toContain(probe)
          count(probe === 'answered' ? 'raw ignored' : 'raw: connection closed')
        } else {
          expect(probe, `${action.kind} as ${credential}`).toBe('answered')
          expect(closedBy).toBeNull()
          expect(strayAck, 'an ignored event must not be acknowledged').toBe(false)
          if (action.kind !== 'snapshot-ack') count(`${action.kind} ignored`)
        }
      }),
      { seed: SEED, numRuns: RUNS * 5 },
    )

    // the watchers were never touched: nothing but pushes of the contract came, and they still flow
    const known = new Set([
      'feed:joined',
      'ticket:issued',
      'ticket:called',
      'ticket:updated',
      'ticket:started',
      'counter:updated',
      'queue:updated',
      'device:status',
      'center:updated',
    ])
    expect(displayLog.names().filter((n) => !known.has(n))).toEqual([])
    await expectPushesFlow(lc, display, staff)
    expect(display.connected && staff.connected).toBe(true)
    // nothing left behind on the server: once the fuzzed sockets go, only the two watchers remain
    for (const socket of pool.values()) socket.disconnect()
    await waitUntil(() => lc.center.app.tabour.realtime.socketCount() === 2, 15_000, 'only the watchers connected')
    const health = await lc.center.request('GET', '/healthz')
    expect(health.statusCode).toBe(200)
    console.log(
      `fuzz-socket events: ${RUNS * 5} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); ${Object.entries(tally)
        .map(([k, n]) => `${k}:${n}`)
        .join(', ')}`,
    )
  }, 180_000)
})
