import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * A center at 08:00 UTC on a fixed day with one service B served by counter 2, opened by its
 * clerk, and a kiosk: the setting of the estimate tests (a counter busy in some way, the ticket
 * behind it reading its wait).
 */
export async function oneCounterOfB() {
  const clock = new TestClock(Date.parse('2026-03-10T08:00:00.000Z'))
  const center = await TestCenter.start({ clock })
  const b = await center.createService({ prefix: 'B' })
  const counter = await center.createCounter({ number: 2, serviceIds: [b.id] })
  const clerk = await center.openCounterAs('clerk-2', counter.id)
  const kiosk = await center.createDevice('kiosk')
  return { clock, center, b, counter, clerk, kiosk }
}
