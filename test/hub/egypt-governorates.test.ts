import { describe, expect, it } from 'vitest'
import { EGYPT_GOVERNORATES, GRID_COLUMNS, GRID_ROWS, governorateOf } from '../../hub/ui/egypt-governorates.ts'
import { classesOf } from '../../hub/ui/map-scale.ts'

/**
 * The analysis map's one table from the hub's governorate names (free text, Arabic or English) to
 * the map's governorates (ISO 3166-2:EG): all 27, each on its own tile, each found by its names.
 */

// ISO 3166-2:EG as published (27 governorates since 2009's Helwan and 6th of October were folded back)
const ISO_3166_2_EG = [
  'EG-ALX',
  'EG-ASN',
  'EG-AST',
  'EG-BA',
  'EG-BH',
  'EG-BNS',
  'EG-C',
  'EG-DK',
  'EG-DT',
  'EG-FYM',
  'EG-GH',
  'EG-GZ',
  'EG-IS',
  'EG-JS',
  'EG-KB',
  'EG-KFS',
  'EG-KN',
  'EG-LX',
  'EG-MN',
  'EG-MNF',
  'EG-MT',
  'EG-PTS',
  'EG-SHG',
  'EG-SHR',
  'EG-SIN',
  'EG-SUZ',
  'EG-WAD',
]

describe("the map's governorates", () => {
  it('are the 27 of ISO 3166-2:EG, each on its own tile inside the grid', () => {
    expect(EGYPT_GOVERNORATES.map((g) => g.code).sort()).toEqual(ISO_3166_2_EG)
    const tiles = new Set(EGYPT_GOVERNORATES.map((g) => `${g.col},${g.row}`))
    expect(tiles.size).toBe(27)
    for (const g of EGYPT_GOVERNORATES) {
      expect(g.col, g.code).toBeGreaterThanOrEqual(0)
      expect(g.col, g.code).toBeLessThan(GRID_COLUMNS)
      expect(g.row, g.code).toBeGreaterThanOrEqual(0)
      expect(g.row, g.code).toBeLessThan(GRID_ROWS)
    }
  })

  it('finds each by its code, Arabic and English names and usual spellings, and no two names collide', () => {
    for (const g of EGYPT_GOVERNORATES)
      for (const name of [g.code, g.nameAr, g.nameEn, ...(g.aliases ?? [])]) expect(governorateOf(name)?.code, name).toBe(g.code)
  })

  it('reads the hub values met in registries: with محافظة or "Governorate", other hamza, teh marbuta, article', () => {
    const cases: [string, string][] = [
      ['القاهرة', 'EG-C'],
      ['محافظة القاهرة', 'EG-C'],
      ['Cairo Governorate', 'EG-C'],
      ['cairo', 'EG-C'],
      ['الاسكندريه', 'EG-ALX'],
      ['Al-Iskandariya', 'EG-ALX'],
      ['El Minya', 'EG-MN'],
      ['Kafr el-Sheikh', 'EG-KFS'],
      ['كفر الشيخ', 'EG-KFS'],
      ['بور سعيد', 'EG-PTS'],
      ['Al Fayoum', 'EG-FYM'],
      ['  الجيزة ', 'EG-GZ'],
      ['اسيوط', 'EG-AST'],
    ]
    for (const [value, code] of cases) expect(governorateOf(value)?.code, value).toBe(code)
    for (const value of ['Helwan', 'x', '', 'Sinai']) expect(governorateOf(value), value).toBeNull()
  })

  it('colours five equal steps from the lowest value to the highest; one value alone sits in the middle', () => {
    const { classOf } = classesOf([10, 20, 60])
    expect([10, 17.99, 20, 49, 59.9, 60].map(classOf)).toEqual([0, 0, 1, 3, 4, 4])
    expect(classesOf([7]).classOf(7)).toBe(2)
    expect(classesOf([7, 7]).classOf(7)).toBe(2)
  })
})
