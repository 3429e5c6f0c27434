import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { logViolations, readLog } from '../../helpers/log-invariants.ts'
import { expectAuthRequired, expectError } from './route-helpers.ts'
import { openDatabase } from '../../../server/db/connection.ts'

/** Services A and B; counters 1 and 2 serve A (clerk1, clerk2), counter 3 serves B (clerk3); a kiosk; a test clock. */
async function setup(clock = new TestClock(), dataDir?: string) {
  const center = await TestCenter.start({ clock, config: { queue: { maxParkMinutes: 20 }, ...(dataDir ? { dataDir } : {}) } })
  const a = await center.createService({ prefix: 'A' })
  const b = await center.createService({ prefix: 'B' })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
  const c3 = await center.createCounter({ number: 3, serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  const clerk3 = await center.openCounterAs('clerk3', c3.id)
  const park = (token: string, counterId: number, body: unknown) => center.action(token, counterId, 'park', body)
  const resume = (token: string, counterId: number, ticketId: string) => center.action(token, counterId, 'resume-parked', { ticketId })
  const parked = async (token: string) => (await center.request('GET', '/api/v1/tickets/parked', { token })).json()
  return { center, clock, a, b, c1, c2, c3, kiosk, clerk1, clerk2, clerk3, park, resume, parked }
}

describe('parking a ticket and resuming it', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('parks the current ticket (the counter is free), lists it for every counter of the service, and resumes it at another counter ahead of the line', async () => {
    const s = await setup()
    center = s.center
    const first = await center.issue(s.kiosk, { serviceId: s.a.id })
    const second = await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await center.action(s.clerk1, s.c1.id, 'start')
    s.clock.advance(60)
    const res = await s.park(s.clerk1, s.c1.id, { reason: 'missing_document', note: 'birth certificate', minutes: 15 })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().ticket).toMatchObject({ id: first.id, status: 'parked', counterId: null })
    expect(res.json().counter.currentTicketId ?? null).toBeNull()

    // the counter is free: the next citizen is called
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket.id).toBe(second.id)

    // both counters of A see it with its time left; the counter of B does not
    const list = await s.parked(s.clerk2)
    expect(list.maxMinutes).toBe(20)
    expect(list.reasons.map((r: { code: string }) => r.code)).toContain('missing_document')
    expect(list.parked).toEqual([
      expect.objectContaining({
        ticket: expect.objectContaining({ id: first.id, label: first.label }),
        reason: 'missing_document',
        note: 'birth certificate',
        counterId: s.c1.id,
        secondsLeft: 15 * 60,
      }),
    ])
    expect((await s.parked(s.clerk1)).parked).toHaveLength(1)
    expect((await s.parked(s.clerk3)).parked).toEqual([])
    // the live view counts it apart: out of the line ("waiting" 0), parked 1 (walk s54: it was nowhere)
    const manager = (await center.createUser('boss', 'manager')).token
    const today = (await center.request('GET', '/api/v1/stats/today', { token: manager })).json()
    expect([today.totals.waiting, today.parkedNow]).toEqual([0, 1])

    // a third ticket waits; the parked citizen comes back after 5 minutes and clerk2 resumes it before the line
    await center.issue(s.kiosk, { serviceId: s.a.id })
    s.clock.advance(300)
    expect((await s.parked(s.clerk2)).parked[0].secondsLeft).toBe(10 * 60)
    const resumed = await s.resume(s.clerk2, s.c2.id, first.id)
    expect(resumed.statusCode, resumed.body).toBe(200)
    expect(resumed.json().ticket).toMatchObject({ id: first.id, status: 'called', counterId: s.c2.id })
    expect((await s.parked(s.clerk2)).parked).toEqual([])
    await center.action(s.clerk2, s.c2.id, 'start')
    expect((await center.action(s.clerk2, s.c2.id, 'finish', {})).json().ticket.status).toBe('done')

    const db = center.app.tabour.db
    expect(logViolations(readLog(db))).toEqual([])
    const events = db.prepare("SELECT type, data FROM events WHERE ticket_id = ? AND type LIKE 'ticket.%' ORDER BY id").all(first.id) as {
      type: string
      data: string
    }[]
    expect(events.map((e) => e.type)).toEqual([
      'ticket.issued',
      'ticket.called',
      'ticket.started',
      'ticket.parked',
      'ticket.resumed',
      'ticket.started',
      'ticket.finished',
    ])
    expect(JSON.parse(events[3].data)).toMatchObject({ reason: 'missing_document', minutes: 15, from: 'serving', serviceSeconds: 60 })
    expect(JSON.parse(events[4].data)).toMatchObject({ parkedSeconds: 300, reason: 'missing_document' })
  })

  it('abandons a ticket not resumed in time, by its stored deadline, even across a restart', async () => {
    const clock = new TestClock()
    const s = await setup(clock)
    const dataDir = s.center.dataDir
    const t = await s.center.issue(s.kiosk, { serviceId: s.a.id })
    await s.center.action(s.clerk1, s.c1.id, 'call-next')
    expect((await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 10 })).statusCode).toBe(200)
    // the process stops (the app closes, the data dir stays) and a new one starts on the same file
    await s.center.app.close()
    clock.advance(10 * 60 - 1)
    const again = await TestCenter.start({ clock, config: { dataDir, queue: { maxParkMinutes: 20 } } })
    center = again
    const clerk = await again.login('clerk2', 'staff-test-password')
    expect((await again.request('GET', '/api/v1/tickets/parked', { token: clerk })).json().parked[0].secondsLeft).toBe(1)
    clock.advance(1)
    // the sweep runs before every read: at the deadline the ticket is abandoned, nowhere in the parked list
    expect((await again.request('GET', '/api/v1/tickets/parked', { token: clerk })).json().parked).toEqual([])
    const db = again.app.tabour.db
    expect(db.prepare('SELECT status FROM tickets WHERE id = ?').get(t.id)).toEqual({ status: 'abandoned' })
    const abandoned = db.prepare("SELECT data FROM events WHERE type = 'ticket.abandoned'").all() as { data: string }[]
    expect(abandoned).toHaveLength(1)
    expect(JSON.parse(abandoned[0].data)).toMatchObject({ reason: 'payment', parkedSeconds: 600 })
    expect(db.prepare('SELECT count(*) AS n FROM parked_tickets').get()).toEqual({ n: 0 })
    // resuming it now: 410, and nothing changes
    expectError(await again.action(clerk, s.c2.id, 'resume-parked', { ticketId: t.id }), 410, 'TABOUR_ERR_PARK_EXPIRED')
    expect(db.prepare('SELECT status FROM tickets WHERE id = ?').get(t.id)).toEqual({ status: 'abandoned' })
    expect(logViolations(readLog(db))).toEqual([])
  })

  it('the periodic sweep abandons an overdue ticket in a quiet center (no request needed)', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 1 })
    s.clock.advance(60)
    const updates: string[] = []
    center.app.tabour.queue.events.on((e) => {
      if (e.type === 'ticket:updated') updates.push(`${e.ticket.id}:${e.ticket.status}`)
    })
    expect(center.app.tabour.queue.parking.sweep()).toBe(1)
    expect(updates).toEqual([`${t.id}:abandoned`])
    // a second sweep finds nothing
    expect(center.app.tabour.queue.parking.sweep()).toBe(0)
    // the file holds it too (a new connection reads the committed state)
    const other = openDatabase(`${center.dataDir}/tabour.sqlite`)
    expect(other.prepare('SELECT status FROM tickets WHERE id = ?').get(t.id)).toEqual({ status: 'abandoned' })
    other.close()
  })

  it('refuses bad input with stable codes and loses nothing', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    const waiting = await center.issue(s.kiosk, { serviceId: s.a.id })
    // parking with no current ticket (the only tickets are waiting): 409 COUNTER_IDLE
    expectError(await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 5 }), 409, 'TABOUR_ERR_COUNTER_IDLE')
    await center.action(s.clerk1, s.c1.id, 'call-next')
    // longer than the maximum: 422 PARK_TOO_LONG naming it; an unknown reason: 422; a malformed body: 400
    const tooLong = await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 21 })
    expectError(tooLong, 422, 'TABOUR_ERR_PARK_TOO_LONG')
    expect(tooLong.json().message).toContain('20')
    expectError(await s.park(s.clerk1, s.c1.id, { reason: 'coffee', minutes: 5 }), 422, 'TABOUR_ERR_UNKNOWN_PARK_REASON')
    expectError(await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 0 }), 400, 'TABOUR_ERR_VALIDATION')
    // someone else's counter: 403
    expectError(await s.park(s.clerk2, s.c1.id, { reason: 'payment', minutes: 5 }), 403, 'TABOUR_ERR_NOT_YOUR_COUNTER')
    // nothing was lost: the ticket is still called at counter 1
    const live = (await center.request('GET', '/api/v1/tickets', { token: s.clerk1 })).json()
    expect(live.find((x: { id: string }) => x.id === t.id)).toMatchObject({ status: 'called', counterId: s.c1.id })

    expect((await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 5 })).statusCode).toBe(200)
    // resuming: another service's counter (422), a waiting ticket (409), an unknown one (404), a busy counter (409)
    expectError(await s.resume(s.clerk3, s.c3.id, t.id), 422, 'TABOUR_ERR_SERVICE_NOT_SERVED_HERE')
    expectError(await s.resume(s.clerk2, s.c2.id, waiting.id), 409, 'TABOUR_ERR_TICKET_NOT_PARKED')
    expectError(await s.resume(s.clerk2, s.c2.id, 'nope'), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    await center.action(s.clerk2, s.c2.id, 'call-next')
    expectError(await s.resume(s.clerk2, s.c2.id, t.id), 409, 'TABOUR_ERR_COUNTER_BUSY')
    expectError(await s.resume(s.kiosk, s.c2.id, t.id), 403, 'TABOUR_ERR_FORBIDDEN')
    await expectAuthRequired(center, { method: 'GET', url: '/api/v1/tickets/parked' })
    // still parked, still listed
    expect((await s.parked(s.clerk1)).parked.map((p: { ticket: { id: string } }) => p.ticket.id)).toEqual([t.id])
    expect(logViolations(readLog(center.app.tabour.db))).toEqual([])
  })
})

describe('GET /api/v1/stats/parking: a fixture day computed by hand', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('counts parks, resumes (mean minutes away) and abandoned tickets per service, and no abandoned ticket is a no-show', async () => {
    const s = await setup()
    center = s.center
    const serve = async (token: string, counterId: number) => {
      await center.action(token, counterId, 'start')
      expect((await center.action(token, counterId, 'finish', {})).statusCode).toBe(200)
    }
    const [t1, t2, t3] = [
      await center.issue(s.kiosk, { serviceId: s.a.id }),
      await center.issue(s.kiosk, { serviceId: s.a.id }),
      await center.issue(s.kiosk, { serviceId: s.a.id }),
    ]
    const t4 = await center.issue(s.kiosk, { serviceId: s.b.id })
    // A-001 parked, back after 4 min; A-002 parked 5 min and never back; A-003 parked twice (2 min, then 6 min)
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await s.park(s.clerk1, s.c1.id, { reason: 'missing_document', minutes: 10 })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await s.park(s.clerk1, s.c1.id, { reason: 'payment', minutes: 5 })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await s.park(s.clerk1, s.c1.id, { reason: 'photocopy', minutes: 15 })
    // B-001 parked, back after 3 min
    await center.action(s.clerk3, s.c3.id, 'call-next')
    await s.park(s.clerk3, s.c3.id, { reason: 'photocopy', minutes: 10 })
    s.clock.advance(120)
    expect((await s.resume(s.clerk2, s.c2.id, t3.id)).statusCode).toBe(200)
    await s.park(s.clerk2, s.c2.id, { reason: 'payment', minutes: 10 })
    s.clock.advance(60)
    expect((await s.resume(s.clerk3, s.c3.id, t4.id)).statusCode).toBe(200)
    await serve(s.clerk3, s.c3.id)
    s.clock.advance(60)
    expect((await s.resume(s.clerk1, s.c1.id, t1.id)).statusCode).toBe(200)
    await serve(s.clerk1, s.c1.id)
    s.clock.advance(60) // 5 min since A-002 was parked: its time is up
    s.clock.advance(3 * 60)
    expect((await s.resume(s.clerk2, s.c2.id, t3.id)).statusCode).toBe(200) // 6 min after its second park
    await serve(s.clerk2, s.c2.id)

    const admin = await center.admin()
    const day = new Date(s.clock.now).toISOString().slice(0, 10)
    const res = await center.request('GET', `/api/v1/stats/parking?from=${day}&to=${day}`, { token: admin })
    expect(res.statusCode, res.body).toBe(200)
    // by hand: A parked 4 (A-003 twice), resumed 3 after 4, 2 and 6 min (mean 4.0), abandoned 1 of 4 ended (25.0 %);
    // B parked 1, resumed after 3 min; all: 5 parks, 4 resumes, mean (4 + 2 + 6 + 3) / 4 = 3.75 → 3.8, 1 of 5 ended → 20.0 %
    expect(res.json().rows).toEqual([
      { serviceId: null, parked: 5, resumed: 4, abandoned: 1, meanParkedMinutes: 3.8, abandonedPercent: 20 },
      { serviceId: s.a.id, parked: 4, resumed: 3, abandoned: 1, meanParkedMinutes: 4, abandonedPercent: 25 },
      { serviceId: s.b.id, parked: 1, resumed: 1, abandoned: 0, meanParkedMinutes: 3, abandonedPercent: 0 },
    ])
    const db = center.app.tabour.db
    expect(db.prepare('SELECT status FROM tickets WHERE id = ?').get(t2.id)).toEqual({ status: 'abandoned' })
    // the abandoned ticket is not a no-show in the day's figures
    const today = (await center.request('GET', '/api/v1/stats/today', { token: admin })).json()
    expect(today.totals.noShow).toBe(0)
    expectError(
      await center.request('GET', `/api/v1/stats/parking?from=${day}&to=${day}`, { token: s.clerk1 }),
      403,
      'TABOUR_ERR_FORBIDDEN',
    )
    expect(logViolations(readLog(db))).toEqual([])
  })
})
