/**
 * `<tabour-visit-steps>`: on the status page of a visit with several steps (issue 21), the step the
 * ticket is in now and the one after it, in one line: "Step 2 of 3: Review, then Cashier", the
 * same whether the ticket waits for that step's call, holds a place from a phone or is called
 * there; "Step 3 of 3: Cashier" at the last step. The words of the kiosk's and the paper's route
 * ("Your visit has 3 steps: Reception, then Review, then Cashier"). The counter of a call is said by
 * the page's call banner, like any call. Walk s52: "Step 1 of 2: next, Building permits", said while
 * the ticket already waited in that line, read as if Building permits came after.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit'
import { customElement, property } from 'lit/decorators.js'
import type { PublicTicket } from '../protocol/entities.ts'
import { statusText } from '../protocol/messages/status.ts'
import { digitsFor, formatNumber } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { themeStyles } from '../ui-common/theme.ts'
import { serviceName } from './service-grid.ts'

/** The step line of a ticket in a visit of several steps, in `lang` (its own step's service, then the next one's while a step is left). */
export function visitStepLine(ticket: PublicTicket & { visit: NonNullable<PublicTicket['visit']> }, lang: Lang): string {
  const { visit } = ticket
  const digits = digitsFor(lang, ticket.center.digits)
  const values = {
    step: formatNumber(visit.step, { digits }),
    of: formatNumber(visit.of, { digits }),
    service: serviceName({ nameAr: ticket.serviceNameAr, nameEn: ticket.serviceNameEn }, lang),
  }
  return visit.next
    ? statusText('status.visitAtThen', lang, { ...values, next: serviceName(visit.next, lang) })
    : statusText('status.visitAt', lang, values)
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
      /* the page's own size, under the service's name (1.25em): set larger, it took 3–4 lines on a
         phone and pushed the place and the wait below the first screen (walk s53, 390×844) */
      p {
        margin: 0;
        text-align: center;
        font-size: 1em;
        font-weight: 600;
        line-height: 1.4;
      }
    `,
  ]

  /** The ticket as the status page shows it; nothing is shown without `visit`. */
  @property({ attribute: false }) ticket: PublicTicket | null = null
  @property() override lang: Lang = 'ar'

  override render(): TemplateResult | typeof nothing {
    const ticket = this.ticket
    if (!ticket?.visit) return nothing
    const visit = ticket.visit
    return html`<p data-visit-step=${visit.step} data-visit-of=${visit.of} data-visit-then=${visit.next?.serviceId ?? nothing}>
      ${visitStepLine({ ...ticket, visit }, this.lang)}
    </p>`
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tabour-visit-steps': VisitStepsLine
  }
}
