import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import { BoardConfig, DisplayConfig, FeedbackConfig, KeypadConfig, KioskConfig } from '../../protocol/device-config.ts'
import type { DeviceKind } from '../../protocol/common.ts'
import { PrinterDeviceConfig } from '../../protocol/ticket-tools.ts'
import { ErrorCodes, fieldError } from '../errors.ts'
import { detailOfTypeBox } from '../validation-detail.ts'
import { checkDevicePath, checkPrinterInterface, type DevicePathRules } from './device-paths.ts'

/** What the config check may need to know about the center beyond the config itself. */
export interface DeviceConfigContext {
  /** Whether a counter with this id exists (boards and keypads name one). */
  counterExists?: (id: number) => boolean
  /** Where printers and serial lines may be (config devicePaths); default /dev only, private tcp:// hosts only. */
  devicePaths?: DevicePathRules
}

const DEFAULT_PATH_RULES: DevicePathRules = { allowedRoots: ['/dev'], allowPublicPrinterHosts: false }

const firstError = (schema: TSchema, config: unknown) => {
  const first = Value.Errors(schema, config).First()
  if (first) throw fieldError(ErrorCodes.VALIDATION, detailOfTypeBox(first, 'config'), `config${first.path} ${first.message}`)
}

/**
 * Checks a device's `config` against its kind's schema (kiosks, displays, printers, boards, keypads; other kinds
 * keep a free object until their drivers define one). A bad value is a 400 naming the field, so
 * a typo in a printer address is caught when it is typed, not when the first citizen's ticket
 * fails to print. A board or keypad with an empty config is registered but not wired.
 */
export function validateDeviceConfig(kind: DeviceKind, config: Record<string, unknown>, context: DeviceConfigContext = {}): void {
  const pathRules = context.devicePaths ?? DEFAULT_PATH_RULES
  if (kind === 'kiosk') return validateKiosk(config, pathRules)
  if (kind === 'display') return firstError(DisplayConfig, config)
  if (kind === 'printer') return firstError(PrinterDeviceConfig, config)
  if (kind === 'feedback') return validateFeedback(config, context)
  if (kind !== 'board' && kind !== 'keypad') return
  if (Object.keys(config).length === 0) return
  firstError(kind === 'board' ? BoardConfig : KeypadConfig, config)
  checkDevicePath((config as BoardConfig).path, 'config/path', pathRules)
  const counterId = (config as BoardConfig).counterId
  // a 400 naming the field, like any other bad value: the counter must exist before it is wired
  if (context.counterExists && !context.counterExists(counterId)) {
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field: 'config/counterId', reason: 'unknown' },
      `config/counterId ${counterId}: no such counter`,
    )
  }
}

/** A feedback tablet: an empty config is a tablet not bound yet (it shows so); a bound one names an existing counter. */
function validateFeedback(config: Record<string, unknown>, context: DeviceConfigContext): void {
  if (Object.keys(config).length === 0) return
  firstError(FeedbackConfig, config)
  const counterId = (config as FeedbackConfig).counterId
  if (context.counterExists && !context.counterExists(counterId)) {
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field: 'config/counterId', reason: 'unknown' },
      `config/counterId ${counterId}: no such counter`,
    )
  }
}

function validateKiosk(config: Record<string, unknown>, pathRules: DevicePathRules): void {
  firstError(KioskConfig, config)
  const printer = (config as KioskConfig).printer
  if (printer) checkPrinterInterface(printer.interface, 'config/printer/interface', pathRules)
  const pattern = (config as KioskConfig).phonePattern
  if (pattern !== undefined) {
    try {
      new RegExp(pattern)
    } catch {
      throw fieldError(
        ErrorCodes.VALIDATION,
        { field: 'config/phonePattern', reason: 'pattern' },
        'config/phonePattern is not a valid regular expression',
      )
    }
  }
}
