/**
 * `<tabour-visit-steps>`: on the status page of a visit with several steps (issue 21), where the
 * citizen is in the visit and where they go after: "Step 2 of 3: next, Review" while waiting for
 * a step's call, "Step 2 of 3: Review" once called there, and "After that: Cashier" while a step
 * is left. The counter of a call is said by the page's call banner, like any call.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { PublicTicket } from '../protocol/entities.ts'
import { statusText } from '../protocol/messages/status.ts'
import { digitsFor, formatNumber } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { serviceName } from './service-grid.ts'

/**
 * "Step 2 of 3: next, Review" while the step's call is still to come, "Step 2 of 3: Review" once
 * called there. A place held from a phone (`remote`) waits too: it was told the words of a call
 * (walk of 2026-12-07, «الخطوة ١ من ٢: تراخيص البناء» before it checked in).
 */
export function visitLineKey(status: PublicTicket['status']): 'status.visitNext' | 'status.visitAt' {
  return status === 'waiting' || status === 'remote' ? 'status.visitNext' : 'status.visitAt'
}

@customElement('tabour-visit-steps')
export class VisitStepsLine extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host {
        display: block;
        font-family: inherit;
      }
      p {
        margin: 0;
        text-align: center;
      }
      .step {
        font-size: var(--tabour-text-large);
        font-weight: 700;
      }
      .then {
        color: var(--tabour-muted);
      }
    `,
  ]

  /** The ticket as the status page shows it; nothing is shown without `visit`. */
  @property({ attribute: false }) ticket: PublicTicket | null = null
  @property() override lang: Lang = 'ar'

  override render(): TemplateResult | typeof nothing {
    const visit = this.ticket?.visit
    if (!this.ticket || !visit) return nothing
    const lang = this.lang
    const digits = digitsFor(lang, this.ticket.center.digits)
    const values = {
      step: formatNumber(visit.step, { digits }),
      of: formatNumber(visit.of, { digits }),
      service: serviceName({ nameAr: this.ticket.serviceNameAr, nameEn: this.ticket.serviceNameEn }, lang),
    }
    return html`
      <p class="step" data-visit-step=${visit.step} data-visit-of=${visit.of}>
        ${statusText(visitLineKey(this.ticket.status), lang, values)}
      </p>
      ${
        visit.next
          ? html`<p class="then" data-visit-then=${visit.next.serviceId}>
            ${statusText('status.visitThen', lang, { service: serviceName(visit.next, lang) })}
          </p>`
          : nothing
      }
    `
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-visit-steps': VisitStepsLine
  }
}
