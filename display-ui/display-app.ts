/**
 * `<tabour-display-app>`: the waiting-room display (now-serving board and announcements come later).
 * For now a placeholder: product and screen name, a "coming soon" line and the language switch.
 */
import { customElement } from 'lit/decorators.js'
import { PlaceholderPage } from '../ui-common/placeholder-page.ts'

@customElement('tabour-display-app')
export class DisplayApp extends PlaceholderPage {
  protected readonly titleKey = 'app.display' as const
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-display-app': DisplayApp
  }
}
