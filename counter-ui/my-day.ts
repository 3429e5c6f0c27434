/** `<tabour-my-day>`: today's figures of the clerk at this console (GET /stats/me). */
import { LitElement, css, html, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { ClerkStatsToday } from '../protocol/stats.ts'
import { DEFAULT_LANG, type Lang } from '../ui-common/i18n.ts'
import { consoleStyles } from './console-styles.ts'
import { formatNumber, type DigitStyle } from '../ui-common/digits.ts'
import { minutesSeconds } from './minutes-seconds.ts'
import { consoleText } from '../protocol/messages/console.ts'

@customElement('tabour-my-day')
export class MyDay extends LitElement {
  static override styles = [
    ...consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: 0.6rem;
        margin: 0;
      }
      dl div {
        text-align: center;
        background: var(--console-bg);
        border-radius: 10px;
        padding: 0.5rem;
      }
      dt {
        font-size: 0.8rem;
        color: var(--console-soft);
      }
      dd {
        margin: 0;
        font-size: 1.5rem;
        font-weight: 700;
      }
    `,
  ]

  @property() override lang: Lang = DEFAULT_LANG
  /** Digits for figures: `digitsFor(lang, the center's setting)` (protocol/messages/digits.ts); default 'western'. */
  @property() digits: DigitStyle = 'western'
  @property({ attribute: false }) stats: ClerkStatsToday | null = null

  override render(): TemplateResult {
    const lang = this.lang
    const s = this.stats
    const avg = s?.avgServiceSeconds
    const n = (v: number) => formatNumber(v, { digits: this.digits })
    return html`<section class="card">
      <h2>${consoleText('day.title', lang)}</h2>
      <dl>
        <div><dt>${consoleText('day.served', lang)}</dt><dd data-served>${s ? n(s.served) : '–'}</dd></div>
        <div><dt>${consoleText('day.noShow', lang)}</dt><dd data-no-show>${s ? n(s.noShow) : '–'}</dd></div>
        <div>
          <dt>${consoleText('day.avg', lang)}</dt>
          <dd data-avg class="label" title=${avg != null ? consoleText('common.minutes', lang, { n: n(Math.round(avg / 60)) }) : ''}>${avg != null ? minutesSeconds(avg, this.digits) : '–'}</dd>
        </div>
      </dl>
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-my-day': MyDay
  }
}
