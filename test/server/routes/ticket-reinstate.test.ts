import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { logViolations, readLog } from '../../helpers/log-invariants.ts'
import { expectAuthRequired, expectError } from './route-helpers.ts'

const RULES = { minSecondsBeforeNoShow: 60, noShowGraceMinutes: 30 }

/** Services A and B; counter 1 serves A (clerk1), counter 2 serves B (clerk2); a kiosk; a test clock. */
async function setup(startAt?: number) {
  const clock = new TestClock(startAt)
  const center = await TestCenter.start({ clock, config: { queue: RULES } })
  const a = await center.createService({ prefix: 'A' })
  const b = await center.createService({ prefix: 'B' })
  const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
  const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const kiosk = (await center.createDevice('kiosk')).token
  const clerk1 = await center.openCounterAs('clerk1', c1.id)
  const clerk2 = await center.openCounterAs('clerk2', c2.id)
  const reinstate = (token: string, id: string) => center.request('POST', `/api/v1/tickets/${id}/reinstate`, { token })
  return { center, clock, a, b, c1, c2, kiosk, clerk1, clerk2, reinstate }
}

/** Issues A-001 (and behind it), calls A-001 at counter 1 and marks it no-show after the minimum. */
async function noShowFirst(s: Awaited<ReturnType<typeof setup>>) {
  const first = await s.center.issue(s.kiosk, { serviceId: s.a.id })
  s.clock.advance(10)
  const second = await s.center.issue(s.kiosk, { serviceId: s.a.id })
  const third = await s.center.issue(s.kiosk, { serviceId: s.a.id })
  s.clock.advance(100)
  expect((await s.center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket.id).toBe(first.id)
  s.clock.advance(60)
  expect((await s.center.action(s.clerk1, s.c1.id, 'no-show')).json().ticket.status).toBe('no_show')
  return { first, second, third }
}

// walk s53: "Please take a new ticket" was said to a no-show past its window whatever the service: the page
// points to the kiosk only while the kiosk sells the service (newTicketsNow), as for a cancelled ticket
describe('a no-show past its window', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('is told the kiosk sells its service only while it does (not once the service is deactivated)', async () => {
    const s = await setup()
    center = s.center
    const { first } = await noShowFirst(s)
    const page = async () => (await s.center.request('GET', `/api/v1/tickets/${first.id}`)).json()
    // within the window: put back by a clerk, no way onward
    expect((await page()).noShow).toBeDefined()
    s.clock.advance(30 * 60 + 1)
    expect(await page()).toMatchObject({ status: 'no_show', newTicketsNow: true })
    expect((await page()).noShow).toBeUndefined()
    const admin = await s.center.admin()
    expect((await s.center.request('PATCH', `/api/v1/services/${s.a.id}`, { token: admin, body: { active: false } })).statusCode).toBe(200)
    expect(await page()).toMatchObject({ status: 'no_show', newTicketsNow: false })
  })
})

describe('the minimum time before a no-show', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('refuses a no-show 1 s after the call with TABOUR_ERR_NO_SHOW_TOO_SOON, saying how many seconds remain', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    s.clock.advance(1)
    const res = await center.action(s.clerk1, s.c1.id, 'no-show')
    expectError(res, 409, 'TABOUR_ERR_NO_SHOW_TOO_SOON')
    expect(res.json().message).toMatch(/\b59 more seconds\b/)
    // nothing changed: the ticket is still called at the counter
    const live = (await center.request('GET', '/api/v1/tickets', { token: s.clerk1 })).json()
    expect(live[0]).toMatchObject({ status: 'called', counterId: s.c1.id })
    s.clock.advance(59)
    expect((await center.action(s.clerk1, s.c1.id, 'no-show')).statusCode).toBe(200)
  })

  it('allows it at once after a recall since the call (the clerk tried again)', async () => {
    const s = await setup()
    center = s.center
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    s.clock.advance(5)
    await center.action(s.clerk1, s.c1.id, 'recall')
    expect((await center.action(s.clerk1, s.c1.id, 'no-show')).json().ticket.status).toBe('no_show')
  })

  it('counts from the last call: a recall before a transfer does not excuse the next call', async () => {
    const s = await setup()
    center = s.center
    const t = await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.action(s.clerk1, s.c1.id, 'call-next')
    await center.action(s.clerk1, s.c1.id, 'recall')
    await center.action(s.clerk1, s.c1.id, 'transfer', { serviceId: s.a.id })
    s.clock.advance(5)
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket.id).toBe(t.id)
    expectError(await center.action(s.clerk1, s.c1.id, 'no-show'), 409, 'TABOUR_ERR_NO_SHOW_TOO_SOON')
  })
})

describe('POST /api/v1/tickets/:id/reinstate', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('puts a no-show back to waiting at its issue-time place: call-next calls it before those issued after it', async () => {
    const s = await setup()
    center = s.center
    const { first, second } = await noShowFirst(s)
    // a clerk of the service sees it among the no-shows it may reinstate
    const list = await center.request('GET', '/api/v1/tickets/no-shows', { token: s.clerk1 })
    expect(list.statusCode).toBe(200)
    expect(list.json()).toEqual([
      {
        ticket: expect.objectContaining({ id: first.id, status: 'no_show' }),
        graceEndsAt: new Date(s.clock.now + 30 * 60_000).toISOString(),
        graceSecondsLeft: 1800,
      },
    ])
    expect((await center.request('GET', '/api/v1/tickets/no-shows', { token: s.clerk2 })).json()).toEqual([])

    s.clock.advance(20 * 60)
    const res = await s.reinstate(s.clerk1, first.id)
    expect(res.statusCode, res.body).toBe(200)
    // putting it back calls nobody: its count moves at the call that follows
    expect(res.json()).toMatchObject({ id: first.id, status: 'waiting', counterId: null, calledAt: null, finishedAt: null, recallCount: 0 })
    expect((await center.request('GET', '/api/v1/tickets/no-shows', { token: s.clerk1 })).json()).toEqual([])

    s.clock.advance(30)
    const called = (await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket
    expect(called).toMatchObject({ id: first.id, status: 'called', recallCount: 1 })
    await center.action(s.clerk1, s.c1.id, 'start')
    await center.action(s.clerk1, s.c1.id, 'finish', {})
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket.id).toBe(second.id)

    // the log replays, and the second call records no wait: the citizen's wait ended at the first call
    // (README "A ticket's wait"; it recorded the 30 s since the reinstatement, "within target", walk s54)
    const db = center.app.tabour.db
    expect(logViolations(readLog(db))).toEqual([])
    const waits = db
      .prepare(
        "SELECT json_extract(data, '$.waitedSeconds') AS w, json_extract(data, '$.afterUndo') AS again FROM events WHERE ticket_id = ? AND type = 'ticket.called' ORDER BY id",
      )
      .all(first.id) as { w: number | null; again: number | null }[]
    expect(waits).toEqual([
      { w: 110, again: null },
      { w: null, again: 1 },
    ])
    const reinstated = db.prepare("SELECT user_id AS userId FROM events WHERE ticket_id = ? AND type = 'ticket.reinstated'").all(first.id)
    expect(reinstated).toHaveLength(1)
  })

  it('a recalled no-show put back reads its one recall until it is called again, then two; a later recall adds one (walk s54)', async () => {
    const s = await setup()
    center = s.center
    const d = await center.issue(s.kiosk, { serviceId: s.a.id })
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket.id).toBe(d.id)
    expect((await center.action(s.clerk1, s.c1.id, 'recall')).json().ticket.recallCount).toBe(1)
    expect((await center.action(s.clerk1, s.c1.id, 'no-show')).statusCode).toBe(200)
    expect((await s.reinstate(s.clerk1, d.id)).json()).toMatchObject({ status: 'waiting', recallCount: 1 })
    // the call after the undo is a call again (the console's "Called again since issue"), counted once
    expect((await center.action(s.clerk1, s.c1.id, 'call-next')).json().ticket).toMatchObject({ id: d.id, recallCount: 1 + 1 })
    expect((await center.action(s.clerk1, s.c1.id, 'recall')).json().ticket.recallCount).toBe(3)
    await center.action(s.clerk1, s.c1.id, 'start')
    await center.action(s.clerk1, s.c1.id, 'finish', {})
    expect(center.app.tabour.db.prepare('SELECT recall_count AS n FROM tickets WHERE id = ?').get(d.id)).toEqual({ n: 3 })
  })

  it('lets a manager reinstate any service', async () => {
    const s = await setup()
    center = s.center
    const { first } = await noShowFirst(s)
    const { token: manager } = await center.createUser('boss', 'manager')
    expect((await s.reinstate(manager, first.id)).json().status).toBe('waiting')
  })

  it('refuses an unknown ticket (404), a ticket that is not a no-show (409), after the window (410), another service (403)', async () => {
    const s = await setup()
    center = s.center
    const { first, second } = await noShowFirst(s)
    expectError(await s.reinstate(s.clerk1, 'no-such-ticket'), 404, 'TABOUR_ERR_TICKET_NOT_FOUND')
    expectError(await s.reinstate(s.clerk1, second.id), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    expectError(await s.reinstate(s.clerk2, first.id), 403, 'TABOUR_ERR_FORBIDDEN')
    await expectAuthRequired(center, { method: 'POST', url: `/api/v1/tickets/${first.id}/reinstate` })
    expectError(await s.reinstate(s.kiosk, first.id), 403, 'TABOUR_ERR_FORBIDDEN')
    s.clock.advance(30 * 60 + 1)
    expectError(await s.reinstate(s.clerk1, first.id), 410, 'TABOUR_ERR_GRACE_EXPIRED')
    expect((await center.request('GET', '/api/v1/tickets/no-shows', { token: s.clerk1 })).json()).toEqual([])
    // a reinstated ticket cannot be reinstated twice
    const s2 = await setup()
    try {
      const { first: f2 } = await noShowFirst(s2)
      expect((await s2.reinstate(s2.clerk1, f2.id)).statusCode).toBe(200)
      expectError(await s2.reinstate(s2.clerk1, f2.id), 409, 'TABOUR_ERR_ILLEGAL_TRANSITION')
    } finally {
      await s2.center.close()
    }
  })

  it('a no-show marked before midnight is not offered after it: the status page, the list and the undo agree', async () => {
    // 23:45 in Cairo (UTC+2 in March): the no-show is marked at 23:47:50, its 30 minutes run past midnight
    const s = await setup(Date.parse('2026-03-10T21:45:00Z'))
    center = s.center
    const { first } = await noShowFirst(s)
    const status = async () => (await center.request('GET', `/api/v1/tickets/${first.id}`)).json()
    expect((await status()).noShow).toMatchObject({ secondsLeft: 30 * 60, counters: [{ number: 1 }] })
    s.clock.advance(12 * 60 + 20) // 00:00:10, the next business day
    expect((await status()).noShow).toBeUndefined()
    expect((await center.request('GET', '/api/v1/tickets/no-shows', { token: s.clerk1 })).json()).toEqual([])
    expectError(await s.reinstate(s.clerk1, first.id), 410, 'TABOUR_ERR_GRACE_EXPIRED')
  })

  it('refuses a clerk whose counter is closed', async () => {
    const s = await setup()
    center = s.center
    const { first } = await noShowFirst(s)
    await center.action(s.clerk1, s.c1.id, 'close')
    expectError(await s.reinstate(s.clerk1, first.id), 403, 'TABOUR_ERR_FORBIDDEN')
  })
})
