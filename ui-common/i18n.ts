/**
 * The page's language: Arabic first, English second. The words themselves are in the message
 * catalogue (protocol/messages/). Pure apart from `applyLang` and `initialLang`, which touch the
 * document (or an embedded screen's element) only when asked.
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

/**
 * Where a screen shows its language: the document (its `<html>`: the whole page, every shadow
 * root, screen readers and the browser's own UI follow it), or one element and what it holds
 * (a screen embedded in a host's page: ui-common/screen-base.ts).
 */
export type LangRoot = Document | Element

/** The element that carries `lang` and `dir` for `root`. */
function langElement(root: LangRoot): Element {
  return 'documentElement' in root ? root.documentElement : root
}

/** Sets `lang` and `dir` on each root (default: the page's `<html>`), so what it holds flips direction. */
export function applyLang(lang: Lang, roots: LangRoot | readonly LangRoot[] = document): void {
  for (const root of Array.isArray(roots) ? roots : [roots as LangRoot]) {
    const element = langElement(root)
    element.setAttribute('lang', lang)
    element.setAttribute('dir', dirOf(lang))
  }
}

/**
 * The language a page starts in: `?lang=` in the URL, else the language `root` is in (the
 * nearest `lang` attribute: `<html lang>`, or an embedding element's own or its page's), else Arabic.
 * Not persisted on purpose: each citizen at a kiosk starts in Arabic.
 */
export function initialLang(root: LangRoot = document): Lang {
  const doc = 'documentElement' in root ? root : root.ownerDocument
  const fromQuery = new URLSearchParams(doc.location?.search ?? '').get('lang')
  if (isLang(fromQuery)) return fromQuery
  const fromMarkup = langElement(root).closest('[lang]')?.getAttribute('lang')
  return isLang(fromMarkup) ? fromMarkup : DEFAULT_LANG
}
