/**
 * Call → display (issue 22): with 400 displays, 50 consoles and 50 kiosks connected, how long after
 * a clerk's `call-next` request leaves the last display has `ticket:called`, against one bare
 * socket.io broadcast of the same message to the same sockets, measured in one run.
 *
 * Like with like:
 * - the same sockets: the bare broadcast is `io.emit` on the center's own socket.io server (its
 *   connection-state-recovery adapter included), to the very 500 sockets the call reaches, not a
 *   second server with sockets of its own;
 * - the same message: the bare broadcast sends what a display got for an earlier call, `board`
 *   included, so both frames are the same size;
 * - the spans the issue compares: the call from its request leaving (node:http on one kept-alive
 *   connection, as a console's would be; `fetch` took about 0.04 ms more to reach the server) to
 *   the last display's handler; the bare broadcast from its `emit` to the last display's handler.
 *   The call's span so holds everything the server does for it: the HTTP request, the token, the
 *   `BEGIN IMMEDIATE` transaction and its fsync, the board's figures, the push; the bare one only
 *   the fan-out.
 * The two alternate call by call (`BENCH_ROUNDS` gives fewer, longer rounds), so a neighbour's
 * load falls on both. The clients run in this same process, on the same two cores, so both spans
 * include the clients reading 400 frames one after another (most of either figure), and the call's
 * also includes what the server does on this thread after the displays' push (the staff's three
 * pushes, the kiosks' figures, the HTTP answer) before the clients can read: a display on another
 * machine has its frame once the push is written. Compare the ratio (goal ≤ 1.2), not absolutes. The spans table below it (marks
 * taken by this bench around the server's domain events and socket.io's adapter, nothing in the
 * server) says where the call's extra time goes.
 */
import { pathToFileURL } from 'node:url'
import { Agent, request } from 'node:http'
import { io, type Socket } from 'socket.io-client'
import { TestCenter } from '../test/helpers/test-center.ts'

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 400)
const CONSOLES = 50
const KIOSKS = 50
const CALLS = Number(process.env.BENCH_CALLS ?? 40)
/** Rounds of each side, alternating; by default one call each, so every call has a bare broadcast beside it in time. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? CALLS)
const WARMUP_CALLS = 3

/** Where one call (or one bare broadcast) was when, ms on performance.now(). */
type Marks = Partial<Record<'sent' | 'arrived' | 'committed' | 'push' | 'pushed' | 'first' | 'last', number>>

interface Latencies {
  name: string
  /** Every (call, display) arrival, ms after the call was sent. */
  arrivals: number[]
  /** Per call: when the last display got it. */
  lastPerCall: number[]
  /** Per call: its marks. */
  marks: Marks[]
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  )
const ms = (n: number) => +n.toFixed(2)

function summary({ name, arrivals, lastPerCall }: Latencies) {
  const all = [...arrivals].sort((a, b) => a - b)
  const last = [...lastPerCall].sort((a, b) => a - b)
  return {
    case: name,
    deliveries: all.length,
    'p50 ms': ms(percentile(all, 50)),
    'p99 ms': ms(percentile(all, 99)),
    'max ms': ms(all[all.length - 1]),
    'last display p50 ms': ms(percentile(last, 50)),
  }
}

/** The median of each step between consecutive marks present in every measured call. */
function spans(result: Latencies, steps: [keyof Marks, keyof Marks, string][]) {
  const row: Record<string, number | string> = { case: result.name.split(' ')[0]! }
  for (const [from, to, label] of steps) {
    const values = result.marks.filter((m) => m[from] !== undefined && m[to] !== undefined).map((m) => m[to]! - m[from]!)
    row[label] = values.length ? ms(median(values)) : '—'
  }
  return row
}

/** Resolves once every socket has got `event`: set it up before what sends it. */
const allGot = (sockets: Socket[], event: string) => Promise.all(sockets.map((s) => new Promise((resolve) => s.once(event, resolve))))

function connectAll(url: string, tokens: string[]): Promise<Socket[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, { path: '/socket.io', auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
          socket.once('connect', () => resolve(socket))
          socket.once('connect_error', reject)
        }),
    ),
  )
}

/**
 * Sends `warmup` then `calls` one after another; each resolves when all `displays` got it; `between`
 * runs untimed after each. `call` gets the marks of the call in flight (the server-side marks land in them).
 */
async function measure(
  into: Latencies,
  displays: Socket[],
  call: (marks: Marks) => Promise<void>,
  calls: number,
  warmup: number,
  between?: () => Promise<void>,
): Promise<void> {
  const { arrivals, lastPerCall } = into
  // the first calls warm the JIT and the sockets' buffers: run them, keep nothing
  for (let i = -warmup; i < calls; i++) {
    const keep = i >= 0
    const marks: Marks = {}
    let pending = displays.length
    const allArrived = new Promise<void>((resolve) => {
      for (const socket of displays) {
        socket.once('ticket:called', () => {
          const now = performance.now()
          marks.first ??= now
          if (keep) arrivals.push(now - marks.sent!)
          if (--pending === 0) {
            marks.last = now
            if (keep) lastPerCall.push(now - marks.sent!)
            resolve()
          }
        })
      }
    })
    await call(marks)
    await allArrived
    if (keep) into.marks.push(marks)
    await between?.()
  }
}

/** One side of the comparison, connected and ready: `round(n, warmup)` measures n more calls into `result`. */
interface Contender {
  result: Latencies
  round(calls: number, warmup: number): Promise<void>
}

interface Floor {
  center: TestCenter
  /** The displays' sockets, then the consoles' and the kiosks'. */
  everyone: Socket[]
  displays: Socket[]
  /** The marks of the call or broadcast in flight; the server-side hooks write into it. */
  inFlight: { marks: Marks | null }
  /** The call's message as a display got it. */
  payload: unknown
  /** ms of each raw one-row transaction on the center's database, timed between calls. */
  rawCommits: number[]
  tabour: Contender
  close(): Promise<void>
}

async function floor(): Promise<Floor> {
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
  const kiosk = await center.createDevice('kiosk')
  const display = await center.createDevice('display', 'ground')
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = await center.createUser('manager1', 'manager')
  const url = await center.listen()
  for (let i = 0; i < CALLS + WARMUP_CALLS + ROUNDS + 2; i++) await center.issue(kiosk.token, { serviceId: service.id })

  const displays = await connectAll(
    url,
    Array.from({ length: DISPLAYS }, () => display.token),
  )
  const others = await connectAll(url, [
    ...Array.from({ length: CONSOLES }, () => manager.token),
    ...Array.from({ length: KIOSKS }, () => kiosk.token),
  ])

  // bench-only marks: the HTTP request reaching the server, the commit's events being published
  // (the transaction is committed by then), and the displays' push through socket.io's adapter
  const inFlight: Floor['inFlight'] = { marks: null }
  const { tabour } = center.app
  center.app.server.prependListener('request', () => {
    if (inFlight.marks) inFlight.marks.arrived ??= performance.now()
  })
  const events = tabour.queue.events
  const publish = events.emit.bind(events)
  events.emit = (list) => {
    if (inFlight.marks && list.some((e) => e.type === 'ticket:called')) inFlight.marks.committed ??= performance.now()
    publish(list)
  }
  const adapter = tabour.realtime.io.of('/').adapter
  const broadcast = adapter.broadcast.bind(adapter)
  adapter.broadcast = (packet, opts) => {
    const marks = inFlight.marks
    // the displays' push: to the display feeds (all zones, then theirs), or to every socket (the bare broadcast)
    const toDisplays =
      marks && packet.data?.[0] === 'ticket:called' && (opts.rooms.size === 0 || [...opts.rooms].some((r) => r.startsWith('feed:display:')))
    if (toDisplays) marks.push ??= performance.now()
    broadcast(packet, opts)
    if (toDisplays) marks.pushed = performance.now()
  }

  // one kept-alive connection: each call is one request on it, as a console's would be
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const act = (action: string, marks?: Marks) =>
    new Promise<void>((resolve, reject) => {
      const req = request(
        `${url}/api/v1/counters/${counter.id}/${action}`,
        { method: 'POST', agent, headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json', 'content-length': 2 } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`${action}: ${res.statusCode} ${Buffer.concat(chunks)}`)),
          )
        },
      )
      req.on('error', reject)
      if (marks) marks.sent = performance.now()
      req.end('{}')
    })
  // one untimed call shows what a display gets, so the bare broadcast sends a message of the same shape and size
  const first = new Promise<unknown>((resolve) => displays[0]!.once('ticket:called', resolve))
  await act('call-next')
  const payload = await first
  // the no-show's last push (its figures) has arrived before counting starts
  const settled = allGot([...displays, ...others], 'queue:updated')
  await act('no-show')
  await settled
  // what one display socket gets for a call and its no-show (not the bare broadcasts of the other rounds)
  let pushes = 0
  let counting = false
  displays[0]!.onAny(() => {
    if (counting) pushes++
  })
  const name = `call: POST call-next → ticket:called at every display (${DISPLAYS} displays + ${CONSOLES} consoles + ${KIOSKS} kiosks)`
  const result: Latencies = { name, arrivals: [], lastPerCall: [], marks: [] }
  // the floor under the commit, timed between calls: a one-row BEGIN IMMEDIATE transaction on the
  // same database file, synced as the center syncs (an acknowledged call must survive a power cut)
  const { db } = tabour
  db.exec('CREATE TABLE IF NOT EXISTS bench_commit_floor (at REAL)')
  const floorRow = db.prepare('INSERT INTO bench_commit_floor VALUES (?)')
  const rawCommits: number[] = []
  let calls = 0
  const everyone = [...displays, ...others]
  // nothing of one call is left for the clients to read when the next is sent: the consoles and
  // kiosks get the call's figures last, and every socket gets the no-show's figures last
  let othersSettled: Promise<unknown> = Promise.resolve()
  return {
    center,
    everyone,
    displays,
    inFlight,
    payload,
    rawCommits,
    tabour: {
      result,
      // the clerk marks each call a no-show, untimed, so the next call-next finds the counter idle
      round: async (n, warmup) => {
        counting = true
        await measure(
          result,
          displays,
          (marks) => {
            inFlight.marks = marks
            othersSettled = allGot(others, 'queue:updated')
            return act('call-next', marks)
          },
          n,
          warmup,
          async () => {
            inFlight.marks = null
            await othersSettled
            const noShowSettled = allGot(everyone, 'queue:updated')
            await act('no-show')
            await noShowSettled
            const t0 = performance.now()
            db.transaction(() => floorRow.run(t0)).immediate()
            rawCommits.push(performance.now() - t0)
          },
        )
        counting = false
        calls += n + warmup
      },
    },
    close: async () => {
      // what one display socket got per call-and-no-show (the call, then the no-show's counter and figures)
      console.log(`pushes to one display socket per call + no-show: ${(pushes / calls).toFixed(2)}`)
      agent.destroy()
      for (const s of everyone) s.disconnect()
      await center.close()
    },
  }
}

/** One bare socket.io broadcast of the call's message, on the center's own server, to every socket it has. */
function bareBroadcast(f: Floor): Contender {
  const io = f.center.app.tabour.realtime.io
  const result: Latencies = {
    name: `bare: io.emit of the same message to the same ${f.everyone.length} sockets`,
    arrivals: [],
    lastPerCall: [],
    marks: [],
  }
  const others = f.everyone.slice(f.displays.length)
  let othersSettled: Promise<unknown> = Promise.resolve()
  return {
    result,
    round: async (calls, warmup) => {
      await measure(
        result,
        f.displays,
        async (marks) => {
          f.inFlight.marks = marks
          // the consoles and kiosks read theirs too before the next call is sent
          othersSettled = allGot(others, 'ticket:called')
          marks.sent = performance.now()
          io.emit('ticket:called', f.payload as never)
        },
        calls,
        warmup,
        async () => {
          f.inFlight.marks = null
          await othersSettled
        },
      )
    },
  }
}

export async function callToDisplayBench(): Promise<void> {
  const f = await floor()
  const bare = bareBroadcast(f)
  const perRound = Math.max(1, Math.round(CALLS / ROUNDS))
  for (let r = 0; r < ROUNDS; r++) {
    const warmup = r === 0 ? WARMUP_CALLS : 0
    await bare.round(perRound, warmup)
    await f.tabour.round(perRound, warmup)
  }
  const rows = [summary(bare.result), summary(f.tabour.result)]
  const bytes = Buffer.byteLength(JSON.stringify(f.payload))
  console.log(
    `\n## Call → display (${perRound * ROUNDS} calls in ${ROUNDS} alternating rounds, ${DISPLAYS} displays, ` +
      `${f.everyone.length} sockets, loopback, clients in the same process; message ${bytes} B)`,
  )
  console.table(rows)
  console.log(
    `ratio last-display p50 call / bare broadcast: ${(rows[1]!['last display p50 ms'] / rows[0]!['last display p50 ms']).toFixed(2)} (goal ≤ 1.2)`,
  )
  console.log('where the time goes (medians, ms; the bare broadcast has no request, commit or board):')
  const steps: [keyof Marks, keyof Marks, string][] = [
    ['sent', 'arrived', 'request'],
    ['arrived', 'committed', 'route+token+commit'],
    ['committed', 'push', 'board'],
    ['sent', 'push', 'sent→push'],
    ['push', 'pushed', 'push written'],
    ['pushed', 'first', 'written→1st display'],
    ['first', 'last', '1st→last display'],
    ['sent', 'last', 'total'],
  ]
  console.table([spans(bare.result, steps), spans(f.tabour.result, steps)])
  console.log(`a raw one-row transaction on the same database file, between calls: p50 ${ms(median(f.rawCommits))} ms (the commit's floor)`)
  await f.close()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await callToDisplayBench()
