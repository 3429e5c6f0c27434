/**
 * `<tabour-printer-fault-banner>`: on the kiosk's home screen while its printer cannot print
 * (out of paper, cover open, offline, not answering): "the printer is out of order — your
 * ticket will be shown on screen", in both languages, the current one first, so a citizen knows
 * before tapping that the ticket to keep is the one on screen. Issuing still works. Renders
 * nothing while the printer is fine (or the kiosk has none).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { PrinterProblem } from '../protocol/printer-problem.ts'
import { kioskText } from '../protocol/messages/kiosk.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { dirOf, DEFAULT_LANG, LANGS, type Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { kioskStyles } from './kiosk-styles.ts'

@customElement('tabour-printer-fault-banner')
export class PrinterFaultBanner extends LitElement {
  static override styles = [
    themeStyles,
    kioskStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        display: grid;
        /* tight: it sits above the six services, which must all show with it at 1080×1920 (walk s54) */
        gap: 0.25rem;
        margin: 0;
        padding: var(--tabour-space-1) var(--tabour-space-3);
        border: 4px solid var(--tabour-on-accent);
        border-radius: var(--tabour-radius);
        background: var(--tabour-accent);
        color: var(--tabour-on-accent);
      }
      p {
        margin: 0;
        line-height: 1.3;
        font-size: var(--tabour-text-base);
      }
      strong {
        font-size: 1.875rem;
      }
      /* a landscape kiosk has the width: the two languages side by side, one line each, so the six services keep
         their second row in view under it (walk s55: at 1920×1080 it stood two lines tall and F's wait went under the fade) */
      @media (orientation: landscape) {
        .banner {
          grid-template-columns: auto auto;
          justify-content: space-between;
          align-items: baseline;
          column-gap: var(--tabour-space-3);
        }
      }
    `,
  ]

  /** Why the printer cannot print, or null (nothing shown); default null. */
  @property() problem: PrinterProblem | null = null
  /** The kiosk's language, shown first; default 'ar'. */
  @property() override lang: Lang = DEFAULT_LANG

  override render(): TemplateResult | typeof nothing {
    if (!this.problem) return nothing
    const order = [this.lang, ...LANGS.filter((l) => l !== this.lang)]
    return html`<div class="banner" role="alert" data-printer-problem=${this.problem}>
      ${order.map(
        (l) => html`<p lang=${l} dir=${dirOf(l)}>
          <strong>${kioskText('kiosk.printerDown.title', l)}</strong>${SEPARATOR}${kioskText('kiosk.printerDown.body', l)}
        </p>`,
      )}
    </div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-printer-fault-banner': PrinterFaultBanner
  }
}
