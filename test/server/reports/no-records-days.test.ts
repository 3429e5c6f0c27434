import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { readCsv } from '../../helpers/read-csv.ts'

/**
 * A day report over days the center could not have recorded (before its first event, after today)
 * says so (ReportRow.noRecords), instead of rows of zeros that read as "nobody came" (walk finding);
 * the CSV leaves those cells empty. A recorded day without tickets keeps its zeros: that is a fact.
 */
describe('a day report over days with no records', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('marks the days before the first event and after today, not a quiet day in between', async () => {
    const clock = new TestClock(Date.parse('2026-03-09T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    await center.createUser('boss', 'manager')
    // logged in at each look: two days on, yesterday's session has ended
    const manager = () => center.login('boss', STAFF_PASSWORD)
    const report = async () =>
      (await center.request('GET', '/api/v1/stats/report?from=2026-03-07&to=2026-03-12&by=day', { token: await manager() })).json()

    // set up today (its services and devices are in the log): today is the first day it recorded
    const empty = await report()
    expect(empty.rows.map((r: { noRecords?: true }) => r.noRecords ?? false)).toEqual([true, true, false, true, true, true])

    await center.issue(kiosk, { serviceId: a.id })
    clock.set('2026-03-11T08:00:00Z')
    await center.issue(kiosk, { serviceId: a.id })
    const r = await report()
    const byDay = Object.fromEntries(r.rows.map((row: { key: string; noRecords?: true; issued: number }) => [row.key, row]))
    expect(byDay['2026-03-07'].noRecords).toBe(true)
    expect(byDay['2026-03-08'].noRecords).toBe(true)
    expect(byDay['2026-03-09']).toMatchObject({ issued: 1 })
    expect(byDay['2026-03-09'].noRecords).toBeUndefined()
    // a recorded day with no ticket: its zeros are true
    expect(byDay['2026-03-10']).toMatchObject({ issued: 0 })
    expect(byDay['2026-03-10'].noRecords).toBeUndefined()
    expect(byDay['2026-03-11'].noRecords).toBeUndefined()
    expect(byDay['2026-03-12'].noRecords).toBe(true)
    expect(r.totals.issued).toBe(2)

    const csv = await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-07&to=2026-03-12&by=day&lang=en', {
      token: await manager(),
    })
    expect(csv.statusCode).toBe(200)
    const { header, rows } = readCsv(csv.body)
    const day = header[0]!
    const issued = header.find((h) => /issued/i.test(h))!
    const cell = (d: string) => rows.find((row) => row[day] === d)![issued]
    expect([cell('2026-03-08'), cell('2026-03-09'), cell('2026-03-10'), cell('2026-03-12')]).toEqual(['', '1', '0', ''])
  })
})
