import { withScreenMount } from '../ui-common/screen-base.ts'

/**
 * A Tabour screen for someone else's page: `<tabour-kiosk base="/queue">` holds the kiosk app
 * (the element the center's own /kiosk/ page shows) talking to the center mounted at /queue.
 * The app is created at the first connection, with the `base` attribute as it is then (no
 * attribute: the center at the root of this origin), so the attribute can be set by markup or
 * by script before the element is added. Pairing, language and the live feed are the app's own.
 * The app shows its language (`lang`, `dir`) on this element, not on the page's `<html>`, so
 * two screens on one page each keep their direction and the host's page keeps its language;
 * the `page-lang` attribute (read at the same moment) asks it to set `<html lang dir>` as well,
 * for a page that is this screen alone. Its start language is `lang` on this element, else the page's.
 */
export abstract class TabourScreenElement extends HTMLElement {
  /** The app element's tag (`tabour-kiosk-app`…), defined by the module that imports it. */
  protected abstract readonly appTag: string
  private app: HTMLElement | null = null

  /** The center's prefix on this origin ('/queue'); '' is the root. */
  get base(): string {
    return this.getAttribute('base') ?? ''
  }

  set base(value: string) {
    this.setAttribute('base', value)
  }

  /** The screen app inside, once connected. */
  get screen(): HTMLElement | null {
    return this.app
  }

  /** Whether the screen also sets the page's `<html lang dir>` (the `page-lang` attribute); default false. */
  get pageLang(): boolean {
    return this.hasAttribute('page-lang')
  }

  set pageLang(value: boolean) {
    this.toggleAttribute('page-lang', value)
  }

  connectedCallback(): void {
    if (this.app) return
    const mount = { base: this.base, element: this, pageLang: this.pageLang }
    const app = withScreenMount(mount, () => document.createElement(this.appTag))
    this.app = app
    this.append(app)
  }
}
