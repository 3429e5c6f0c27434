/** CSV as spreadsheets read it: RFC 4180 quoting, CRLF lines, a UTF-8 BOM so Excel shows Arabic. */

type Cell = string | number | boolean | null | undefined

/**
 * One CSV field: quoted when it holds a comma, quote or line break; formula-looking text defused.
 * Shared by the center's reports and the hub's export (a service name travels from one to the other).
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return String(v)
  let s = String(v)
  // a leading = + - @ (or a TAB or CR before one, which spreadsheets skip) would be run as a
  // formula: neutralise it (text only; a number stays a number, -5 included)
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The CSV text of `rows` under `header` (one line each, CRLF, BOM first). */
export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}
