/**
 * The kiosk's settings from its device config (GET /devices/me → config), each key optional,
 * with the defaults applied: the center's (GET /center: config screens.* or the admin's
 * setting) for digits and language, the kiosk's own otherwise. A `digits` key in the kiosk's
 * own config is ignored: the center has one digits setting (protocol/messages/digits.ts).
 * A value of the wrong type falls back to the default instead of
 * breaking the kiosk (the server validates configs, but an older server may not have).
 */
import { digitStyleOf, type DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { CenterInfo } from '../protocol/center.ts'

/** Egyptian mobile numbers: 010, 011, 012 or 015 and eight more digits. */
export const DEFAULT_PHONE_PATTERN = '^01[0125][0-9]{8}$'

/** The kiosk's behaviour, every field resolved. */
export interface KioskSettings {
  /** The kiosk's config asks for a priority category; default false. Asked only when the center's policy honours it (policyHonoursPriority). */
  askPriority: boolean
  /** Offer an optional phone number on a keypad; default false. */
  askPhone: boolean
  /** What a valid phone number looks like; default DEFAULT_PHONE_PATTERN. */
  phonePattern: RegExp
  /** The center's digits, for Arabic text only (`digitsFor`); default 'western'. */
  digits: DigitStyle
  /** The language the kiosk starts in and returns to when idle; the center's, default 'ar'. */
  startLang: Lang
  /** Seconds without a touch before the kiosk returns home (and to Arabic); default 30. */
  idleSeconds: number
  /** The services this kiosk offers (its config's `serviceIds`); undefined: all. */
  serviceIds?: readonly number[]
}

export const DEFAULT_SETTINGS: KioskSettings = {
  askPriority: false,
  askPhone: false,
  phonePattern: new RegExp(DEFAULT_PHONE_PATTERN),
  digits: 'western',
  startLang: 'ar',
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

/** Settings from a device config and the center's defaults (null or missing: the built-in defaults). */
export function kioskSettings(
  config: Record<string, unknown> | null | undefined,
  center?: Pick<CenterInfo, 'digits' | 'language'> | null,
): KioskSettings {
  const c = config ?? {}
  const idle = c.idleSeconds
  return {
    askPriority: c.askPriority === true,
    askPhone: c.askPhone === true,
    phonePattern: patternOf(c.phonePattern),
    digits: digitStyleOf(center?.digits) ?? DEFAULT_SETTINGS.digits,
    startLang: center?.language === 'en' ? 'en' : DEFAULT_SETTINGS.startLang,
    idleSeconds: typeof idle === 'number' && Number.isFinite(idle) && idle >= 5 ? Math.min(idle, 600) : DEFAULT_SETTINGS.idleSeconds,
    ...(Array.isArray(c.serviceIds) ? { serviceIds: c.serviceIds.filter((id): id is number => typeof id === 'number') } : {}),
  }
}
