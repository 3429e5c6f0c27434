/**
 * The page's language: Arabic first, English second. The words themselves are in the message
 * catalogue (protocol/messages/). Pure apart from `applyLang` and `initialLang`, which touch the
 * document only when asked.
 */
import type { Lang } from '../protocol/messages/format.ts'

/** The languages every UI speaks. */
export type { Lang }

/** Text direction of a language. */
export type Dir = 'rtl' | 'ltr'

/** All supported languages, Arabic first. */
export const LANGS: readonly Lang[] = ['ar', 'en']

/** Language a UI starts in (and a kiosk returns to): Arabic. */
export const DEFAULT_LANG: Lang = 'ar'

/** Each language's name written in that language, for the language switch. */
export const LANG_NATIVE_NAMES: Readonly<Record<Lang, string>> = {
  ar: 'العربية',
  en: 'English',
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
