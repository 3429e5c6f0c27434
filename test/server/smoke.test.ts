import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../helpers/test-center.ts'

describe('test harness', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('issues and calls a ticket end to end through inject()', async () => {
    center = await TestCenter.start()
    const service = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    const kiosk = await center.createDevice('kiosk')
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const issued = await center.issue(kiosk.token, { serviceId: service.id })
    expect(issued.label).toBe('A-001')
    const res = await center.action(clerk, counter.id, 'call-next')
    expect(res.statusCode).toBe(200)
    expect(res.json().ticket).toMatchObject({ id: issued.id, status: 'called', counterId: counter.id })
  })
})
