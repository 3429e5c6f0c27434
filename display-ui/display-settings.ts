/**
 * The display's settings from its device config (GET /devices/me → config; the schema is
 * DisplayConfig in protocol/device-config.ts), every key optional, with the defaults applied
 * (digits: the center's from GET /center, config screens.digits or the admin's setting; a
 * `digits` key in the display's own config is ignored, the center has one setting).
 * A value of the wrong type falls back to its default instead of breaking the screen.
 */
import { digitStyleOf, type DigitStyle } from '../ui-common/digits.ts'
import type { CenterInfo } from '../protocol/center.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { AnnouncementForm } from './announcer/contract.ts'
import { MAX_LISTED_CALLS } from '../protocol/listed-calls.ts'

/** The display's behaviour, every field resolved. */
export interface DisplaySettings {
  /** Digits on the Arabic lines; default the center's, else 'western'. */
  digits: DigitStyle
  /** Earlier calls listed under the newest one; default 6. */
  recentCalls: number
  /** Show how many wait for each service; default true. */
  showWaiting: boolean
  /** Languages a call is spoken in, in order; default ['ar'] (Arabic only whenever calls queue up). */
  announceLanguages: readonly Lang[]
  /** A chime before each announcement; default false (never when calls queue up). */
  chime: boolean
  /** The wording: 'short' «A خمسة عشر، شباك ثلاثة» or 'long' «العميل رقم…، الشباك رقم…»; default 'short'. */
  announcement: AnnouncementForm
  /** The Hijri (Umm al-Qura) date under the Gregorian one; default true. */
  hijriDate: boolean
  /** Show the media folder's images and videos; default false. */
  media: boolean
  /** Seconds per image; default 10. */
  mediaSeconds: number
  /** Seconds a new call flashes; default 6. */
  flashSeconds: number
}

export const DEFAULT_DISPLAY_SETTINGS: DisplaySettings = {
  digits: 'western',
  recentCalls: 6,
  showWaiting: true,
  announceLanguages: ['ar'],
  chime: false,
  announcement: 'short',
  hijriDate: true,
  media: false,
  mediaSeconds: 10,
  flashSeconds: 6,
}

const intIn = (value: unknown, min: number, max: number, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback
const bool = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback)

/** Settings from a device config and the center's defaults (null or missing: the built-in defaults). */
export function displaySettings(
  config: Record<string, unknown> | null | undefined,
  center?: Pick<CenterInfo, 'digits'> | null,
): DisplaySettings {
  const c = config ?? {}
  const d = DEFAULT_DISPLAY_SETTINGS
  const langs = Array.isArray(c.announceLanguages) ? c.announceLanguages.filter((l): l is Lang => l === 'ar' || l === 'en') : null
  return {
    digits: digitStyleOf(center?.digits) ?? d.digits,
    recentCalls: intIn(c.recentCalls, 0, MAX_LISTED_CALLS, d.recentCalls),
    showWaiting: bool(c.showWaiting, d.showWaiting),
    announceLanguages: langs ? [...new Set(langs)] : d.announceLanguages,
    chime: bool(c.chime, d.chime),
    announcement: c.announcement === 'long' || c.announcement === 'short' ? c.announcement : d.announcement,
    hijriDate: bool(c.hijriDate, d.hijriDate),
    media: bool(c.media, d.media),
    mediaSeconds: intIn(c.mediaSeconds, 3, 600, d.mediaSeconds),
    flashSeconds: intIn(c.flashSeconds, 0, 60, d.flashSeconds),
  }
}
