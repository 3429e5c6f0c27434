/** The five figures every table of the hub page shows for a row (the dashboard's three tables, the drill-down's levels). */
import { html, type TemplateResult } from 'lit'
import type { FigureTotals } from '../../protocol/hub-api.ts'
import type { HubFormat } from './hub-format.ts'

/** Tickets issued, served, the mean wait in minutes, the share within target, no-shows: one cell each, `data-col` naming it. */
export function figureCells(
  r: Pick<FigureTotals, 'issued' | 'served' | 'avgWaitSeconds' | 'slaPercent' | 'noShow'>,
  f: HubFormat,
): TemplateResult {
  return html`<td class="n" data-col="issued">${f.num(r.issued)}</td><td class="n" data-col="served">${f.num(r.served)}</td><td class="n" data-col="avgWait">${f.minutes(r.avgWaitSeconds)}</td><td class="n" data-col="sla">${f.percent(r.slaPercent)}</td><td class="n" data-col="noShow">${f.num(r.noShow)}</td>`
}
