/**
 * What a screen app learns from where it is mounted. A page the center serves (`/queue/kiosk/`)
 * is the screen's own: the center's prefix is in its URL, and the screen shows its language on
 * `<html lang dir>`. A screen embedded in a host's page (`<tabour-kiosk base="/queue">`, ui/) is
 * told the prefix, because the host page's URL says nothing about where the plugin is mounted,
 * and shows its language on its embedding element, because the page is not its own (docs/packages.md).
 * The app elements build their sessions while they are constructed, before any attribute can be
 * read, so the embedding element hands its mount over for the duration of that one construction.
 */
import { basePathBefore, normalizeBase } from './base-path.ts'
import type { LangRoot } from './i18n.ts'

/** What an embedding element (ui/screen-element.ts) tells the screen app it constructs. */
export interface ScreenMount {
  /** The center's prefix on this origin, as the host wrote it ('/queue', 'queue/', '' for the root). */
  base: string
  /** The embedding element: the screen's lang and dir go on it, so the host's page keeps its own. */
  element: Element
  /** Set the page's `<html lang dir>` too (the element's `page-lang` attribute: a page that is this screen alone). */
  pageLang: boolean
}

let handedOver: ScreenMount | null = null

/** Runs `create` (which constructs a screen app) with `mount` as the screen's mount. */
export function withScreenMount<T>(mount: ScreenMount, create: () => T): T {
  handedOver = { ...mount, base: normalizeBase(mount.base) }
  try {
    return create()
  } finally {
    handedOver = null
  }
}

/** The center prefix of a screen app being constructed: handed over by its embedding element, else from the page's URL. */
export function screenBase(segment: string): string {
  return handedOver ? handedOver.base : basePathBefore(location.pathname, segment)
}

/**
 * Where the screen app being constructed shows its language (i18n.ts `applyLang`): the page's
 * `<html>` when the page is its own; its embedding element when embedded, and `<html>` as well
 * when the element asks with `page-lang`. The first root is the one the screen reads its start language from.
 */
export function screenLangRoots(): LangRoot[] {
  if (!handedOver) return [document]
  return handedOver.pageLang ? [handedOver.element, document] : [handedOver.element]
}
