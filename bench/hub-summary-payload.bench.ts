/**
 * The national dashboard's payload for a year of a few centers (issue 23): the bytes of
 * GET /api/hub/v1/summary (every figure of every group, and the figures by day) beside those of
 * GET /api/hub/v1/dashboard (what the page shows), as JSON and gzipped, on SQLite, measured in
 * the same run. BENCH_SUMMARY_CENTERS (default 5) centers, 10 national services each and one
 * unmapped, 8 hours a day for 365 days.
 */
import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { addDays } from '../protocol/center-clock.ts'
import { GOVERNORATES } from '../protocol/governorates.ts'
import type { HourBatch, HourFigures } from '../protocol/upstream.ts'
import { registerCenter, startTestHub } from '../test/hub/hub-harness.ts'

const CENTERS = Number(process.env.BENCH_SUMMARY_CENTERS ?? 5)
const SERVICES = 10
const HOURS = [8, 9, 10, 11, 12, 13, 14, 15]
const FROM = '2025-12-01'
const DAYS = 365
const TO = addDays(FROM, DAYS - 1)

const figures = (seed: number, s: number): Omit<HourFigures, 'serviceCode' | 'serviceNameAr' | 'serviceNameEn'> => {
  const n = 3 + ((seed * 31 + s * 7) % 20)
  return {
    issued: n,
    called: n - 1,
    served: n - 2,
    noShow: 1,
    cancelled: 0,
    transferredIn: 0,
    transferredOut: 0,
    waitSumSeconds: 500 * n,
    waitCount: n - 1,
    waitMaxSeconds: 1800,
    waitWithinTarget: n - 2,
    serviceSumSeconds: 250 * n,
    serviceCount: n - 2,
    counterOpenMinutes: 60,
  }
}

const hub = await startTestHub()
try {
  for (let s = 0; s < SERVICES; s++)
    await hub.store.nationalServices.put(
      { code: `SVC-${s}`, nameAr: `خدمة قومية ${s}`, nameEn: `National service ${s}`, groupAr: 'مجموعة', groupEn: 'Group' },
      Date.now(),
    )
  const ids = Array.from({ length: CENTERS }, (_, c) => `EG-BENCH-${c}`)
  for (const [c, id] of ids.entries()) await registerCenter(hub, id, { governorate: GOVERNORATES[c % GOVERNORATES.length].code })
  let seq = 0
  const started = Date.now()
  for (const [c, id] of ids.entries()) {
    for (let d = 0; d < DAYS; d++) {
      const day = addDays(FROM, d)
      const batches: HourBatch[] = HOURS.map((hour) => ({
        centerId: id,
        seq: ++seq,
        day,
        hour,
        timeZone: 'Africa/Cairo',
        revision: 1,
        final: true,
        generatedAt: Date.now(),
        rows: [
          ...Array.from({ length: SERVICES }, (_, s) => ({
            serviceCode: String.fromCharCode(65 + s),
            serviceNameAr: `خدمة ${s}`,
            serviceNameEn: `Service ${s}`,
            nationalCode: `SVC-${s}`,
            ...figures(d + c + hour, s),
          })),
          // one local service without a national code: listed as unmapped, per center
          { serviceCode: 'Z', serviceNameAr: 'خدمة محلية', serviceNameEn: 'Local service', ...figures(d, 99) },
        ],
      }))
      await hub.store.ingestHours(batches, randomBytes(12).toString('hex'), Date.now())
    }
  }
  console.log(
    `loaded ${CENTERS} centers × ${DAYS} days × ${HOURS.length} hours × ${SERVICES + 1} services in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const rows: { route: string; status: number; bytes: number; gzipped: number; ms: number }[] = []
  for (const route of ['summary', 'dashboard']) {
    const t = performance.now()
    const res = await fetch(`${hub.url}/api/hub/v1/${route}?from=${FROM}&to=${TO}`)
    const body = Buffer.from(await res.arrayBuffer())
    rows.push({
      route: `GET /api/hub/v1/${route}`,
      status: res.status,
      bytes: body.length,
      gzipped: gzipSync(body).length,
      ms: Math.round(performance.now() - t),
    })
  }
  console.table(rows)
} finally {
  await hub.close()
}
