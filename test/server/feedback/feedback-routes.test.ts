import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { io, type Socket } from 'socket.io-client'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { pairFeedbackTablet, serveNext } from './feedback-helpers.ts'

/**
 * Ratings through the real API on a real SQLite file: the three ways in (tablet, status page),
 * every refusal with its stable code, nothing lost or written twice, and the tablet's ask over
 * a real socket.io client.
 */
describe('citizen feedback: rating a served ticket', () => {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
  let center: TestCenter
  let url: string
  let kiosk: string
  let clerk: string
  let tablet1: { id: number; token: string }
  let tablet2: { id: number; token: string }
  let counter1: number
  let serviceId: number

  beforeAll(async () => {
    center = await TestCenter.start({ clock })
    url = await center.listen()
    serviceId = (await center.createService({ prefix: 'A' })).id
    counter1 = (await center.createCounter({ number: 1, serviceIds: [serviceId] })).id
    const counter2 = (await center.createCounter({ number: 2, serviceIds: [serviceId] })).id
    kiosk = (await center.createDevice('kiosk')).token
    clerk = await center.openCounterAs('clerk1', counter1)
    tablet1 = await pairFeedbackTablet(center, counter1, 'tablet 1')
    tablet2 = await pairFeedbackTablet(center, counter2, 'tablet 2')
  })
  afterAll(() => center.close())

  const rate = (token: string, body: unknown) => center.request('POST', '/api/v1/feedback', { token, body })
  const ratingsCount = () => (center.app.tabour.db.prepare('SELECT COUNT(*) AS n FROM ratings').get() as { n: number }).n

  it('the tablet of the counter is asked over its socket after a finish, and rates; every refusal has its code', async () => {
    const issued = await center.issue(kiosk, { serviceId, phone: '01012345678' })
    const waiting = await center.issue(kiosk, { serviceId })
    const socket: Socket = io(url, { auth: { token: tablet1.token }, transports: ['websocket'] })
    try {
      const asked = new Promise<{ ask: { ticketId: string; counterId: number; label: string } }>((resolve) =>
        socket.on('feedback:ask', resolve),
      )
      await new Promise<void>((resolve) => socket.on('feed:joined', () => resolve()))
      const served = await serveNext(center, clerk, counter1)
      expect(served.id).toBe(issued.id)
      const { ask } = await asked
      expect(ask).toMatchObject({ ticketId: issued.id, counterId: counter1, label: issued.label })
    } finally {
      socket.close()
    }
    // after a reload the tablet still finds the open ask
    const state = (await center.request('GET', '/api/v1/feedback/tablet', { token: tablet1.token })).json()
    expect(state.counter).toMatchObject({ id: counter1, number: 1 })
    expect(state.digits).toBe('western')
    expect(state.ask.ticketId).toBe(issued.id)

    const refused = async (token: string | null, body: unknown, status: number, code: string, ticketId?: string) => {
      const res = token === null ? await center.request('POST', `/api/v1/feedback/tickets/${ticketId}`, { body }) : await rate(token, body)
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code })
      return res.json()
    }
    // a score of 0 or 6, an unknown reason, reasons on a good score
    expect((await refused(tablet1.token, { ticketId: issued.id, score: 0 }, 400, 'TABOUR_ERR_VALIDATION')).field).toBe('score')
    expect((await refused(tablet1.token, { ticketId: issued.id, score: 6 }, 400, 'TABOUR_ERR_VALIDATION')).field).toBe('score')
    await refused(tablet1.token, { ticketId: issued.id, score: 1, reasons: ['rude'] }, 422, 'TABOUR_ERR_UNKNOWN_REASON')
    expect((await refused(tablet1.token, { ticketId: issued.id, score: 4, reasons: ['wait'] }, 400, 'TABOUR_ERR_VALIDATION')).field).toBe(
      'reasons',
    )
    // the tablet of another counter; a ticket not served yet (waiting, then called); no such ticket
    await refused(tablet2.token, { ticketId: issued.id, score: 5 }, 403, 'TABOUR_ERR_FEEDBACK_OTHER_COUNTER')
    await refused(null, { score: 5 }, 409, 'TABOUR_ERR_TICKET_NOT_SERVED', waiting.id)
    await center.action(clerk, counter1, 'call-next')
    await refused(tablet1.token, { ticketId: waiting.id, score: 5 }, 409, 'TABOUR_ERR_TICKET_NOT_SERVED')
    await refused(null, { score: 5 }, 404, 'TABOUR_ERR_TICKET_NOT_FOUND', 'no-such-ticket')
    // a kiosk is not a feedback tablet
    await refused(kiosk, { ticketId: issued.id, score: 5 }, 403, 'TABOUR_ERR_FORBIDDEN')
    expect(ratingsCount()).toBe(0)

    const ok = await rate(tablet1.token, { ticketId: issued.id, score: 2, reasons: ['wait', 'papers'] })
    expect(ok.statusCode).toBe(201)
    expect(ok.json()).toMatchObject({ ticketId: issued.id, score: 2, reasons: ['wait', 'papers'], source: 'tablet' })
    // a second rating, from the tablet or from the status page, is refused and changes nothing
    await refused(tablet1.token, { ticketId: issued.id, score: 5 }, 409, 'TABOUR_ERR_RATING_EXISTS')
    await refused(null, { score: 5 }, 409, 'TABOUR_ERR_RATING_EXISTS', issued.id)
    const rows = center.app.tabour.db.prepare('SELECT * FROM ratings').all() as Record<string, unknown>[]
    expect(rows).toHaveLength(1)
    // finished naming no outcome (serveNext), the rating copies none (s51: "served")
    expect(rows[0]).toMatchObject({ ticket_id: issued.id, score: 2, counter_id: counter1, source: 'tablet', outcome: null })
    // anonymous: no phone anywhere in the rating, no user on its log row
    expect(Object.keys(rows[0])).not.toContain('phone')
    expect(JSON.stringify(rows[0])).not.toContain('01012345678')
    const logged = center.app.tabour.db
      .prepare(`SELECT user_id AS userId, device_id AS deviceId, data FROM events WHERE type = 'ticket.rated'`)
      .all()
    expect(logged).toEqual([
      { userId: null, deviceId: tablet1.id, data: JSON.stringify({ score: 2, reasons: ['wait', 'papers'], source: 'tablet' }) },
    ])
    // rated: the tablet's ask is closed
    expect((await center.request('GET', '/api/v1/feedback/tablet', { token: tablet1.token })).json().ask).toBeNull()
  })

  it('the status page rates its own ticket within the window, and not after it', async () => {
    await center.action(clerk, counter1, 'start')
    const current = (await center.action(clerk, counter1, 'finish', {})).json().ticket
    const late = await center.issue(kiosk, { serviceId })
    const lateServed = await serveNext(center, clerk, counter1)
    expect(lateServed.id).toBe(late.id)
    const stateOf = async (id: string) => (await center.request('GET', `/api/v1/feedback/tickets/${id}`)).json().state
    expect(await stateOf(current.id)).toBe('open')
    const publicTicket = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
    expect(await publicTicket(current.id)).not.toHaveProperty('rated')
    const ok = await center.request('POST', `/api/v1/feedback/tickets/${current.id}`, { body: { score: 5 } })
    expect(ok.statusCode).toBe(201)
    expect(ok.json().source).toBe('status_page')
    expect(await stateOf(current.id)).toBe('rated')
    // the public ticket says so: a page left open stops offering the faces (walk s46)
    expect(await publicTicket(current.id)).toMatchObject({ status: 'done', rated: true })
    const waiting = await center.issue(kiosk, { serviceId })
    expect(await stateOf(waiting.id)).toBe('not-served')
    clock.advance(31 * 60)
    expect(await stateOf(late.id)).toBe('closed')
    const res = await center.request('POST', `/api/v1/feedback/tickets/${late.id}`, { body: { score: 4 } })
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 410, code: 'TABOUR_ERR_RATING_WINDOW_CLOSED' })
    expect(ratingsCount()).toBe(2)
  })

  it('an unbound tablet has nothing to rate', async () => {
    const unbound = await pairFeedbackTablet(center, null, 'unbound')
    const state = (await center.request('GET', '/api/v1/feedback/tablet', { token: unbound.token })).json()
    expect(state).toMatchObject({ counter: null, ask: null })
    const res = await rate(unbound.token, { ticketId: 'x', score: 3 })
    expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 409, code: 'TABOUR_ERR_NOTHING_TO_RATE' })
  })

  it('a tablet bound to a counter that does not exist is refused at the device form', async () => {
    const res = await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: { kind: 'feedback', name: 'bad', config: { counterId: 999 } },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', field: 'config/counterId', reason: 'unknown' })
  })
})
