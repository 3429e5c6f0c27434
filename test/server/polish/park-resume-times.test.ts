import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { rows } from '../routes/route-helpers.ts'

/**
 * Finding 5 of the walk-through: resuming a parked ticket overwrote `called_at`, so the console's
 * "waited" and the ticket log's wait grew by the time the citizen was away. The first call stays
 * the end of the wait; the resume is kept apart (`resumedAt`), and the time at the counter counts
 * from it; the service time of the finish adds the stay before the park (server/queue/service-time.ts).
 */
describe('a resumed ticket keeps its first call', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  /** A center with one service, one open counter and one ticket waiting at 08:00 UTC. */
  async function oneTicketCenter() {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const c = center
    const a = await c.createService({ prefix: 'A' })
    const c1 = await c.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = (await c.createDevice('kiosk')).token
    const clerk = await c.openCounterAs('clerk1', c1.id)
    const t = await c.issue(kiosk, { serviceId: a.id })
    return { clock, c, c1, clerk, t }
  }

  it('calledAt stays the first call, resumedAt is the return; the log and the CSV give the wait to the first call', async () => {
    const { clock, c, c1, clerk, t } = await oneTicketCenter()
    clock.advance(120)
    const firstCall = clock.now
    await c.action(clerk, c1.id, 'call-next')
    clock.advance(60)
    expect((await c.action(clerk, c1.id, 'park', { reason: 'missing_document', minutes: 15 })).statusCode).toBe(200)
    clock.advance(600)
    const resumed = await c.action(clerk, c1.id, 'resume-parked', { ticketId: t.id })
    expect(resumed.statusCode, resumed.body).toBe(200)
    expect(resumed.json().ticket).toMatchObject({
      status: 'called',
      calledAt: new Date(firstCall).toISOString(),
      resumedAt: new Date(clock.now).toISOString(),
    })
    expect((await c.action(clerk, c1.id, 'start')).statusCode).toBe(200)
    clock.advance(90)
    const finish = await c.action(clerk, c1.id, 'finish', {})
    expect(finish.statusCode, finish.body).toBe(200)
    const [finished] = rows<{ data: string }>(c, "SELECT data FROM events WHERE type = 'ticket.finished'")
    // service time is every stay at the counter: 60 s before the park and 90 s since the return, not the 10 minutes away
    expect(JSON.parse(finished!.data).serviceSeconds).toBe(60 + 90)
    expect(rows(c, 'SELECT called_at AS calledAt FROM tickets')).toEqual([{ calledAt: firstCall }])
    const csv = await c.request('GET', '/api/v1/stats/tickets.csv?from=2026-03-10&to=2026-03-10&lang=en', { token: await c.admin() })
    expect(csv.statusCode, csv.body).toBe(200)
    const [header, line] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
    const wait = header!.split(',').indexOf('Waited in line until called (seconds; every line it was called from)')
    expect(wait).toBeGreaterThanOrEqual(0)
    expect(line!.split(',')[wait]).toBe('120')
  })

  it('a ticket parked again after its resume gives the time at the counter since the resume, not since the first call', async () => {
    const { clock, c, c1, clerk, t } = await oneTicketCenter()
    await c.action(clerk, c1.id, 'call-next')
    clock.advance(60)
    expect((await c.action(clerk, c1.id, 'park', { reason: 'missing_document', minutes: 15 })).statusCode).toBe(200)
    clock.advance(600)
    expect((await c.action(clerk, c1.id, 'resume-parked', { ticketId: t.id })).statusCode).toBe(200)
    clock.advance(30)
    const again = await c.action(clerk, c1.id, 'park', { reason: 'missing_document', minutes: 15 })
    expect(again.statusCode, again.body).toBe(200)
    const parked = rows<{ data: string }>(c, "SELECT data FROM events WHERE type = 'ticket.parked' ORDER BY id")
    expect(parked.map((p) => JSON.parse(p.data).serviceSeconds)).toEqual([60, 30])
  })
})
