/**
 * A tiny typed i18n for the UIs: Arabic first, English second.
 * Pure apart from `applyLang` and `initialLang`, which touch the document only when asked.
 */

/** The languages every UI speaks. */
export type Lang = 'ar' | 'en'

/** Text direction of a language. */
export type Dir = 'rtl' | 'ltr'

/** All supported languages, Arabic first. */
export const LANGS: readonly Lang[] = ['ar', 'en']

/** Language a UI starts in (and a kiosk returns to): Arabic. */
export const DEFAULT_LANG: Lang = 'ar'

/** One string in every language; a missing language is a compile error. */
export type Translation = Readonly<Record<Lang, string>>

/** Shape every strings table must satisfy. */
export type StringTable = Readonly<Record<string, Translation>>

/** Each language's name written in that language, for the language switch. */
export const LANG_NATIVE_NAMES: Readonly<Record<Lang, string>> = {
  ar: 'العربية',
  en: 'English',
}

/** The UI strings. `satisfies` keeps the literal keys and rejects an entry without `ar` or `en`. */
export const STRINGS = {
  'product.name': { ar: 'طابور', en: 'Tabour' },
  'product.tagline': {
    ar: 'نظام إدارة الطوابير لمراكز خدمة المواطنين',
    en: 'Queue management for citizen-service centers',
  },
  'app.kiosk': { ar: 'جهاز إصدار التذاكر', en: 'Ticket kiosk' },
  'app.display': { ar: 'شاشة الانتظار', en: 'Waiting-room display' },
  'app.counter': { ar: 'شاشة الموظف', en: 'Counter console' },
  'app.dashboard': { ar: 'لوحة المتابعة', en: 'Manager dashboard' },
  'common.comingSoon': {
    ar: 'هذه الشاشة قيد التجهيز وستتوفر قريبًا.',
    en: 'This screen is being prepared and is coming soon.',
  },
  'langSwitch.label': { ar: 'تغيير اللغة', en: 'Change language' },
} as const satisfies StringTable

/** A key of the strings table. */
export type StringKey = keyof typeof STRINGS

/** The string for `key` in `lang`. */
export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang]
}

/** Whether a value (an attribute, a query parameter) names a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === 'ar' || value === 'en'
}

/** 'rtl' for Arabic, 'ltr' for English. */
export function dirOf(lang: Lang): Dir {
  return lang === 'ar' ? 'rtl' : 'ltr'
}

/** The other language of the two; what the language switch offers. */
export function otherLang(lang: Lang): Lang {
  return lang === 'ar' ? 'en' : 'ar'
}

/** Sets `<html lang dir>` so the whole page (and every shadow root) flips direction. */
export function applyLang(lang: Lang, doc: Document = document): void {
  const html = doc.documentElement
  html.lang = lang
  html.dir = dirOf(lang)
}

/**
 * The language a page starts in: `?lang=` in the URL, else `<html lang>`, else Arabic.
 * Not persisted on purpose: each citizen at a kiosk starts in Arabic.
 */
export function initialLang(doc: Document = document): Lang {
  const fromQuery = new URLSearchParams(doc.location?.search ?? '').get('lang')
  if (isLang(fromQuery)) return fromQuery
  const fromHtml = doc.documentElement.lang
  return isLang(fromHtml) ? fromHtml : DEFAULT_LANG
}
