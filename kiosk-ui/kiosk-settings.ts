/**
 * The kiosk's settings from its device config (GET /devices/me → config), each key optional,
 * with the defaults applied. A value of the wrong type falls back to the default instead of
 * breaking the kiosk (the server validates configs, but an older server may not have).
 */
import type { DigitStyle } from '../ui-common/digits.ts'

/** Egyptian mobile numbers: 010, 011, 012 or 015 and eight more digits. */
export const DEFAULT_PHONE_PATTERN = '^01[0125][0-9]{8}$'

/** The kiosk's behaviour, every field resolved. */
export interface KioskSettings {
  /** Ask for a priority category before issuing; default false. */
  askPriority: boolean
  /** Offer an optional phone number on a keypad; default false. */
  askPhone: boolean
  /** What a valid phone number looks like; default DEFAULT_PHONE_PATTERN. */
  phonePattern: RegExp
  /** Digits on the Arabic screen; default 'western'. */
  digits: DigitStyle
  /** Seconds without a touch before the kiosk returns home (and to Arabic); default 30. */
  idleSeconds: number
}

export const DEFAULT_SETTINGS: KioskSettings = {
  askPriority: false,
  askPhone: false,
  phonePattern: new RegExp(DEFAULT_PHONE_PATTERN),
  digits: 'western',
  idleSeconds: 30,
}

function patternOf(value: unknown): RegExp {
  if (typeof value !== 'string' || value === '') return DEFAULT_SETTINGS.phonePattern
  try {
    return new RegExp(value)
  } catch {
    return DEFAULT_SETTINGS.phonePattern
  }
}

/** Settings from a device config (null or missing: all defaults). */
export function kioskSettings(config: Record<string, unknown> | null | undefined): KioskSettings {
  const c = config ?? {}
  const idle = c.idleSeconds
  return {
    askPriority: c.askPriority === true,
    askPhone: c.askPhone === true,
    phonePattern: patternOf(c.phonePattern),
    digits: c.digits === 'arabic-indic' ? 'arabic-indic' : 'western',
    idleSeconds: typeof idle === 'number' && Number.isFinite(idle) && idle >= 5 ? Math.min(idle, 600) : DEFAULT_SETTINGS.idleSeconds,
  }
}
