/**
 * The steps a chart may put between ticks of a count axis: whole numbers only (never 2.5 tickets
 * between gridlines, labelled "3" once rounded), 1-2-5 and 25s up to a national network's billions.
 * uPlot takes the smallest step that leaves room between labels.
 */
export const WHOLE_STEPS: readonly number[] = Array.from({ length: 10 }, (_, k) => [1, 2, 2.5, 5].map((m) => m * 10 ** k))
  .flat()
  .filter((step) => Number.isInteger(step))
