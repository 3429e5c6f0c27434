import { expect, it } from 'vitest'
import { deviceVerdict, SCREEN_SILENT_MS } from '../../protocol/device-verdict.ts'
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
