import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { expectError } from './route-helpers.ts'

/**
 * Issue 16: a clerk acts only on tickets of the services their counter serves. A manager at a
 * counter may call one anyway, and the call's event-log row records the override.
 */
describe('a clerk calls only what the counter serves', () => {
  let center: TestCenter
  afterEach(async () => {
    await center?.close()
  })

  it('422 SERVICE_NOT_SERVED_HERE for a clerk; a manager may, and the log says override', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const ticketB = await center.issue(kiosk.token, { serviceId: b.id })
    const ticketA = await center.issue(kiosk.token, { serviceId: a.id })

    const clerk = await center.openCounterAs('clerk1', c1.id)
    expectError(await center.action(clerk, c1.id, 'call', { ticketId: ticketB.id }), 422, 'TABOUR_ERR_SERVICE_NOT_SERVED_HERE')
    const still = await center.request('GET', `/api/v1/tickets/${ticketB.id}`)
    expect(still.json().status).toBe('waiting')
    // a ticket of its own service, by id, as before
    expect((await center.action(clerk, c1.id, 'call', { ticketId: ticketA.id })).statusCode).toBe(200)

    const { token: manager } = await center.createUser('manager1', 'manager')
    expect((await center.action(manager, c2.id, 'open')).statusCode).toBe(200)
    const called = await center.action(manager, c2.id, 'call', { ticketId: ticketB.id })
    expect(called.statusCode, called.body).toBe(200)
    expect(called.json().ticket).toMatchObject({ id: ticketB.id, status: 'called', counterId: c2.id })
    const row = center.app.tabour.db.prepare(`SELECT data FROM events WHERE type = 'ticket.called' AND ticket_id = ?`).get(ticketB.id) as {
      data: string
    }
    expect(JSON.parse(row.data)).toMatchObject({ how: 'override' })
  })
})

describe('finish outcomes come from the configured list (issue 16)', () => {
  let center: TestCenter
  afterEach(async () => {
    await center?.close()
  })

  it('422 TABOUR_ERR_UNKNOWN_OUTCOME for free text, nothing changes; a listed outcome or none finishes', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk1', c1.id)
    for (const outcome of ['<img src=x onerror=alert(1)>', 'completed', 'Served']) {
      const ticket = await center.issue(kiosk.token, { serviceId: a.id })
      expect((await center.action(clerk, c1.id, 'call-next')).statusCode).toBe(200)
      expect((await center.action(clerk, c1.id, 'start')).statusCode).toBe(200)
      expectError(await center.action(clerk, c1.id, 'finish', { outcome }), 422, 'TABOUR_ERR_UNKNOWN_OUTCOME')
      expect((await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json().status).toBe('serving')
      const done = await center.action(clerk, c1.id, 'finish', { outcome: 'referred' })
      expect(done.statusCode, done.body).toBe(200)
      expect(done.json().ticket).toMatchObject({ status: 'done', outcome: 'referred' })
    }
    await center.issue(kiosk.token, { serviceId: a.id })
    await center.action(clerk, c1.id, 'call-next')
    await center.action(clerk, c1.id, 'start')
    // none named: none recorded, on the ticket as in its event (center migration 38)
    expect((await center.action(clerk, c1.id, 'finish', {})).json().ticket).toMatchObject({ status: 'done', outcome: null })
  })
})
