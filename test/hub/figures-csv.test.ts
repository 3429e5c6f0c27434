import { afterEach, describe, expect, it } from 'vitest'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { readCsv, runsAsFormula } from '../helpers/read-csv.ts'
import { figuresCsv } from '../../hub/figures-csv.ts'
import { figureRow } from '../../hub/store/figure-rows.ts'
import {
  addAnalyst,
  addNationalService,
  BACKENDS,
  batchPath,
  postSigned,
  registerCenter,
  startTestHub,
  type TestHub,
} from './hub-harness.ts'

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
      row('A', 'جوازات السفر', 'Passports', {
        nationalCode: 'PASS',
        openMinutes: 60,
        waitMissedUncalled: 1,
        waitingPastTarget: 1,
        ratingCount: 3,
        ratingScoreSum: 11,
        ratingLow: 1,
        stepCalls: 2,
        stepWaitSumSeconds: 90,
        parked: 3,
        parkResumed: 2,
        parkAbandoned: 1,
        appointmentsBooked: 7,
        appointmentsCancelled: 1,
        appointmentsCheckedIn: 5,
        appointmentNoShows: 1,
        appointmentCalls: 4,
        appointmentWaitSecondsSum: 250,
        remoteJoins: 6,
        remoteCalls: 3,
        remoteWaitSecondsSum: 300,
      }),
      row('B', '-1+2', '@SUM(1)', { cancelled: 1, nationalCode: '007' }),
    ]
    expect((await postSigned(hub.url, batchPath, 'C1', secret, batch(rows))).status).toBe(200)

    const res = await fetch(`${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&by=service&lang=en`)
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="tabour-service-2026-03-10_2026-03-10-Africa_Cairo.csv"')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const en = readCsv(await bodyOf(res))
    expect(en.header).toEqual([
      'From day',
      'To day',
      'Grouped by',
      'Code',
      'Name (Arabic)',
      'Name (English)',
      'Governorate code',
      'Governorate',
      'Tickets issued',
      'Tickets called',
      'Finishes at counters (any outcome; a visit of 2 steps counts 2)',
      'No-shows',
      'Tickets cancelled',
      'Tickets transferred in',
      'Tickets transferred out',
      'Average wait (seconds)',
      'Longest wait (seconds)',
      'Within target wait (%)',
      'Average service time (seconds)',
      'Counter-minutes per service (summed over services; a counter serving 3 services counts 3 times)',
      'Minutes within opening hours per service (summed over services)',
      'Past the target wait uncalled (left, or still waiting in the running hour)',
      "Of those, still waiting past the target in the running hour (at the center's last report)",
      'Ratings',
      'Average rating (of 5)',
      'Low ratings (2 or less)',
      'Calls to a later step of a visit',
      'Average wait before a later step (seconds)',
      'Tickets parked',
      'Parked tickets resumed',
      'Parked tickets not back in time',
      'Appointments booked',
      'Appointments cancelled',
      'Appointments checked in',
      'Appointment no-shows',
      'Appointment calls',
      'Average appointment wait (seconds)',
      'Places taken from a phone',
      'Calls of places taken from a phone',
      'Average wait of places taken from a phone (seconds)',
    ])
    // the per-hour figures added after the first CSV (feedback, steps, parking, appointments) are columns too
    const pass = en.rows.find((r) => r.Code === 'PASS')!
    expect(Object.fromEntries(en.header.slice(20).map((h) => [h, pass[h]]))).toEqual({
      'Minutes within opening hours per service (summed over services)': '60',
      'Past the target wait uncalled (left, or still waiting in the running hour)': '1',
      "Of those, still waiting past the target in the running hour (at the center's last report)": '1',
      Ratings: '3',
      'Average rating (of 5)': '3.67',
      'Low ratings (2 or less)': '1',
      'Calls to a later step of a visit': '2',
      'Average wait before a later step (seconds)': '45',
      'Tickets parked': '3',
      'Parked tickets resumed': '2',
      'Parked tickets not back in time': '1',
      'Appointments booked': '7',
      'Appointments cancelled': '1',
      'Appointments checked in': '5',
      'Appointment no-shows': '1',
      'Appointment calls': '4',
      'Average appointment wait (seconds)': '62.5',
      'Places taken from a phone': '6',
      'Calls of places taken from a phone': '3',
      'Average wait of places taken from a phone (seconds)': '100',
    })
    // a service without these figures (an older center) has 0, and empty averages
    const other = en.rows.find((r) => r.Code === "'007")!
    expect([other.Ratings, other['Average rating (of 5)'], other['Average appointment wait (seconds)']]).toEqual(['0', '', ''])
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

  it("a governorate's file names its governorate on every row: a national service's figures there are that governorate's only (walk s48)", async () => {
    hub = await startTestHub({ backend })
    await addNationalService(hub, 'PASS', { nameAr: 'جوازات السفر', nameEn: 'Passports' })
    // Passports in Cairo (5 issued) and in Alexandria (5 more): the nation's row would say 10
    for (const [id, governorate] of [
      ['C1', 'Cairo'],
      ['A1', 'Alexandria'],
    ] as const) {
      const secret = await registerCenter(hub, id, { governorate })
      const sent = { ...batch([row('A', 'جوازات السفر', 'Passports', { nationalCode: 'PASS' })]), centerId: id }
      expect((await postSigned(hub.url, batchPath, id, secret, sent)).status).toBe(200)
    }
    await addAnalyst(hub, 'karim', 'cairo-pass-12345', 'Cairo')
    const login = await fetch(`${hub.url}/api/hub/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'karim', password: 'cairo-pass-12345' }),
    })
    const karim = (await login.json()).token as string
    const csv = async (query: string, token?: string) =>
      readCsv(
        await bodyOf(
          await fetch(
            `${hub.url}/api/hub/v1/figures.csv?from=2026-03-10&lang=en&${query}`,
            token ? { headers: { authorization: `Bearer ${token}` } } : {},
          ),
        ),
      ).rows.map((r) => [r.Code ?? r['Hour (local time)'], r['Governorate code'], r.Governorate, r['Tickets issued']])
    // the Cairo analyst's files: Cairo's 5, and they say Cairo
    expect(await csv('by=service', karim)).toEqual([['PASS', 'EG-C', 'Cairo', '5']])
    expect(await csv('by=hour', karim)).toEqual([['09:00', 'EG-C', 'Cairo', '5']])
    // the same asked with ?governorate=
    expect(await csv('by=service&governorate=Alexandria')).toEqual([['PASS', 'EG-ALX', 'Alexandria', '5']])
    // the nation's: no governorate, since the row spans them
    expect(await csv('by=service')).toEqual([['PASS', '', '', '10']])
  })
})

it("the longest wait is empty where nobody was called, as the average beside it and the center's CSV are (walk s52: it read 0)", () => {
  const rows = [
    figureRow({ key: 'ENQ', name_ar: 'استعلامات', name_en: 'Enquiries', issued: 2, cancelled: 2 }),
    figureRow({ key: 'PASS', name_ar: 'جوازات', name_en: 'Passports', issued: 3, called: 2, wait_count: 2, wait_sum: 100, wait_max: 70 }),
  ]
  const csv = readCsv(figuresCsv(rows, { from: '2026-03-10', to: '2026-03-10', by: 'service' }, 'en'))
  expect(csv.rows.map((r) => [r.Code, r['Average wait (seconds)'], r['Longest wait (seconds)']])).toEqual([
    ['ENQ', '', ''],
    ['PASS', '50', '70'],
  ])
})
