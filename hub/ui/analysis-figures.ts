/**
 * The figures the analysis view can chart, map and compare: each reads the same field of a trend
 * point (protocol/hub-analysis.ts TrendFigures) and of a figures row (FigureRow), and is written
 * as a count, minutes, a share or a rating.
 */
import type { TrendFigures } from '../../protocol/hub-analysis.ts'
import { MAX_SCORE } from '../../protocol/feedback.ts'
import type { AnalysisMessageKey } from '../../protocol/messages/hub-analysis.ts'
import type { HubFormat } from './hub-format.ts'

export type AnalysisFigure = 'issued' | 'served' | 'noShow' | 'avgWait' | 'sla' | 'avgRating'
export const ANALYSIS_FIGURES: readonly AnalysisFigure[] = ['issued', 'served', 'noShow', 'avgWait', 'sla', 'avgRating']

type Source = Pick<TrendFigures, 'issued' | 'served' | 'noShow' | 'avgWaitSeconds' | 'slaPercent' | 'avgRating'>

/** The figure's value (null: nothing to average), in the unit it is shown in (minutes for waits). */
export function figureValue(figure: AnalysisFigure, f: Source): number | null {
  switch (figure) {
    case 'avgWait':
      return f.avgWaitSeconds === null ? null : Math.round(f.avgWaitSeconds / 6) / 10
    case 'sla':
      return f.slaPercent
    case 'avgRating':
      return f.avgRating
    default:
      return f[figure]
  }
}

/** The figure's value as the page writes it. */
export function formatFigure(figure: AnalysisFigure, value: number | null, format: HubFormat): string {
  if (figure === 'sla') return format.percent(value)
  // written as every wait on the page (hub-format.ts minutes): under a minute is not "0"
  if (figure === 'avgWait') return format.minutes(value === null ? null : value * 60)
  if (figure === 'avgRating') return format.num(value, 2)
  return format.num(value)
}

/** The figure's name in the catalogue. */
export const figureLabel = (figure: AnalysisFigure): AnalysisMessageKey => `figure_${figure}`
/** The values a figure's name takes: the rating's scale ("of 5"). */
export const FIGURE_LABEL_VALUES = { max: MAX_SCORE } as const

/** The key of protocol/hub-analysis.ts TrendChange the figure's change is under; a share changes in points. */
export const changeKey = {
  issued: 'issued',
  served: 'served',
  noShow: 'noShow',
  avgWait: 'avgWaitSeconds',
  sla: 'slaPercent',
  avgRating: 'avgRating',
} as const satisfies Record<AnalysisFigure, string>

/** Figures that count people: their axis has whole steps only. */
export const COUNT_FIGURES: ReadonlySet<AnalysisFigure> = new Set(['issued', 'served', 'noShow'])

/**
 * A value axis's tick as the page writes it; '' for a fraction of a count (no gridline of 2.5
 * tickets labelled "3", walk 2026-12-05), which uPlot may still place between whole steps.
 */
export function axisTick(figure: AnalysisFigure, value: number, format: HubFormat): string {
  if (COUNT_FIGURES.has(figure) && !Number.isInteger(value)) return ''
  // an axis is a scale from 0, not a wait: its 0 and 0.5 are numbers
  return figure === 'avgWait' ? format.num(value, 1) : formatFigure(figure, value, format)
}
