import { describe, expect, it } from 'vitest'
import { csvCell, csvDownloadHeaders, csvFileName, csvTable, idCell, toCsv } from '../../protocol/csv.ts'

describe('CSV cells a spreadsheet will not run (issue 16)', () => {
  it('defuses a leading =, +, -, @, TAB and CR in text, and leaves numbers alone', () => {
    expect(csvCell('=HYPERLINK("http://evil/","x")')).toBe(`"'=HYPERLINK(""http://evil/"",""x"")"`)
    expect(csvCell("+cmd|' /C calc'!A0")).toBe("'+cmd|' /C calc'!A0")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    // spreadsheets skip a leading TAB or CR and then read the formula
    expect(csvCell('\t=1+2')).toBe("'\t=1+2")
    expect(csvCell('\r=1+2')).toBe(`"'\r=1+2"`)
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell('خدمة أ')).toBe('خدمة أ')
    expect(toCsv(['a'], [['\t@x']])).toBe("\uFEFFa\r\n'\t@x\r\n")
  })
})

describe('the one CSV writer of center and hub (issue 15)', () => {
  it('quotes a lone CR or LF inside a cell (csv-stringify alone would not), and marks identifiers a spreadsheet would read as numbers', () => {
    expect(toCsv(['a', 'b'], [['x\ry', 'p\nq']])).toBe('\uFEFFa,b\r\n"x\ry","p\nq"\r\n')
    expect(idCell('01001234567')).toBe("'01001234567")
    expect(idCell('+201001234567')).toBe("'+201001234567")
    expect(idCell('-dash')).toBe("'-dash")
    expect(idCell('12E3')).toBe("'12E3")
    expect(idCell('A-001')).toBe('A-001')
    expect(idCell(null)).toBe('')
    const table = csvTable(
      [
        { header: 'id', value: (r: { id: string; n: number }) => r.id, id: true },
        { header: 'n', value: (r: { id: string; n: number }) => r.n },
      ],
      [
        { id: '-x', n: -5 },
        { id: '@y', n: 3 },
      ],
    )
    expect(table).toBe("\uFEFFid,n\r\n'-x,-5\r\n'@y,3\r\n")
  })

  it('names a file after its parts and the zone it is written in', () => {
    expect(csvFileName(['tabour', 'service', '2026-03-10', '2026-03-11'], 'Africa/Cairo')).toBe(
      'tabour-service-2026-03-10-2026-03-11-Africa_Cairo.csv',
    )
    // the headers the center's reports and the hub's figures answer with (test/server/reports/csv-export.test.ts, test/hub/figures-csv.test.ts)
    expect(csvDownloadHeaders(['tabour', 'day"; x'], 'Africa/Cairo')).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="tabour-day___x-Africa_Cairo.csv"',
    })
  })
})
