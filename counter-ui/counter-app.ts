/**
 * `<tabour-counter-app>`: the clerk's counter console (login, call next, finish come later).
 * For now a placeholder: product and screen name, a "coming soon" line and the language switch.
 */
import { customElement } from 'lit/decorators.js'
import { PlaceholderPage } from '../ui-common/placeholder-page.ts'

@customElement('tabour-counter-app')
export class CounterApp extends PlaceholderPage {
  protected readonly titleKey = 'app.counter' as const
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-counter-app': CounterApp
  }
}
