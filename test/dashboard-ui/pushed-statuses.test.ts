/**
 * The devices table's health: the list read from the server with every status pushed since it was
 * asked for laid over it (dashboard-ui/pushed-statuses.ts). Before, the table read health when it
 * opened and after an action only: a reactivated printer said "OK" until a reload while the server
 * had pushed that it did not answer.
 */
import { expect, it } from 'vitest'
import { PushedStatuses } from '../../dashboard-ui/pushed-statuses.ts'
import { deviceVerdict } from '../../protocol/device-verdict.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'
import type { PrinterHealth } from '../../protocol/device-health.ts'

const now = Date.parse('2026-12-07T10:00:00Z')
const printer = (id: number, status: DeviceHealth['status'], revoked = false): DeviceHealth => ({
  id,
  kind: 'printer',
  name: `Printer ${id}`,
  zone: null,
  paired: false,
  revoked,
  lastSeenAt: null,
  status,
  faulty: false,
})
/** A printer's report as its poll pushes it (server/devices/printing.ts). */
const report = (reachable: boolean, at: string): PrinterHealth => ({
  printer: { reachable, online: reachable, coverOpen: false, paperOut: false, paperNearEnd: false, error: false, at },
})
const notAnswering = report(false, '2026-12-07T09:59:59Z')
const answering = report(true, '2026-12-07T10:00:01Z')
const verdicts = (list: DeviceHealth[]) => list.map((d) => deviceVerdict(d, now).key)

it('a printer reactivated: no report yet, then the push that it does not answer, then that it is back, with no new read', () => {
  let pushed = PushedStatuses.NONE
  // the table reads its list after "Reactivate": the server dropped the revoked printer's report
  const askedAt = pushed.count
  const read = [printer(1, null), printer(2, answering)]
  expect(verdicts(pushed.over(read, askedAt))).toEqual(['health.noReport', 'health.ok'])
  // the server's probe of the reopened printer
  pushed = pushed.with(1, notAnswering)
  const failed = pushed.over(read, askedAt)
  expect(verdicts(failed)).toEqual(['health.offline', 'health.ok'])
  expect(failed[0]!.faulty).toBe(true)
  pushed = pushed.with(1, answering)
  expect(verdicts(pushed.over(read, askedAt))).toEqual(['health.ok', 'health.ok'])
})

it('a list asked for before a push and answered after it does not put the old state back; one asked after the push is as it says', () => {
  let pushed = PushedStatuses.NONE.with(2, answering)
  const askedAt = pushed.count
  pushed = pushed.with(1, notAnswering)
  // the answer left the server before the push: printer 1 still with its earlier report
  const stale = [printer(1, answering), printer(2, answering)]
  expect(verdicts(pushed.over(stale, askedAt))).toEqual(['health.offline', 'health.ok'])
  // printer 2's push came before the asking: the answer is newer than it (revoked meanwhile, its report dropped)
  const later = [printer(1, notAnswering), printer(2, null, true)]
  expect(verdicts(pushed.over(later, askedAt))).toEqual(['health.offline', 'health.revoked'])
  expect(pushed.over(later, pushed.count)).toEqual(later)
})

it('each push is a new value, so the table holding it draws again; the one before is unchanged', () => {
  const before = PushedStatuses.NONE
  const after = before.with(1, notAnswering)
  expect(after).not.toBe(before)
  expect(before.count).toBe(0)
  expect(before.over([printer(1, null)], 0)[0]!.status).toBeNull()
})
