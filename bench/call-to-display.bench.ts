/**
 * Call → display: with hundreds of sockets connected (displays, consoles, kiosks), the time
 * from a clerk's `call-next` request leaving to its `ticket:called` reaching the last display.
 * Baseline in the same run: a bare socket.io server broadcasting one event, the same message a
 * display gets for a call (its `board` included: issue 22), to the same number of sockets (the
 * fan-out alone, no HTTP, no SQLite). Both are set up side by side and measured in alternating
 * rounds, so a neighbour's load falls on both. Clients run in this same process, on the same two
 * cores, so the figures include their own work; compare the ratio (goal ≤ 1.2), not absolutes.
 */
import { pathToFileURL } from 'node:url'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io, type Socket } from 'socket.io-client'
import { TestCenter } from '../test/helpers/test-center.ts'

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 400)
const CONSOLES = 50
const KIOSKS = 50
const CALLS = Number(process.env.BENCH_CALLS ?? 40)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const WARMUP_CALLS = 3

interface Latencies {
  name: string
  /** Every (call, display) arrival, ms after the call was sent. */
  arrivals: number[]
  /** Per call: when the last display got it. */
  lastPerCall: number[]
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

function summary({ name, arrivals, lastPerCall }: Latencies) {
  const all = [...arrivals].sort((a, b) => a - b)
  const last = [...lastPerCall].sort((a, b) => a - b)
  const ms = (n: number) => +n.toFixed(1)
  return {
    case: name,
    deliveries: all.length,
    'p50 ms': ms(percentile(all, 50)),
    'p99 ms': ms(percentile(all, 99)),
    'max ms': ms(all[all.length - 1]),
    'last display p50 ms': ms(percentile(last, 50)),
  }
}

function connectAll(url: string, path: string, tokens: string[]): Promise<Socket[]> {
  return Promise.all(
    tokens.map(
      (token) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(url, { path, auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
          socket.once('connect', () => resolve(socket))
          socket.once('connect_error', reject)
        }),
    ),
  )
}

/** Sends `calls` one after another; each resolves when all `displays` got it; `between` runs untimed after each. */
async function measure(
  into: Latencies,
  displays: Socket[],
  event: string,
  call: () => Promise<void>,
  calls: number,
  between?: () => Promise<void>,
): Promise<void> {
  const { arrivals, lastPerCall } = into
  // the first rounds warm the JIT and the sockets' buffers: run them, keep nothing
  for (let i = -WARMUP_CALLS; i < calls; i++) {
    const keep = i >= 0
    let pending = displays.length
    let start = 0
    const allArrived = new Promise<void>((resolve) => {
      for (const socket of displays) {
        socket.once(event, () => {
          const t = performance.now() - start
          if (keep) arrivals.push(t)
          if (--pending === 0) {
            if (keep) lastPerCall.push(t)
            resolve()
          }
        })
      }
    })
    start = performance.now()
    await call()
    await allArrived
    await between?.()
  }
}

/** One side of the comparison, connected and ready: `round(n)` measures n more calls into `result`. */
interface Contender {
  result: Latencies
  round(calls: number): Promise<void>
  close(): Promise<void>
}

async function bareBroadcast(payload: unknown): Promise<Contender> {
  const http = createServer()
  const server = new Server(http)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  const everyone = await connectAll(
    url,
    '/socket.io',
    Array.from({ length: DISPLAYS + CONSOLES + KIOSKS }, () => 'x'),
  )
  const displays = everyone.slice(0, DISPLAYS)
  const result: Latencies = { name: 'bare socket.io broadcast of the same message to every socket', arrivals: [], lastPerCall: [] }
  return {
    result,
    round: (calls) => measure(result, displays, 'ticket:called', async () => void server.emit('ticket:called', payload), calls),
    close: async () => {
      for (const s of everyone) s.disconnect()
      await server.close()
    },
  }
}

async function tabourCalls(): Promise<Contender & { payload: unknown }> {
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
  const kiosk = await center.createDevice('kiosk')
  const display = await center.createDevice('display', 'ground')
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = await center.createUser('manager1', 'manager')
  const url = await center.listen()
  for (let i = 0; i < CALLS + (WARMUP_CALLS + 1) * ROUNDS + 1; i++) await center.issue(kiosk.token, { serviceId: service.id })

  const displays = await connectAll(
    url,
    '/socket.io',
    Array.from({ length: DISPLAYS }, () => display.token),
  )
  const others = await connectAll(url, '/socket.io', [
    ...Array.from({ length: CONSOLES }, () => manager.token),
    ...Array.from({ length: KIOSKS }, () => kiosk.token),
  ])
  const act = (action: string) => async () => {
    const res = await fetch(`${url}/api/v1/counters/${counter.id}/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'application/json' },
      body: '{}',
    })
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
  }
  // one untimed call shows what a display gets, so the baseline broadcasts a message of the same shape and size
  const first = new Promise<unknown>((resolve) => displays[0]!.once('ticket:called', resolve))
  await act('call-next')()
  const payload = await first
  // the no-show's last push (its figures) has arrived before counting starts
  const settled = new Promise((resolve) => displays[0]!.once('queue:updated', resolve))
  await act('no-show')()
  await settled
  let pushes = 0
  for (const s of displays.slice(0, 1)) s.onAny(() => pushes++)
  const name = `POST call-next → ticket:called at every display (${DISPLAYS} displays + ${CONSOLES} consoles + ${KIOSKS} kiosks)`
  const result: Latencies = { name, arrivals: [], lastPerCall: [] }
  let calls = 0
  return {
    payload,
    result,
    // the clerk marks each call a no-show, untimed, so the next call-next finds the counter idle
    round: async (n) => {
      await measure(result, displays, 'ticket:called', act('call-next'), n, act('no-show'))
      calls += n + WARMUP_CALLS
    },
    close: async () => {
      // what one display socket got per call-and-no-show (the call, then the no-show's counter and figures)
      console.log(`pushes to one display socket per call + no-show: ${(pushes / calls).toFixed(2)}`)
      for (const s of [...displays, ...others]) s.disconnect()
      await center.close()
    },
  }
}

export async function callToDisplayBench(): Promise<void> {
  const tabour = await tabourCalls()
  const bare = await bareBroadcast(tabour.payload)
  const perRound = Math.max(1, Math.round(CALLS / ROUNDS))
  for (let r = 0; r < ROUNDS; r++) {
    await bare.round(perRound)
    await tabour.round(perRound)
  }
  const rows = [summary(bare.result), summary(tabour.result)]
  const bytes = Buffer.byteLength(JSON.stringify(tabour.payload))
  console.log(
    `\n## Call → display (${perRound * ROUNDS} calls in ${ROUNDS} alternating rounds, ${DISPLAYS} displays, ` +
      `${DISPLAYS + CONSOLES + KIOSKS} sockets each side, loopback, clients in the same process; message ${bytes} B)`,
  )
  console.table(rows)
  console.log(
    `ratio last-display p50 tabour / bare broadcast: ${(rows[1]['last display p50 ms'] / rows[0]['last display p50 ms']).toFixed(2)} (goal ≤ 1.2)`,
  )
  await tabour.close()
  await bare.close()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await callToDisplayBench()
