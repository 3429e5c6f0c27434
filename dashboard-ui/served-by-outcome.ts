/**
 * "Served" broken down by finish outcome, as the dashboard writes it: the table per service ×
 * outcome of the reports view and the printed daily report (the same template, so screen and
 * paper agree; each host's styles apply since it renders in the host's shadow root), and the
 * short line under the live "Served today". The figures come from the server
 * (server/reports/served-by-outcome.ts): counts follow `outcomes` and add up to served.
 * Every count carries `data-outcome` (the code, '' for none) and `data-value` (the raw number).
 */
import { html, type TemplateResult } from 'lit'
import type { OutcomeColumn, ServedByOutcome } from '../protocol/stats.ts'
import { dashboardText } from '../protocol/messages/dashboard.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { outcomeName } from '../protocol/messages/finish-outcome-name.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { num } from './format.ts'
import { listComma } from '../protocol/messages/list-comma.ts'

/**
 * The line under the live "Served today": each outcome that has tickets, with its count, in the
 * configured order («منها: تمت الخدمة ٣، أوراق غير مكتملة ٢»); null when nothing was served yet.
 */
export function servedOutcomesLine(f: { outcomes: OutcomeColumn[]; counts: number[] }, lang: Lang, digits: DigitStyle): string | null {
  const items = f.outcomes.flatMap((o, i) => {
    const n = f.counts[i] ?? 0
    return n > 0 ? [`${outcomeName(o, lang)} ${num(n, digits)}`] : []
  })
  return items.length === 0 ? null : dashboardText('outcomes.live', lang, { list: items.join(listComma(lang)) })
}

/** The table: a row per service with finishes, a column per outcome, served (all outcomes) first, and the total line. */
export function servedByOutcomeTable(f: ServedByOutcome, lang: Lang, digits: DigitStyle): TemplateResult {
  if (f.totals.served === 0) return html`<p data-outcomes-empty>${dashboardText('outcomes.empty', lang)}</p>`
  const cells = (served: number, counts: number[]) =>
    html`<td class="n" data-outcome="*" data-value=${String(served)}>${num(served, digits)}</td>${f.outcomes.map(
      (o, i) => html`<td class="n" data-outcome=${o.code ?? ''} data-value=${String(counts[i] ?? 0)}>${num(counts[i] ?? 0, digits)}</td>`,
    )}`
  return html`<table data-table="outcomes">
    <thead>
      <tr>
        <th scope="col">${dashboardText('by.service', lang)}</th>
        <th scope="col" class="n">${dashboardText('outcomes.servedAll', lang)}</th>
        ${f.outcomes.map((o) => html`<th scope="col" class="n" data-outcome=${o.code ?? ''}>${outcomeName(o, lang)}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${f.rows.map((r) => html`<tr data-key=${String(r.serviceId)}><th scope="row">${serviceLabel(r.service, lang)}</th>${cells(r.served, r.counts)}</tr>`)}
    </tbody>
    <tfoot>
      <tr data-key="total"><th scope="row">${dashboardText('col.total', lang)}</th>${cells(f.totals.served, f.totals.counts)}</tr>
    </tfoot>
  </table>`
}
