import { expect } from 'vitest'
import { type HourBatch, type HourFigures, zeroCounts } from '../../protocol/upstream.ts'
import { addNationalService, batchPath, postSigned, registerCenter, type TestHub } from './hub-harness.ts'

/**
 * Two months of figures from four centers in three governorates, for the analysis tests (server
 * and Chromium): what is ingested is listed in `rows`, and the tests compute what they expect
 * from that list, not from the hub.
 */

export const ANALYSIS_CENTERS = [
  { id: 'EG-CAI-001', governorate: 'القاهرة', nameAr: 'مركز مدينة نصر', nameEn: 'Nasr City center' },
  { id: 'EG-CAI-002', governorate: 'القاهرة', nameAr: 'مركز المعادي', nameEn: 'Maadi center' },
  { id: 'EG-ALX-005', governorate: 'الإسكندرية', nameAr: 'مركز سموحة', nameEn: 'Smouha center' },
  { id: 'EG-ASN-001', governorate: 'أسوان', nameAr: 'مركز أسوان', nameEn: 'Aswan center' },
] as const

export const ANALYSIS_SERVICES = [
  { code: 'PASSPORT', local: 'A', nameAr: 'جوازات السفر', nameEn: 'Passports' },
  { code: 'BIRTH-CERT', local: 'B', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates' },
] as const

export interface FixtureRow {
  centerId: string
  governorate: string
  day: string
  hour: number
  nationalCode: string
  issued: number
  served: number
  noShow: number
  waitCount: number
  waitSumSeconds: number
  waitWithinTarget: number
  /** Past the target uncalled (left, or still waiting in the running hour); 0 when absent. */
  waitMissedUncalled?: number
  /** Of those, still waiting past their target in the running hour; 0 when absent. */
  waitingPastTarget?: number
}

/** Every fourth day from 1 Oct to 26 Nov 2026: one or two days in each ISO week from 40 to 48, in two months. */
export const FIXTURE_DAYS = Array.from({ length: 15 }, (_, i) => new Date(Date.UTC(2026, 9, 1 + 4 * i)).toISOString().slice(0, 10))

/** The rows ingested: hour 9 at every center, hour 11 too at the first; numbers vary by day, center and service. */
export function fixtureRows(): FixtureRow[] {
  const rows: FixtureRow[] = []
  FIXTURE_DAYS.forEach((day, d) => {
    ANALYSIS_CENTERS.forEach((c, ci) => {
      for (const hour of ci === 0 ? [9, 11] : [9])
        ANALYSIS_SERVICES.forEach((s, si) => {
          const issued = 3 + ((d * 7 + ci * 5 + si * 3 + hour) % 11)
          const served = issued - ((d + si) % 3)
          const noShow = (d + ci) % 2
          const waitCount = served + noShow
          rows.push({
            centerId: c.id,
            governorate: c.governorate,
            day,
            hour,
            nationalCode: s.code,
            issued,
            served,
            noShow,
            waitCount,
            waitSumSeconds: waitCount * (300 + 60 * ((d + ci + si) % 9)),
            waitWithinTarget: Math.max(0, waitCount - ((d + ci) % 3)),
          })
        })
    })
  })
  return rows
}

/**
 * Registers the centers and the national services and sends every row as signed hourly batches (the
 * centers side by side, as they would); `extra`: rows of those centers a test adds to the fixture's.
 */
export async function ingestFixture(hub: TestHub, extra: readonly FixtureRow[] = []): Promise<FixtureRow[]> {
  for (const s of ANALYSIS_SERVICES) await addNationalService(hub, s.code, { nameAr: s.nameAr, nameEn: s.nameEn })
  const rows = [...fixtureRows(), ...extra]
  await Promise.all(ANALYSIS_CENTERS.map((c) => sendCenterRows(hub, c, rows)))
  return rows
}

type FixtureCenter = { id: string; governorate: string; nameAr: string; nameEn: string }

/** Registers a center and sends its rows of `rows` as signed hourly batches (a center opened later, for the tests that add one). */
export async function sendCenterRows(hub: TestHub, c: FixtureCenter, rows: readonly FixtureRow[]): Promise<void> {
  let seq = 0
  const secret = await registerCenter(hub, c.id, { governorate: c.governorate, nameAr: c.nameAr, nameEn: c.nameEn })
  const mine = rows.filter((r) => r.centerId === c.id)
  for (const key of new Set(mine.map((r) => `${r.day} ${r.hour}`))) {
    const [day, hour] = key.split(' ')
    const figures: HourFigures[] = mine
      .filter((r) => r.day === day && r.hour === Number(hour))
      .map((r) => {
        const s = ANALYSIS_SERVICES.find((x) => x.code === r.nationalCode)!
        return {
          serviceCode: s.local,
          serviceNameAr: s.nameAr,
          serviceNameEn: s.nameEn,
          nationalCode: s.code,
          ...zeroCounts(),
          issued: r.issued,
          called: r.served + r.noShow,
          served: r.served,
          noShow: r.noShow,
          waitCount: r.waitCount,
          waitSumSeconds: r.waitSumSeconds,
          waitMaxSeconds: 1200,
          waitWithinTarget: r.waitWithinTarget,
          waitMissedUncalled: r.waitMissedUncalled ?? 0,
          waitingPastTarget: r.waitingPastTarget ?? 0,
        }
      })
    const batch: HourBatch = {
      centerId: c.id,
      seq: ++seq,
      day,
      hour: Number(hour),
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: Date.now(),
      rows: figures,
    }
    const res = await postSigned(hub.url, batchPath, c.id, secret, batch)
    expect(res.status, res.text).toBe(200)
  }
}

/** The sums the tests expect, computed from the rows themselves. */
export function expectedSums(rows: readonly FixtureRow[]) {
  const sum = (f: (r: FixtureRow) => number) => rows.reduce((a, r) => a + f(r), 0)
  const waitCount = sum((r) => r.waitCount)
  const counted = waitCount + sum((r) => r.waitMissedUncalled ?? 0)
  const round1 = (n: number) => Math.round(n * 10) / 10
  return {
    issued: sum((r) => r.issued),
    served: sum((r) => r.served),
    noShow: sum((r) => r.noShow),
    avgWaitSeconds: waitCount ? round1(sum((r) => r.waitSumSeconds) / waitCount) : null,
    slaPercent: counted ? round1((100 * sum((r) => r.waitWithinTarget)) / counted) : null,
  }
}

/** The ISO week of a day, `2026-W48`, by the textbook rule (the Thursday of its week decides the year), not the hub's code. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  const weekday = (d.getUTCDay() + 6) % 7 // Monday 0
  const thursday = new Date(d.getTime() + (3 - weekday) * 86_400_000)
  const year = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000))
  return `${year}-W${String(week).padStart(2, '0')}`
}

/** `day` moved by `n` days. */
export const shiftDay = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
