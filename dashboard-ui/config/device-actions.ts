/**
 * The buttons a device's row in the devices table offers. A kiosk, display or feedback tablet
 * pairs with a code: "New code", and after a revocation "Pair again". A printer, LED board or
 * keypad never pairs (the server opens it itself; protocol/device-verdict.ts PAIRING_KINDS): a
 * code for one paired nothing (the server refuses it now), so it gets none, and a revoked one
 * is reactivated instead.
 */
import type { Device } from '../../protocol/entities.ts'
import { PAIRING_KINDS } from '../../protocol/device-verdict.ts'

export type DeviceAction = 'edit' | 'new-code' | 'revoke' | 'pair-again' | 'reinstate'

export function deviceActions(d: Pick<Device, 'kind' | 'revoked'>): DeviceAction[] {
  const pairs = PAIRING_KINDS.has(d.kind)
  if (d.revoked) return [pairs ? 'pair-again' : 'reinstate']
  return pairs ? ['edit', 'new-code', 'revoke'] : ['edit', 'revoke']
}

/** Whether revoking the device stops it until it pairs again (a code) or until it is reactivated here. */
export function revokesUntil(d: Pick<Device, 'kind'>): 'paired-again' | 'reactivated' {
  return PAIRING_KINDS.has(d.kind) ? 'paired-again' : 'reactivated'
}
