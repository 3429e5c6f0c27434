/**
 * `<tabour-webhook-alerts>`: on the live view, one line per integrator endpoint that is paused
 * for failing or failing now (like a faulty device), with what is kept. Asks the center every
 * REFRESH_MS; renders nothing when all is well or the viewer may not ask.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import type { Lang } from '../ui-common/i18n.ts'
import { intlLocale } from '../ui-common/digits.ts'
import type { WebhookAlert } from '../protocol/webhooks.ts'
import { webhooksText } from '../protocol/messages/webhooks.ts'
import { alertListStyles } from '../ui-common/alert-list-styles.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { webhooksApi } from './config/webhooks-api.ts'

const REFRESH_MS = 30_000

@customElement('tabour-webhook-alerts')
export class WebhookAlerts extends LitElement {
  static override styles = [
    alertListStyles,
    css`
      :host {
        display: block;
      }
      ul {
        margin-block-end: 0.5rem;
      }
      bdi {
        direction: ltr;
      }
    `,
  ]

  /** Default none: nothing is asked. */
  @property({ attribute: false }) api: DashboardApi | null = null
  @property() override lang: Lang = 'ar'
  /** The center's zone, for "since"; default Africa/Cairo. */
  @property() timeZone = 'Africa/Cairo'
  /** The center's digit style (settings), for "since"; default western, like the rest of the dashboard. */
  @property() digits: 'western' | 'arabic-indic' = 'western'
  @state() private alerts: WebhookAlert[] = []
  private timer: ReturnType<typeof setInterval> | undefined

  override connectedCallback(): void {
    super.connectedCallback()
    void this.refresh()
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS)
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearInterval(this.timer)
  }

  private async refresh(): Promise<void> {
    if (!this.api) return
    try {
      this.alerts = await webhooksApi(this.api).alerts()
    } catch {
      // a viewer who may not see them, or the center out of reach: the rest of the view says so
      this.alerts = []
    }
  }

  override render(): TemplateResult | typeof nothing {
    if (this.alerts.length === 0) return nothing
    const lang = this.lang
    const since = (iso: string | null) =>
      iso === null
        ? ''
        : new Intl.DateTimeFormat(intlLocale(lang, this.digits), {
            timeStyle: 'short',
            dateStyle: 'short',
            timeZone: this.timeZone,
          }).format(new Date(iso))
    return html`<div role="alert" aria-label=${webhooksText('webhooks.alert.region', lang)}><ul>
      ${this.alerts.map((a) =>
        a.pausedAt !== null
          ? html`<li data-webhook-alert=${a.id} data-tone="bad">${webhooksText('webhooks.alert.paused', lang, { host: a.host, pending: a.pending })}</li>`
          : html`<li data-webhook-alert=${a.id} data-tone="warn">${webhooksText('webhooks.alert.failing', lang, { host: a.host, since: since(a.failingSince) })}</li>`,
      )}
    </ul></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-webhook-alerts': WebhookAlerts
  }
}
