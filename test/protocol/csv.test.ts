import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '../../protocol/csv.ts'

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
