/**
 * The hub's ingest rate for a simulated country: 700 centers × 30 services, one batch per
 * center-hour (30 rows), on SQLite and on PostgreSQL (when TABOUR_TEST_PG_URL names a server
 * whose role may create databases). Three figures per backend, measured in the same run:
 * - HTTP: signed batches over loopback to the real hub (32 senders), signature checks,
 *   replay check, validation, idempotent upsert, status: what a center's reporter meets;
 * - store: the same ingest called in-process (no HTTP, no signature), a fresh hour;
 * - store, a day per call: `ingestHours` with each center's 24 hours at once (a catch-up after
 *   an outage), the rollups kept, the same guarantees; the same day re-sent (nothing changes), and
 *   revised with one service of 30 under a new letter (each hour deletes the row of its old one);
 * - the same with the rollups deferred (HUB_ROLLUP_REFRESH_MS > 0, rollup-fold.ts): a day per call
 *   storing rows and marks, then the fold of every center's day that day, timed apart and together;
 * - raw: the same rows as plain multi-row INSERTs, one transaction per batch, through the same
 *   Kysely instance, and on PostgreSQL raw COPY (psql's \copy of a CSV) of the day's rows into a bare
 *   table: the floors the database itself sets.
 * BENCH_HUB_HOURS (default 2) hours of batches per figure (24 for the day-per-call case);
 * `--backend sqlite|postgres` runs one backend only. The PostgreSQL database is the bench's own
 * (TABOUR_BENCH_DB_PREFIX, bench/lib/bench-pg-database.ts), dropped at the end.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { signedHeaders, UpstreamPaths, type HourBatch, type HourFigures } from '../protocol/upstream.ts'
import { PG_URL, startTestHub, type Backend } from '../test/hub/hub-harness.ts'
import { HubStore } from '../hub/store/store.ts'
import { openHubDatabase } from '../hub/store/database.ts'
import { hubSqliteFile } from '../hub/config.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'
import { benchHourRows } from './lib/hour-rows.ts'

const CENTERS = 700
const SERVICES = 30
const HOURS = Number(process.env.BENCH_HUB_HOURS ?? 2)
/** Requests or calls at once on PostgreSQL (SQLite has one writer: one). */
const SENDERS = Number(process.env.BENCH_HUB_SENDERS ?? 32)

const rows = (seed: number): HourFigures[] => benchHourRows(seed, SERVICES)

const centerId = (c: number) => `EG-${String(c).padStart(4, '0')}`

function batches(hourFrom: number, hours: number, day = '2026-03-10'): HourBatch[] {
  const out: HourBatch[] = []
  for (let h = hourFrom; h < hourFrom + hours; h++) {
    for (let c = 0; c < CENTERS; c++) {
      out.push({
        centerId: centerId(c),
        seq: h * 1000 + 1,
        day,
        hour: h,
        timeZone: 'Africa/Cairo',
        revision: 1,
        final: true,
        generatedAt: Date.now(),
        rows: rows(c + h),
      })
    }
  }
  return out
}

async function pool<T>(items: T[], workers: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < items.length) await fn(items[next++]!)
    }),
  )
}

interface Figure {
  backend: Backend
  case: string
  batches: number
  seconds: number
  /** The 1-minute load average when the case ended (the box is shared: read each figure against the same run's baselines). */
  load?: number
}

/** Times one case and notes the load average at its end. */
async function timed(backend: Backend, name: string, count: number, work: () => Promise<unknown>): Promise<Figure> {
  const t0 = performance.now()
  await work()
  return { backend, case: name, batches: count, seconds: (performance.now() - t0) / 1000, load: loadavg()[0] }
}

async function rawInserts(store: HubStore, list: HourBatch[]): Promise<void> {
  await sql`CREATE TABLE bench_raw (center_id TEXT, day TEXT, hour INTEGER, service_code TEXT, name_ar TEXT, name_en TEXT, revision INTEGER,
    issued INTEGER, called INTEGER, served INTEGER, no_show INTEGER, cancelled INTEGER, transferred_in INTEGER, transferred_out INTEGER, wait_sum BIGINT, wait_count INTEGER,
    wait_max INTEGER, wait_within_target INTEGER, service_sum BIGINT, service_count INTEGER, counter_open_minutes INTEGER, received_at BIGINT)`.execute(
    store.db,
  )
  await pool(list, store.dialect === 'sqlite' ? 1 : SENDERS, async (b) => {
    const tuples = b.rows.map((r) => [
      b.centerId,
      b.day,
      b.hour,
      r.serviceCode,
      r.serviceNameAr,
      r.serviceNameEn,
      b.revision,
      r.issued,
      r.called,
      r.served,
      r.noShow,
      r.cancelled,
      r.transferredIn,
      r.transferredOut,
      r.waitSumSeconds,
      r.waitCount,
      r.waitMaxSeconds,
      r.waitWithinTarget,
      r.serviceSumSeconds,
      r.serviceCount,
      r.counterOpenMinutes,
      Date.now(),
    ])
    const insert = sql`INSERT INTO bench_raw VALUES ${sql.join(tuples.map((t) => sql`(${sql.join(t)})`))}`
    await store.db.transaction().execute(async (trx) => void (await insert.execute(trx)))
  })
}

/** Seconds psql's \\copy takes to load `list`'s rows (CSV, written beforehand) into a bare table of hub_figures' columns. */
function rawCopy(url: string, list: HourBatch[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'tabour-bench-'))
  try {
    const csv = join(dir, 'rows.csv')
    const quote = (v: string) => `"${v.replaceAll('"', '""')}"`
    writeFileSync(
      csv,
      list
        .flatMap((b) =>
          b.rows.map((r) =>
            [
              b.centerId,
              b.day,
              b.hour,
              r.serviceCode,
              quote(r.serviceNameAr),
              quote(r.serviceNameEn),
              b.revision,
              r.issued,
              r.called,
              r.served,
              r.noShow,
              r.cancelled,
              r.transferredIn,
              r.transferredOut,
              r.waitSumSeconds,
              r.waitCount,
              r.waitMaxSeconds,
              r.waitWithinTarget,
              r.serviceSumSeconds,
              r.serviceCount,
              r.counterOpenMinutes,
              Date.now(),
            ].join(','),
          ),
        )
        .join('\n'),
    )
    const psql = (command: string) => execFileSync('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qAtc', command], { encoding: 'utf8' })
    psql(`CREATE TABLE bench_copy (center_id TEXT, day DATE, hour INTEGER, service_code TEXT, name_ar TEXT, name_en TEXT, revision INTEGER,
      issued INTEGER, called INTEGER, served INTEGER, no_show INTEGER, cancelled INTEGER, transferred_in INTEGER, transferred_out INTEGER, wait_sum BIGINT, wait_count INTEGER,
      wait_max INTEGER, wait_within_target INTEGER, service_sum BIGINT, service_count INTEGER, counter_open_minutes INTEGER, received_at BIGINT)`)
    const t0 = performance.now()
    psql(`\\copy bench_copy FROM '${csv}' WITH (FORMAT csv)`)
    const seconds = (performance.now() - t0) / 1000
    psql('DROP TABLE bench_copy')
    return seconds
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function benchBackend(backend: Backend): Promise<Figure[]> {
  const db = backend === 'postgres' ? await benchDatabase(PG_URL!, 'ingest') : null
  const hub = await startTestHub(db ? { config: { databaseUrl: db.url } } : { backend })
  try {
    const secrets = new Map<string, string>()
    for (let c = 0; c < CENTERS; c++) {
      const secret = randomBytes(32).toString('base64url')
      secrets.set(centerId(c), secret)
      await hub.store.addCenter(
        {
          id: centerId(c),
          nameAr: `مركز ${c}`,
          nameEn: `Center ${c}`,
          governorate: `G${c % 27}`,
          kind: 'fixed',
          secret,
        },
        Date.now(),
      )
    }
    const figures: Figure[] = []

    // HTTP, signed
    const http = batches(0, HOURS)
    let errors = 0
    const httpFigure = await timed(backend, `HTTP signed (${SENDERS} senders)`, http.length, () =>
      pool(http, SENDERS, async (b) => {
        const body = JSON.stringify(b)
        const headers = signedHeaders(secrets.get(b.centerId)!, {
          path: UpstreamPaths.batches,
          centerId: b.centerId,
          timestamp: Date.now(),
          nonce: randomBytes(16).toString('hex'),
          seq: b.seq,
          body,
        })
        const res = await fetch(hub.url + UpstreamPaths.batches, { method: 'POST', headers, body })
        await res.arrayBuffer()
        if (res.status !== 200) errors++
      }),
    )
    figures.push({ ...httpFigure, case: `${httpFigure.case}${errors ? `, ${errors} errors` : ''}` })

    const senders = backend === 'sqlite' ? 1 : SENDERS
    // the store in-process
    const direct = batches(HOURS, HOURS)
    figures.push(
      await timed(backend, `store.ingest, one hour per call (${senders} at once)`, direct.length, () =>
        pool(direct, senders, async (b) => {
          await hub.store.ingest(b, randomBytes(16).toString('hex'), Date.now())
        }),
      ),
    )

    // raw inserts of the same rows
    const raw = batches(0, HOURS)
    figures.push(
      await timed(backend, 'raw multi-row INSERT, one hour per transaction (baseline)', raw.length, () => rawInserts(hub.store, raw)),
    )

    // a day per call: each center's 24 hours of another day in one ingestHours
    const day = batches(0, 24, '2026-03-11')
    const byCenter = new Map<string, HourBatch[]>()
    for (const b of day) byCenter.set(b.centerId, [...(byCenter.get(b.centerId) ?? []), b])
    figures.push(
      await timed(backend, `store.ingestHours, 24 h per call (${senders} at once)`, day.length, () =>
        pool([...byCenter.values()], senders, async (list) => {
          if ((await hub.store.ingestHours(list, randomBytes(16).toString('hex'), Date.now())) === 'replayed') throw new Error('replayed')
        }),
      ),
    )
    // the same day re-sent: every row already held, nothing changes
    figures.push(
      await timed(backend, 'the same day re-sent (nothing changes)', day.length, () =>
        pool([...byCenter.values()], senders, async (list) => {
          await hub.store.ingestHours(list, randomBytes(16).toString('hex'), Date.now())
        }),
      ),
    )
    // a real revision of that day (session 52's delete path): revision 2 of every hour, one more ticket in each service, and
    // the last service of 30 under a new letter (an admin changed it), so each hour updates 29 rows, inserts one and
    // deletes the one under the old letter, every rollup following
    const oldLetter = day[0]!.rows[SERVICES - 1]!.serviceCode
    const renamed = `R${oldLetter.slice(1)}`
    const revised = [...byCenter.values()].map((list) =>
      list.map((b) => ({
        ...b,
        revision: 2,
        seq: b.seq + 1,
        rows: b.rows.map((r, i) => ({ ...r, issued: r.issued + 1, ...(i === SERVICES - 1 ? { serviceCode: renamed } : {}) })),
      })),
    )
    figures.push(
      await timed(backend, `the same day revised, one service of ${SERVICES} renamed: a row deleted an hour`, day.length, () =>
        pool(revised, senders, async (list) => {
          if ((await hub.store.ingestHours(list, randomBytes(16).toString('hex'), Date.now())) === 'replayed') throw new Error('replayed')
        }),
      ),
    )
    const { rows: left } = await sql<{
      n: number
    }>`SELECT COUNT(*) AS n FROM hub_figures WHERE day = '2026-03-11' AND service_code = ${oldLetter}`.execute(hub.store.db)
    if (Number(left[0]!.n) !== 0) console.log(`WARNING: ${left[0]!.n} rows of the renamed service's old letter left`)
    // the same again as revision 3, one more ticket, no letter changed: every row updated, none deleted (what the delete adds)
    const again = revised.map((list) =>
      list.map((b) => ({ ...b, revision: 3, seq: b.seq + 1, rows: b.rows.map((r) => ({ ...r, issued: r.issued + 1 })) })),
    )
    figures.push(
      await timed(backend, 'the same day revised again, no service renamed: no row deleted', day.length, () =>
        pool(again, senders, async (list) => {
          if ((await hub.store.ingestHours(list, randomBytes(16).toString('hex'), Date.now())) === 'replayed') throw new Error('replayed')
        }),
      ),
    )
    if (backend === 'postgres') {
      const load = loadavg()[0]
      figures.push({
        backend,
        case: 'raw COPY of the same day (baseline)',
        batches: day.length,
        seconds: rawCopy(hub.config.databaseUrl!, day),
        load,
      })
    }

    // deferred rollups: another day, through a store on the same database that defers them, then the fold of its marks
    const deferred = new HubStore(openHubDatabase({ databaseUrl: hub.config.databaseUrl, sqliteFile: hubSqliteFile(hub.config) }), {
      deferRollups: true,
    })
    try {
      await deferred.migrate()
      const later = new Map<string, HourBatch[]>()
      for (const b of batches(0, 24, '2026-03-12')) later.set(b.centerId, [...(later.get(b.centerId) ?? []), b])
      const ingest = await timed(backend, `deferred rollups: ingestHours, 24 h per call (${senders} at once)`, day.length, () =>
        pool([...later.values()], senders, async (list) => {
          if ((await deferred.ingestHours(list, randomBytes(16).toString('hex'), Date.now())) === 'replayed') throw new Error('replayed')
        }),
      )
      const fold = await timed(backend, 'deferred rollups: the fold of that day (every center)', day.length, async () => {
        if ((await deferred.flushRollups()) !== CENTERS) throw new Error('the fold missed marks')
      })
      figures.push(ingest, fold, {
        backend,
        case: 'deferred rollups: ingest and fold together',
        batches: day.length,
        seconds: ingest.seconds + fold.seconds,
        load: fold.load,
      })
    } finally {
      await deferred.close()
    }

    const { rows: stored } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM hub_figures`.execute(hub.store.db)
    const expected = (2 * HOURS + 48) * CENTERS * SERVICES
    if (Number(stored[0]!.n) !== expected) console.log(`WARNING: ${stored[0]!.n} rows stored, expected ${expected}`)
    return figures
  } finally {
    await hub.close()
    await db?.drop()
  }
}

export async function hubIngestBench(): Promise<void> {
  const only = process.argv.indexOf('--backend')
  const backends: Backend[] = (PG_URL ? (['sqlite', 'postgres'] as Backend[]) : (['sqlite'] as Backend[])).filter(
    (b) => only < 0 || process.argv[only + 1] === b,
  )
  const all: Figure[] = []
  const before = loadavg()
  for (const b of backends) all.push(...(await benchBackend(b)))
  const after = loadavg()
  console.log(
    `\n## Hub ingest (${CENTERS} centers × ${SERVICES} services, ${HOURS} h of batches per case; 1 batch = 1 center-hour = ${SERVICES} rows)`,
  )
  if (!PG_URL) console.log('PostgreSQL skipped: TABOUR_TEST_PG_URL is not set')
  const avg = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ')
  console.log(`load average (1 / 5 / 15 min) before: ${avg(before)}, after: ${avg(after)}; the machine has ${cpus().length} cores`)
  console.table(
    all.map((f) => ({
      backend: f.backend,
      case: f.case,
      batches: f.batches,
      'batches/s': Math.round(f.batches / f.seconds),
      'center-hours/s': Math.round(f.batches / f.seconds),
      'rows/s': Math.round((f.batches * SERVICES) / f.seconds),
      load: f.load?.toFixed(1),
    })),
  )
  for (const b of backends) {
    const mine = all.filter((f) => f.backend === b)
    const [http, , raw, dayCall] = mine
    const copy = mine.find((f) => f.case.startsWith('raw COPY'))
    const deferredIngest = mine.find((f) => f.case.startsWith('deferred rollups: ingestHours'))
    const deferredBoth = mine.find((f) => f.case.startsWith('deferred rollups: ingest and fold'))
    const rate = (f: Figure) => f.batches / f.seconds
    console.log(
      `${b}: ingestHours (a day per call) / ${copy ? 'raw COPY' : 'raw insert'} = ${(rate(dayCall!) / rate(copy ?? raw!)).toFixed(3)}; ingestHours / one hour per call = ${(rate(dayCall!) / rate(all.filter((f) => f.backend === b)[1]!)).toFixed(1)}×`,
    )
    console.log(
      `${b}: ingestHours (a day per call) is ${Math.round(rate(dayCall!))} center-hours/s, ${Math.round(rate(dayCall!) / 50)} % of issue 23's 5,000`,
    )
    if (deferredIngest && deferredBoth)
      console.log(
        `${b}: deferred rollups: ingestHours ${Math.round(rate(deferredIngest))} center-hours/s (${(rate(deferredIngest) / rate(dayCall!)).toFixed(1)}× inline), with its fold ${Math.round(rate(deferredBoth))} (${(rate(deferredBoth) / rate(dayCall!)).toFixed(1)}×)`,
      )
    const hoursPerSec = http!.batches / http!.seconds
    console.log(
      `${b}: HTTP ingest / raw insert = ${(hoursPerSec / (raw!.batches / raw!.seconds)).toFixed(3)}; a national hour (${CENTERS} batches) ingests in ${(CENTERS / hoursPerSec).toFixed(1)} s`,
    )
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await hubIngestBench()
