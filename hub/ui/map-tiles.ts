/**
 * How the governorate map paints a tile, and so its legend's swatch: one function for both, so
 * a tile always matches a legend entry (out-of-scope tiles once had the dashed "no data" border
 * with the grey "outside" fill, matching neither).
 */

import type { CLASSES } from './map-scale.ts'

/** ColorBrewer "Blues", light to dark; text is dark on the first three and white on the last two (contrast ≥ 4.5:1). */
const COLOURS = ['#eff3ff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'] as const satisfies { length: typeof CLASSES }
const NO_DATA = '#f4f4f4'
/** A governorate outside a governorate analyst's scope: it has figures he may not see, so not "no data". */
const OUTSIDE = '#d5dbe3'

/** A tile's kind: outside the account's scope, without a value, or the value's class (0 lightest). */
export type TileKind = 'outside' | 'none' | number

/** Its fill, and whether its border is dashed (no data only). */
export function tileLook(kind: TileKind): { fill: string; dashed: boolean } {
  if (kind === 'outside') return { fill: OUTSIDE, dashed: false }
  if (kind === 'none') return { fill: NO_DATA, dashed: true }
  return { fill: COLOURS[kind] ?? NO_DATA, dashed: false }
}
