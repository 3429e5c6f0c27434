import { call, type Answer } from './api-client.ts'
import type { Clerk, Day } from './center.ts'
import {
  arrivalTimes,
  KIOSKS,
  lognormal,
  LOOKAHEAD_S,
  MAX_IN_FLIGHT,
  OUTCOMES,
  P_NO_SHOW,
  P_PRIORITY,
  P_RECALL,
  P_TRANSFER,
  pick,
  rand,
  SERVICES,
  TICKETS,
} from './day-model.ts'
import { EventQueue } from './event-queue.ts'

/**
 * The busy day as a discrete-event simulation run as fast as the server answers: arrivals follow
 * the day model's intraday shape, kiosks issue on arrival, clerks call the next ticket when free,
 * recall, mark no-shows, transfer, take a lunch break and finish after a lognormal service time.
 * Events run in simulated-time order; a few run at once when no earlier event in flight could
 * still cause them (a conservative window of LOOKAHEAD_S simulated seconds: nothing a response
 * schedules comes sooner than that).
 */

/** What the simulation did, counted as the server acknowledged it, with each request's latency by kind (ms). */
export interface Tally {
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

export const emptyTally = (): Tally => ({
  requests: 0,
  errors: [],
  latency: new Map(),
  issued: 0,
  called: 0,
  nullCalls: 0,
  recalls: 0,
  started: 0,
  finished: 0,
  noShows: 0,
  transfers: 0,
  pauses: 0,
})

/** State-changing requests (one transaction each on the server). */
export const stateChanges = (t: Tally) => t.issued + t.called + t.recalls + t.started + t.finished + t.noShows + t.transfers

/** Runs the day; resolves when every event ran. Acknowledged tickets land in `acked` (id → label). */
export async function simulate(day: Day, acked: Map<string, string>, tally: Tally): Promise<void> {
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
  const act = (clerk: Clerk, action: string, body?: unknown) =>
    timed(action, call(day.base, 'POST', `/api/v1/counters/${clerk.counterId}/${action}`, clerk.token, body ?? {}))

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
        const res = await act(clerk, 'pause', { reason: 'break' })
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
      const s = pick(
        SERVICES.map((x) => x.share),
        SERVICES.map((_, i) => i),
      )
      const r = rand()
      const priority = r < P_PRIORITY ? (r < 0.04 ? 'elderly' : r < 0.05 ? 'disabled' : 'pregnant') : undefined
      const phone = rand() < 0.15 ? `+2010${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` : undefined
      const id = nextId++
      const res = await timed(
        'issue',
        call(
          day.base,
          'POST',
          '/api/v1/tickets',
          day.kioskTokens[id % KIOSKS],
          { serviceId: day.serviceIds[s], ...(priority ? { priority } : {}), ...(phone ? { phone } : {}) },
          { 'idempotency-key': `busy-day-${id}` },
        ),
      )
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
