/**
 * `<tabour-dashboard-app>`: the manager dashboard (live figures, reports and settings come later).
 * For now a placeholder: product and screen name, a "coming soon" line and the language switch.
 */
import { customElement } from 'lit/decorators.js'
import { PlaceholderPage } from '../ui-common/placeholder-page.ts'

@customElement('tabour-dashboard-app')
export class DashboardApp extends PlaceholderPage {
  protected readonly titleKey = 'app.dashboard' as const
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-dashboard-app': DashboardApp
  }
}
