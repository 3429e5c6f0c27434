import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'

/**
 * GET /stats/today tells, by counter, how many tickets were transferred to it and wait for it
 * (only its clerk calls them), so the dashboard can warn when that counter is closed.
 */
describe('tickets waiting for one counter', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('counts the tickets transferred to a counter while they wait, and no longer once called', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const manager = (await center.createUser('boss', 'manager')).token
    const clerk = await center.openCounterAs('clerk1', c1.id)
    await center.issue(kiosk, { serviceId: a.id })
    await center.issue(kiosk, { serviceId: a.id })
    const waitingFor = async () =>
      Object.fromEntries(
        (
          (await center.request('GET', '/api/v1/stats/today', { token: manager })).json().counters as {
            number: number
            waitingForIt: number
          }[]
        ).map((c) => [c.number, c.waitingForIt]),
      )
    expect(await waitingFor()).toEqual({ 1: 0, 2: 0 })
    for (const action of ['call-next', 'transfer'] as const) {
      const res = await center.action(clerk, c1.id, action, action === 'transfer' ? { counterId: c2.id } : undefined)
      expect(res.statusCode, res.body).toBe(200)
    }
    // counter 2 is closed: the ticket sent to it waits for it alone
    expect(await waitingFor()).toEqual({ 1: 0, 2: 1 })
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    expect((await center.action(clerk2, c2.id, 'call-next')).statusCode).toBe(200)
    expect(await waitingFor()).toEqual({ 1: 0, 2: 0 })
  })
})
