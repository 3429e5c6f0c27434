/**
 * The language of a staff screen (console, dashboard) for this browser session: a reload keeps
 * the clerk's choice, a new session starts in Arabic, and `?lang=` in the URL always wins.
 * Storage failures (a locked-down profile) fall back to Arabic or `?lang=`.
 */
import { initialLang, isLang, type Lang, type LangRoot } from './i18n.ts'

/** The language to start in for the screen whose choice is kept under `key`; `root`: where it shows its language (i18n.ts `initialLang`). */
export function loadSessionLang(key: string, root?: LangRoot): Lang {
  let stored: string | null = null
  try {
    stored = sessionStorage.getItem(key)
  } catch {
    // no storage: Arabic, or ?lang=
  }
  return new URLSearchParams(location.search).has('lang') || !isLang(stored) ? initialLang(root) : stored
}

/** Keeps `lang` for the rest of the browser session (not across a closed browser). */
export function saveSessionLang(key: string, lang: Lang): void {
  try {
    sessionStorage.setItem(key, lang)
  } catch {
    // not kept across a reload
  }
}
