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
 * load falls on both.
 *
 * The clients run in two child processes, as screens run on machines of their own: the 400
 * displays alone in one (bench/call-to-display/displays.ts), the 50 consoles, 50 kiosks and the
 * clerk's connection in the other (staff.ts), so the displays parse only what a display gets and
 * not the ~200 frames more a call sends the staff side. The server's thread writes the frames and
 * the clients' processes read them at once. `BENCH_CLIENTS=inline` runs both groups on the
 * server's thread instead (the bench's method until 2026-12-04 evening), where both spans
 * include reading 400 frames one after another and the call's also what the server writes after
 * the displays' push (the staff's pushes, the kiosks' figures, the HTTP answer) before any client
 * can read. Compare the ratio (goal ≤ 1.2), not absolutes. The spans table below it (marks taken by
 * this bench around the server's domain events and socket.io's adapter, nothing in the server)
 * says where the call's extra time goes.
 */
import { execFileSync, fork } from 'node:child_process'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MessageChannel } from 'node:worker_threads'
import { TestCenter } from '../test/helpers/test-center.ts'
import { clock, type Port } from './call-to-display/clients.ts'
import { type DisplayOrder, type DisplayReply, serveDisplays } from './call-to-display/displays.ts'
import { type StaffOrder, type StaffReply, serveStaff } from './call-to-display/staff.ts'

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 400)
const CONSOLES = 50
const KIOSKS = 50
const CALLS = Number(process.env.BENCH_CALLS ?? 40)
/** Rounds of each side, alternating; by default one call each, so every call has a bare broadcast beside it in time. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? CALLS)
const WARMUP_CALLS = 3
const INLINE = process.env.BENCH_CLIENTS === 'inline'
/**
 * BENCH_PIN=1: the displays' process gets the last core to itself, the server (this process, all
 * its threads) and the staff's process share the others (Linux `taskset`). In a center the 400
 * displays are 400 machines: what the server writes after their push (the staff's and kiosks'
 * frames, the HTTP answer) and what the consoles' process reads do not take a display's CPU. On
 * one box, unpinned, they do, on two shared cores; pinned, each side of the comparison pays only
 * for what runs on the server's side. Both sides are pinned alike; the unpinned run stays the default.
 */
const PIN = process.env.BENCH_PIN === '1' && !INLINE
const cpuCount = availableParallelism()
const DISPLAY_CORE = String(cpuCount - 1)
const SERVER_CORES = cpuCount > 2 ? `0-${cpuCount - 2}` : '0'

/** Where one call (or one bare broadcast) was when, ms on clock(). */
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
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

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

/** Keeps one measured call's (or broadcast's) arrivals and marks; `marks.sent` is set. */
function record(into: Latencies, marks: Marks, at: number[]): void {
  marks.first = at[0]
  marks.last = at[at.length - 1]
  for (const t of at) into.arrivals.push(t - marks.sent!)
  into.lastPerCall.push(marks.last! - marks.sent!)
  into.marks.push(marks)
}

/** One group of clients behind its channel: `ask` sends an order and waits for the next reply, `next` only waits. */
interface Clients<Order, Reply> {
  ask(order: Order): Promise<Reply>
  next(): Promise<Reply>
  stop(): void
}

/**
 * Starts one group of clients in a child process of its own (or, with BENCH_CLIENTS=inline, in
 * this one, over a MessageChannel); `serveInline` is the group's server for the inline case.
 */
function startClients<Order, Reply>(role: 'displays' | 'staff', serveInline: (port: Port<Order, Reply>) => void): Clients<Order, Reply> {
  const replies: Reply[] = []
  const waiting: ((reply: Reply) => void)[] = []
  const take = (reply: Reply) => {
    const waiter = waiting.shift()
    if (waiter) waiter(reply)
    else replies.push(reply)
  }
  const next = () => (replies.length ? Promise.resolve(replies.shift()!) : new Promise<Reply>((resolve) => waiting.push(resolve)))
  let send: (order: Order) => void
  let stop: () => void
  if (INLINE) {
    const { port1, port2 } = new MessageChannel()
    serveInline({ send: (m) => port2.postMessage(m), onMessage: (h) => port2.on('message', h) })
    port1.on('message', take)
    send = (order) => port1.postMessage(order)
    stop = () => {
      port1.close()
      port2.close()
    }
  } else {
    // the child inherits this process's execArgv, so tsx's loader runs its TypeScript; pinned, taskset starts node on its cores
    const cores = role === 'displays' ? DISPLAY_CORE : SERVER_CORES
    const pinned = PIN ? { execPath: 'taskset', execArgv: ['-c', cores, process.execPath, ...process.execArgv] } : {}
    const child = fork(fileURLToPath(new URL('./call-to-display/clients-process.ts', import.meta.url)), [role], pinned)
    child.on('message', (m) => take(m as Reply))
    child.on('exit', (code) => {
      if (code) throw new Error(`the bench's ${role} exited with ${code}`)
    })
    send = (order) => child.send(order as object)
    // the child disconnects itself once it has answered the close
    stop = () => {
      if (child.connected) child.disconnect()
    }
  }
  return { ask: (order) => (send(order), next()), next, stop }
}

/** The reply `reply` must be, or the bench stops: the two sides' orders and replies run in lockstep. */
function expect<R extends { type: string }, T extends R['type']>(reply: R, type: T): Extract<R, { type: T }> {
  if (reply.type !== type) throw new Error(`expected ${type}, got ${reply.type}`)
  return reply as Extract<R, { type: T }>
}

export async function callToDisplayBench(): Promise<void> {
  const loadBefore = load()
  if (PIN) {
    if (cpuCount < 2) throw new Error('BENCH_PIN=1 needs two cores or more')
    execFileSync('taskset', ['-a', '-p', '-c', SERVER_CORES, String(process.pid)], { stdio: 'ignore' })
  }
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
  const kiosk = await center.createDevice('kiosk')
  const display = await center.createDevice('display', 'ground')
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = await center.createUser('manager1', 'manager')
  const url = await center.listen()
  const perRound = Math.max(1, Math.round(CALLS / ROUNDS))
  for (let i = 0; i < ROUNDS * perRound + WARMUP_CALLS + 2; i++) await center.issue(kiosk.token, { serviceId: service.id })

  // the displays in one process, the consoles, kiosks and the clerk's connection in another
  const displays = startClients<DisplayOrder, DisplayReply>('displays', serveDisplays)
  const staff = startClients<StaffOrder, StaffReply>('staff', serveStaff)
  expect(await displays.ask({ type: 'setup', url, token: display.token, displays: DISPLAYS }), 'ready')
  expect(
    await staff.ask({
      type: 'setup',
      setup: {
        url,
        counterId: counter.id,
        clerkToken: clerk,
        managerToken: manager.token,
        kioskToken: kiosk.token,
        consoles: CONSOLES,
        kiosks: KIOSKS,
      },
    }),
    'ready',
  )

  /** The clerk's no-show after a call, untimed: resolves once every socket has read its figures (the last push of each). */
  const noShow = async (counting?: 'stop') => {
    expect(await displays.ask({ type: 'arm', event: 'queue:updated', counting }), 'armed')
    const settled = displays.next()
    expect(await staff.ask({ type: 'act', action: 'no-show' }), 'acted')
    expect(await settled, 'arrivals')
  }

  // bench-only marks: the HTTP request reaching the server, the commit's events being published
  // (the transaction is committed by then), and the displays' push through socket.io's adapter
  const inFlight: { marks: Marks | null } = { marks: null }
  const { tabour } = center.app
  center.app.server.prependListener('request', () => {
    if (inFlight.marks) inFlight.marks.arrived ??= clock()
  })
  const events = tabour.queue.events
  const publish = events.emit.bind(events)
  events.emit = (list) => {
    if (inFlight.marks && list.some((e) => e.type === 'ticket:called')) inFlight.marks.committed ??= clock()
    publish(list)
  }
  const { io } = tabour.realtime
  const adapter = io.of('/').adapter
  const broadcast = adapter.broadcast.bind(adapter)
  adapter.broadcast = (packet, opts) => {
    const marks = inFlight.marks
    // the displays' push: to the display feeds (all zones, then theirs), or to every socket (the bare broadcast)
    const toDisplays =
      marks && packet.data?.[0] === 'ticket:called' && (opts.rooms.size === 0 || [...opts.rooms].some((r) => r.startsWith('feed:display:')))
    if (toDisplays) marks.push ??= clock()
    broadcast(packet, opts)
    if (toDisplays) marks.pushed = clock()
  }

  // one untimed call shows what a display gets, so the bare broadcast sends a message of the same shape and size
  expect(await displays.ask({ type: 'arm', event: 'ticket:called', sample: true }), 'armed')
  const sample = displays.next()
  expect(await staff.ask({ type: 'act', action: 'call-next' }), 'acted')
  const { payload } = expect(await sample, 'arrivals')
  await noShow()

  const bare: Latencies = {
    name: `bare: io.emit of the same message to the same ${DISPLAYS + CONSOLES + KIOSKS} sockets`,
    arrivals: [],
    lastPerCall: [],
    marks: [],
  }
  const call: Latencies = {
    name: `call: POST call-next → ticket:called at every display (${DISPLAYS} displays + ${CONSOLES} consoles + ${KIOSKS} kiosks)`,
    arrivals: [],
    lastPerCall: [],
    marks: [],
  }
  // the floor under the commit, timed between calls: a one-row BEGIN IMMEDIATE transaction on the
  // same database file, synced as the center syncs (an acknowledged call must survive a power cut)
  const { db } = tabour
  db.exec('CREATE TABLE IF NOT EXISTS bench_commit_floor (at REAL)')
  const floorRow = db.prepare('INSERT INTO bench_commit_floor VALUES (?)')
  const rawCommits: number[] = []

  /** One bare broadcast of the call's message, on the center's own server, to every socket it has. */
  const oneBare = async (keep: boolean) => {
    const marks: Marks = {}
    expect(await displays.ask({ type: 'arm', event: 'ticket:called' }), 'armed')
    const got = displays.next()
    // the consoles and kiosks read theirs too before the next order
    expect(await staff.ask({ type: 'arm', event: 'ticket:called' }), 'armed')
    const othersGot = staff.next()
    inFlight.marks = marks
    marks.sent = clock()
    io.emit('ticket:called', payload as never)
    const { at } = expect(await got, 'arrivals')
    expect(await othersGot, 'settled')
    inFlight.marks = null
    if (keep) record(bare, marks, at)
  }
  /** One call, then the clerk's no-show (untimed) so the next call-next finds the counter idle. */
  const oneCall = async (keep: boolean) => {
    const marks: Marks = {}
    expect(await displays.ask({ type: 'arm', event: 'ticket:called', counting: keep ? 'start' : undefined }), 'armed')
    const got = displays.next()
    inFlight.marks = marks
    // answered once the HTTP answer is in and the consoles and kiosks have the call's figures
    const { sent } = expect(await staff.ask({ type: 'act', action: 'call-next' }), 'acted')
    const { at } = expect(await got, 'arrivals')
    inFlight.marks = null
    marks.sent = sent
    if (keep) record(call, marks, at)
    await noShow(keep ? 'stop' : undefined)
    const t0 = clock()
    db.transaction(() => floorRow.run(t0)).immediate()
    rawCommits.push(clock() - t0)
  }

  // the first calls of each warm the JIT and the sockets' buffers: run them, keep nothing
  for (let i = 0; i < WARMUP_CALLS; i++) await oneBare(false)
  for (let i = 0; i < WARMUP_CALLS; i++) await oneCall(false)
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < perRound; i++) await oneBare(true)
    for (let i = 0; i < perRound; i++) await oneCall(true)
  }

  const rows = [summary(bare), summary(call)]
  const bytes = Buffer.byteLength(JSON.stringify(payload))
  console.log(
    `\n## Call → display (${perRound * ROUNDS} calls in ${ROUNDS} alternating rounds, ${DISPLAYS} displays, ` +
      `${DISPLAYS + CONSOLES + KIOSKS} sockets, loopback, clients ${INLINE ? 'in the same process' : 'in two child processes (displays; consoles, kiosks and clerk)'}${PIN ? `, pinned: displays on core ${DISPLAY_CORE}, server and staff on ${SERVER_CORES}` : ''}; message ${bytes} B)`,
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
    ['push', 'first', 'push→1st display'],
    // negative when the clients' process reads the first frames while the server still writes the rest
    ['pushed', 'first', 'written→1st display'],
    ['first', 'last', '1st→last display'],
    ['sent', 'last', 'total'],
  ]
  console.table([spans(bare, steps), spans(call, steps)])
  console.log(`a raw one-row transaction on the same database file, between calls: p50 ${ms(median(rawCommits))} ms (the commit's floor)`)
  const closed = expect(await displays.ask({ type: 'close' }), 'closed')
  expect(await staff.ask({ type: 'close' }), 'closed')
  // what one display socket got per call-and-no-show (the call, then the no-show's counter and figures)
  console.log(`pushes to one display socket per call + no-show: ${closed.pushesPerCall.toFixed(2)}`)
  console.log(`load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`)
  displays.stop()
  staff.stop()
  await center.close()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await callToDisplayBench()
