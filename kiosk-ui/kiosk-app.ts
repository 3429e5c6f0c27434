/**
 * `<tabour-kiosk-app>`: the touchscreen ticket kiosk (service picker and ticket issue come later).
 * For now a placeholder: product and screen name, a "coming soon" line and the language switch.
 */
import { customElement } from 'lit/decorators.js'
import { PlaceholderPage } from '../ui-common/placeholder-page.ts'

@customElement('tabour-kiosk-app')
export class KioskApp extends PlaceholderPage {
  protected readonly titleKey = 'app.kiosk' as const
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-kiosk-app': KioskApp
  }
}
