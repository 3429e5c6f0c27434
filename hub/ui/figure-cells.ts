/** The five figures every table of the hub page shows for a row (the dashboard's three tables, the drill-down's levels). */
import { html, nothing, type TemplateResult } from 'lit'
import type { FigureRow, FigureTotals } from '../../protocol/hub-api.ts'
import type { HubFormat } from './hub-format.ts'

/** A governorate or center none of whose centers sent figures for the range: "No data", never a row of zeros. */
export const nothingReported = (r: Pick<FigureRow, 'reportingCenters'>): boolean => r.reportingCenters === 0

/**
 * Tickets issued, served, the mean wait in minutes, the share within target, no-shows: one cell
 * each, `data-col` naming it, then `more` (a table's own further cell); for a row nothing was
 * reported in, one cell saying `noData` across them all.
 */
export function figureCells(
  r: Pick<FigureTotals, 'issued' | 'served' | 'avgWaitSeconds' | 'slaPercent' | 'noShow'> & Pick<FigureRow, 'reportingCenters'>,
  f: HubFormat,
  noData: string,
  more?: TemplateResult,
): TemplateResult {
  if (nothingReported(r)) return html`<td colspan=${more ? 6 : 5} class="no-data" data-col="no-data">${noData}</td>`
  return html`<td class="n" data-col="issued">${f.num(r.issued)}</td><td class="n" data-col="served">${f.num(r.served)}</td><td class="n" data-col="avgWait">${f.minutes(r.avgWaitSeconds)}</td><td class="n" data-col="sla">${f.percent(r.slaPercent)}</td><td class="n" data-col="noShow">${f.num(r.noShow)}</td>${more ?? nothing}`
}

/**
 * The tickets past their target uncalled (left so, or still waiting in the running hour), beside
 * the within-target share that counts them: an hour of only such tickets read "0 issued, 0 called,
 * ٠٪" with nothing saying what the 0% was of (walk of 2026-12-06).
 */
export const pastTargetCell = (r: Pick<FigureTotals, 'waitMissedUncalled'>, f: HubFormat): TemplateResult =>
  html`<td class="n" data-col="pastTarget">${f.num(r.waitMissedUncalled)}</td>`
