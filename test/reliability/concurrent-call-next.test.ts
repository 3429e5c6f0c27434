import { describe, expect, it } from 'vitest'
import type { TestCenter } from '../helpers/test-center.ts'
import { http, mapLimit, type HttpAnswer } from '../helpers/http.ts'
import { useListeningCenter } from '../helpers/socket-client.ts'

/**
 * Many clerks pressing "call next" at the same instant, over real HTTP: every waiting ticket
 * goes to exactly one counter, no counter gets two, and the event log agrees.
 */
describe('concurrent call-next over real HTTP', () => {
  const { start } = useListeningCenter()

  /** A center listening on loopback with one service, `counters` counters each opened by its own clerk, and a kiosk. */
  async function setUp(counters: number) {
    const { center: c, url: base } = await start()
    const service = await c.createService({ prefix: 'A' })
    const list = await mapLimit(
      Array.from({ length: counters }, (_, i) => i + 1),
      8,
      async (n) => {
        const counter = await c.createCounter({ number: n, serviceIds: [service.id] })
        const token = await c.openCounterAs(`clerk${n}`, counter.id)
        return { id: counter.id as number, token }
      },
    )
    const kiosks = [await c.createDevice('kiosk'), await c.createDevice('kiosk')]
    return { c, base, service, counters: list, kiosks }
  }

  const callNext = (base: string, counter: { id: number; token: string }) =>
    http(base, 'POST', `/api/v1/counters/${counter.id}/call-next`, { token: counter.token })

  /** start, then finish: the citizen came and was served; answers the finish (or the failed start). */
  const serve = async (base: string, counter: { id: number; token: string }) => {
    const started = await http(base, 'POST', `/api/v1/counters/${counter.id}/start`, { token: counter.token })
    if (started.status !== 200) return started
    return http(base, 'POST', `/api/v1/counters/${counter.id}/finish`, { token: counter.token })
  }

  /** The database's view must match: one counter per called ticket, one current ticket per counter, one event per call. */
  function checkDatabase(c: TestCenter, calledIds: string[]) {
    const db = c.app.tabour.db
    const active = db.prepare(`SELECT id, counter_id AS counterId, status FROM tickets WHERE status IN ('called', 'serving')`).all() as {
      id: string
      counterId: number | null
    }[]
    for (const t of active) expect(t.counterId, `ticket ${t.id} is called but has no counter`).not.toBeNull()
    // each active ticket is its counter's current ticket, and no counter holds two
    const perCounter = new Map<number, string[]>()
    for (const t of active) perCounter.set(t.counterId!, [...(perCounter.get(t.counterId!) ?? []), t.id])
    for (const [counterId, ids] of perCounter) expect(ids, `counter ${counterId} holds several tickets`).toHaveLength(1)
    const currents = db.prepare('SELECT id, current_ticket_id AS current FROM counters WHERE current_ticket_id IS NOT NULL').all() as {
      id: number
      current: string
    }[]
    expect(new Map(currents.map((r) => [r.id, r.current]))).toEqual(new Map([...perCounter].map(([id, ids]) => [id, ids[0]])))

    const called = db.prepare(`SELECT ticket_id AS ticketId, counter_id AS counterId FROM events WHERE type = 'ticket.called'`).all() as {
      ticketId: string
      counterId: number
    }[]
    expect(called).toHaveLength(calledIds.length)
    expect(new Set(called.map((e) => e.ticketId)).size).toBe(called.length)
    expect(new Set(called.map((e) => e.ticketId))).toEqual(new Set(calledIds))
    // every call event names the counter that holds (or held) the ticket
    const holder = db.prepare('SELECT counter_id AS counterId FROM tickets WHERE id = ?')
    for (const e of called) expect((holder.get(e.ticketId) as { counterId: number }).counterId).toBe(e.counterId)
  }

  function summarize(answers: HttpAnswer[]) {
    const statuses = answers.map((a) => a.status)
    const tickets = answers.map((a) => a.body?.ticket).filter((t): t is { id: string; counterId: number; status: string } => !!t)
    return { statuses, tickets, nulls: answers.filter((a) => a.status === 200 && a.body.ticket === null).length }
  }

  it('50 clerks call at once with 30 waiting: 30 get one ticket each, 20 get null, nothing twice', { timeout: 60_000 }, async () => {
    const { c, base, service, counters, kiosks } = await setUp(50)
    const issued: string[] = []
    for (let i = 0; i < 30; i++) issued.push((await c.issue(kiosks[0].token, { serviceId: service.id })).id)

    const answers = await Promise.all(counters.map((counter) => callNext(base, counter)))

    const { statuses, tickets, nulls } = summarize(answers)
    expect(
      statuses.filter((s) => s !== 200),
      JSON.stringify(answers.filter((a) => a.status !== 200).map((a) => a.body)),
    ).toEqual([])
    expect(tickets).toHaveLength(30)
    expect(nulls).toBe(20)
    expect(new Set(tickets.map((t) => t.id)).size).toBe(30)
    expect(new Set(tickets.map((t) => t.id))).toEqual(new Set(issued))
    // each answer's ticket is at the counter that asked
    answers.forEach((a, i) => {
      if (a.body.ticket) {
        expect(a.body.ticket).toMatchObject({ status: 'called', counterId: counters[i].id })
        expect(a.body.counter.id).toBe(counters[i].id)
      }
    })
    checkDatabase(
      c,
      tickets.map((t) => t.id),
    )
    expect(c.app.tabour.db.prepare(`SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting'`).get()).toEqual({ n: 0 })
  })

  it('kiosks keep issuing while clerks call and finish: the same invariants hold round after round', { timeout: 60_000 }, async () => {
    const { c, base, service, counters, kiosks } = await setUp(50)
    for (let i = 0; i < 10; i++) await c.issue(kiosks[0].token, { serviceId: service.id })
    const issuedIds = new Set<string>()
    for (const row of c.app.tabour.db.prepare('SELECT id FROM tickets').all() as { id: string }[]) issuedIds.add(row.id)

    const calledIds: string[] = []
    const busy = new Map<number, string>() // counter id → its current ticket, as the answers told us
    const issue = (kiosk: { token: string }) =>
      http(base, 'POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: service.id } })

    for (let round = 0; round < 4; round++) {
      // counters that hold a ticket finish it while the others call and kiosks issue, all interleaved
      const jobs: Promise<{ kind: 'call' | 'issue' | 'finish'; counterId?: number; answer: HttpAnswer }>[] = []
      const issues = 25
      let k = 0
      for (const counter of counters) {
        if (busy.has(counter.id)) {
          jobs.push(serve(base, counter).then((answer) => ({ kind: 'finish' as const, counterId: counter.id, answer })))
        } else {
          jobs.push(callNext(base, counter).then((answer) => ({ kind: 'call' as const, counterId: counter.id, answer })))
        }
        if (k < issues && counter.id % 2 === 0) {
          jobs.push(issue(kiosks[k++ % 2]).then((answer) => ({ kind: 'issue' as const, answer })))
        }
      }
      while (k < issues) jobs.push(issue(kiosks[k++ % 2]).then((answer) => ({ kind: 'issue' as const, answer })))
      const results = await Promise.all(jobs)

      for (const r of results) {
        if (r.kind === 'issue') {
          expect(r.answer.status, JSON.stringify(r.answer.body)).toBe(201)
          issuedIds.add(r.answer.body.id)
        } else if (r.kind === 'finish') {
          expect(r.answer.status, JSON.stringify(r.answer.body)).toBe(200)
          expect(r.answer.body.ticket).toMatchObject({ id: busy.get(r.counterId!), status: 'done' })
          busy.delete(r.counterId!)
        } else {
          expect(r.answer.status, JSON.stringify(r.answer.body)).toBe(200)
          const t = r.answer.body.ticket
          if (t) {
            expect(t).toMatchObject({ status: 'called', counterId: r.counterId })
            calledIds.push(t.id)
            busy.set(r.counterId!, t.id)
          }
        }
      }
      expect(new Set(calledIds).size, `round ${round}: a ticket was called twice`).toBe(calledIds.length)
      for (const id of calledIds) expect(issuedIds.has(id)).toBe(true)
      checkDatabase(c, calledIds)
    }

    // drain: whatever still waits is called exactly once, then every issued ticket was called once
    for (;;) {
      const idle = counters.filter((counter) => !busy.has(counter.id))
      if (idle.length === 0) {
        for (const a of await Promise.all(counters.map((counter) => serve(base, counter)))) expect(a.status).toBe(200)
        busy.clear()
        continue
      }
      const answers = await Promise.all(idle.map((counter) => callNext(base, counter)))
      let got = 0
      answers.forEach((a, i) => {
        expect(a.status).toBe(200)
        if (a.body.ticket) {
          got++
          calledIds.push(a.body.ticket.id)
          busy.set(idle[i].id, a.body.ticket.id)
        }
      })
      if (got === 0) break
    }
    expect(calledIds).toHaveLength(issuedIds.size)
    expect(new Set(calledIds)).toEqual(issuedIds)
    checkDatabase(c, calledIds)
  })
})
