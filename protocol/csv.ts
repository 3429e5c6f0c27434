/**
 * The one CSV writer of the center and the hub (csv-stringify underneath): RFC 4180 quoting,
 * CRLF lines and a UTF-8 BOM so Excel shows Arabic. What an analyst's spreadsheet would
 * otherwise change or run is written as text: a text cell starting with = + - @ TAB or CR gets
 * a leading `'` (a formula is shown, never run), and an identifier a spreadsheet would read as
 * a number (a phone number's leading 0 or +, an id starting with a digit or "-") gets one too.
 * Numbers stay numbers (-5 included). Headers are sentences in one language (`CsvLang`, from
 * protocol/messages/csv.ts); times are local with their offset (`localIsoTime`).
 */
import { stringify } from 'csv-stringify/sync'
import type { Lang } from './common.ts'

/** The language of a CSV's headers and words (?lang=ar|en; Arabic by default, like the center's screens). */
export type CsvLang = Lang

/** What a cell may hold: a number stays a number, a string is text, null and undefined are empty. */
export type Cell = string | number | boolean | null | undefined

/** A column of a CSV table: its header sentence and how a row fills it. */
export interface CsvColumn<R> {
  header: string
  value: (row: R) => Cell
  /** An identifier (phone number, ticket or center id, code) a spreadsheet must keep as written; default false. */
  id?: boolean
}

const FORMULA_START = /^[=+\-@\t\r]/
// a leading digit, sign or point: a spreadsheet would take "0100…" for 100…, "12E3" for 12000
const NUMBER_START = /^[\s]*[+-]?[\d.]/

/** A text cell as a spreadsheet must show it: a leading = + - @ TAB or CR (a formula once the spreadsheet skips the TAB or CR) behind a `'`. */
export function textCell(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s
}

/** An identifier cell (phone, id, code): text, and behind a `'` when a spreadsheet would read it as a number or a formula. */
export function idCell(s: string | null | undefined): string {
  if (s === null || s === undefined || s === '') return ''
  return FORMULA_START.test(s) || NUMBER_START.test(s) ? `'${s}` : s
}

const OPTIONS = {
  bom: true,
  record_delimiter: 'windows',
  // a lone CR or LF inside a cell must be quoted too (csv-stringify quotes only the record delimiter by default)
  quoted_match: /[\r\n]/,
  cast: {
    string: (s: string) => textCell(s),
    number: (n: number) => String(n),
    boolean: (b: boolean) => (b ? '1' : '0'),
  },
} as const

/** The CSV text of `rows` under `header` (BOM first, CRLF lines); strings defused, numbers as they are. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return stringify([header, ...rows], OPTIONS)
}

/** The CSV text of a table described by its columns (identifier columns written as text, see idCell). */
export function csvTable<R>(columns: readonly CsvColumn<R>[], rows: Iterable<R>): string {
  const body: Cell[][] = []
  for (const r of rows) body.push(columns.map((c) => (c.id ? idCell(cellText(c.value(r))) : c.value(r))))
  // an id cell is already marked; the string cast must not mark it twice
  return stringify([columns.map((c) => c.header), ...body], {
    ...OPTIONS,
    cast: { ...OPTIONS.cast, string: (s: string) => (s.startsWith("'") ? s : textCell(s)) },
  })
}

const cellText = (v: Cell): string | null => (v === null || v === undefined ? null : String(v))

/** One CSV field as it appears in a line (quoted when needed, defused); no BOM, no line end. */
export function csvCell(v: Cell): string {
  return stringify([[v]], { ...OPTIONS, bom: false, record_delimiter: 'unix' }).replace(/\n$/, '')
}

/** A download's file name: `parts` joined by "-", then the zone it is written in ("Africa/Cairo" → "Africa_Cairo"). */
export function csvFileName(parts: readonly string[], timeZone: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.+-]/g, '_')
  return `${[...parts, timeZone].map(safe).join('-')}.csv`
}

/** The response headers of a CSV download (the center's reports, the hub's figures): UTF-8 CSV, saved as csvFileName(parts, timeZone). */
export function csvDownloadHeaders(parts: readonly string[], timeZone: string): Record<'content-type' | 'content-disposition', string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${csvFileName(parts, timeZone)}"` }
}
