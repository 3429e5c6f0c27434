/**
 * How a call's rows reach the ingest function on PostgreSQL, three ways side by side on one
 * database, each on a connection of its own so each way's server CPU is read apart (/proc), the
 * hub's with process.cpuUsage(), in alternating rounds of fresh center-days (deferred rollups):
 * - `literals`: 42 text array literals (pg-array-literal.ts), as ingest sends them;
 * - `binary`: the same 42 arrays as binary parameters (pg-binary-array.ts);
 * - `copy`: the rows by binary COPY into a temporary table on the call's connection, the same
 *   function reading the table instead of unnest(arrays).
 * - `copytext`: the same by COPY in its text format (a line a row, tab-separated).
 * - `literals-only`, `binary-only`: the 42 arrays sent and read (their lengths), nothing stored: what the rows' input
 *   costs on its own, the most another way of sending them could spare.
 * A decision aid, not a figure of its own: `npx tsx bench/hub-ingest-input.bench.ts --calls 100 --rounds 4`.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import type { HourBatch } from '../protocol/upstream.ts'
import { openHubDatabase } from '../hub/store/database.ts'
import { COLUMN_OF, PG_MERGE_COLUMNS, rowsOf } from '../hub/store/figures-ingest.ts'
import { pgArrayLiteral, pgArrayLiteralOf } from '../hub/store/pg-array-literal.ts'
import { type PgElementType, pgBinaryArrayOf } from '../hub/store/pg-binary-array.ts'
import { storeAndMarkSql } from '../hub/store/rollup-merge-pg.ts'
import { HubStore } from '../hub/store/store.ts'
import findLocalPostgres from '../test/global-setup.ts'
import { benchDatabase } from './lib/bench-pg-database.ts'
import { benchHourRows } from './lib/hour-rows.ts'

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const CALLS = arg('calls', 100)
const ROUNDS = arg('rounds', 4)
const WAYS = ['literals', 'binary', 'copy', 'copytext', 'literals-only', 'binary-only'] as const
type Way = (typeof WAYS)[number]

const { names, types } = PG_MERGE_COLUMNS
const ELEMENT: Record<string, PgElementType> = { text: 'text', date: 'date', int: 'int', bigint: 'bigint' }

/** The deferred ingest function as ingest-function-pg.ts makes it, its rows read from `rows` (a FROM item) or from the arrays. */
function functionDdl(name: string, rows: string | null): string {
  const inputs = {
    arrays: names.map((n) => `p_${n}`),
    center: 'p_center',
    days: 'p_days',
    hours: 'p_hours',
    now: 'p_now',
    batchDays: 'p_batch_days',
    batchHours: 'p_batch_hours',
    batchRevisions: 'p_batch_revisions',
  }
  let statement = storeAndMarkSql(names, '', inputs, false)
  if (rows) {
    const unnests = `SELECT ${names.map((n) => `unnest(p_${n})`).join(', ')}`
    if (!statement.includes(unnests)) throw new Error('the input CTE changed shape')
    statement = statement.replace(unnests, `SELECT ${names.join(', ')} FROM ${rows}`)
  }
  const arrays = rows ? '' : `, ${names.map((n, i) => `p_${n} ${types[i]}[]`).join(', ')}`
  return `CREATE FUNCTION ${name}(p_center text, p_nonce text, p_now bigint, p_days date[], p_hours int[], p_batch_days text[],
    p_batch_hours int[], p_batch_revisions int[]${arrays}) RETURNS TABLE (stored bigint, exact json) LANGUAGE plpgsql VOLATILE
    SET plan_cache_mode = force_generic_plan AS $fn$
#variable_conflict use_column
BEGIN
  INSERT INTO hub_nonces (center_id, nonce, seen_at) VALUES (p_center, p_nonce, p_now) ON CONFLICT DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT -1::bigint, '[]'::json;
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext(p_center));
  RETURN QUERY ${statement};
END
$fn$`
}

/** One row of binary COPY: its fields as the binary arrays' elements are written. */
function copyBuffer(batches: readonly HourBatch[]): Buffer {
  const rows = rowsOf(batches)
  // each column as a binary array, then its elements (length-prefixed) read back row by row: the same writers
  const columns = names.map((n, i) => pgBinaryArrayOf(rows, ELEMENT[types[i]!]!, COLUMN_OF[n]!))
  const at = columns.map(() => 20)
  const size = 19 + 2 + rows.length * 2 + columns.reduce((s, c) => s + c.length - 20, 0)
  const out = Buffer.allocUnsafe(size)
  let w = out.write('PGCOPY\n\xff\r\n\0', 0, 'latin1')
  w = out.writeInt32BE(0, w)
  w = out.writeInt32BE(0, w)
  for (let r = 0; r < rows.length; r++) {
    w = out.writeInt16BE(names.length, w)
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c]!
      const length = col.readInt32BE(at[c]!)
      const end = at[c]! + 4 + Math.max(length, 0)
      w += col.copy(out, w, at[c]!, end)
      at[c] = end
    }
  }
  w = out.writeInt16BE(-1, w)
  return out.subarray(0, w)
}

/** A text field of COPY's text format: backslash, tab, newline and carriage return escaped. */
const copyText = (v: string) =>
  /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!) : v

/** The rows in COPY's text format: one string grown in place, as the literals are. */
function copyTextOf(batches: readonly HourBatch[]): string {
  const readers = names.map((n) => COLUMN_OF[n]!)
  let out = ''
  for (const row of rowsOf(batches)) {
    for (let c = 0; c < readers.length; c++) {
      const v = readers[c]!(row)
      if (c > 0) out += '\t'
      out += v === null ? '\\N' : typeof v === 'number' ? v : copyText(v)
    }
    out += '\n'
  }
  return out
}

function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}

await findLocalPostgres()
const db = await benchDatabase(process.env.TABOUR_TEST_PG_URL!, 'input')
const hubDb = openHubDatabase({ databaseUrl: db.url, sqliteFile: '', poolSize: 2 })
const store = new HubStore(hubDb, { deferRollups: true })
const clients = new Map<Way, { client: pg.Client; pid: number }>()
try {
  await store.migrate()
  for (let c = 0; c < CALLS; c++)
    await store.addCenter({ id: `C${c}`, nameAr: 'م', nameEn: 'C', governorate: `G${c % 27}`, kind: 'fixed', secret: 'x' }, 0)
  await store.partitions.ensureFor('2026-03-01')
  const admin = new pg.Client({ connectionString: db.url })
  await admin.connect()
  await admin.query(functionDdl('bench_ingest_arrays', null))
  await admin.query(functionDdl('bench_ingest_copy', 'pg_temp.bench_ingest_rows'))
  await admin.end()
  for (const way of WAYS) {
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    if (way === 'copy' || way === 'copytext')
      await client.query(
        `CREATE TEMPORARY TABLE bench_ingest_rows (${names.map((n, i) => `${n} ${types[i]}`).join(', ')}) ON COMMIT DELETE ROWS`,
      )
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
    clients.set(way, { client, pid: rows[0]!.pid })
  }
  const dayOf = (n: number) => `2026-03-${String(n + 1).padStart(2, '0')}`
  const batchesOf = (c: number, day: string): HourBatch[] =>
    Array.from({ length: 24 }, (_, h) => ({
      centerId: `C${c}`,
      seq: h + 1,
      day,
      hour: h,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: 0,
      rows: benchHourRows(c + h, 30, { nationalCodes: true }),
    }))
  const call = async (way: Way, batches: HourBatch[]) => {
    const { client } = clients.get(way)!
    const head = [
      batches[0]!.centerId,
      randomBytes(8).toString('hex'),
      Date.now(),
      pgArrayLiteral([...new Set(batches.map((b) => b.day))]),
      pgArrayLiteral([...new Set(batches.map((b) => b.hour))]),
      pgArrayLiteralOf(batches, (b) => b.day),
      pgArrayLiteralOf(batches, (b) => b.hour),
      pgArrayLiteralOf(batches, (b) => b.revision),
    ]
    const casts = '$1, $2, $3::bigint, $4::date[], $5::int[], $6::text[], $7::int[], $8::int[]'
    if (way === 'literals-only' || way === 'binary-only') {
      const rows = rowsOf(batches)
      const arrays = names.map((n, i) =>
        way === 'binary-only' ? pgBinaryArrayOf(rows, ELEMENT[types[i]!]!, COLUMN_OF[n]!) : pgArrayLiteralOf(rows, COLUMN_OF[n]!),
      )
      await client.query(`SELECT ${names.map((_, i) => `cardinality($${i + 1}::${types[i]}[])`).join(' + ')} AS n`, arrays)
      return
    }
    await client.query('BEGIN')
    if (way === 'copy' || way === 'copytext') {
      const binary = way === 'copy'
      const stream = client.query(copyFrom(`COPY pg_temp.bench_ingest_rows FROM STDIN${binary ? ' (FORMAT binary)' : ''}`))
      await new Promise<void>((resolve, reject) => {
        stream.on('finish', resolve)
        stream.on('error', reject)
        stream.end(binary ? copyBuffer(batches) : copyTextOf(batches))
      })
      await client.query(`SELECT * FROM bench_ingest_copy(${casts})`, head)
    } else {
      const rows = rowsOf(batches)
      const arrays = names.map((n, i) =>
        way === 'binary' ? pgBinaryArrayOf(rows, ELEMENT[types[i]!]!, COLUMN_OF[n]!) : pgArrayLiteralOf(rows, COLUMN_OF[n]!),
      )
      const params = names.map((_, i) => `$${9 + i}::${types[i]}[]`).join(', ')
      await client.query(`SELECT * FROM bench_ingest_arrays(${casts}, ${params})`, [...head, ...arrays])
    }
    await client.query('COMMIT')
  }
  // warm-up: each way's plan and caches, on a day of its own
  for (const [w, way] of WAYS.entries()) for (let c = 0; c < 10; c++) await call(way, batchesOf(c, dayOf(24 + w)))
  // every way stores the same rows: the warm-up days' rows, but for the day, compared
  const digests = new Set<string>()
  for (const w of WAYS.keys()) {
    if (WAYS[w]!.endsWith('-only')) continue
    const { rows } = await clients.get('literals')!.client.query<{ d: string }>(
      `SELECT md5(string_agg(row(${names.filter((n) => n !== 'day').join(', ')})::text, '|' ORDER BY center_id, hour, service_code)) AS d
       FROM hub_figures WHERE day = $1`,
      [dayOf(24 + w)],
    )
    digests.add(rows[0]!.d)
  }
  if (digests.size !== 1) throw new Error(`the ways stored different rows: ${[...digests].join(' ')}`)
  const totals = new Map<Way, { hub: number; server: number; seconds: number }>(WAYS.map((w) => [w, { hub: 0, server: 0, seconds: 0 }]))
  for (let round = 0; round < ROUNDS; round++) {
    const line: string[] = []
    for (const [w, way] of (round % 2 ? [...WAYS].reverse() : WAYS).entries()) {
      const day = dayOf(round * WAYS.length + w)
      const days = Array.from({ length: CALLS }, (_, c) => batchesOf(c, day))
      const { pid } = clients.get(way)!
      const server0 = cpuSecondsOf(pid)
      const hub0 = process.cpuUsage()
      const t0 = performance.now()
      for (const batches of days) await call(way, batches)
      const seconds = (performance.now() - t0) / 1000
      const hub = process.cpuUsage(hub0)
      const server = cpuSecondsOf(pid) - server0
      const t = totals.get(way)!
      t.hub += (hub.user + hub.system) / 1000
      t.server += server * 1000
      t.seconds += seconds
      line.push(
        `${way}: hub ${((hub.user + hub.system) / 1000 / CALLS).toFixed(2)} + PostgreSQL ${((server * 1000) / CALLS).toFixed(2)} ms`,
      )
    }
    console.log(`round ${round + 1} (load ${loadavg()[0]!.toFixed(1)}): ${line.join('; ')}`)
  }
  for (const [way, t] of totals)
    console.log(
      `${way.padEnd(8)} per center-day: hub ${(t.hub / CALLS / ROUNDS).toFixed(2)} ms, PostgreSQL ${(t.server / CALLS / ROUNDS).toFixed(2)} ms, wall ${((t.seconds * 1000) / CALLS / ROUNDS).toFixed(1)} ms`,
    )
} finally {
  for (const { client } of clients.values()) await client.end()
  await store.close()
  await db.drop()
}
