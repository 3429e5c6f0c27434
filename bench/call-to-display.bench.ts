/**
 * Call → display: with hundreds of sockets connected (displays, consoles, kiosks), the time
 * from a clerk's `call-next` request leaving to its `ticket:called` reaching every display.
 * Baseline in the same run: a bare socket.io server broadcasting one event to the same number
 * of sockets (the fan-out alone, no HTTP, no SQLite). Clients run in this same process, on the
 * same two cores, so the figures include their own work; compare ratios, not absolutes.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from 'socket.io'
import { io, type Socket } from 'socket.io-client'
import { TestCenter } from '../test/helpers/test-center.ts'

const DISPLAYS = Number(process.env.BENCH_DISPLAYS ?? 400)
const CONSOLES = 50
const KIOSKS = 50
const CALLS = Number(process.env.BENCH_CALLS ?? 40)
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
  name: string,
  displays: Socket[],
  event: string,
  call: () => Promise<void>,
  calls: number,
  between?: () => Promise<void>,
): Promise<Latencies> {
  const arrivals: number[] = []
  const lastPerCall: number[] = []
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
  return { name, arrivals, lastPerCall }
}

async function bareBroadcast(): Promise<Latencies> {
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
  const result = await measure(
    'bare socket.io broadcast to every socket',
    displays,
    'ticket:called',
    async () => void server.emit('ticket:called', { seq: 1, ticket: { id: 'x', label: 'A-001' } }),
    CALLS,
  )
  for (const s of everyone) s.disconnect()
  await server.close()
  return result
}

async function tabourCalls(): Promise<Latencies> {
  const center = await TestCenter.start()
  const service = await center.createService({ prefix: 'A' })
  const counter = await center.createCounter({ number: 1, zone: 'ground', serviceIds: [service.id] })
  const kiosk = await center.createDevice('kiosk')
  const display = await center.createDevice('display', 'ground')
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const manager = await center.createUser('manager1', 'manager')
  const url = await center.listen()
  for (let i = 0; i < CALLS + WARMUP_CALLS; i++) await center.issue(kiosk.token, { serviceId: service.id })

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
  // the clerk marks each call a no-show, untimed, so the next call-next finds the counter idle
  const name = `POST call-next → ticket:called at every display (${DISPLAYS} displays + ${CONSOLES} consoles + ${KIOSKS} kiosks)`
  const result = await measure(name, displays, 'ticket:called', act('call-next'), CALLS, act('no-show'))
  for (const s of [...displays, ...others]) s.disconnect()
  await center.close()
  return result
}

export async function callToDisplayBench(): Promise<void> {
  const bare = await bareBroadcast()
  const tabour = await tabourCalls()
  const rows = [summary(bare), summary(tabour)]
  console.log(`\n## Call → display (${CALLS} calls, ${DISPLAYS + CONSOLES + KIOSKS} sockets, loopback, clients in the same process)`)
  console.table(rows)
  console.log(
    `ratio last-display p50 tabour / bare broadcast: ${(rows[1]['last display p50 ms'] / rows[0]['last display p50 ms']).toFixed(2)}`,
  )
}
