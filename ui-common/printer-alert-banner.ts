/**
 * `<tabour-printer-alert-banner>`: the kiosk printers' alerts on a staff screen (every clerk
 * console, the dashboard's live view), one line each naming the kiosk and the problem in the
 * screen's language; a stopped printer adds that its tickets are on the kiosk screen only, and
 * a recovery shows "works again" for BACK_SHOWN_MS. Renders nothing when all is well.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { stopsPrinting } from '../protocol/printer-problem.ts'
import { printerAlertText } from '../protocol/messages/printer-alerts.ts'
import { alertListStyles } from './alert-list-styles.ts'
import { isolate } from './bilingual.ts'
import { DEFAULT_LANG, type Lang } from './i18n.ts'
import { BACK_SHOWN_MS, type PrinterAlert } from './printer-alerts.ts'

@customElement('tabour-printer-alert-banner')
export class PrinterAlertBanner extends LitElement {
  static override styles = [
    // no theme tokens of its own: it takes the screen's font and colours (the console's and the dashboard's differ)
    alertListStyles,
    css`
      :host {
        display: block;
        font-family: inherit;
      }
      .hint {
        display: block;
        font-weight: 400;
      }
    `,
  ]

  /** The alerts (PrinterAlerts.current()); default none. */
  @property({ attribute: false }) alerts: readonly PrinterAlert[] = []
  /** Default 'ar'. */
  @property() override lang: Lang = DEFAULT_LANG
  private expiry: ReturnType<typeof setTimeout> | undefined

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.expiry)
  }

  override render(): TemplateResult | typeof nothing {
    const now = Date.now()
    const shown = this.alerts.filter((a) => a.problem !== null || now - a.since < BACK_SHOWN_MS)
    this.expireLater(shown, now)
    if (shown.length === 0) return nothing
    const lang = this.lang
    return html`<div role="alert" aria-label=${printerAlertText('printerAlert.region', lang)}><ul>
      ${shown.map((a) => {
        const tone = a.problem === null ? 'ok' : stopsPrinting(a.problem) ? 'bad' : 'warn'
        const key = a.problem === null ? 'printerAlert.back' : (`printerAlert.${a.problem}` as const)
        return html`<li data-printer-alert=${a.deviceId} data-problem=${a.problem ?? 'back'} data-tone=${tone}>
          ${printerAlertText(key, lang, { kiosk: isolate(a.kiosk) })}
          ${tone === 'bad' ? html`<span class="hint">${printerAlertText('printerAlert.stopped', lang)}</span>` : nothing}
        </li>`
      })}
    </ul></div>`
  }

  /** A "works again" line goes by itself, even if nothing else re-renders the screen. */
  private expireLater(shown: readonly PrinterAlert[], now: number): void {
    clearTimeout(this.expiry)
    const backs = shown.filter((a) => a.problem === null).map((a) => a.since + BACK_SHOWN_MS - now)
    if (backs.length) this.expiry = setTimeout(() => this.requestUpdate(), Math.max(0, Math.min(...backs)) + 50)
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-printer-alert-banner': PrinterAlertBanner
  }
}
