import { Value } from '@sinclair/typebox/value'
import { DisplayConfig, KioskConfig } from '../../protocol/device-config.ts'
import type { DeviceKind } from '../../protocol/common.ts'
import { badRequest, ErrorCodes } from '../errors.ts'

/**
 * Checks a device's `config` against its kind's schema (kiosks and displays so far; other kinds keep a free
 * object until their drivers define one). A bad value is a 400 naming the field, so a typo in a
 * printer address is caught when it is typed, not when the first citizen's ticket fails to print.
 */
export function validateDeviceConfig(kind: DeviceKind, config: Record<string, unknown>): void {
  if (kind !== 'kiosk' && kind !== 'display') return
  const first = Value.Errors(kind === 'kiosk' ? KioskConfig : DisplayConfig, config).First()
  if (first) throw badRequest(ErrorCodes.VALIDATION, `config${first.path} ${first.message}`)
  if (kind !== 'kiosk') return
  const pattern = (config as KioskConfig).phonePattern
  if (pattern !== undefined) {
    try {
      new RegExp(pattern)
    } catch {
      throw badRequest(ErrorCodes.VALIDATION, 'config/phonePattern is not a valid regular expression')
    }
  }
}
