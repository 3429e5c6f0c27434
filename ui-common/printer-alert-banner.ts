/**
 * `<tabour-printer-alert-banner>`: the kiosk printers' alerts on a staff screen (every clerk
 * console, the dashboard's live view), one line each naming the kiosk and the problem in the
 * screen's language; a stopped printer adds that its tickets are on the kiosk screen only, and
 * a recovery shows "works again" for BACK_SHOWN_MS. A printer whose last ticket job failed adds
 * a line naming the ticket, when and why, until a later job on it prints. A name typed in both
 * languages is named in the screen's, as the device card names it (it read «Reception printer ·
 * طابعة الاستقبال» whole beside the card's one name: walk s51). Renders nothing when
 * all is well.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import { stopsPrinting } from '../protocol/printer-problem.ts'
import { printerAlertText } from '../protocol/messages/printer-alerts.ts'
import { printProblemKey } from '../protocol/messages/print-problem.ts'
import { clockTimeOrDay } from '../protocol/messages/clock-time.ts'
import type { DigitStyle } from '../protocol/messages/digits.ts'
import { alertListStyles } from './alert-list-styles.ts'
import { isolate, isolatedPart } from './bilingual.ts'
import { DEFAULT_LANG, type Lang } from './i18n.ts'
import { BACK_SHOWN_MS, type FailedJobAlert, type PrinterAlert } from './printer-alerts.ts'

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
  /** Printers whose last ticket job failed (PrinterAlerts.failedJobs()); default none. */
  @property({ attribute: false }) failedJobs: readonly FailedJobAlert[] = []
  /** Default 'ar'. */
  @property() override lang: Lang = DEFAULT_LANG
  /** The center's zone and digits, for a failed job's time. */
  @property() timeZone = 'Africa/Cairo'
  @property() digits: DigitStyle = 'western'
  /**
   * The center's time now, from the host's session clock (the dashboard's DashboardApi.now(), the
   * console's session clock): a failed job's time says its day unless it is the center's today.
   * This PC's clock, hours off, named yesterday's failure as today's near midnight (and today's as
   * yesterday's). A host re-renders with it on its tick, so a line turns "yesterday" at midnight.
   */
  @property({ type: Number }) now = Date.now()
  private expiry: ReturnType<typeof setTimeout> | undefined

  override disconnectedCallback(): void {
    super.disconnectedCallback()
    clearTimeout(this.expiry)
  }

  override render(): TemplateResult | typeof nothing {
    // a recovery's `since` is in this browser's clock (PrinterAlerts): so is how long it stays up
    const local = Date.now()
    const shown = this.alerts.filter((a) => a.problem !== null || local - a.since < BACK_SHOWN_MS)
    this.expireLater(shown, local)
    if (shown.length === 0 && this.failedJobs.length === 0) return nothing
    const lang = this.lang
    return html`<div role="alert" aria-label=${printerAlertText('printerAlert.region', lang)}><ul>
      ${shown.map((a) => {
        const tone = a.problem === null ? 'ok' : stopsPrinting(a.problem) ? 'bad' : 'warn'
        const key = a.problem === null ? 'printerAlert.back' : (`printerAlert.${a.problem}` as const)
        return html`<li data-printer-alert=${a.deviceId} data-problem=${a.problem ?? 'back'} data-tone=${tone}>
          ${printerAlertText(key, lang, { kiosk: isolatedPart(a.kiosk, lang), kind: a.kind })}
          ${tone === 'bad' ? html`<span class="hint">${printerAlertText('printerAlert.stopped', lang, { kind: a.kind })}</span>` : nothing}
        </li>`
      })}
      ${this.failedJobs.map((j) => {
        const time = clockTimeOrDay(j.at, this.now, this.timeZone, lang, this.digits)
        const why = printerAlertText(printProblemKey(j.problem), lang)
        return html`<li data-failed-job=${j.deviceId} data-label=${j.label} data-problem=${j.problem ?? 'failed'} data-tone="bad">
          ${printerAlertText('printerAlert.jobFailed', lang, { kiosk: isolatedPart(j.kiosk, lang), kind: j.kind, label: isolate(j.label), time, why })}
          <span class="hint">${printerAlertText('printerAlert.jobFailedHint', lang)}</span>
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
