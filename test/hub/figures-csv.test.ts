import { afterEach, describe, expect, it } from 'vitest'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { readCsv, runsAsFormula } from '../helpers/read-csv.ts'
import { addNationalService, BACKENDS, batchPath, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Issue 15 item 6 at the hub: the national figures' CSV is written by the same module as the
 * center's (protocol/csv.ts) and reads back with a real CSV parser: headers as sentences in the
 * language asked for (Arabic by default), both names of each row, codes as text, hours as local
 * "10:00", nothing a spreadsheet runs, and the hub's zone in the file name.
 */

const row = (code: string, nameAr: string, nameEn: string, o: Partial<HourFigures> = {}): HourFigures => ({
  serviceCode: code,
  serviceNameAr: nameAr,
  serviceNameEn: nameEn,
  issued: 5,
  called: 5,
  served: 4,
  noShow: 1,
  cancelled: 2,
  transferredIn: 0,
  transferredOut: 0,
  waitSumSeconds: 500,
  waitCount: 5,
  waitMaxSeconds: 300,
  waitWithinTarget: 4,
  serviceSumSeconds: 240,
  serviceCount: 4,
  counterOpenMinutes: 60,
  ...o,
})

const batch = (rows: HourFigures[]): HourBatch => ({
  centerId: 'C1',
  seq: 1,
  day: '2026-03-10',
  hour: 9,
  timeZone: 'Africa/Cairo',
  revision: 1,
  final: false,
  generatedAt: Date.now(),
  rows,
})

/** The body as sent, BOM included (Response.text() would drop it). */
const bodyOf = async (res: Response) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())

describe.each(BACKENDS)('the hub CSV on %s (issue 15 item 6)', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('headers in the language asked for, both names, codes as text, local hours, nothing a spreadsheet runs', async () => {
    hub = await startTestHub({ backend })
    const secret = await registerCenter(hub, 'C1')
    // rows count under their national code (issue 23), whose catalogue names the CSV writes
    await addNationalService(hub, 'PASS', { nameAr: 'جوازات السفر', nameEn: 'Passports' })
    await addNationalService(hub, '007', { nameAr: '-1+2', nameEn: '@SUM(1)' })
    const rows = [
      row('A', 'جوازات السفر', 'Passports', { nationalCode: 'PASS' }),
      row('B', '-1+2', '@SUM(1)', { cancelled: 1, nationalCode: '007' }),
    ]
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch(rows))).status).toBe(200)

    const res = await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&by=service&lang=en`)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tabour-service-2026-03-10_2026-03-10-Africa_Cairo.csv"')
    const en = readCsv(await bodyOf(res))
    expect(en.header).toEqual([
      'From day',
      'To day',
      'Grouped by',
      'Code',
      'Name (Arabic)',
      'Name (English)',
      'Governorate',
      'Tickets issued',
      'Tickets called',
      'Tickets served',
      'No-shows',
      'Tickets cancelled',
      'Tickets transferred in',
      'Tickets transferred out',
      'Average wait (seconds)',
      'Longest wait (seconds)',
      'Within target wait (%)',
      'Average service time (seconds)',
      'Counter open minutes',
    ])
    expect(en.rows.map((r) => [r.Code, r['Name (Arabic)'], r['Name (English)'], r['Tickets issued'], r['Tickets cancelled']])).toEqual([
      ["'007", "'-1+2", "'@SUM(1)", '5', '1'],
      ['PASS', 'جوازات السفر', 'Passports', '5', '2'],
    ])
    for (const c of en.cells) expect(runsAsFormula(c), JSON.stringify(c)).toBe(false)

    const ar = readCsv(await bodyOf(await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&by=hour`)))
    expect(ar.header.slice(3, 6)).toEqual(['الساعة (محلية)', 'الاسم بالعربية', 'الاسم بالإنجليزية'])
    expect(ar.rows).toEqual([
      expect.objectContaining({ التجميع: 'الساعة', 'الساعة (محلية)': '09:00', 'التذاكر الصادرة': '10', 'التذاكر الملغاة': '3' }),
    ])
    expect((await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&lang=xx`)).status).toBe(400)
  })
})
