/**
 * Where a call of ingestHours spends its time on PostgreSQL: each statement of the call timed
 * (one sender, then `--senders N` at once), for a day of 24 hours per call. A profile for the
 * ingest bench's figures, not a figure of its own. `npx tsx bench/hub-ingest-profile.bench.ts --centers 100`.
 */
import { randomBytes } from 'node:crypto'
import type { HourBatch, HourFigures } from '../protocol/upstream.ts'
import { CompiledQuery, type LogEvent } from 'kysely'
import { legacyDriver } from '../hub/store/driver.ts'
import { openHubDatabase } from '../hub/store/database.ts'
import { HubStore } from '../hub/store/store.ts'
import findLocalPostgres from '../test/global-setup.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'
import { benchHourRows } from './lib/hour-rows.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CENTERS = arg('centers', 100)
const SENDERS = arg('senders', 1)

const rows = (seed: number): HourFigures[] => benchHourRows(seed, 30, { nationalCodes: true })

/** Each statement's time, by its first words, from Kysely's query log (the legacy `?` SQL goes through the same executor). */
const times = new Map<string, number>()
/** The newest merge statement seen, for `--explain` after the run. */
let lastMerge: CompiledQuery | null = null
const label = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 48)
const log = (event: LogEvent) => {
  if (event.level !== 'query') return
  const k = label(event.query.sql)
  times.set(k, (times.get(k) ?? 0) + event.queryDurationMillis)
  if (event.query.sql.startsWith('WITH input')) lastMerge = CompiledQuery.raw(event.query.sql, [...event.query.parameters])
}

await findLocalPostgres()
const db = await benchDatabase(process.env.TABOUR_TEST_PG_URL!, 'profile')
const hubDb = openHubDatabase({ databaseUrl: db.url, sqliteFile: '', poolSize: Math.max(2, SENDERS), log })
const driver = legacyDriver(hubDb)
const store = new HubStore(hubDb)
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
        await store.ingestHours(day(next++, '2026-03-10'), randomBytes(8).toString('hex'), Date.now())
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  console.log(`${CENTERS} calls of 24 center-hours, ${SENDERS} sender(s): ${((CENTERS * 24) / seconds).toFixed(0)} center-hours/s`)
  console.table(
    [...times.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ statement: k, 'ms per call': (v / CENTERS).toFixed(2) })),
  )
  if (process.argv.includes('--explain') && lastMerge) {
    // the plan of one call's merge, run again and rolled back
    const merge: CompiledQuery = lastMerge
    await hubDb
      .transaction()
      .execute(async (trx) => {
        const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${merge.sql}`, [...merge.parameters]),
        )
        console.log(plan.rows.map((p) => p['QUERY PLAN']).join('\n'))
        throw new Error('rolled back')
      })
      .catch((err: Error) => {
        if (err.message !== 'rolled back') throw err
      })
  }
} finally {
  await store.close()
  await db.drop()
}
