/**
 * Where a call of ingestHours spends its time on PostgreSQL: each statement of the call timed
 * (one sender, then `--senders N` at once), for a day of 24 hours per call. A profile for the
 * ingest bench's figures, not a figure of its own. `npx tsx bench/hub-ingest-profile.bench.ts --centers 100`.
 */
import { randomBytes } from 'node:crypto'
import type { HourBatch, HourFigures } from '../protocol/upstream.ts'
import { PostgresDriver, type SqlDriver } from '../hub/store/driver.ts'
import { HubStore } from '../hub/store/store.ts'
import findLocalPostgres from '../test/global-setup.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CENTERS = arg('centers', 100)
const SENDERS = arg('senders', 1)

const rows = (seed: number): HourFigures[] =>
  Array.from({ length: 30 }, (_, s) => {
    const n = 5 + ((seed * 31 + s * 7) % 40)
    return {
      serviceCode: `S${String(s).padStart(2, '0')}`,
      nationalCode: `N${String(s).padStart(2, '0')}`,
      serviceNameAr: `خدمة ${s}`,
      serviceNameEn: `Service ${s}`,
      issued: n,
      called: n - 1,
      served: n - 3,
      noShow: 1,
      cancelled: 1,
      transferredIn: 1,
      transferredOut: 1,
      waitSumSeconds: 600 * n,
      waitCount: n - 1,
      waitMaxSeconds: 2400,
      waitWithinTarget: n - 5,
      serviceSumSeconds: 280 * n,
      serviceCount: n - 3,
      counterOpenMinutes: 60,
    }
  })

/** A driver that adds each statement's time to `times`, by its first words. */
function timed(d: SqlDriver, times: Map<string, number>): SqlDriver {
  const label = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 48)
  const wrap =
    <A extends unknown[], R>(name: string, f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      if (explainNext && name === 'all' && String(a[0]).startsWith('WITH input')) {
        // the plan of one call's merge, run and rolled back before the real one
        explainNext = false
        await d.exec('SAVEPOINT profile')
        const plan = await d.all<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${a[0]}`, a[1] as never)
        await d.exec('ROLLBACK TO SAVEPOINT profile')
        console.log(plan.map((p) => p['QUERY PLAN']).join('\n'))
      }
      const t0 = performance.now()
      try {
        return await f(...a)
      } finally {
        const k = name === 'tx' ? 'tx (whole)' : label(String(a[0]))
        times.set(k, (times.get(k) ?? 0) + performance.now() - t0)
      }
    }
  return {
    dialect: d.dialect,
    all: wrap('all', d.all.bind(d)) as SqlDriver['all'],
    run: wrap('run', d.run.bind(d)),
    exec: wrap('exec', d.exec.bind(d)),
    tx: (work) => wrap('tx', d.tx.bind(d))((t: SqlDriver) => work(timed(t, times))) as never,
    close: () => d.close(),
  }
}

await findLocalPostgres()
const db = await benchDatabase(process.env.TABOUR_TEST_PG_URL!, 'profile')
const driver = new PostgresDriver(db.url, Math.max(2, SENDERS))
const times = new Map<string, number>()
let explainNext = false
const store = new HubStore(timed(driver, times))
try {
  await store.migrate()
  // what one index of hub_figures costs a call: `--drop-index hub_figures_national`
  const drop = process.argv.indexOf('--drop-index')
  if (drop > 0) await driver.exec(`DROP INDEX ${process.argv[drop + 1]}`)
  for (let c = 0; c < CENTERS; c++)
    await store.addCenter({ id: `C${c}`, nameAr: 'م', nameEn: 'C', governorate: `G${c % 27}`, city: '', kind: 'fixed', secret: 'x' }, 0)
  const day = (c: number, dayOf: string): HourBatch[] =>
    Array.from({ length: 24 }, (_, h) => ({
      centerId: `C${c}`,
      seq: h + 1,
      day: dayOf,
      hour: h,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: 0,
      rows: rows(c + h),
    }))
  await store.partitions.ensureFor('2026-03-10')
  times.clear()
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      while (next < CENTERS) {
        explainNext = process.argv.includes('--explain') && next === CENTERS - 1
        await store.ingestHours(day(next++, '2026-03-10'), randomBytes(8).toString('hex'), Date.now())
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  console.log(`${CENTERS} calls of 24 center-hours, ${SENDERS} sender(s): ${((CENTERS * 24) / seconds).toFixed(0)} center-hours/s`)
  console.table(
    [...times.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ statement: k, 'ms per call': (v / CENTERS).toFixed(2) })),
  )
} finally {
  await store.close()
  await db.drop()
}
