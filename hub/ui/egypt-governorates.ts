/**
 * Egypt's 27 governorates for the analysis map (protocol/governorates.ts holds the list and its
 * names) with a tile on a 6 × 10 grid placed roughly where the governorate lies (column 0 west,
 * row 0 the Mediterranean coast). A tile map, not borders: no npm package ships Egypt's admin-1
 * boundaries under an open licence (hub/README.md, Analysis), and tiles of equal size keep the
 * small, crowded Delta governorates as readable as the New Valley.
 */
import { GOVERNORATES, type Governorate as Named } from '../../protocol/governorates.ts'

export { governorateOf, normalizeGovernorate } from '../../protocol/governorates.ts'

export interface Governorate extends Named {
  /** Tile column (0 = west) and row (0 = north). */
  col: number
  row: number
}

export const GRID_COLUMNS = 6
export const GRID_ROWS = 10

const TILES: Record<string, [number, number]> = {
  'EG-MT': [0, 0],
  'EG-ALX': [1, 0],
  'EG-KFS': [2, 0],
  'EG-DT': [3, 0],
  'EG-PTS': [4, 0],
  'EG-SIN': [5, 0],
  'EG-BH': [1, 1],
  'EG-GH': [2, 1],
  'EG-DK': [3, 1],
  'EG-IS': [4, 1],
  'EG-MNF': [1, 2],
  'EG-KB': [2, 2],
  'EG-SHR': [3, 2],
  'EG-SUZ': [4, 2],
  'EG-JS': [5, 2],
  'EG-GZ': [1, 3],
  'EG-C': [2, 3],
  'EG-FYM': [1, 4],
  'EG-BNS': [2, 4],
  'EG-MN': [2, 5],
  'EG-BA': [3, 5],
  'EG-WAD': [1, 6],
  'EG-AST': [2, 6],
  'EG-SHG': [2, 7],
  'EG-KN': [3, 7],
  'EG-LX': [3, 8],
  'EG-ASN': [3, 9],
}

export const EGYPT_GOVERNORATES: readonly Governorate[] = GOVERNORATES.map((g) => {
  const [col, row] = TILES[g.code]!
  return { ...g, col, row }
})
