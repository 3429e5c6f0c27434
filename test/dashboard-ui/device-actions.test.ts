import { describe, expect, it } from 'vitest'
import { deviceActions, revokesUntil } from '../../dashboard-ui/config/device-actions.ts'
import type { DeviceKind } from '../../protocol/common.ts'

/**
 * The devices table's buttons (walk s48): a stand-alone printer was offered "New code" though it
 * never pairs, and a revoked one "Pair again"; the server now refuses both, so the table must not offer them.
 */
describe("a device row's buttons", () => {
  it('a kiosk, display or feedback tablet pairs: New code, and Pair again once revoked', () => {
    for (const kind of ['kiosk', 'display', 'feedback'] as DeviceKind[]) {
      expect(deviceActions({ kind, revoked: false })).toEqual(['edit', 'new-code', 'revoke'])
      expect(deviceActions({ kind, revoked: true })).toEqual(['pair-again'])
      expect(revokesUntil({ kind })).toBe('paired-again')
    }
  })

  it('a printer, board or keypad never pairs: no code, and Reactivate once revoked', () => {
    for (const kind of ['printer', 'board', 'keypad'] as DeviceKind[]) {
      expect(deviceActions({ kind, revoked: false })).toEqual(['edit', 'revoke'])
      expect(deviceActions({ kind, revoked: true })).toEqual(['reinstate'])
      expect(revokesUntil({ kind })).toBe('reactivated')
    }
  })
})
