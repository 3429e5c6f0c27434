import { afterEach, describe, expect, it } from 'vitest'
import type { TestCenter } from '../../helpers/test-center.ts'
import { oneCounterOfB } from './one-counter-line.ts'

/**
 * A counter busy with a service longer than its service's mean is busy for the time such a
 * service is still expected to take (server/queue/service-time-left.ts), not free "now". Counted
 * as the call plus the mean, a service past the mean ended in the past, and the ticket behind read
 * "1 ahead, less than a minute" on its status page and the kiosk while the clerk was still busy (s52).
 */
describe('the wait behind a service longer than the mean', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  /** Counter 2 serves B; B's recent services took `durations` seconds (call → finish); B-nnn then waits behind one being served. */
  async function servingAfter(durations: number[]) {
    const line = await oneCounterOfB()
    center = line.center
    const { clock, b, counter, clerk, kiosk } = line
    const act = async (action: string) => expect((await center.action(clerk, counter.id, action)).statusCode).toBe(200)
    for (const seconds of durations) {
      await center.issue(kiosk.token, { serviceId: b.id })
      await act('call-next')
      await act('start')
      clock.advance(seconds)
      await act('finish')
    }
    await center.issue(kiosk.token, { serviceId: b.id })
    const behind = await center.issue(kiosk.token, { serviceId: b.id })
    await act('call-next')
    await act('start')
    const statusPage = async () => (await center.request('GET', `/api/v1/tickets/${behind.id}`)).json()
    const kioskTile = async () =>
      (await center.request('GET', '/api/v1/services', { token: kiosk.token })).json().find((s: { id: number }) => s.id === b.id)
    return { clock, behind, statusPage, kioskTile }
  }

  it('counts a service that has outlasted every recent one as busy for a mean from now', async () => {
    const { clock, behind, statusPage, kioskTile } = await servingAfter([100, 120, 140])
    // mean 120 s: just started, the counter ends its ticket a mean from the call
    expect(await statusPage()).toMatchObject({ label: behind.label, position: 0, estimatedWaitSeconds: 120 })
    clock.advance(360)
    // three means on, longer than every recent service: still about a mean to go, never "less than a minute"
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 120 })
    expect(await kioskTile()).toMatchObject({ ahead: 1, estimatedWaitSeconds: 240 })
  })

  it('follows the recent services longer than this one has lasted', async () => {
    const { clock, statusPage, kioskTile } = await servingAfter([60, 60, 600])
    // mean 240 s: shorter than every recent service, the countdown from the mean
    clock.advance(30)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 210 })
    // at 300 s only the 600 s service lasted longer, and it went on 300 s more
    clock.advance(270)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 300 })
    expect(await kioskTile()).toMatchObject({ ahead: 1, estimatedWaitSeconds: 300 + 240 })
  })

  it('counts down from the mean while the service is shorter than every recent one', async () => {
    const { clock, statusPage } = await servingAfter([100, 120, 140])
    clock.advance(70)
    expect(await statusPage()).toMatchObject({ position: 0, estimatedWaitSeconds: 50 })
  })
})
