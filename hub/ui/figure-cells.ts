/** The five figures every table of the hub page shows for a row (the dashboard's three tables, the drill-down's levels). */
import { html, nothing, type TemplateResult } from 'lit'
import type { FigureRow, FigureTotals } from '../../protocol/hub-api.ts'
import type { HubFormat } from './hub-format.ts'

/** A governorate or center none of whose centers sent figures for the range: "No data", never a row of zeros. */
export const nothingReported = (r: Pick<FigureRow, 'reportingCenters'>): boolean => r.reportingCenters === 0

type FigureCellsRow = Pick<FigureTotals, 'issued' | 'served' | 'avgWaitSeconds' | 'slaPercent' | 'noShow'> &
  Pick<FigureRow, 'reportingCenters'>

/**
 * Tickets issued, served, the mean wait in minutes, the share within target, no-shows: one cell
 * each, `data-col` naming it; with `pastTarget` (the drill-down, the hours of the day), then the two
 * counts of pastTargetCells. For a row nothing was reported in, one cell saying `noData` across them all.
 */
export function figureCells(r: FigureCellsRow, f: HubFormat, noData: string): TemplateResult
export function figureCells(
  r: FigureCellsRow & Pick<FigureTotals, 'waitMissedUncalled' | 'waitingPastTarget'>,
  f: HubFormat,
  noData: string,
  pastTarget: true,
): TemplateResult
export function figureCells(
  r: FigureCellsRow & Partial<Pick<FigureTotals, 'waitMissedUncalled' | 'waitingPastTarget'>>,
  f: HubFormat,
  noData: string,
  pastTarget = false,
): TemplateResult {
  if (nothingReported(r)) return html`<td colspan=${pastTarget ? 7 : 5} class="no-data" data-col="no-data">${noData}</td>`
  const more = pastTarget
    ? pastTargetCells({ waitMissedUncalled: r.waitMissedUncalled ?? 0, waitingPastTarget: r.waitingPastTarget ?? 0 }, f)
    : nothing
  return html`<td class="n" data-col="issued">${f.num(r.issued)}</td><td class="n" data-col="served">${f.num(r.served)}</td><td class="n" data-col="avgWait">${f.minutes(r.avgWaitSeconds)}</td><td class="n" data-col="sla">${f.percent(r.slaPercent)}</td><td class="n" data-col="noShow">${f.num(r.noShow)}</td>${more}`
}

/**
 * The tickets past their target uncalled, beside the within-target share that counts them, in two
 * cells: those that left the line so (known misses), and those still waiting past it in a running
 * hour at their center's last report (they may yet be called). One cell counted both as if missed,
 * and an hour of only such tickets read "0 issued, 0 called, ٠٪" with nothing saying what the 0% was
 * of (walks of 2026-12-06).
 */
const pastTargetCells = (r: Pick<FigureTotals, 'waitMissedUncalled' | 'waitingPastTarget'>, f: HubFormat): TemplateResult =>
  html`<td class="n" data-col="leftPastTarget">${f.num(r.waitMissedUncalled - r.waitingPastTarget)}</td><td class="n" data-col="waitingPastTarget">${f.num(r.waitingPastTarget)}</td>`
