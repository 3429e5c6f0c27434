/**
 * @tabour/ui: the center's screens as custom elements for any page (docs/packages.md).
 * Importing this module defines `<tabour-kiosk>`, `<tabour-display>`, `<tabour-console>` and
 * `<tabour-dashboard>` (and the apps inside them); the fonts are `@tabour/ui/fonts.css` (a stylesheet the build makes from ui-common/fonts.ts).
 */
import '../kiosk-ui/kiosk-app.ts'
import '../display-ui/display-app.ts'
import '../counter-ui/counter-app.ts'
import '../dashboard-ui/dashboard-app.ts'
import { TabourScreenElement } from './screen-element.ts'

export { TabourScreenElement } from './screen-element.ts'
// from base-path.ts, whose declarations import no library: a TypeScript host needs nothing but @tabour/ui
export { normalizeBase } from '../ui-common/base-path.ts'

/** The citizens' ticket kiosk (paired as a kiosk device). */
export class TabourKiosk extends TabourScreenElement {
  protected readonly appTag = 'tabour-kiosk-app'
}

/** The waiting room's display board (paired as a display device). */
export class TabourDisplay extends TabourScreenElement {
  protected readonly appTag = 'tabour-display-app'
}

/** The clerk's console at a counter (a staff login). */
export class TabourConsole extends TabourScreenElement {
  protected readonly appTag = 'tabour-counter-app'
}

/** The manager's dashboard (a staff login). */
export class TabourDashboard extends TabourScreenElement {
  protected readonly appTag = 'tabour-dashboard-app'
}

/** The tag names this module defines, each with its class. */
export const TABOUR_ELEMENTS = {
  'tabour-kiosk': TabourKiosk,
  'tabour-display': TabourDisplay,
  'tabour-console': TabourConsole,
  'tabour-dashboard': TabourDashboard,
} as const

// a page that loads the bundle twice (two versions, or a bundler and a script tag) keeps the first
for (const [tag, element] of Object.entries(TABOUR_ELEMENTS)) {
  if (!customElements.get(tag)) customElements.define(tag, element)
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-kiosk': TabourKiosk
    'tabour-display': TabourDisplay
    'tabour-console': TabourConsole
    'tabour-dashboard': TabourDashboard
  }
}
