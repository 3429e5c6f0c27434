import { expect, it } from 'vitest'
import { deviceVerdict, lastHeard, reportedAt, SCREEN_SILENT_MS, watchedSince } from '../../protocol/device-verdict.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'

const now = Date.parse('2026-12-05T10:00:00Z')
const display = (lastSeenMsAgo: number, status: DeviceHealth['status']): DeviceHealth => ({
  id: 1,
  kind: 'display',
  name: 'TV',
  zone: null,
  paired: true,
  revoked: false,
  lastSeenAt: new Date(now - lastSeenMsAgo).toISOString(),
  status,
  faulty: false,
})

it("a screen's own report (sound blocked) holds while it is seen, and gives way to silence once it is not", () => {
  const blocked = { display: { sound: 'blocked' } }
  expect(deviceVerdict(display(60_000, blocked), now).key).toBe('health.soundBlocked')
  expect(deviceVerdict(display(SCREEN_SILENT_MS + 60_000, blocked), now)).toEqual({ key: 'health.silent', tone: 'warn' })
})

it("the server's own view of a kiosk's printer stays true while the kiosk's screen is silent", () => {
  const kiosk = { ...display(SCREEN_SILENT_MS + 60_000, { printer: { paperOut: true } }), kind: 'kiosk' as const }
  expect(deviceVerdict(kiosk, now).key).toBe('health.paperOut')
})

it('a board or keypad never pairs: its serial line decides, open or lost, and with no report yet it is not wired', () => {
  // what GET /stats/devices says of them: paired false for ever (walk s46, finding 2: "not paired" hid a lost line)
  const wired = (kind: 'board' | 'keypad', open: boolean | null): DeviceHealth => ({
    ...display(0, open === null ? null : { serial: { port: '/dev/ttyUSB0', open, badFrames: 0, at: '2026-12-05T09:59:00Z' } }),
    kind,
    paired: false,
    lastSeenAt: null,
    faulty: open === false,
  })
  expect(deviceVerdict(wired('board', false), now)).toEqual({ key: 'health.offline', tone: 'bad' })
  expect(deviceVerdict(wired('keypad', false), now)).toEqual({ key: 'health.offline', tone: 'bad' })
  expect(deviceVerdict(wired('board', true), now)).toEqual({ key: 'health.ok', tone: 'ok' })
  expect(deviceVerdict(wired('keypad', null), now)).toEqual({ key: 'health.notWired', tone: 'warn' })
  expect(reportedAt(wired('board', true).status)).toBe('2026-12-05T09:59:00Z')
  expect(reportedAt(null)).toBeNull()
  // a screen still has to pair
  expect(deviceVerdict({ ...display(0, null), paired: false, lastSeenAt: null }, now).key).toBe('health.unpaired')
})

it('a printer was last heard when it last answered (kept fresh without a push), not when its report last changed', () => {
  const printer = (report: Record<string, unknown>): DeviceHealth => ({
    ...display(0, { printer: { reachable: true, at: '2026-12-05T08:02:00Z', ...report } }),
    kind: 'printer',
    paired: false,
    lastSeenAt: null,
  })
  expect(lastHeard(printer({ heardAt: '2026-12-05T09:59:55Z' }))).toBe('2026-12-05T09:59:55Z')
  // silent since the server started: not "8:02 AM", when its report was made
  expect(lastHeard(printer({ reachable: false }))).toBe('health.notHeard')
  // since when: the server's start or the printer's addition, whichever came later (walk s52); an older report has none
  expect(watchedSince(printer({ reachable: false, watchedSince: '2026-12-05T09:29:00Z' }))).toBe('2026-12-05T09:29:00Z')
  expect(watchedSince(printer({ reachable: false }))).toBeNull()
  // a screen: when it last called
  expect(lastHeard(display(60_000, null))).toBe(new Date(now - 60_000).toISOString())
  expect(lastHeard({ ...display(0, null), lastSeenAt: null })).toBe('health.never')
  // healthy flags, but its last ticket did not print: a printer fault, until a ticket prints
  const failed = printer({ lastJob: { ticketId: 't1', label: 'A-004', outcome: 'failed', at: '2026-12-05T09:58:00Z' } })
  expect(deviceVerdict(failed, now)).toEqual({ key: 'health.printerFault', tone: 'bad' })
  expect(deviceVerdict(printer({ lastJob: { ticketId: 't2', outcome: 'printed' } }), now).key).toBe('health.ok')
})

it('a stand-alone printer with no report yet is not "OK": nothing is known of it until the server hears from it', () => {
  const printer = { ...display(0, null), kind: 'printer', paired: false, lastSeenAt: null }
  expect(deviceVerdict(printer, now)).toEqual({ key: 'health.noReport', tone: 'warn' })
  expect(deviceVerdict({ ...printer, revoked: true }, now).key).toBe('health.revoked')
  expect(deviceVerdict({ ...printer, status: { printer: { reachable: true, online: true } } }, now).key).toBe('health.ok')
})
