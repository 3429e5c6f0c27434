/**
 * The hub at national scale on PostgreSQL (issue 23): a year of 700 centers × 30 services × 24
 * hours (≈ 184 M hourly rows) loaded server-side (INSERT … SELECT over generate_series, month by
 * month, and the rollups built from them as migration 11 does), then every national view through
 * the hub's own REST (median of 3 after a warm-up), the ingest rate through the store (batches of
 * one center-hour, deltas into the rollups, 16 at once), and same-run baselines: a bulk insert of
 * the same rows into a plain table (the floor COPY-class loading sets), a bare `SELECT 1`, and
 * GET /healthz.
 *
 * TABOUR_BENCH_SCALE=<days> loads fewer days of hourly rows (default 365); the rest of the year's
 * rollups are then those days' rollup rows repeated, so the views still read a year's worth of
 * rollup rows (said in the output). Needs the tests' PostgreSQL (TABOUR_TEST_PG_URL or the local
 * server test/ensure-system-deps.mjs readies). Run: `npx tsx bench/hub-national.bench.ts`.
 * The database is the bench's own (TABOUR_BENCH_DB_PREFIX, bench/lib/bench-pg-database.ts), dropped
 * at the end; `--keep` keeps it (its name is printed), `--db NAME` times the views of a database a
 * run kept, without loading again.
 *
 * A whole year takes hours on two cores (a month ~9 minutes of a quiet box), more than one sitting:
 * each month is loaded in one transaction and marked done in it (`bench_loaded_months`), so
 * `--load-minutes N` stops after the month that passes N minutes (the database kept, its name
 * printed) and `--resume NAME` loads the months not yet done, then times everything. A run killed
 * mid-month loses that month only. `--nice` lowers the loading backend's CPU priority (renice 10),
 * so a box shared with tests is slowed less.
 */
import { randomBytes } from 'node:crypto'
import findLocalPostgres from '../test/global-setup.ts'
import type { HourBatch, HourFigures } from '../protocol/upstream.ts'
import { FIGURE_COLUMNS } from '../hub/store/figure-columns.ts'
import { ROLLUPS, rebuildFromFinerSql, rebuildSql, rollupColumns, rollupsOf } from '../hub/store/rollups.ts'
import {
  rebuildServiceHourRollup,
  SERVICE_HOUR_KEYS,
  SERVICE_HOUR_ROLLUP,
  serviceHourRollupKept,
} from '../hub/store/rollup-service-hour.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'
import { ensureMonthPartition, partitionName } from '../hub/store/partitions.ts'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { sql } from 'kysely'
import type { HubDb } from '../hub/store/database.ts'
import { benchHourRows } from './lib/hour-rows.ts'

/** BENCH_NATIONAL_CENTERS: fewer centers, to try the bench itself quickly (the figures are a national network's only at 700). */
const CENTERS = Number(process.env.BENCH_NATIONAL_CENTERS ?? 700)
const SERVICES = 30
const GOVERNORATES = 27
const YEAR = 2025
/** `--days N` or TABOUR_BENCH_SCALE=N: the days of hourly rows to load (default the whole year). */
const daysArg = process.argv.indexOf('--days')
const DAYS = Math.max(
  1,
  Math.min(365, Number((daysArg > 0 ? process.argv[daysArg + 1] : undefined) ?? process.env.TABOUR_BENCH_SCALE ?? 365)),
)
const INGEST_WORKERS = 16

const dayOf = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + n)).toISOString().slice(0, 10)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (t0: number) => performance.now() - t0

// one hourly row per center, hour and service of days lo..hi, figures varying with all four
export const GENERATE = (
  target: string,
) => `INSERT INTO ${target} (center_id, day, hour, service_code, service_name_ar, service_name_en, national_code, revision,
    issued, called, served, no_show, cancelled, transferred_in, transferred_out, wait_sum, wait_count, wait_max, wait_within_target,
    service_sum, service_count, counter_open_minutes, open_minutes, received_at)
  SELECT c.id, d::date, h, 'S' || lpad(s::text, 2, '0'), 'خدمة ' || s, 'Service ' || s, 'N' || lpad(s::text, 2, '0'), 1,
    v, v - 1, v - 2, 1, v % 2, 0, v % 3, 600 * v, v - 1, 1200 + 10 * v, v - 3, 280 * v, v - 2, 60, 60, 0
  FROM generate_series($1::date, $2::date, interval '1 day') d, generate_series(0, 23) h, hub_centers c, generate_series(0, 29) s,
    LATERAL (SELECT 5 + ((hashtext(c.id) & 255) + 7 * s + 3 * h + extract(doy FROM d)::int) % 40 AS v) x`

/** transferredIn 0: as the SQL the bench loads with, which counts no transfers in. */
const batchRows = (seed: number): HourFigures[] => benchHourRows(seed, SERVICES, { nationalCodes: true, transferredIn: 0 })

export async function hubNationalBench(): Promise<void> {
  await findLocalPostgres()
  const { PG_URL, startTestHub } = await import('../test/hub/hub-harness.ts')
  if (!PG_URL) {
    console.log('\n## Hub at national scale: skipped (no PostgreSQL: TABOUR_TEST_PG_URL is not set)')
    return
  }
  const argOf = (flag: string) => (process.argv.indexOf(flag) > 0 ? process.argv[process.argv.indexOf(flag) + 1] : undefined)
  const reuse = argOf('--db')
  const resume = argOf('--resume')
  const loadMinutes = Number(argOf('--load-minutes') ?? Number.POSITIVE_INFINITY)
  const db = await benchDatabase(PG_URL, 'national', reuse ?? resume)
  const keep = reuse !== undefined || resume !== undefined || process.argv.includes('--keep') || Number.isFinite(loadMinutes)
  const hub = await startTestHub({ config: { databaseUrl: db.url } })
  const d = hub.store.db
  const dbUrl = db.url
  const log = (s: string) => console.log(`[hub-national] ${s}`)
  log(`database ${db.name}${keep ? ' (kept)' : ''}`)
  try {
    if (!reuse && !(await loadYear(d, dbUrl, log, loadMinutes))) {
      log(`stopped after ${loadMinutes} minutes of loading: go on with --resume ${db.name}`)
      return
    }
    await timeEverything(hub, d, dbUrl, log)
  } finally {
    await hub.close()
    if (!keep) await db.drop()
  }
}

/**
 * The registry, the catalogue, DAYS of hourly rows and a year of rollups; the months a run before
 * loaded are kept. False when `minutes` ran out before every month was loaded.
 */
async function loadYear(d: HubDb, dbUrl: string, log: (s: string) => void, minutes: number): Promise<boolean> {
  await runSql(d, 'CREATE TABLE IF NOT EXISTS bench_loaded_months (month TEXT PRIMARY KEY, rows BIGINT NOT NULL, seconds REAL NOT NULL)')
  const done = new Map(
    (await sql<{ month: string; rows: string }>`SELECT month, rows FROM bench_loaded_months`.execute(d)).rows.map((r) => [
      r.month,
      Number(r.rows),
    ]),
  )
  if (done.size > 0) log(`resuming: ${[...done.keys()].sort().join(', ')} loaded before`)
  {
    // --- the registry and the catalogue (a resumed load has them)
    if (done.size === 0)
      await runSql(
        d,
        `INSERT INTO hub_centers (id, name_ar, name_en, governorate, city_en, kind, secret, active, created_at)
      SELECT 'EG-' || lpad(c::text, 4, '0'), 'مركز ' || c, 'Center ' || c, 'G' || lpad((c % ${GOVERNORATES})::text, 2, '0'), '', 'fixed', 'x', 1, 0
      FROM generate_series(0, ${CENTERS - 1}) c`,
      )
    if (done.size === 0)
      await runSql(
        d,
        `INSERT INTO hub_national_services (code, name_ar, name_en, created_at, updated_at)
      SELECT 'N' || lpad(s::text, 2, '0'), 'خدمة ' || s, 'Service ' || s, 0, 0 FROM generate_series(0, ${SERVICES - 1}) s`,
      )

    // --- the hourly rows, a month at a time: each month's rows into a bare table, its indexes built
    // once, the table attached as that month's partition, then its rollups by set-based SQL
    const load0 = performance.now()
    let loadedRows = 0
    const loader = new pg.Client({ connectionString: dbUrl, types: { getTypeParser: pg.types.getTypeParser } })
    await loader.connect()
    // a bench load: losing the last commits on a crash costs nothing, and big sorts and hashes are the point
    await loader.query("SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'")
    if (process.argv.includes('--nice')) {
      const pid = (await loader.query('SELECT pg_backend_pid() AS pid')).rows[0].pid
      execFileSync('renice', ['10', '-p', String(pid)])
    }
    const timed = async (sql: string, params: unknown[] = []) => {
      const t0 = performance.now()
      const res = await loader.query(sql, params)
      return { rows: res.rowCount ?? 0, s: ms(t0) / 1000 }
    }
    const steps = { copy: 0, index: 0, attach: 0, rollups: 0 }
    for (let first = 0; first < DAYS; ) {
      const month = dayOf(first).slice(0, 7)
      let last = first
      while (last + 1 < DAYS && dayOf(last + 1).startsWith(month)) last++
      if (done.has(month)) {
        loadedRows += done.get(month)!
        first = last + 1
        continue
      }
      if (ms(load0) > minutes * 60_000) {
        await loader.end()
        return false
      }
      const part = partitionName(month)
      const next = new Date(Date.UTC(YEAR, Number(month.slice(5)), 1)).toISOString().slice(0, 10)
      // the month whole or not at all: a run stopped in it leaves it to the next
      await loader.query('BEGIN')
      await loader.query(`DROP TABLE IF EXISTS ${part}`) // migration 11 made this month's, empty
      await loader.query(`CREATE TABLE ${part} (LIKE hub_figures INCLUDING DEFAULTS)`)
      const copy = await timed(GENERATE(part), [dayOf(first), dayOf(last)])
      const index = await timed(
        `ALTER TABLE ${part} ADD PRIMARY KEY (center_id, day, hour, service_code),
           ADD CONSTRAINT ${part}_range CHECK (day >= DATE '${month}-01' AND day < DATE '${next}');
         CREATE INDEX ON ${part} (national_code, day)`,
      )
      // the CHECK spares ATTACH its scan (hub migration 13 dropped the foreign key)
      const attach = await timed(`ALTER TABLE hub_figures ATTACH PARTITION ${part} FOR VALUES FROM ('${month}-01') TO ('${next}')`)
      let rollups = 0
      const days = `f.day >= '${dayOf(first)}' AND f.day <= '${dayOf(last)}'`
      for (const s of rollupsOf(11)) rollups += (await timed(rebuildSql(s, 'postgres', days))).s
      // migration 13's from the finer rollups just built, as the migration does
      for (const s of rollupsOf(13))
        rollups += (await timed(rebuildFromFinerSql(s, 'postgres', s.summedFrom?.table.endsWith('_month') ? `f.month = '${month}'` : days)))
          .s
      const monthSeconds = copy.s + index.s + attach.s + rollups
      await loader.query('INSERT INTO bench_loaded_months (month, rows, seconds) VALUES ($1, $2, $3)', [month, copy.rows, monthSeconds])
      await loader.query('COMMIT')
      loadedRows += copy.rows
      steps.copy += copy.s
      steps.index += index.s
      steps.attach += attach.s
      steps.rollups += rollups
      log(
        `${month}: ${last - first + 1} days, ${copy.rows.toLocaleString('en')} rows: insert ${copy.s.toFixed(1)} s (${Math.round(copy.rows / copy.s).toLocaleString('en')} rows/s), ` +
          `indexes ${index.s.toFixed(1)} s, attach ${attach.s.toFixed(1)} s, rollups ${rollups.toFixed(1)} s`,
      )
      first = last + 1
    }
    await loader.end()
    const thisRun = { rows: loadedRows - [...done.values()].reduce((a, b) => a + b, 0), seconds: ms(load0) / 1000 }
    if (done.size > 0) {
      const before = (await sql<{ s: number }>`SELECT SUM(seconds) AS s FROM bench_loaded_months`.execute(d)).rows[0].s
      log(
        `this run loaded ${thisRun.rows.toLocaleString('en')} hourly rows in ${thisRun.seconds.toFixed(0)} s; every month, over all runs: ${loadedRows.toLocaleString('en')} rows in ${Number(before).toFixed(0)} s of loading`,
      )
    }
    // migration 19's rollup (by day, hour, governorate and national code) from every loaded row, as the migration fills it
    const sh0 = performance.now()
    await d.transaction().execute((trx) => rebuildServiceHourRollup(trx))
    steps.rollups += ms(sh0) / 1000
    const loadSeconds = ms(load0) / 1000
    const t1 = performance.now()
    if (DAYS < 365) await repeatRollups(d)
    const repeatSeconds = ms(t1) / 1000
    const t2 = performance.now()
    for (const s of [...ROLLUPS.map((r) => r.table), SERVICE_HOUR_ROLLUP]) await runSql(d, `VACUUM (ANALYZE) ${s}`)
    await runSql(d, 'ANALYZE hub_figures')
    log(
      `load steps: insert ${steps.copy.toFixed(0)} s, indexes ${steps.index.toFixed(0)} s, attach ${steps.attach.toFixed(0)} s, rollups ${steps.rollups.toFixed(0)} s` +
        `${DAYS < 365 ? `, rollups repeated over the year ${repeatSeconds.toFixed(0)} s` : ''}, vacuum and analyze ${(ms(t2) / 1000).toFixed(0)} s`,
    )
    log(
      `loaded ${thisRun.rows.toLocaleString('en')} hourly rows with their rollups in ${loadSeconds.toFixed(0)} s (${Math.round(thisRun.rows / loadSeconds).toLocaleString('en')} rows/s)`,
    )
  }
  return true
}

/** The views through the REST, the baselines and the ingest rates, on a loaded database. */
async function timeEverything(
  hub: import('../test/hub/hub-harness.ts').TestHub,
  d: HubDb,
  dbUrl: string,
  log: (s: string) => void,
): Promise<void> {
  {
    const counts: Record<string, number> = {}
    for (const s of ['hub_figures', ...ROLLUPS.map((r) => r.table), SERVICE_HOUR_ROLLUP])
      counts[s] = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(s)}`.execute(d)).rows[0].n)
    log(`rows: ${JSON.stringify(counts)}`)

    // --- baselines
    const selectOne: number[] = []
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now()
      await sql`SELECT 1`.execute(d)
      selectOne.push(ms(t0))
    }
    const healthz: number[] = []
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now()
      await (await fetch(`${hub.url}/healthz`)).arrayBuffer()
      healthz.push(ms(t0))
    }
    // raw COPY: one day's rows (the same generator) as CSV, then psql's \\copy into a bare table, timed alone
    const csvDir = mkdtempSync(join(tmpdir(), 'tabour-bench-'))
    const csv = join(csvDir, 'day.csv')
    const oneDay = GENERATE('bench_raw')
      .replace(/^INSERT INTO bench_raw \([^)]*\)/, '')
      .replace('$1::date', `'${dayOf(0)}'::date`)
      .replace('$2::date', `'${dayOf(0)}'::date`)
    const psql = (command: string) => execFileSync('psql', [dbUrl, '-v', 'ON_ERROR_STOP=1', '-qAtc', command], { encoding: 'utf8' })
    psql(`\\copy (${oneDay.replace(/\s+/g, ' ').trim()}) TO '${csv}' WITH (FORMAT csv)`)
    await runSql(d, 'CREATE TABLE bench_raw (LIKE hub_figures INCLUDING DEFAULTS)')
    const columns = GENERATE('bench_raw')
      .match(/^INSERT INTO bench_raw \(([^)]*)\)/)![1]
      .replace(/\s+/g, ' ')
    const raw0 = performance.now()
    psql(`\\copy bench_raw (${columns}) FROM '${csv}' WITH (FORMAT csv)`)
    const rawSeconds = ms(raw0) / 1000
    const rawRows = Number((await sql<{ n: number }>`SELECT COUNT(*) AS n FROM bench_raw`.execute(d)).rows[0].n)
    await runSql(d, 'DROP TABLE bench_raw')
    rmSync(csvDir, { recursive: true, force: true })
    // a bare SELECT over the hourly rows: one day's rows summed by center, no rollup
    const bare: number[] = []
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now()
      await sql`SELECT center_id, SUM(issued) AS n FROM hub_figures WHERE day = ${dayOf(Math.min(DAYS - 1, 165))} GROUP BY center_id`.execute(
        d,
      )
      if (i > 0) bare.push(ms(t0))
    }

    // --- the national views through the hub's REST
    const mid = Math.min(DAYS - 1, 165)
    const day = dayOf(mid)
    const month = day.slice(0, 7)
    const [, m] = month.split('-').map(Number)
    const q0 = Math.floor((m - 1) / 3) * 3 + 1
    const quarterFrom = `${YEAR}-${String(q0).padStart(2, '0')}-01`
    const quarterTo = new Date(Date.UTC(YEAR, q0 + 2, 0)).toISOString().slice(0, 10)
    const monthTo = new Date(Date.UTC(YEAR, m, 0)).toISOString().slice(0, 10)
    const ranges: [string, string, string][] = [
      ['day', day, day],
      ['month', `${month}-01`, monthTo],
      ['quarter', quarterFrom, quarterTo],
      ['year', `${YEAR}-01-01`, `${YEAR}-12-31`],
    ]
    const views: { view: string; path: string }[] = []
    for (const [name, from, to] of ranges) {
      views.push({ view: `summary, ${name}`, path: `summary?from=${from}&to=${to}` })
      for (const by of ['governorate', 'center', 'service'])
        views.push({ view: `by ${by}, ${name}`, path: `figures?from=${from}&to=${to}&by=${by}` })
    }
    views.push({
      view: 'one governorate by center, quarter',
      path: `figures?from=${quarterFrom}&to=${quarterTo}&by=center&governorate=G05`,
    })
    views.push({ view: 'one service by governorate, year', path: `figures?from=${YEAR}-01-01&to=${YEAR}-12-31&by=governorate&service=N07` })
    views.push({ view: 'by day, year', path: `figures?from=${YEAR}-01-01&to=${YEAR}-12-31&by=day` })
    views.push({ view: 'one service by day, year', path: `figures?from=${YEAR}-01-01&to=${YEAR}-12-31&by=day&service=N07` })
    views.push({ view: 'one service by center, year', path: `figures?from=${YEAR}-01-01&to=${YEAR}-12-31&by=center&service=N07` })
    views.push({ view: 'by hour, month', path: `figures?from=${month}-01&to=${monthTo}&by=hour` })
    // the one view that reads the hourly rows (no rollup has a service and an hour): the whole country, a governorate, a center
    views.push({ view: 'one service by hour, month', path: `figures?from=${month}-01&to=${monthTo}&by=hour&service=N07` })
    views.push({
      view: 'one service in one governorate by hour, month',
      path: `figures?from=${month}-01&to=${monthTo}&by=hour&service=N07&governorate=G05`,
    })
    views.push({
      view: 'one service at one center by hour, month',
      path: `figures?from=${month}-01&to=${monthTo}&by=hour&service=N07&center=EG-0005`,
    })
    // the page's own answers: the dashboard (with its hours of the day up to 31 days) and the analysis trend,
    // which reads the two periods' centers before it compares them (session 42)
    views.push({ view: 'dashboard page, month', path: `dashboard?from=${month}-01&to=${monthTo}` })
    views.push({ view: 'dashboard page, year', path: `dashboard?from=${YEAR}-01-01&to=${YEAR}-12-31` })
    views.push({ view: 'trend by day, month (and the month before)', path: `analysis/trend?from=${month}-01&to=${monthTo}&grain=day` })
    views.push({
      view: 'trend by week, quarter (and the quarter before)',
      path: `analysis/trend?from=${quarterFrom}&to=${quarterTo}&grain=week`,
    })
    views.push({
      view: 'trend by month, year (and the year before)',
      path: `analysis/trend?from=${YEAR}-01-01&to=${YEAR}-12-31&grain=month`,
    })
    views.push({ view: 'CSV by center, month', path: `figures.csv?from=${month}-01&to=${monthTo}&by=center` })
    views.push({ view: 'CSV by service, month', path: `figures.csv?from=${month}-01&to=${monthTo}&by=service` })
    log(
      `load average before the views: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    )
    // "by hour" for one service also from the hourly rows, as before migration 19 (its rollup's flag cleared for them: the views then read hub_figures)
    const serviceHour = views.filter((v) => v.path.includes('by=hour&service='))
    const kept = await serviceHourRollupKept(d)
    if (!kept)
      log(
        'the rollup by governorate is not kept (an inline hub ingested since it was filled): every "by hour" for one service reads the hourly rows',
      )
    const flag = (on: boolean) => runSql(d, `UPDATE hub_rollup_service_hour_state SET kept = ${on ? 1 : 0}`)
    const timings: { view: string; medianMs: number; status: number; bytes: number }[] = []
    for (const v of [...views, ...serviceHour.map((v) => ({ ...v, view: `${v.view}, from the hourly rows (before 19)`, hourly: true }))]) {
      if ('hourly' in v) await flag(false)
      const runs: number[] = []
      let status = 0
      let bytes = 0
      for (let i = 0; i < 4; i++) {
        const t0 = performance.now()
        const res = await fetch(`${hub.url}/api/hub/v1/${v.path}`)
        bytes = (await res.arrayBuffer()).byteLength
        status = res.status
        if (i > 0) runs.push(ms(t0)) // the first is a warm-up
      }
      timings.push({ view: v.view, medianMs: Math.round(median(runs)), status, bytes })
      if ('hourly' in v) await flag(kept)
    }

    log(
      `load average after the views: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    )
    // --- ingest: a new day's first hours, then the same hours revised (the delta path)
    const ingestDay = `${YEAR + 1}-01-05`
    const ingest = async (revision: number) => {
      const list: HourBatch[] = []
      for (let h = 0; h < 2; h++)
        for (let c = 0; c < CENTERS; c++)
          list.push({
            centerId: `EG-${String(c).padStart(4, '0')}`,
            seq: revision * 100 + h,
            day: ingestDay,
            hour: h,
            timeZone: 'Africa/Cairo',
            revision,
            final: revision > 1,
            generatedAt: Date.now(),
            rows: batchRows(c + h + revision),
          })
      let next = 0
      const t0 = performance.now()
      await Promise.all(
        Array.from({ length: INGEST_WORKERS }, async () => {
          while (next < list.length) await hub.store.ingest(list[next++], randomBytes(12).toString('hex'), Date.now())
        }),
      )
      return list.length / (ms(t0) / 1000)
    }
    await ensureMonthPartition(hub.store.db, ingestDay.slice(0, 7))
    const ingestNew = await ingest(1)
    const ingestRevised = await ingest(2)
    // a day of backlog per call (ingestHours): each center's 24 hours of the next day at once
    const backlogDay = `${YEAR + 1}-01-06`
    const backlogs = Array.from({ length: CENTERS }, (_, c) =>
      Array.from(
        { length: 24 },
        (_, h): HourBatch => ({
          centerId: `EG-${String(c).padStart(4, '0')}`,
          seq: 1000 + h,
          day: backlogDay,
          hour: h,
          timeZone: 'Africa/Cairo',
          revision: 1,
          final: true,
          generatedAt: Date.now(),
          rows: batchRows(c + h),
        }),
      ),
    )
    let nextCenter = 0
    const b0 = performance.now()
    await Promise.all(
      Array.from({ length: INGEST_WORKERS }, async () => {
        while (nextCenter < backlogs.length)
          await hub.store.ingestHours(backlogs[nextCenter++], randomBytes(12).toString('hex'), Date.now())
      }),
    )
    const ingestBacklog = (CENTERS * 24) / (ms(b0) / 1000)

    console.log(
      `\n## Hub at national scale (PostgreSQL 15, ${CENTERS} centers × ${SERVICES} services × 24 h; hourly rows for ${DAYS} day${DAYS === 1 ? '' : 's'} of ${YEAR}` +
        `${DAYS < 365 ? `, the year's rollups = those days repeated` : ''})`,
    )
    console.log(
      `rows now: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
        .join(', ')}`,
    )
    console.table(timings.map((t) => ({ view: t.view, 'median ms': t.medianMs, status: t.status, bytes: t.bytes })))
    console.table([
      { case: `ingest, new hours (store.ingest, ${INGEST_WORKERS} at once)`, 'center-hours/s': Math.round(ingestNew) },
      { case: 'ingest, the same hours revised', 'center-hours/s': Math.round(ingestRevised) },
      {
        case: `ingest, a day of backlog per call (store.ingestHours, ${INGEST_WORKERS} at once)`,
        'center-hours/s': Math.round(ingestBacklog),
      },
      {
        case: "baseline: raw COPY (psql \\copy, CSV) of one day's rows into a bare table",
        'center-hours/s': Math.round(rawRows / SERVICES / rawSeconds),
        'rows/s': Math.round(rawRows / rawSeconds),
      },
    ])
    console.log(
      `baselines: SELECT 1 median ${median(selectOne).toFixed(2)} ms; GET /healthz median ${median(healthz).toFixed(2)} ms; ` +
        `bare SELECT of one day's hourly rows summed by center (${(CENTERS * SERVICES * 24).toLocaleString('en')} rows) median ${median(bare).toFixed(0)} ms`,
    )
  }
}

/**
 * The rollups of the loaded days copied over the rest of the year: the day rollups summed from the
 * hourly rows are repeated, the others (months, national) rebuilt from them as migration 13 does.
 */
async function repeatRollups(d: HubDb): Promise<void> {
  const repeated = [
    ...ROLLUPS.filter((r) => r.keys.includes('day') && !r.summedFrom).map((r) => ({ table: r.table, cols: rollupColumns(r), order: '' })),
    // in the order its fold writes it (rollup-service-hour.ts)
    {
      table: SERVICE_HOUR_ROLLUP,
      cols: [...SERVICE_HOUR_KEYS, 'source_rows', ...FIGURE_COLUMNS],
      order: 'ORDER BY national_key, day, governorate, hour',
    },
  ]
  for (const { table, cols, order } of repeated)
    for (let k = 1; k * DAYS < 365; k++)
      await runSql(
        d,
        `INSERT INTO ${table} (${cols.join(', ')}) SELECT ${cols.map((c) => (c === 'day' ? `day + ${k * DAYS}` : c)).join(', ')}
         FROM ${table} WHERE day < DATE '${dayOf(DAYS)}' AND day + ${k * DAYS} <= DATE '${YEAR}-12-31' ${order}`,
      )
  const sums = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `MAX(${c})` : `SUM(${c})`))
  await runSql(d, 'DELETE FROM hub_rollup_service_month')
  await runSql(
    d,
    `INSERT INTO hub_rollup_service_month (month, center_id, service_code, national_key, service_name_ar, service_name_en, source_rows, ${FIGURE_COLUMNS.join(', ')})
    SELECT to_char(day, 'YYYY-MM'), center_id, service_code, national_key, MAX(service_name_ar), MAX(service_name_en), SUM(source_rows), ${sums.join(', ')}
    FROM hub_rollup_service_day GROUP BY 1, 2, 3, 4`,
  )
  for (const s of ROLLUPS.filter((r) => r.summedFrom)) {
    await runSql(d, `DELETE FROM ${s.table}`)
    await runSql(d, rebuildFromFinerSql(s, 'postgres'))
  }
}

/** Runs SQL text this file builds (DDL and set-based loads, no values from outside) on the hub's database. */
async function runSql(d: HubDb, text: string): Promise<void> {
  await sql.raw(text).execute(d)
}

if (import.meta.url === `file://${process.argv[1]}`) await hubNationalBench()
