import { describe, expect, it } from 'vitest'
import { reportRowLabel } from '../../dashboard-ui/report-row-label.ts'
import type { ReportRow } from '../../protocol/stats.ts'

/** Drops the bidi isolates, to read the characters in their logical order. */
const plain = (s: unknown) => String(s).replace(/[\u2060\u2066-\u2069]/g, '')

describe("a report row's day (the report by day)", () => {
  const row = { key: '2026-12-07', label: '2026-12-07' } as unknown as ReportRow

  it('is the date in the screen digits, year, month, day', () => {
    expect(plain(reportRowLabel(row, 'day', 'ar', 'arabic-indic'))).toBe('٢٠٢٦-١٢-٠٧')
    expect(plain(reportRowLabel(row, 'day', 'en', 'western'))).toBe('2026-12-07')
  })

  it('keeps each part in a left-to-right isolate, so Arabic-Indic figures are not drawn day first in a right-to-left page', () => {
    // a bare «٢٠٢٦-١٢-٠٧» takes the figures' right-to-left direction at its hyphens (ui-common/calendar-date.ts)
    expect(String(reportRowLabel(row, 'day', 'ar', 'arabic-indic'))).toMatch(
      /^\u2066\u2066٢٠٢٦\u2069\u2060-\u2060\u2066١٢\u2069\u2060-\u2060\u2066٠٧\u2069\u2069$/,
    )
  })
})
