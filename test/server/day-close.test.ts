import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../helpers/test-center.ts'

describe('closing past days', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it("expires yesterday's waiting tickets so today's A-001 is called first, and logs why", async () => {
    const clock = new TestClock(Date.parse('2026-03-10T15:00:00Z')) // 17:00 in Cairo
    center = await TestCenter.start({ clock })
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const yesterday = await center.issue(kiosk.token, { serviceId: service.id })
    expect(yesterday.label).toBe('A-001')

    clock.set('2026-03-11T06:30:00Z') // 08:30 next morning
    const services = await center.request('GET', '/api/v1/services', { token: kiosk.token })
    expect(services.json()[0].waiting).toBe(0)
    const today = await center.issue(kiosk.token, { serviceId: service.id })
    expect(today.label).toBe('A-001')
    // the clerk's token from yesterday has expired (12 h); the counter is still theirs
    expect((await center.action(clerk, counter.id, 'call-next')).json().code).toBe('TABOUR_ERR_TOKEN_EXPIRED')
    const clerkToday = await center.login('clerk1', STAFF_PASSWORD)
    const called = (await center.action(clerkToday, counter.id, 'call-next')).json()
    expect(called.ticket.id).toBe(today.id)

    const old = (await center.request('GET', `/api/v1/tickets/${yesterday.id}`)).json()
    expect(old.status).toBe('cancelled')
    const reason = center.app.tabour.db
      .prepare("SELECT json_extract(data, '$.reason') AS reason FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'")
      .get(yesterday.id)
    expect(reason).toEqual({ reason: 'day_closed' })
  })
})
