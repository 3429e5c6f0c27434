/**
 * A simulated busy day: 60 counters with a logged-in clerk each, six services, 30,000 tickets,
 * against the real server in a child process (`node --import tsx server/main.ts`) on a fresh
 * data dir. The day is a discrete-event simulation run as fast as the server answers: arrivals
 * follow an intraday shape (morning peak, lunch dip; Poisson within each hour, conditioned on
 * the day's total), kiosks issue on arrival, clerks call the next ticket when free, recall, mark
 * no-shows, transfer, take a lunch break and finish after a lognormal service time. Events run
 * in simulated-time order; a few run at once when no earlier event in flight could still cause
 * them (a conservative window of LOOKAHEAD_S simulated seconds: nothing a response schedules
 * comes sooner than that).
 *
 * Figures: wall time, tickets/s and requests/s, request latencies, the server's RSS (start,
 * peak = VmHWM, end, idle after the day), heap, fds, the database size; then the day is checked
 * from the database (every acknowledged ticket there, numbers contiguous per service, every
 * ticket in a final state, the event log agreeing with what the simulation did). Baseline in
 * the same run: as many raw better-sqlite3 transactions (WAL, synchronous=FULL) as the day's
 * state-changing requests, writing a ticket row and an event row each.
 *
 * 30,000 tickets through 60 counters in a 12-hour day leave 86 s of counter time per ticket, so
 * the catalogue is a fast one (payments, extracts, enquiries: medians of 20 s to 2 min).
 * BENCH_BUSY_DAY_TICKETS scales the day (counters stay 60; fewer tickets just means idle clerks).
 */
import { Agent, request } from 'node:http'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { io, type Socket } from 'socket.io-client'
import WebSocket from 'ws'
import { ChildServer, CHILD_ADMIN_PASSWORD, sleep } from '../test/helpers/child-server.ts'

const TICKETS = Number(process.env.BENCH_BUSY_DAY_TICKETS ?? 30_000)
const COUNTERS = 60
/** Requests in flight at most (a center has many kiosks and clerks; the window below bounds it further). */
const MAX_IN_FLIGHT = Number(process.env.BENCH_BUSY_DAY_IN_FLIGHT ?? 12)
/** Simulated seconds: the least delay between a response and anything it schedules. */
const LOOKAHEAD_S = 1
const OPEN_HOUR = 8
/** Relative arrival intensity for each hour from 08:00 to 19:00 (the doors close at 20:00). */
const HOURLY = [0.6, 1.3, 1.5, 1.4, 1.0, 0.8, 1.0, 1.1, 1.0, 0.9, 0.8, 0.6]
const KIOSKS = 6
const DISPLAYS = 4
const CONSOLES = Number(process.env.BENCH_BUSY_DAY_CONSOLES ?? 12)
/**
 * How long the server idles after the day before the last figures: past socket.io's recovery
 * window (120 s, every broadcast is kept that long) and its once-a-minute sweep. Default 200 s.
 */
const IDLE_S = Math.max(15, Number(process.env.BENCH_BUSY_DAY_IDLE_S ?? 200))

/** The catalogue: arrival share, median handling time (s, lognormal σ 0.6), counters whose main service it is. */
const SERVICES = [
  { prefix: 'P', nameAr: 'المدفوعات والتحصيل', nameEn: 'Payments and collections', share: 0.4, medianS: 20, counters: 15, zone: 'ground' },
  { prefix: 'C', nameAr: 'مستخرجات السجل المدني', nameEn: 'Civil-registry extracts', share: 0.22, medianS: 35, counters: 12, zone: 'ground' },
  { prefix: 'F', nameAr: 'الاستعلامات والشكاوى', nameEn: 'Enquiries and complaints', share: 0.15, medianS: 30, counters: 7, zone: 'ground' },
  { prefix: 'D', nameAr: 'توصيل المرافق', nameEn: 'Utility connections', share: 0.1, medianS: 60, counters: 8, zone: 'first' },
  { prefix: 'A', nameAr: 'تراخيص البناء', nameEn: 'Building permits', share: 0.08, medianS: 90, counters: 10, zone: 'first' },
  { prefix: 'E', nameAr: 'خدمات المستثمرين', nameEn: 'Investor services', share: 0.05, medianS: 120, counters: 8, zone: 'first' },
]
const P_NO_SHOW = 0.04
const P_RECALL = 0.03
const P_TRANSFER = 0.03
const P_PRIORITY = 0.06
const OUTCOMES = ['served', 'served', 'served', 'served', 'served', 'served', 'served', 'served', 'referred', 'incomplete_papers']

// ---------------------------------------------------------------------------------------------
// randomness (seeded: every run simulates the same day)

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
const rand = mulberry32(20_260_301)
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * normal())
const pick = <T>(weights: readonly number[], items: readonly T[]): T => {
  const total = weights.reduce((a, b) => a + b, 0)
  let r = rand() * total
  for (let i = 0; i < items.length; i++) if ((r -= weights[i]) < 0) return items[i]
  return items[items.length - 1]
}

/** The day's arrival times (s after opening), sorted: a Poisson process with hourly rates, given its total. */
function arrivalTimes(n: number): number[] {
  const hours = HOURLY.map((_, h) => h)
  return Array.from({ length: n }, () => pick(HOURLY, hours) * 3600 + rand() * 3600).sort((a, b) => a - b)
}

// ---------------------------------------------------------------------------------------------
// HTTP (node:http with keep-alive: lighter than fetch, so the load generator leaves the server its core)

const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT + 4 })

interface Answer {
  status: number
  body: any
}

function call(base: string, method: string, path: string, token: string | null, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const text = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(base + path, { method, agent, headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), ...(text ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (data += chunk))
      res.on('end', () => {
        let parsed: unknown = data
        try {
          parsed = data ? JSON.parse(data) : null
        } catch {
          // keep the text
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(text)
  })
}

async function expect(status: number, answer: Promise<Answer>, what: string): Promise<any> {
  const res = await answer
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

async function mapLimit<I, O>(items: readonly I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

// ---------------------------------------------------------------------------------------------
// the server process: /proc and /metrics

export interface ProcFigures {
  rssBytes: number
  hwmBytes: number
  fds: number
}

/** VmRSS and VmHWM from /proc/<pid>/status, open fds from /proc/<pid>/fd (Linux). */
export function procFigures(pid: number): ProcFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024
  let fds = NaN
  try {
    fds = readdirSync(`/proc/${pid}/fd`).length
  } catch {
    // gone
  }
  return { rssBytes: kb('VmRSS'), hwmBytes: kb('VmHWM'), fds }
}

/** The gauges of GET /metrics (loopback may scrape), by name; labelled series are summed. */
export async function scrapeMetrics(base: string): Promise<Map<string, number>> {
  const res = await call(base, 'GET', '/metrics', null)
  const out = new Map<string, number>()
  for (const line of String(res.body).split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line)
    if (m) out.set(m[1], (out.get(m[1]) ?? 0) + Number(m[3]))
  }
  return out
}

const mb = (bytes: number) => +(bytes / 2 ** 20).toFixed(1)

function fileSize(path: string): number {
  try {
    return statSync(path).size
  } catch {
    return 0
  }
}

/**
 * A time zone where it is about noon now: the simulated day must not cross the center's local
 * midnight (closing the day cancels what still waits and restarts the numbers).
 */
function noonTimeZone(): string {
  const now = new Date()
  const offset = Math.max(-12, Math.min(14, Math.round(12 - (now.getUTCHours() + now.getUTCMinutes() / 60))))
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
}

// ---------------------------------------------------------------------------------------------
// the simulation

interface SimEvent {
  t: number
  seq: number
  run: () => Promise<void>
}

/** A binary min-heap on (t, seq). */
class EventQueue {
  private items: SimEvent[] = []
  private seq = 0
  get size() {
    return this.items.length
  }
  peek(): SimEvent | undefined {
    return this.items[0]
  }
  push(t: number, run: () => Promise<void>): void {
    const items = this.items
    items.push({ t, seq: this.seq++, run })
    let i = items.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!less(items[i], items[p])) break
      ;[items[i], items[p]] = [items[p], items[i]]
      i = p
    }
  }
  pop(): SimEvent | undefined {
    const items = this.items
    const top = items[0]
    const last = items.pop()
    if (items.length && last) {
      items[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < items.length && less(items[l], items[m])) m = l
        if (r < items.length && less(items[r], items[m])) m = r
        if (m === i) break
        ;[items[i], items[m]] = [items[m], items[i]]
        i = m
      }
    }
    return top
  }
}
const less = (a: SimEvent, b: SimEvent) => a.t < b.t || (a.t === b.t && a.seq < b.seq)

interface Clerk {
  index: number
  counterId: number
  token: string
  /** Service indexes: the main one, then the backup (weight 0). */
  services: [number, number]
  state: 'idle' | 'busy' | 'break' | 'broken'
  breakAt: number
  hadBreak: boolean
  /** call-next answers `ticket: null` in a row while the simulation believed someone waited. */
  retries: number
}

interface Tally {
  requests: number
  errors: string[]
  latency: Map<string, number[]>
  issued: number
  called: number
  nullCalls: number
  recalls: number
  started: number
  finished: number
  noShows: number
  transfers: number
  pauses: number
}

interface Day {
  base: string
  serviceIds: number[]
  kioskTokens: string[]
  clerks: Clerk[]
}

/** Runs the day; resolves when every event ran. Acknowledged tickets land in `acked` (id → label). */
async function simulate(day: Day, acked: Map<string, string>, tally: Tally): Promise<void> {
  const queue = new EventQueue()
  const inFlight = new Map<number, number>()
  const waiting = day.serviceIds.map(() => 0)
  const serviceIndex = new Map(day.serviceIds.map((id, i) => [id, i]))
  let nextId = 0

  const timed = async (kind: string, answer: Promise<Answer>): Promise<Answer> => {
    const t0 = performance.now()
    const res = await answer
    const list = tally.latency.get(kind) ?? []
    list.push(performance.now() - t0)
    tally.latency.set(kind, list)
    tally.requests++
    return res
  }
  const fail = (clerk: Clerk | null, what: string, res: Answer) => {
    if (tally.errors.length < 20) tally.errors.push(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
    else tally.errors.push('…')
    if (clerk) clerk.state = 'broken'
  }
  const at = (now: number, delay: number, run: () => Promise<void>) => queue.push(now + Math.max(LOOKAHEAD_S, delay), run)
  const act = (clerk: Clerk, action: string, body?: unknown) => timed(action, call(day.base, 'POST', `/api/v1/counters/${clerk.counterId}/${action}`, clerk.token, body ?? {}))

  /** A new waiting ticket in service `s`: the console of one idle clerk who serves it lights up. */
  const wakeOne = (s: number, now: number) => {
    const idle = day.clerks.filter((c) => c.state === 'idle')
    const clerk = idle.find((c) => c.services[0] === s) ?? idle.find((c) => c.services[1] === s)
    if (!clerk) return
    clerk.state = 'busy'
    at(now, 1 + rand() * 2, () => callNext(clerk, now + 1))
  }

  const next = (clerk: Clerk, now: number) => {
    if (!clerk.hadBreak && now >= clerk.breakAt) {
      clerk.hadBreak = true
      at(now, 3, async () => {
        const res = await act(clerk, 'pause', { reason: 'lunch' })
        if (res.status !== 200) return fail(clerk, 'pause', res)
        tally.pauses++
        clerk.state = 'break'
        at(now + 3, 1800, async () => {
          const res = await act(clerk, 'open')
          if (res.status !== 200) return fail(clerk, 'open', res)
          clerk.state = 'busy'
          await callNext(clerk, now + 1803)
        })
      })
      return
    }
    at(now, 2 + rand() * 4, () => callNext(clerk, now))
  }

  const callNext = async (clerk: Clerk, now: number): Promise<void> => {
    const res = await act(clerk, 'call-next')
    if (res.status !== 200) return fail(clerk, 'call-next', res)
    const ticket = res.body.ticket as { id: string; serviceId: number; transferCount: number } | null
    if (!ticket) {
      tally.nullCalls++
      // the simulation's view lags the server's by the requests in flight: try again shortly
      // rather than idle beside a ticket nobody was woken for
      if (clerk.services.some((s) => waiting[s] > 0) && clerk.retries++ < 3) at(now, 5, () => callNext(clerk, now + 5))
      else clerk.state = 'idle'
      return
    }
    clerk.retries = 0
    tally.called++
    waiting[serviceIndex.get(ticket.serviceId)!]--
    const s = serviceIndex.get(ticket.serviceId)!
    const fate = rand()
    if (fate < P_NO_SHOW) {
      at(now, 20, async () => {
        const res = await act(clerk, 'recall')
        if (res.status !== 200) return fail(clerk, 'recall', res)
        tally.recalls++
        at(now + 20, 25, async () => {
          const res = await act(clerk, 'no-show')
          if (res.status !== 200) return fail(clerk, 'no-show', res)
          tally.noShows++
          next(clerk, now + 45)
        })
      })
      return
    }
    const recall = fate < P_NO_SHOW + P_RECALL ? 15 : 0
    const walk = recall + lognormal(8, 0.5)
    const serve = async () => {
      const res = await act(clerk, 'start')
      if (res.status !== 200) return fail(clerk, 'start', res)
      tally.started++
      const startedAt = now + walk
      const handling = lognormal(SERVICES[s].medianS, 0.6)
      const end = startedAt + handling
      at(startedAt, handling, async () => {
        if (ticket.transferCount === 0 && rand() < P_TRANSFER) {
          const to = (s + 1 + Math.floor(rand() * (SERVICES.length - 1))) % SERVICES.length
          const res = await act(clerk, 'transfer', { serviceId: day.serviceIds[to] })
          if (res.status !== 200) return fail(clerk, 'transfer', res)
          tally.transfers++
          waiting[to]++
          wakeOne(to, end)
        } else {
          const res = await act(clerk, 'finish', { outcome: OUTCOMES[Math.floor(rand() * OUTCOMES.length)] })
          if (res.status !== 200) return fail(clerk, 'finish', res)
          tally.finished++
        }
        next(clerk, end)
      })
    }
    if (recall) {
      at(now, recall, async () => {
        const res = await act(clerk, 'recall')
        if (res.status !== 200) return fail(clerk, 'recall', res)
        tally.recalls++
        at(now + recall, walk - recall, serve)
      })
    } else at(now, walk, serve)
  }

  for (const t of arrivalTimes(TICKETS)) {
    queue.push(t, async () => {
      const s = pick(SERVICES.map((x) => x.share), SERVICES.map((_, i) => i))
      const r = rand()
      const priority = r < P_PRIORITY ? (r < 0.04 ? 'elderly' : r < 0.05 ? 'disabled' : 'pregnant') : undefined
      const phone = rand() < 0.15 ? `+2010${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : undefined
      const id = nextId++
      const res = await timed('issue', call(day.base, 'POST', '/api/v1/tickets', day.kioskTokens[id % KIOSKS], { serviceId: day.serviceIds[s], ...(priority ? { priority } : {}), ...(phone ? { phone } : {}) }, { 'idempotency-key': `busy-day-${id}` }))
      if (res.status !== 201) return fail(null, 'issue', res)
      tally.issued++
      acked.set(res.body.id, res.body.label)
      waiting[s]++
      wakeOne(s, t)
    })
  }
  for (const clerk of day.clerks) queue.push(clerk.index * 5, () => callNext(clerk, clerk.index * 5))

  // the conservative window: an event may start while every event in flight is at most
  // LOOKAHEAD_S simulated seconds earlier (none of them can still schedule anything before it)
  await new Promise<void>((resolve, reject) => {
    let failed = false
    const pump = () => {
      if (failed) return
      while (queue.size && inFlight.size < MAX_IN_FLIGHT) {
        const head = queue.peek()!
        if (inFlight.size && head.t >= Math.min(...inFlight.values()) + LOOKAHEAD_S) break
        queue.pop()
        const key = head.seq
        inFlight.set(key, head.t)
        head.run().then(
          () => {
            inFlight.delete(key)
            pump()
          },
          (err) => {
            failed = true
            reject(err)
          },
        )
      }
      if (!queue.size && !inFlight.size) resolve()
    }
    pump()
  })
}

// ---------------------------------------------------------------------------------------------
// setup, measurement, verification

async function setUp(server: ChildServer): Promise<Day & { managerToken: string; displayTokens: string[] }> {
  const base = server.baseUrl
  const admin = (await expect(200, call(base, 'POST', '/api/v1/auth/login', null, { username: 'admin', password: CHILD_ADMIN_PASSWORD }), 'login')).token as string
  const serviceIds: number[] = []
  for (const [i, s] of SERVICES.entries()) {
    const created = await expect(201, call(base, 'POST', '/api/v1/services', admin, { prefix: s.prefix, nameAr: s.nameAr, nameEn: s.nameEn, targetWaitSeconds: 600, sortOrder: i }), 'service')
    serviceIds.push(created.id)
  }
  const plan: { services: [number, number]; zone: string }[] = []
  SERVICES.forEach((s, i) => {
    for (let k = 0; k < s.counters; k++) plan.push({ services: [i, (i + 1 + (k % (SERVICES.length - 1))) % SERVICES.length], zone: s.zone })
  })
  if (plan.length !== COUNTERS) throw new Error(`the plan has ${plan.length} counters`)
  const password = 'busy-day-password'
  const clerks = await mapLimit(plan, 2, async (p, index): Promise<Clerk> => {
    const counter = await expect(201, call(base, 'POST', '/api/v1/counters', admin, {
      number: index + 1,
      name: `Counter ${index + 1}`,
      zone: p.zone,
      services: [{ serviceId: serviceIds[p.services[0]], weight: 1 }, { serviceId: serviceIds[p.services[1]], weight: 0 }],
    }), 'counter')
    await expect(201, call(base, 'POST', '/api/v1/users', admin, { username: `clerk${index + 1}`, password, role: 'clerk' }), 'user')
    const token = (await expect(200, call(base, 'POST', '/api/v1/auth/login', null, { username: `clerk${index + 1}`, password }), 'clerk login')).token as string
    await expect(200, call(base, 'POST', `/api/v1/counters/${counter.id}/open`, token, {}), 'open')
    // lunch: a quarter of the clerks at a time, from 12:00 to 14:00
    return { index, counterId: counter.id, token, services: p.services, state: 'busy', breakAt: (4 + (index % 4) * 0.5) * 3600, hadBreak: false, retries: 0 }
  })
  await expect(201, call(base, 'POST', '/api/v1/users', admin, { username: 'manager', password, role: 'manager' }), 'manager')
  const managerToken = (await expect(200, call(base, 'POST', '/api/v1/auth/login', null, { username: 'manager', password }), 'manager login')).token as string
  const pair = async (kind: string, name: string, zone: string | null) => {
    const device = await expect(201, call(base, 'POST', '/api/v1/devices', admin, { kind, name, zone }), 'device')
    return (await expect(200, call(base, 'POST', '/api/v1/devices/pair', null, { pairingCode: device.pairingCode }), 'pair')).token as string
  }
  const kioskTokens: string[] = []
  for (let k = 0; k < KIOSKS; k++) kioskTokens.push(await pair('kiosk', `kiosk ${k + 1}`, null))
  const displayTokens: string[] = []
  for (let d = 0; d < DISPLAYS; d++) displayTokens.push(await pair('display', `display ${d + 1}`, d % 2 ? 'first' : 'ground'))
  return { base, serviceIds, kioskTokens, clerks, managerToken, displayTokens }
}

function connect(base: string, token: string, counts: Map<string, number>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(base, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true })
    socket.onAny((name: string) => counts.set(name, (counts.get(name) ?? 0) + 1))
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

/** The child's inspector (NODE_OPTIONS=--inspect): heap in use after a full GC, which a sampled heap figure is not. */
class Inspector {
  private id = 0
  private readonly pending = new Map<number, (result: any) => void>()
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown }
      if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result)
    })
  }

  static async connect(output: string): Promise<Inspector> {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1]
    if (!url) throw new Error(`no inspector address in the server's output:\n${output}`)
    const ws = new WebSocket(url)
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    return new Inspector(ws)
  }

  private send(method: string): Promise<any> {
    const id = ++this.id
    return new Promise((resolve) => {
      this.pending.set(id, (result) => {
        this.pending.delete(id)
        resolve(result)
      })
      this.ws.send(JSON.stringify({ id, method }))
    })
  }

  async heapAfterGc(): Promise<number> {
    await this.send('HeapProfiler.collectGarbage')
    return ((await this.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize
  }

  close(): void {
    this.ws.close()
  }
}

interface Snapshot {
  rss: number
  hwm: number
  heap: number
  heapAfterGc: number
  fds: number
  sockets: number
}

async function snapshot(server: ChildServer, inspector: Inspector): Promise<Snapshot> {
  const metrics = await scrapeMetrics(server.baseUrl)
  const proc = procFigures(server.process.pid!)
  const heapAfterGc = await inspector.heapAfterGc()
  return { rss: proc.rssBytes, hwm: proc.hwmBytes, heap: metrics.get('nodejs_heap_size_used_bytes') ?? NaN, heapAfterGc, fds: proc.fds, sockets: metrics.get('tabour_sockets') ?? NaN }
}

/** Raw better-sqlite3: `n` transactions of one ticket-row write and one event-row insert each (WAL, FULL). */
function rawTransactions(n: number, tickets: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-busy-raw-'))
  const db = new Database(join(dir, 'raw.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, service_id INTEGER, number INTEGER, status TEXT, at INTEGER)')
  db.exec('CREATE TABLE e (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER, type TEXT, ticket_id TEXT, data TEXT)')
  const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?)')
  const update = db.prepare('UPDATE t SET status = ?, at = ? WHERE id = ?')
  const event = db.prepare("INSERT INTO e (at, type, ticket_id, data) VALUES (?, ?, ?, '{}')")
  const issue = db.transaction((i: number) => {
    insert.run(`id-${i}`, i % 6, i, 'waiting', Date.now())
    event.run(Date.now(), 'ticket.issued', `id-${i}`)
  })
  const change = db.transaction((i: number) => {
    update.run('called', Date.now(), `id-${i % tickets}`)
    event.run(Date.now(), 'ticket.called', `id-${i % tickets}`)
  })
  const start = performance.now()
  for (let i = 0; i < n; i++) (i < tickets ? issue : change)(i)
  const seconds = (performance.now() - start) / 1000
  db.close()
  rmSync(dir, { recursive: true, force: true })
  return seconds
}

interface Verdict {
  rows: number
  missing: number
  labelMismatch: number
  nonContiguous: number
  duplicateLabels: number
  notFinal: number
  statuses: Record<string, number>
  events: Record<string, number>
  multipleEndings: number
}

function verify(file: string, acked: Map<string, string>): Verdict {
  const db = new Database(file, { readonly: true })
  try {
    const labels = new Map((db.prepare('SELECT id, label FROM tickets').all() as { id: string; label: string }[]).map((r) => [r.id, r.label]))
    let missing = 0
    let labelMismatch = 0
    for (const [id, label] of acked) {
      const got = labels.get(id)
      if (got === undefined) missing++
      else if (got !== label) labelMismatch++
    }
    const groups = db.prepare('SELECT count(*) AS n, count(DISTINCT number) AS d, min(number) AS lo, max(number) AS hi FROM tickets GROUP BY issued_service_id, day').all() as { n: number; d: number; lo: number; hi: number }[]
    const nonContiguous = groups.filter((g) => g.n !== g.d || g.lo !== 1 || g.hi !== g.n).length
    const dup = db.prepare('SELECT count(*) - count(DISTINCT day || label) AS n FROM tickets').get() as { n: number }
    const statuses = Object.fromEntries((db.prepare('SELECT status, count(*) AS n FROM tickets GROUP BY status').all() as { status: string; n: number }[]).map((r) => [r.status, r.n]))
    const notFinal = (statuses.waiting ?? 0) + (statuses.called ?? 0) + (statuses.serving ?? 0)
    const events = Object.fromEntries((db.prepare("SELECT type, count(*) AS n FROM events WHERE type LIKE 'ticket.%' GROUP BY type").all() as { type: string; n: number }[]).map((r) => [r.type, r.n]))
    const multi = db.prepare("SELECT count(*) AS n FROM (SELECT ticket_id FROM events WHERE type IN ('ticket.finished', 'ticket.no_show', 'ticket.cancelled') GROUP BY ticket_id HAVING count(*) > 1)").get() as { n: number }
    return { rows: labels.size, missing, labelMismatch, nonContiguous, duplicateLabels: dup.n, notFinal, statuses, events, multipleEndings: multi.n }
  } finally {
    db.close()
  }
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

export interface BusyDayResult {
  /** The data dir, when kept (`keepDataDir`): the start-up bench starts a server on it. */
  dataDir: string | null
}

export async function busyDayBench(options: { keepDataDir?: boolean } = {}): Promise<BusyDayResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-busy-day-'))
  const file = join(dataDir, 'tabour.sqlite')
  const timeZone = noonTimeZone()
  const server = await ChildServer.start({ dataDir, env: { TABOUR_TIME_ZONE: timeZone, TABOUR_CALL_POLICY: 'priority', TABOUR_LOG_LEVEL: 'warn', NODE_OPTIONS: '--inspect=127.0.0.1:0' } })
  const sockets: Socket[] = []
  let inspector: Inspector | null = null
  try {
    inspector = await Inspector.connect(server.output)
    const tSetup = performance.now()
    const day = await setUp(server)
    const pushes = new Map<string, number>()
    for (const token of day.displayTokens) sockets.push(await connect(day.base, token, pushes))
    sockets.push(await connect(day.base, day.managerToken, pushes))
    for (const clerk of day.clerks.slice(0, CONSOLES)) sockets.push(await connect(day.base, clerk.token, pushes))
    const setupSeconds = (performance.now() - tSetup) / 1000
    await sleep(1000)
    const start = await snapshot(server, inspector)

    const acked = new Map<string, string>()
    const tally: Tally = { requests: 0, errors: [], latency: new Map(), issued: 0, called: 0, nullCalls: 0, recalls: 0, started: 0, finished: 0, noShows: 0, transfers: 0, pauses: 0 }
    let peakRss = start.rss
    const sampler = setInterval(() => {
      try {
        peakRss = Math.max(peakRss, procFigures(server.process.pid!).rssBytes)
      } catch {
        // the child is gone: the day fails on its own
      }
    }, 500)
    const t0 = performance.now()
    try {
      await simulate(day, acked, tally)
      for (const clerk of day.clerks) {
        if (clerk.state === 'broken') continue
        const res = await call(day.base, 'POST', `/api/v1/counters/${clerk.counterId}/close`, clerk.token, {})
        tally.requests++
        if (res.status !== 200) tally.errors.push(`close: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`)
      }
    } finally {
      clearInterval(sampler)
    }
    const wall = (performance.now() - t0) / 1000
    const end = await snapshot(server, inspector)
    const dbLive = { db: fileSize(file), wal: fileSize(`${file}-wal`) }
    for (const s of sockets) s.disconnect()
    sockets.length = 0
    await sleep(15_000)
    const idleSoon = await snapshot(server, inspector)
    await sleep(IDLE_S * 1000 - 15_000)
    const idle = await snapshot(server, inspector)
    // a process with a debugger attached waits for it to go before it exits
    inspector.close()
    inspector = null
    const exit = await server.kill('SIGTERM')
    const dbClosed = fileSize(file) + fileSize(`${file}-wal`)

    const rawSeconds = rawTransactions(tally.issued + tally.called + tally.recalls + tally.started + tally.finished + tally.noShows + tally.transfers, tally.issued)
    const verdict = verify(file, acked)
    const stateChanges = tally.issued + tally.called + tally.recalls + tally.started + tally.finished + tally.noShows + tally.transfers

    console.log(`\n## Busy day (${TICKETS.toLocaleString('en')} tickets, ${COUNTERS} counters and clerks, ${SERVICES.length} services, 08:00–20:00 simulated; child server, loopback, ≤ ${MAX_IN_FLIGHT} requests in flight; time zone ${timeZone})`)
    console.log(`setup (services, counters, ${COUNTERS} clerks with scrypt logins, ${KIOSKS} kiosks, ${DISPLAYS} displays): ${setupSeconds.toFixed(1)} s; sockets during the day: ${DISPLAYS} displays, 1 dashboard, ${Math.min(CONSOLES, COUNTERS)} consoles`)
    console.table([
      { figure: 'wall time of the day', value: `${wall.toFixed(1)} s (12 h simulated: ×${Math.round(43_200 / wall)})` },
      { figure: 'tickets/s', value: +(tally.issued / wall).toFixed(1) },
      { figure: 'requests/s (every API call)', value: `${Math.round(tally.requests / wall)} (${tally.requests.toLocaleString('en')} requests)` },
      { figure: 'state changes/s (one transaction each)', value: `${Math.round(stateChanges / wall)} (${stateChanges.toLocaleString('en')})` },
      { figure: 'baseline: as many raw better-sqlite3 transactions', value: `${rawSeconds.toFixed(1)} s, ${Math.round(stateChanges / rawSeconds)}/s; ratio ${(rawSeconds / wall).toFixed(2)}` },
      { figure: `RSS start / peak (VmHWM) / end / idle 15 s / idle ${IDLE_S} s`, value: `${mb(start.rss)} / ${mb(Math.max(end.hwm, peakRss))} / ${mb(end.rss)} / ${mb(idleSoon.rss)} / ${mb(idle.rss)} MB` },
      { figure: 'heap used (sampled) start / end / idle', value: `${mb(start.heap)} / ${mb(end.heap)} / ${mb(idle.heap)} MB` },
      { figure: `heap after a full GC start / end / idle 15 s / idle ${IDLE_S} s`, value: `${mb(start.heapAfterGc)} / ${mb(end.heapAfterGc)} / ${mb(idleSoon.heapAfterGc)} / ${mb(idle.heapAfterGc)} MB` },
      { figure: 'open fds start / end / idle; sockets', value: `${start.fds} / ${end.fds} / ${idle.fds}; ${start.sockets} → ${idle.sockets}` },
      { figure: 'database: file + WAL at the end / after shutdown', value: `${mb(dbLive.db)} + ${mb(dbLive.wal)} MB / ${mb(dbClosed)} MB` },
    ])
    console.table(
      [...tally.latency].map(([kind, list]) => ({ request: kind, count: list.length, 'p50 ms': +percentile(list, 50).toFixed(1), 'p99 ms': +percentile(list, 99).toFixed(1), 'max ms': +percentile(list, 100).toFixed(1) })),
    )
    console.log(`simulated: issued ${tally.issued}, called ${tally.called} (${tally.nullCalls} call-next found nobody), recalls ${tally.recalls}, started ${tally.started}, finished ${tally.finished}, no-shows ${tally.noShows}, transfers ${tally.transfers}, lunch pauses ${tally.pauses}; pushes received ${JSON.stringify(Object.fromEntries(pushes))}`)
    const ok = verdict.rows === TICKETS && verdict.missing === 0 && verdict.labelMismatch === 0 && verdict.nonContiguous === 0 && verdict.duplicateLabels === 0 && verdict.notFinal === 0 && verdict.multipleEndings === 0 && tally.errors.length === 0
    console.log(
      `check from the database: ${verdict.rows} tickets (expected ${TICKETS}), acknowledged but missing ${verdict.missing}, label changed ${verdict.labelMismatch}, ` +
        `services with gaps or repeats in their numbers ${verdict.nonContiguous}, duplicate labels ${verdict.duplicateLabels}, not in a final state ${verdict.notFinal}, ` +
        `tickets ended twice ${verdict.multipleEndings}; statuses ${JSON.stringify(verdict.statuses)}; events ${JSON.stringify(verdict.events)}; ` +
        `server exit ${JSON.stringify(exit)}; errors ${tally.errors.length}${tally.errors.length ? `: ${tally.errors.slice(0, 5).join(' | ')}` : ''} → ${ok ? 'OK' : 'NOT OK'}`,
    )
    const agree =
      verdict.events['ticket.issued'] === tally.issued && verdict.events['ticket.finished'] === tally.finished && (verdict.events['ticket.no_show'] ?? 0) === tally.noShows && (verdict.events['ticket.transferred'] ?? 0) === tally.transfers
    if (!agree) console.log('the event log does not agree with what the simulation did (see the counts above)')
    return { dataDir: options.keepDataDir ? dataDir : null }
  } finally {
    inspector?.close()
    for (const s of sockets) s.disconnect()
    await server.kill('SIGKILL')
    agent.destroy()
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await busyDayBench()
