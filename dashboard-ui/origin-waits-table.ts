/**
 * The waits of walk-in, appointment and phone (remote) tickets side by side, one line per
 * service and a total line (GET /stats/appointments `waits`): how many were called and their
 * mean and median wait to the call that ends it (server/reports/figures.ts). Shared by the reports view and the live view's card.
 */
import { css, html, type TemplateResult } from 'lit'
import { TICKET_ORIGINS, type AppointmentFigures, type OriginWait } from '../protocol/appointment-figures.ts'
import { appointmentFigureText } from '../protocol/messages/appointment-figures.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { tableScroll } from './dashboard-styles.ts'
import { duration, num } from './format.ts'
import { serviceLabel as labelOf } from '../ui-common/service-label.ts'

/** The origins' headers over their three columns, centred and set apart. */
export const originWaitsStyles = css`
  th[colspan] {
    text-align: center;
    border-inline-start: 2px solid var(--line);
  }
`

/** What a line needs of a service: its prefix and names. */
export interface ServiceName {
  id: number
  prefix: string
  nameAr: string
  nameEn: string
}

/** "A — Passports" in the page's language (ui-common/service-label.ts); the id when the service is unknown. */
export const serviceLabel = (s: ServiceName | undefined, id: number, lang: Lang): string => (s ? labelOf(s, lang) : String(id))

const cells = (w: OriginWait, digits: DigitStyle) =>
  html`<td class="n" data-called>${num(w.called, digits)}</td><td class="n" data-mean>${duration(w.meanWaitSeconds, digits)}</td><td class="n" data-median>${duration(w.medianWaitSeconds, digits)}</td>`

/** The table: a head of two rows (origin over called / mean / median), service lines, the total line. */
export function originWaitsTable(
  f: Pick<AppointmentFigures, 'waits' | 'waitsTotal'>,
  services: readonly ServiceName[],
  lang: Lang,
  digits: DigitStyle,
  caption: string,
): TemplateResult {
  const t = (k: Parameters<typeof appointmentFigureText>[0]) => appointmentFigureText(k, lang)
  const byId = new Map(services.map((s) => [s.id, s]))
  return tableScroll(
    caption,
    html`<table data-table="origin-waits">
      <thead>
        <tr>
          <th rowspan="2" scope="col">${t('apf.service')}</th>
          ${TICKET_ORIGINS.map((o) => html`<th colspan="3" scope="colgroup" data-origin=${o}>${t(`apf.origin.${o}`)}</th>`)}
        </tr>
        <tr>
          ${TICKET_ORIGINS.map(
            () =>
              html`<th class="n" scope="col">${t('apf.called')}</th><th class="n" scope="col">${t('apf.meanWait')}</th><th class="n" scope="col">${t('apf.medianWait')}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${f.waits.map(
          (w) =>
            html`<tr data-service=${String(w.serviceId)}><td>${serviceLabel(byId.get(w.serviceId ?? 0), w.serviceId ?? 0, lang)}</td>${TICKET_ORIGINS.map((o) => cells(w[o], digits))}</tr>`,
        )}
      </tbody>
      <tfoot>
        <tr data-service="total"><td>${t('apf.total')}</td>${TICKET_ORIGINS.map((o) => cells(f.waitsTotal[o], digits))}</tr>
      </tfoot>
    </table>`,
  )
}
