/**
 * `<tabour-past-target-alert>`: the lines whose longest wait is past their service's target now,
 * one line each naming the service, how many of its tickets are past the target and the target
 * (the longest wait is in the services' table: in this live region its seconds would be read out
 * at every refresh); nothing when every line is within it. The figures are the server's
 * (GET /stats/today `pastTarget`, `targetWaitSeconds`, `longestWaitSeconds`), fetched again at
 * least every CLOCK_REFRESH_MS, so a stalled line turns up here with no event at all.
 * Walk 2026-12-06: A had 3 tickets at 17:24 against 15 min and only the SLA cell moved.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { StatsToday } from '../protocol/stats.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { serviceLabel } from '../ui-common/service-label.ts'

type ServiceRow = StatsToday['services'][number]

/** The lines past their target now, in the table's order. */
export const linesPastTarget = <T extends { pastTarget?: number }>(services: readonly T[]): T[] =>
  services.filter((s) => (s.pastTarget ?? 0) > 0)

@customElement('tabour-past-target-alert')
export class PastTargetAlert extends LitElement {
  // the alert lists' colours (ui-common/alert-list-styles.ts), but one block: the lines side by side under
  // its title, where a full-width bar each took a third of a 1366 px screen with four lines late
  static override styles = css`
    /* no box of its own: while every line is within target it adds no gap to the live view's grid */
    :host {
      display: contents;
    }
    div {
      padding: 0.5rem 1rem;
      border-inline-start: 8px solid var(--tabour-danger);
      background: #fde8eb;
      color: #5c0010;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 2rem;
      margin: 0;
      padding: 0;
      list-style: none;
      font-weight: 700;
    }
  `

  /** StatsToday.services; default none. */
  @property({ attribute: false }) services: readonly ServiceRow[] = []
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'

  override render(): TemplateResult | typeof nothing {
    const late = linesPastTarget(this.services)
    if (late.length === 0) return nothing
    const { lang, digits } = this
    // one live region, read out when a line joins it or its count moves
    return html`<div role="alert" aria-labelledby="past-target-title"><h2 id="past-target-title">${dashboardText('live.pastTargetRegion', lang)}</h2><ul>
      ${late.map(
        (s) => html`<li data-past-target-alert=${s.prefix} data-past-target=${s.pastTarget ?? 0}>
          ${serviceLabel(s, lang)}:
          ${dashboardText('live.pastTargetLine', lang, { n: s.pastTarget ?? 0, minutes: (s.targetWaitSeconds ?? 0) / 60 }, digits)}
        </li>`,
      )}
    </ul></div>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-past-target-alert': PastTargetAlert
  }
}
