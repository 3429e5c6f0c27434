/**
 * Where a call of ingestHours spends its time on PostgreSQL: each statement of the call timed
 * (one sender, then `--senders N` at once), for a day of 24 hours per call. A profile for the
 * ingest bench's figures, not a figure of its own. `npx tsx bench/hub-ingest-profile.bench.ts --centers 100`.
 * `--deferred`: the rollups deferred (rollup-fold.ts): the calls store rows and marks, then one
 * flush folds every center's day, timed and its CPU counted apart.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import type { HourBatch, HourFigures } from '../protocol/upstream.ts'
import { CompiledQuery, type LogEvent, sql } from 'kysely'
import { openHubDatabase } from '../hub/store/database.ts'
import { PG_MERGE_COLUMNS } from '../hub/store/figures-ingest.ts'
import { mergeSql } from '../hub/store/rollup-merge-pg.ts'
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
const DEFERRED = process.argv.includes('--deferred')

const rows = (seed: number): HourFigures[] => benchHourRows(seed, 30, { nationalCodes: true })

/** Each statement's time, by its first words, from Kysely's query log. */
const times = new Map<string, number>()
/** The parameters of the newest call of the ingest function (center, nonce, now, days, hours, the column arrays), for `--explain`. */
const last: { call: readonly unknown[] | null } = { call: null }
const label = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 48)
const log = (event: LogEvent) => {
  if (event.level !== 'query') return
  const k = label(event.query.sql)
  times.set(k, (times.get(k) ?? 0) + event.queryDurationMillis)
  if (event.query.sql.startsWith('SELECT * FROM hub_ingest_')) last.call = event.query.parameters
}

/** CPU seconds a process has used (/proc, Linux; 100 ticks a second), 0 when it is gone or not readable. */
function cpuSecondsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

await findLocalPostgres()
const db = await benchDatabase(process.env.TABOUR_TEST_PG_URL!, 'profile')
const hubDb = openHubDatabase({ databaseUrl: db.url, sqliteFile: '', poolSize: Math.max(2, SENDERS), log })
const store = new HubStore(hubDb, { deferRollups: DEFERRED })
try {
  await store.migrate()
  // what one index of hub_figures costs a call: `--drop-index hub_figures_national`
  const drop = process.argv.indexOf('--drop-index')
  if (drop > 0) await sql.raw(`DROP INDEX ${process.argv[drop + 1]}`).execute(hubDb)
  for (let c = 0; c < CENTERS; c++)
    await store.addCenter({ id: `C${c}`, nameAr: 'م', nameEn: 'C', governorate: `G${c % 27}`, kind: 'fixed', secret: 'x' }, 0)
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
  // the server processes of this database (the pool's connections, opened before the run), to count their CPU time:
  // on a shared box the CPU a call costs is steadier than its wall time, and says what an idle box would reach
  await Promise.all(Array.from({ length: Math.max(2, SENDERS) }, () => sql`SELECT pg_sleep(0.05)`.execute(hubDb)))
  const backends = async () =>
    (await sql<{ pid: number }>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(hubDb)).rows.map((r) => r.pid)
  const pids = await backends()
  const serverCpu0 = pids.reduce((n, pid) => n + cpuSecondsOf(pid), 0)
  const nodeCpu0 = process.cpuUsage()
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
  const nodeCpu = process.cpuUsage(nodeCpu0)
  const serverCpu = (await backends()).reduce((n, pid) => n + cpuSecondsOf(pid), 0) - serverCpu0
  const perCall = { node: (nodeCpu.user + nodeCpu.system) / 1000 / CENTERS, server: (serverCpu * 1000) / CENTERS }
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
  console.log(
    `${CENTERS} calls of 24 center-hours, ${SENDERS} sender(s): ${((CENTERS * 24) / seconds).toFixed(0)} center-hours/s (load average ${load})`,
  )
  console.log(
    `CPU per call: hub process ${perCall.node.toFixed(1)} ms, PostgreSQL ${perCall.server.toFixed(1)} ms: ${cpus().length} idle cores would take ` +
      `${Math.round((cpus().length * 1000 * 24) / (perCall.node + perCall.server))} center-hours/s (both on this box)`,
  )
  if (DEFERRED) {
    // the fold of every center's day the calls marked, as the refresher would run it: CPU of the hub and of the server
    // per server process: the pool closes idle connections meanwhile, and a sum over all would lose theirs
    const cpuByPid = async () => new Map((await backends()).map((pid) => [pid, cpuSecondsOf(pid)]))
    const foldServer0 = await cpuByPid()
    const foldNode0 = process.cpuUsage()
    const f0 = performance.now()
    const folded = await store.flushRollups()
    const foldSeconds = (performance.now() - f0) / 1000
    const foldNode = process.cpuUsage(foldNode0)
    const foldServer = [...(await cpuByPid())].reduce((n, [pid, cpu]) => n + cpu - (foldServer0.get(pid) ?? 0), 0)
    const node = (foldNode.user + foldNode.system) / 1000 / CENTERS
    const server = (foldServer * 1000) / CENTERS
    console.log(
      `fold of ${folded} center-days: ${foldSeconds.toFixed(2)} s (${((folded * 24) / foldSeconds).toFixed(0)} center-hours/s); CPU per center-day: hub ${node.toFixed(1)} ms, PostgreSQL ${server.toFixed(1)} ms`,
    )
    const all = perCall.node + perCall.server + node + server
    console.log(
      `ingest and fold together: ${all.toFixed(1)} ms of CPU a center-day: ${cpus().length} idle cores would take ${Math.round((cpus().length * 1000 * 24) / all)} center-hours/s`,
    )
  }
  console.table(
    [...times.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => ({ statement: k, 'ms per call': (v / CENTERS).toFixed(2) })),
  )
  if (process.argv.includes('--explain') && last.call) {
    // the plan of the merge statement the function runs (rollup-merge-pg.ts), with the last call's rows moved to a day
    // not stored yet, run and rolled back (the nonce and the lock are not part of it)
    // the function's parameters (ingest-function-pg.ts): the hours' finals and seqs, the status and the codes sit before the arrays
    const [center, , now, days, hours, batchDays, batchHours, batchRevisions, , , , , ...arrays] = last.call.map((p) =>
      typeof p === 'string' ? p.replaceAll('2026-03-10', '2026-03-12') : p,
    )
    const { names, types, conflict } = PG_MERGE_COLUMNS
    // the statement of a call touching held hours (the revision rule and the deletion of rows a newer batch no longer holds)
    const merge = {
      sql: mergeSql(
        names,
        conflict,
        {
          arrays: names.map((_, i) => `$${8 + i}::${types[i]}[]`),
          center: '$1',
          now: '$2::bigint',
          days: '$3::date[]',
          hours: '$4::int[]',
          batchDays: '$5::text[]',
          batchHours: '$6::int[]',
          batchRevisions: '$7::int[]',
        },
        true,
      ),
    }
    const fresh = [center, now, days, hours, batchDays, batchHours, batchRevisions, ...arrays]
    await hubDb
      .transaction()
      .execute(async (trx) => {
        const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS, SUMMARY) ${merge.sql}`, fresh),
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
