/**
 * Reads a CSV download back the way an analyst's tools do, with a real parser (csv-parse):
 * the BOM must be there (Excel needs it for Arabic), every line must have the header's width.
 */
import { parse } from 'csv-parse/sync'
import { expect } from 'vitest'

/** The rows of `text` as records keyed by the header, after checking the BOM and CRLF line ends. */
export function readCsv(text: string): { header: string[]; rows: Record<string, string>[]; cells: string[] } {
  expect(text.startsWith('\uFEFF'), 'UTF-8 BOM first').toBe(true)
  expect(text.endsWith('\r\n'), 'CRLF line ends').toBe(true)
  const lines = parse(text, { bom: true, relax_column_count: false }) as string[][]
  const [header, ...body] = lines
  return {
    header: header!,
    rows: body.map((line) => Object.fromEntries(line.map((v, i) => [header![i]!, v]))),
    cells: body.flat(),
  }
}

/** True when `cell` would make a spreadsheet run a formula: it starts with = + - @ TAB or CR and is no plain number. */
export const runsAsFormula = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)
