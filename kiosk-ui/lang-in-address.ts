/**
 * The language a citizen picked on a phone page, kept in the page's own address: a reload, or a
 * phone that discarded the tab and opens it again, came back in Arabic after "English" was tapped
 * (walk s55). The status and booking pages carry it as `?lang=`, as their links already do; the
 * join page has a path per language (`/join/ar/`, `/join/en/`).
 */
import type { Lang } from '../ui-common/i18n.ts'

/** `href` with `?lang=` set to `lang` (other parameters and the fragment kept). */
export function withLangQuery(href: string, lang: Lang): string {
  const url = new URL(href)
  url.searchParams.set('lang', lang)
  return url.href
}

/** `href` of a join page (`…/join/ar/`, `…/join/en/`) in `lang`; any other address unchanged. */
export function withJoinLang(href: string, lang: Lang): string {
  const url = new URL(href)
  url.pathname = url.pathname.replace(/\/join\/(ar|en)(\/?)$/, `/join/${lang}$2`)
  return url.href
}

/** Replaces the current history entry's address by `href` when it differs (no reload, no new entry). */
export function keepAddress(href: string): void {
  if (href !== location.href) history.replaceState(history.state, '', href)
}
