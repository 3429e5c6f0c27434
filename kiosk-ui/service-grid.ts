/**
 * `<tabour-service-grid>`: the active services as large buttons with both names, how many people
 * are ahead of a ticket taken now (what that ticket prints) and the expected wait. A service not available for
 * now (at its daily cap, outside its hours, no counter serving) stays in its place, greyed out, not tappable and
 * saying why, so the screen does not reshuffle; a deactivated one leaves the menu (kiosk-session.ts), as it is in
 * no kiosk's list after a reload (decision 0008).
 * Two columns on a portrait screen, three on a landscape one, one on a narrow one. The markup
 * and styles are service-grid-view.ts's, which the center also renders into the kiosk's page.
 */
import { LitElement, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { serviceGridStyles, serviceGridTemplate } from './service-grid-view.ts'

export { serviceName } from './service-grid-view.ts'

/** Payload of `service-select`. */
export interface ServiceSelectDetail {
  serviceId: number
}

@customElement('tabour-service-grid')
export class ServiceGrid extends LitElement {
  static override styles = serviceGridStyles

  /** The services in display order; default none. */
  @property({ attribute: false }) services: ServiceWithQueue[] = []
  /** Current language; default 'ar'. */
  @property({ reflect: true }) override lang: Lang = DEFAULT_LANG
  /** Digits for figures; default 'western'. */
  @property() digits: DigitStyle = 'western'
  /** The center's IANA zone, for opening times in words; default the browser's. */
  @property() timeZone: string | undefined
  /** The service whose ticket is being issued: every button is disabled meanwhile. Default null. */
  @property({ attribute: false }) busyServiceId: number | null = null

  override render(): TemplateResult {
    return serviceGridTemplate(this, (s) => this.select(s))
  }

  private select(s: ServiceWithQueue): void {
    if (!s.available || this.busyServiceId !== null) return
    this.dispatchEvent(
      new CustomEvent<ServiceSelectDetail>('service-select', { detail: { serviceId: s.id }, bubbles: true, composed: true }),
    )
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-service-grid': ServiceGrid
  }
  interface HTMLElementEventMap {
    'service-select': CustomEvent<ServiceSelectDetail>
  }
}
