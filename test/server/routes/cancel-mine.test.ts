import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../protocol/error-codes.ts'
import { TestCenter } from '../../helpers/test-center.ts'
import { rows } from './route-helpers.ts'

const TICKETS = '/api/v1/tickets'
const PHONE = '+201001234567'

/** POST /tickets/:id/cancel-mine: the citizen's own cancel from the status page (server/routes/tickets/cancel-mine.ts). */
describe('POST /api/v1/tickets/:id/cancel-mine', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(config?: Record<string, unknown>) {
    center = await TestCenter.start(config ? { config } : {})
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 2, name: 'Counter 2', serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    return { a, c, kiosk }
  }

  it('needs no token, cancels a waiting ticket, logs by_citizen, and the line shrinks; no phone in the answer', async () => {
    const { a, kiosk } = await setUp()
    const t = await center.issue(kiosk, { serviceId: a.id, phone: PHONE })
    const before = await center.issue(kiosk, { serviceId: a.id })
    void before
    const res = await center.request('POST', `${TICKETS}/${t.id}/cancel-mine`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ id: t.id, status: 'cancelled', position: 0, counter: null })
    expect(res.body).not.toContain('1001234567')
    const log = rows<{ type: string; data: string; user_id: number | null; device_id: number | null }>(
      center,
      "SELECT type, data, user_id, device_id FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'",
      t.id,
    )
    expect(log).toHaveLength(1)
    // the wait against the target rides along: a citizen who gave up after the target is a miss (reports/figures.ts)
    expect(JSON.parse(log[0]!.data)).toEqual({ reason: 'by_citizen', waitedSeconds: 0, targetWaitSeconds: 600, withinTarget: true })
    expect(log[0]).toMatchObject({ user_id: null, device_id: null })
    const admin = await center.admin()
    const services = (await center.request('GET', '/api/v1/services', { token: admin })).json()
    expect(services.find((s: { id: number }) => s.id === a.id).waiting).toBe(1)
  })

  it('answers 409 TICKET_NOT_WAITING for a called, served or cancelled ticket and 404 for an unknown one; never 5xx', async () => {
    const { a, c, kiosk } = await setUp()
    const called = await center.issue(kiosk, { serviceId: a.id })
    const cancelled = await center.issue(kiosk, { serviceId: a.id })
    const clerk = await center.openCounterAs('clerk1', c.id)
    await center.action(clerk, c.id, 'call-next')
    expect((await center.request('POST', `${TICKETS}/${cancelled.id}/cancel-mine`)).statusCode).toBe(200)
    for (const id of [called.id, cancelled.id]) {
      const res = await center.request('POST', `${TICKETS}/${id}/cancel-mine`)
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe(ErrorCodes.TICKET_NOT_WAITING)
    }
    await center.action(clerk, c.id, 'start')
    await center.action(clerk, c.id, 'finish')
    const served = await center.request('POST', `${TICKETS}/${called.id}/cancel-mine`)
    expect([served.statusCode, served.json().code]).toEqual([409, ErrorCodes.TICKET_NOT_WAITING])
    const unknown = await center.request('POST', `${TICKETS}/AAAAAAAAAAAAAAAAAAAAAA/cancel-mine`)
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, ErrorCodes.TICKET_NOT_FOUND])
    const tooLong = await center.request('POST', `${TICKETS}/${'x'.repeat(65)}/cancel-mine`)
    expect(tooLong.statusCode).toBe(400)
  })

  it('is rate limited per client address (config auth.loginMaxAttempts)', async () => {
    await setUp({ auth: { loginMaxAttempts: 3 } })
    const codes: number[] = []
    for (let i = 0; i < 5; i++) codes.push((await center.request('POST', `${TICKETS}/AAAAAAAAAAAAAAAAAAAAAA/cancel-mine`)).statusCode)
    expect(codes).toEqual([404, 404, 404, 429, 429])
    const limited = await center.request('POST', `${TICKETS}/AAAAAAAAAAAAAAAAAAAAAA/cancel-mine`)
    expect(limited.json().code).toBe(ErrorCodes.RATE_LIMITED)
  })
})
