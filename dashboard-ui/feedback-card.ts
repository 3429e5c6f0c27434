/**
 * `<tabour-feedback-card>`: citizens' ratings today on the live view (issue 21): how many, the
 * average of 5 and the share of low scores, by counter with the most given reasons, and above
 * them the manager's alert for each counter whose ratings of the last `feedback.alertWindowMinutes`
 * average below `feedback.alertBelowAverage` (GET /feedback/live). It loads again whenever
 * `trigger` changes: the live view passes today's stats, which the session reloads on every
 * push (a `feedback:rated` included).
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property, state } from 'lit/decorators.js'
import { FEEDBACK_REASONS, LOW_SCORE_MAX, MAX_SCORE, type FeedbackFigure, type FeedbackLive } from '../protocol/feedback.ts'
import { feedbackText } from '../protocol/messages/feedback.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import type { DashboardApi } from './dashboard-api.ts'
import { deskStyles, tableScroll } from './dashboard-styles.ts'
import { num, percent } from './format.ts'
import { counterCell } from './counter-name.ts'
import { listComma } from '../protocol/messages/list-comma.ts'

/**
 * The reasons given, most given first, in words with how often, in the page's language and
 * digits: "Long wait (2), Staff manner (1)" («انتظار طويل (٢)، تعامل الموظف (١)»); at most `most`
 * (the card shows two, the report all); '—' when none. One spelling for the card and the report
 * (walk s46: the card wrote «(1)» under Arabic-Indic digits and the Arabic comma in English).
 */
export function reasonsGiven(f: FeedbackFigure, lang: Lang, digits: DigitStyle, most: number = FEEDBACK_REASONS.length): string {
  const named = FEEDBACK_REASONS.map((r) => ({ words: r[lang], n: f.reasons[r.code] ?? 0 }))
    .filter((r) => r.n > 0)
    .sort((a, b) => b.n - a.n)
    .slice(0, most)
  return named.length === 0 ? '—' : named.map((r) => `${r.words} (${num(r.n, digits)})`).join(listComma(lang))
}

/** "12 ratings, average 4.2 of 5, 8 % low": one line of figures, as the card and the report's print say it. */
export function feedbackSummary(t: FeedbackFigure, lang: Lang, digits: DigitStyle): string {
  return feedbackText(
    'feedback.card.summary',
    lang,
    {
      count: t.count,
      average: num(t.average, digits, 2),
      lowPercent: percent((t.lowShare ?? 0) * 100, digits, lang),
      max: num(MAX_SCORE, digits),
    },
    digits,
  )
}

@customElement('tabour-feedback-card')
export class FeedbackCard extends LitElement {
  static override styles = [
    ...deskStyles,
    css`
      .summary {
        margin: 0 0 0.5rem;
        font-size: 1.1rem;
        font-weight: 600;
      }
      .alert {
        margin: 0 0 0.6rem;
        padding: 0.5rem 0.8rem;
        border-inline-start: 6px solid var(--bad);
        background: #fde8eb;
        color: var(--bad);
        font-weight: 700;
      }
    `,
  ]

  @property({ attribute: false }) api: DashboardApi | null = null
  /** Anything that changes when the figures may have moved; default none. */
  @property({ attribute: false }) trigger: unknown = null
  @property() override lang: Lang = 'ar'
  @property() digits: DigitStyle = 'western'
  @state() private live: FeedbackLive | null = null

  protected override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('trigger') || changed.has('api')) && this.api) void this.load(this.api)
  }

  private async load(api: DashboardApi): Promise<void> {
    try {
      this.live = await api.feedbackLive()
    } catch {
      // the next trigger tries again; the card keeps what it showed
    }
  }

  override render(): TemplateResult | typeof nothing {
    const live = this.live
    if (!live) return nothing
    const { lang, digits } = this
    const t = live.today
    return html`<section class="card" data-card="feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">${feedbackText('feedback.card.title', lang)}</h2>
      ${live.alerts.map(
        (a) => html`<p class="alert" role="alert" data-feedback-alert=${a.number}>
          ${feedbackText(
            'feedback.alert',
            lang,
            {
              number: a.number,
              name: a.name,
              average: num(a.average, digits, 2),
              minutes: a.windowMinutes,
              count: a.count,
              threshold: num(a.threshold, digits, 2),
              max: num(MAX_SCORE, digits),
            },
            digits,
          )}
        </p>`,
      )}
      ${
        t.count === 0
          ? html`<p class="muted" data-feedback-none>${feedbackText('feedback.card.none', lang)}</p>`
          : html`<p class="summary" data-feedback-summary data-count=${t.count} data-average=${t.average ?? ''}>
              ${feedbackSummary(t, lang, digits)}
            </p>
            ${tableScroll(
              feedbackText('feedback.card.title', lang),
              html`<table data-table="feedback">
                <thead><tr>
                  <th>${feedbackText('feedback.col.counter', lang)}</th>
                  <th class="n">${feedbackText('feedback.col.count', lang)}</th>
                  <th class="n">${feedbackText('feedback.col.average', lang, { max: num(MAX_SCORE, digits) })}</th>
                  <th class="n">${feedbackText('feedback.col.low', lang, { low: num(LOW_SCORE_MAX, digits) })}</th>
                  <th>${feedbackText('feedback.col.reasons', lang)}</th>
                </tr></thead>
                <tbody>
                  ${live.byCounter.map(
                    (c) => html`<tr data-feedback-counter=${c.number}>
                      <td>${counterCell(c, lang, digits)}</td>
                      <td class="n" data-col="count">${num(c.count, digits)}</td>
                      <td class="n" data-col="average">${num(c.average, digits, 2)}</td>
                      <td class="n" data-col="low">${percent(c.lowShare === null ? null : c.lowShare * 100, digits, lang)}</td>
                      <td data-col="reasons">${reasonsGiven(c, lang, digits, 2)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`,
            )}`
      }
    </section>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-feedback-card': FeedbackCard
  }
}
