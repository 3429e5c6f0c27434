import { describe, expect, it } from 'vitest'
import { http, mapLimit } from '../helpers/http.ts'
import { useListeningCenter } from '../helpers/socket-client.ts'
import { clerkStep, pick, seededRandom, seedFrom, type AckedTransition, type Clerk, type ClerkWorld } from '../helpers/load.ts'
import { logCounts, logViolations, readLog, type EventLog, type LogEvent, type LogTicket } from '../helpers/log-invariants.ts'
import { sleep } from '../helpers/child-server.ts'

/**
 * Many clerks working their counters and many kiosks issuing at once over real HTTP, then the
 * final event log read from SQLite must satisfy test/helpers/log-invariants.ts: legal
 * transitions only, one counter per ticket and one ticket per counter at a time, nothing
 * served that was not called, numbers contiguous per service per day. Replay a failure with
 * LOG_INVARIANTS_SEED=<the printed seed>.
 */
describe('the event log after concurrent clerks and kiosks', () => {
  const { start } = useListeningCenter()

  it('12 clerks and 4 kiosks at once: 300 tickets, every transition kind, the log holds every invariant', {
    timeout: 120_000,
  }, async () => {
    const seed = seedFrom('LOG_INVARIANTS_SEED')
    const random = seededRandom(seed)
    const { center: c, url: base } = await start()
    const services = [
      await c.createService({ prefix: 'A' }),
      await c.createService({ prefix: 'B' }),
      await c.createService({ prefix: 'C' }),
    ]
    const serviceIds = services.map((s) => s.id as number)
    const kiosks = await mapLimit([1, 2, 3, 4], 4, () => c.createDevice('kiosk'))
    // each counter serves two of the three services (every service has eight counters)
    const clerks: Clerk[] = await mapLimit(
      Array.from({ length: 12 }, (_, i) => i + 1),
      4,
      async (n) => {
        const counter = await c.createCounter({ number: n, serviceIds: serviceIds.filter((_, s) => s !== n % 3) })
        return { counterId: counter.id as number, token: await c.openCounterAs(`clerk${n}`, counter.id), current: null }
      },
    )
    const acked: AckedTransition[] = []
    const world: ClerkWorld = { base, random, serviceIds, counterIds: clerks.map((k) => k.counterId), acked: (t) => acked.push(t) }

    const total = 300
    let issued = 0
    const issuedIds: string[] = []
    const kioskLoop = async (token: string) => {
      while (issued < total) {
        issued++
        const res = await http(base, 'POST', '/api/v1/tickets', { token, body: { serviceId: pick(random, serviceIds) } })
        expect(res.status, JSON.stringify(res.body)).toBe(201)
        issuedIds.push(res.body.id)
      }
    }
    const clerkLoop = async (clerk: Clerk) => {
      while (issued < total || clerk.current) if (!(await clerkStep(world, clerk))) await sleep(2)
    }
    await Promise.all([...kiosks.map((k) => kioskLoop(k.token)), ...clerks.map(clerkLoop)])

    // every (idle) clerk calls the same waiting ticket by id at once: one wins, the others get 409
    // (or 422 when their counter does not serve its service)
    let specificWins = 0
    for (let race = 0; race < 10; race++) {
      const live = await http(base, 'GET', '/api/v1/tickets', { token: clerks[0].token })
      const waiting = (live.body as { id: string; status: string; targetCounterId: number | null }[]).filter(
        (t) => t.status === 'waiting' && t.targetCounterId === null,
      )
      if (waiting.length === 0) break
      const target = pick(random, waiting).id
      const answers = await Promise.all(
        clerks.map((k) => http(base, 'POST', `/api/v1/counters/${k.counterId}/call`, { token: k.token, body: { ticketId: target } })),
      )
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
      answers.forEach((res, i) => {
        if (res.status !== 200)
          return expect(['TABOUR_ERR_ILLEGAL_TRANSITION', 'TABOUR_ERR_SERVICE_NOT_SERVED_HERE']).toContain(res.body.code)
        clerks[i].current = { id: target, status: 'called' }
        acked.push({ ticketId: target, type: 'ticket.called', counterId: clerks[i].counterId })
        specificWins++
      })
      for (const clerk of clerks) while (clerk.current) await clerkStep(world, clerk)
    }

    // drain: every counter calls and finishes until nothing waits (tickets transferred to a counter included)
    for (let moved = true; moved; ) {
      moved = false
      for (const clerk of clerks) {
        for (;;) {
          if (!clerk.current && !(await clerkStep(world, clerk))) break
          moved = true
          while (clerk.current) await clerkStep(world, clerk)
        }
      }
    }

    const log = readLog(c.app.tabour.db)
    const counts = logCounts(log)
    console.log(`log invariants: seed ${seed}; ${JSON.stringify(counts)}; ${specificWins} races to call one ticket by id`)
    expect(logViolations(log), `seed ${seed}`).toEqual([])
    expect(log.tickets).toHaveLength(total)
    expect(new Set(log.tickets.map((t) => t.id))).toEqual(new Set(issuedIds))
    expect(log.tickets.filter((t) => !['done', 'no_show'].includes(t.status))).toEqual([])
    // every answered action is in the log, once: nothing happened that nobody was told of, and vice versa
    const logged = log.events.filter((e) => e.type !== 'ticket.issued').map((e) => `${e.ticketId} ${e.type} ${e.counterId}`)
    expect(logged.sort()).toEqual(acked.map((t) => `${t.ticketId} ${t.type} ${t.counterId}`).sort())
    // the load exercised every kind of transition
    for (const type of ['ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.no_show', 'ticket.transferred']) {
      expect(counts[type], type).toBeGreaterThan(0)
    }
  })
})

describe('the log checker finds what is wrong', () => {
  const ticket = (id: string, number: number, extra: Partial<LogTicket> = {}): LogTicket => ({
    id,
    serviceId: 1,
    issuedServiceId: 1,
    day: '2026-03-10',
    number,
    label: `A-00${number}`,
    status: 'waiting',
    counterId: null,
    issuedAt: number,
    ...extra,
  })
  let nextId = 1
  const ev = (type: string, ticketId: string, counterId: number | null = null): LogEvent => ({
    id: nextId++,
    at: nextId,
    day: '2026-03-10',
    type,
    ticketId,
    counterId,
    serviceId: 1,
  })
  const sound = (): EventLog => ({
    events: [
      ev('ticket.issued', 't1'),
      ev('ticket.issued', 't2'),
      ev('ticket.called', 't1', 1),
      ev('ticket.started', 't1', 1),
      ev('ticket.finished', 't1', 1),
    ],
    tickets: [ticket('t1', 1, { status: 'done', counterId: 1 }), ticket('t2', 2)],
    counters: [
      { id: 1, currentTicketId: null },
      { id: 2, currentTicketId: null },
    ],
    sequences: [{ serviceId: 1, day: '2026-03-10', lastNumber: 2 }],
  })

  it('a sound log has no violation', () => {
    expect(logViolations(sound())).toEqual([])
  })

  it('a reinstated no-show waits again and can be called; a reinstatement of anything but a no-show is a violation', () => {
    const reinstated = sound()
    reinstated.events.push(
      ev('ticket.called', 't2', 1),
      ev('ticket.no_show', 't2', 1),
      ev('ticket.reinstated', 't2'),
      ev('ticket.called', 't2', 2),
    )
    reinstated.tickets[1] = ticket('t2', 2, { status: 'called', counterId: 2 })
    reinstated.counters[1].currentTicketId = 't2'
    expect(logViolations(reinstated)).toEqual([])

    const fromCalled = sound()
    fromCalled.events.push(ev('ticket.called', 't2', 1), ev('ticket.reinstated', 't2'))
    expect(logViolations(fromCalled).join('\n')).toMatch(/A-002 \(t2\) reinstated from called/)
  })

  it('one ticket at two counters, a counter with two tickets, a finish without a start, a gap, a stale table', () => {
    const twoCounters = sound()
    twoCounters.events.push(ev('ticket.called', 't2', 1), ev('ticket.called', 't2', 2))
    expect(logViolations(twoCounters).join('\n')).toMatch(/call is illegal from called/)

    const twoTickets = sound()
    twoTickets.tickets.push(ticket('t3', 3))
    twoTickets.sequences[0].lastNumber = 3
    twoTickets.events.push(ev('ticket.issued', 't3'), ev('ticket.called', 't2', 2), ev('ticket.called', 't3', 2))
    expect(logViolations(twoTickets).join('\n')).toMatch(/counter 2 called A-003 \(t3\) while holding A-002/)

    const otherCounter = sound()
    otherCounter.events.push(ev('ticket.called', 't2', 1), ev('ticket.started', 't2', 2))
    expect(logViolations(otherCounter).join('\n')).toMatch(/is at counter 1 but counter 2 acted on it/)

    const noStart = sound()
    noStart.events.splice(3, 1)
    expect(logViolations(noStart).join('\n')).toMatch(/finish is illegal from called/)

    const gap = sound()
    gap.tickets[1].number = 3
    expect(logViolations(gap).join('\n')).toMatch(/expected number 2, found 3/)

    const stale = sound()
    stale.tickets[1].status = 'called'
    stale.counters[1].currentTicketId = 't2'
    expect(logViolations(stale)).toEqual([
      'A-002 (t2) is called in the table but waiting in the log',
      'counter 2 holds A-002 (t2) but the log says it holds nothing',
    ])
  })
})
