import { expect } from 'vitest'
import type { TestCenter } from '../../helpers/test-center.ts'
import { until } from './fake-gateway.ts'

export interface OutboxRow {
  kind: string
  status: string
}

/**
 * A citizen takes a ticket with consent to messages (in English) and is called at once: waits
 * until the provider accepted both messages (ticket taken, called). Returns the outbox's rows,
 * read afresh at each call.
 */
export async function ticketTakenAndCalled(center: TestCenter): Promise<() => OutboxRow[]> {
  const service = await center.createService({ prefix: 'B' })
  const counter = await center.createCounter({ number: 2, name: 'Civil registry', serviceIds: [service.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  const res = await center.request('POST', '/api/v1/tickets', {
    token: kiosk,
    body: { serviceId: service.id, phone: '+201001234567', messagesOptIn: true, lang: 'en' },
  })
  expect(res.statusCode).toBe(201)
  await center.action(clerk, counter.id, 'call-next')
  const rows = () => center.app.tabour.db.prepare('SELECT kind, status FROM message_outbox ORDER BY id').all() as OutboxRow[]
  await until('both accepted', () => rows().length === 2 && rows().every((r) => r.status === 'accepted'))
  return rows
}
