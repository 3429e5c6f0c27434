/** CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, a UTF-8 BOM so Excel shows Arabic. */

type Cell = string | number | boolean | null | undefined

/** One CSV field: quoted when it holds a comma, quote or line break; formula-looking text defused. */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return String(v)
  let s = String(v)
  // a leading = + - @ would be run as a formula by a spreadsheet: neutralise it (text only)
  if (typeof v === 'string' && /^[=+\-@]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The CSV text of `rows` under `header` (one line each, CRLF, BOM first). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}
