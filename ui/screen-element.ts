import { withScreenBase } from '../ui-common/screen-base.ts'

/**
 * A Tabour screen for someone else's page: `<tabour-kiosk base="/queue">` holds the kiosk app
 * (the element the center's own /kiosk/ page shows) talking to the center mounted at /queue.
 * The app is created at the first connection, with the `base` attribute as it is then (no
 * attribute: the center at the root of this origin), so the attribute can be set by markup or
 * by script before the element is added. Pairing, language and the live feed are the app's own.
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

  connectedCallback(): void {
    if (this.app) return
    const app = withScreenBase(this.base, () => document.createElement(this.appTag))
    this.app = app
    this.append(app)
  }
}
