import { afterEach, describe, expect, it } from 'vitest'
import type { TestCenter } from '../../helpers/test-center.ts'
import { oneCounterOfB } from './one-counter-line.ts'

/**
 * A counter whose ticket was called and not started is waiting for its citizen: it is busy until
 * at least now + the mean service time (server/queue/counter-free-at.ts). Counted from the call, a
 * ticket called five minutes earlier freed the counter "now", and the ticket behind it read
 * "less than a minute" on its status page while counter 2 still held B-001 (s51).
 */
describe('the wait behind a ticket called and not started', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function lineOfTwo() {
    const line = await oneCounterOfB()
    center = line.center
    const { clock, b, counter, clerk, kiosk } = line
    const first = await center.issue(kiosk.token, { serviceId: b.id })
    const second = await center.issue(kiosk.token, { serviceId: b.id })
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.label).toBe('B-001')
    const statusPage = async () => (await center.request('GET', `/api/v1/tickets/${second.id}`)).json()
    const kioskTile = async () =>
      (await center.request('GET', '/api/v1/services', { token: kiosk.token })).json().find((s: { id: number }) => s.id === b.id)
    return { clock, clerk, counter, first, statusPage, kioskTile }
  }

  it('counts the counter busy for a mean service time from now, however long ago the call was', async () => {
    const { clock, statusPage, kioskTile } = await lineOfTwo()
    // no history: the mean is the default 300 s
    expect(await statusPage()).toMatchObject({ label: 'B-002', position: 0, estimatedWaitSeconds: 300 })
    clock.advance(5 * 60)
    // the citizen has not come: when they do, B-001 takes about 300 s from then, and B-002 is next
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 300 })
    expect(await kioskTile()).toMatchObject({ ahead: 1, estimatedWaitSeconds: 600 })
  })

  it('counts down from the start of the service once the citizen has come', async () => {
    const { clock, clerk, counter, statusPage, kioskTile } = await lineOfTwo()
    clock.advance(40)
    expect((await center.action(clerk, counter.id, 'start')).statusCode).toBe(200)
    // serving: the counter ends its ticket a mean service time after the call (call → finish is what the mean measures)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 260 })
    clock.advance(100)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 160 })
    expect(await kioskTile()).toMatchObject({ ahead: 1, estimatedWaitSeconds: 460 })
  })

  it('frees the counter when the clerk marks the no-show', async () => {
    const { clock, clerk, counter, statusPage } = await lineOfTwo()
    clock.advance(5 * 60)
    expect((await center.action(clerk, counter.id, 'no-show')).statusCode).toBe(200)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 0 })
  })
})
