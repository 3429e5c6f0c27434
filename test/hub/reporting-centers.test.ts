import { afterEach, describe, expect, it } from 'vitest'
import { type HourBatch, type HourFigures, zeroCounts } from '../../protocol/upstream.ts'
import { readCsv } from '../helpers/read-csv.ts'
import { BACKENDS, batchPath, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Walk of 2026-12-05: a governorate whose centers sent nothing showed 0 tickets, as if they had
 * reported a day without citizens. "By governorate" and "by center" now carry how many centers
 * sent any figures for the range (`reportingCenters`), on every path of the figures' SQL (one day,
 * days, whole months, from the rollups), in the dashboard and the CSV.
 */

const figures = (o: Partial<HourFigures>): HourFigures => ({
  ...zeroCounts(),
  serviceCode: 'A',
  serviceNameAr: 'جوازات',
  serviceNameEn: 'Passports',
  ...o,
})

const batch = (centerId: string, day: string, rows: HourFigures[]): HourBatch => ({
  centerId,
  seq: Number(day.replaceAll('-', '')),
  day,
  hour: 10,
  timeZone: 'Africa/Cairo',
  revision: 1,
  final: false,
  generatedAt: Date.now(),
  rows,
})

describe.each(BACKENDS)('centers that reported, by governorate and center, on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('a governorate none of whose centers reported is 0 reporting centers, unlike one that reported 0 tickets', {
    timeout: 60_000,
  }, async () => {
    hub = await startTestHub({ backend })
    const cairo = await registerCenter(hub, 'EG-CAI-001', { governorate: 'Cairo' })
    await registerCenter(hub, 'EG-CAI-002', { governorate: 'Cairo' }) // never reports
    await registerCenter(hub, 'EG-ALX-001', { governorate: 'Alexandria' }) // never reports
    const giza = await registerCenter(hub, 'EG-GZ-001', { governorate: 'Giza' })
    // Cairo's first center: tickets on two days of two months; Giza's: a day it was open and nobody came
    for (const day of ['2026-10-31', '2026-11-02'])
      expect(
        (await postSigned(hub.url, batchPath, 'EG-CAI-001', cairo, batch('EG-CAI-001', day, [figures({ issued: 4, served: 3 })]))).status,
      ).toBe(200)
    expect(
      (await postSigned(hub.url, batchPath, 'EG-GZ-001', giza, batch('EG-GZ-001', '2026-11-02', [figures({ counterOpenMinutes: 60 })])))
        .status,
    ).toBe(200)

    const rows = async (query: string) => {
      const res = await hub.app.inject({ url: `/api/hub/v1/figures?${query}` })
      expect(res.statusCode, res.body).toBe(200)
      return Object.fromEntries(
        (res.json().rows as { key: string; issued: number; reportingCenters?: number }[]).map((r) => [
          r.key,
          [r.reportingCenters, r.issued],
        ]),
      )
    }
    // one day, days across a month's end, and whole months (the month rollup): the same truth on each path
    expect(await rows('from=2026-11-02&to=2026-11-02&by=governorate')).toEqual({ 'EG-ALX': [0, 0], 'EG-C': [1, 4], 'EG-GZ': [1, 0] })
    expect(await rows('from=2026-10-30&to=2026-11-03&by=governorate')).toEqual({ 'EG-ALX': [0, 0], 'EG-C': [1, 8], 'EG-GZ': [1, 0] })
    expect(await rows('from=2026-10-01&to=2026-11-30&by=governorate')).toEqual({ 'EG-ALX': [0, 0], 'EG-C': [1, 8], 'EG-GZ': [1, 0] })
    expect(await rows('from=2026-10-31&to=2026-10-31&by=governorate')).toEqual({ 'EG-ALX': [0, 0], 'EG-C': [1, 4], 'EG-GZ': [0, 0] })
    expect(await rows('from=2026-10-01&to=2026-11-30&by=center')).toEqual({
      'EG-ALX-001': [0, 0],
      'EG-CAI-001': [1, 8],
      'EG-CAI-002': [0, 0],
      'EG-GZ-001': [1, 0],
    })
    // the other groupings have no such count
    expect(new Set(Object.values(await rows('from=2026-11-02&by=service')).map(([n]) => n))).toEqual(new Set([undefined]))

    // the dashboard's tables carry it
    const dashboard = (await hub.app.inject({ url: '/api/hub/v1/dashboard?from=2026-11-02&to=2026-11-02' })).json()
    expect(dashboard.byGovernorate.map((r: { key: string; reportingCenters: number }) => [r.key, r.reportingCenters])).toEqual([
      ['EG-ALX', 0],
      ['EG-C', 1],
      ['EG-GZ', 1],
    ])

    // the CSV says it too, with each governorate's name in the file's language beside its code
    const csv = readCsv((await hub.app.inject({ url: '/api/hub/v1/figures.csv?from=2026-11-02&by=center&lang=en' })).body)
    expect(csv.rows.map((r) => [r.Code, r['Governorate code'], r.Governorate, r['Centers that reported'], r['Tickets issued']])).toEqual([
      ['EG-ALX-001', 'EG-ALX', 'Alexandria', '0', '0'],
      ['EG-CAI-001', 'EG-C', 'Cairo', '1', '4'],
      ['EG-CAI-002', 'EG-C', 'Cairo', '0', '0'],
      ['EG-GZ-001', 'EG-GZ', 'Giza', '1', '0'],
    ])
    const ar = readCsv((await hub.app.inject({ url: '/api/hub/v1/figures.csv?from=2026-11-02&by=governorate' })).body)
    expect(ar.rows.map((r) => [r['رمز المحافظة'], r.المحافظة, r['المراكز التي أرسلت أرقامًا']])).toEqual([
      ['EG-ALX', 'الإسكندرية', '0'],
      ['EG-C', 'القاهرة', '1'],
      ['EG-GZ', 'الجيزة', '1'],
    ])
  })
})
