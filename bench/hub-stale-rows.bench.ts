/**
 * What hub migration 24 (hub/store/migration-24-stale-rows.ts) costs on PostgreSQL. `--days N`
 * (default 7) of a national network's hourly rows (700 centers × 30 services × 24 hours, 504,000
 * rows a day, January 2025, hub_figures partitioned by month) at revision 1, their hub_hours and
 * every rollup as a hub of schema 23 keeps them (the rollup by hour for a service kept, as by a
 * deferring hub: the migration then rebuilds it too). One center in 50 re-sent each of its hours as
 * revision 2 with its last service under a new letter, and the hub before session 52 left that
 * service's rows under the old letter at revision 1: those are the stale rows. Then the plan of the
 * migration's statement for the month (EXPLAIN ANALYZE, BUFFERS, rolled back) and the migration
 * itself, timed. The database is the bench's own (TABOUR_BENCH_DB_PREFIX), dropped at the end
 * unless `--keep`. Run: `npx tsx bench/hub-stale-rows.bench.ts --days 7`.
 */
import { loadavg } from 'node:os'
import { sql } from 'kysely'
import pg from 'pg'
import findLocalPostgres from '../test/global-setup.ts'
import { openHubDatabase } from '../hub/store/database.ts'
import { hubMigrations } from '../hub/store/migrations.ts'
import { HubStore } from '../hub/store/store.ts'
import { ensureMonthPartition } from '../hub/store/partitions.ts'
import { rebuildFromFinerSql, rebuildSql, ROLLUPS, rollupsOf } from '../hub/store/rollups.ts'
import { rebuildServiceHourRollup, SERVICE_HOUR_ROLLUP } from '../hub/store/rollup-service-hour.ts'
import { createStaleDays, deleteStaleRowsPg } from '../hub/store/migration-24-stale-rows.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'
import { GENERATE } from './hub-national.bench.ts'

const CENTERS = 700
const daysArg = process.argv.indexOf('--days')
const DAYS = Math.max(1, Math.min(31, Number(daysArg > 0 ? process.argv[daysArg + 1] : 7)))
const FIRST = '2025-01-01'
const LAST = `2025-01-${String(DAYS).padStart(2, '0')}`
const log = (s: string) => console.log(`[hub-stale-rows] ${s} (load ${loadavg()[0].toFixed(1)})`)
const seconds = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1)

await findLocalPostgres()
const url = process.env.TABOUR_TEST_PG_URL
if (!url) throw new Error('no PostgreSQL: TABOUR_TEST_PG_URL is not set')
const db = await benchDatabase(url, 'stale')
const store = new HubStore(openHubDatabase({ databaseUrl: db.url, sqliteFile: '' }))
const loader = new pg.Client({ connectionString: db.url })
try {
  log(`database ${db.name}`)
  await store.migrate(hubMigrations.filter((m) => m.version <= 23))
  const d = store.db
  await loader.connect()
  await loader.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'")
  let t0 = performance.now()
  await loader.query(`INSERT INTO hub_centers (id, name_ar, name_en, governorate, city_en, kind, secret, active, created_at)
    SELECT 'EG-' || lpad(c::text, 4, '0'), 'مركز ' || c, 'Center ' || c, 'G' || lpad((c % 27)::text, 2, '0'), '', 'fixed', 'x', 1, 0
    FROM generate_series(0, ${CENTERS - 1}) c`)
  await ensureMonthPartition(d, '2025-01')
  const rows = await loader.query(GENERATE('hub_figures'), [FIRST, LAST])
  await loader.query(`INSERT INTO hub_hours (center_id, day, hour, revision, final, seq, received_at)
    SELECT c.id, to_char(d, 'YYYY-MM-DD'), h, 1, 1, 1, 0 FROM generate_series('${FIRST}'::date, '${LAST}'::date, interval '1 day') d,
      generate_series(0, 23) h, hub_centers c`)
  // one center in 50: every hour re-sent as revision 2, S29 under a new letter R29 (the same national code); S29's rows left at revision 1
  const renamed = 'right(center_id, 4)::int % 50 = 0'
  const { rows: cols } = await loader.query(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_name = 'hub_figures' ORDER BY ordinal_position",
  )
  const names = cols.map((r: { c: string }) => r.c)
  const values = names.map((c: string) => (c === 'service_code' ? "'R29'" : c === 'revision' ? '2' : c))
  await loader.query(
    `INSERT INTO hub_figures (${names.join(', ')}) SELECT ${values.join(', ')} FROM hub_figures WHERE ${renamed} AND service_code = 'S29'`,
  )
  await loader.query(`UPDATE hub_figures SET revision = 2 WHERE ${renamed} AND service_code NOT IN ('S29', 'R29')`)
  await loader.query(`UPDATE hub_hours SET revision = 2 WHERE ${renamed}`)
  log(`${rows.rowCount?.toLocaleString('en')} hourly rows, their hours and the renamed centers' revision 2 in ${seconds(t0)} s`)
  // the rollups summing every row, the stale ones too, as the hub before kept them
  t0 = performance.now()
  for (const s of rollupsOf(11)) await loader.query(rebuildSql(s, 'postgres'))
  for (const s of rollupsOf(13)) await loader.query(rebuildFromFinerSql(s, 'postgres'))
  await d.transaction().execute((trx) => rebuildServiceHourRollup(trx))
  for (const t of ['hub_figures', 'hub_hours', ...ROLLUPS.map((r) => r.table), SERVICE_HOUR_ROLLUP])
    await loader.query(`VACUUM (ANALYZE) ${t}`)
  log(`rollups built and vacuumed in ${seconds(t0)} s`)
  const staleCount = async () =>
    Number(
      (
        await loader.query(`SELECT COUNT(*) AS n FROM hub_figures f JOIN hub_hours h ON h.center_id = f.center_id
        AND CAST(h.day AS date) = f.day AND h.hour = f.hour WHERE f.revision < h.revision`)
      ).rows[0].n,
    )
  log(`stale rows: ${await staleCount()}`)

  // the month's statement, as the migration sends it, with its plan and buffers (rolled back)
  await d
    .transaction()
    .execute(async (trx) => {
      await createStaleDays(trx, 'postgres')
      const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS) ${deleteStaleRowsPg('2025-01-01', '2025-02-01')}`.execute(
        trx,
      )
      console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
      throw new Error('rolled back')
    })
    .catch((err) => {
      if (err.message !== 'rolled back') throw err
    })

  const temp = async () =>
    Number((await loader.query('SELECT temp_bytes AS b FROM pg_stat_database WHERE datname = current_database()')).rows[0].b)
  const tempBefore = await temp()
  t0 = performance.now()
  const version = await store.migrate()
  log(`migration 24 (to ${version}): ${seconds(t0)} s, temporary files ${((await temp()) - tempBefore) / 1e6} MB`)
  const { rows: check } = await loader.query(`SELECT (SELECT COUNT(*) FROM hub_figures) AS rows,
      (SELECT SUM(issued) FROM hub_figures) AS issued, (SELECT SUM(issued) FROM hub_rollup_national_day) AS national_day,
      (SELECT SUM(issued) FROM hub_rollup_service_month) AS service_month, (SELECT SUM(issued) FROM ${SERVICE_HOUR_ROLLUP}) AS service_hour`)
  log(`after: ${await staleCount()} stale rows; ${JSON.stringify(check[0])}`)
} finally {
  await loader.end().catch(() => {})
  await store.close()
  if (!process.argv.includes('--keep')) await db.drop()
}
