import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { HubStore, type FigureRow, type FiguresQuery, type GroupBy } from '../../hub/store/store.ts'
import { governorateOf } from '../../protocol/governorates.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import { HubError } from '../../hub/errors.ts'
import { freshPgDatabase, PG_SKIP_REASON, PG_URL, startTestHub } from './hub-harness.ts'
import {
  batch,
  CENTERS,
  expectRollupsAsRebuilt,
  orderedFigures,
  row,
  SERVICES,
  seed,
  snapshot,
  storeAsSchema,
  viewsMatchHourlyRows,
} from './rollup-fixture.ts'

/**
 * National scale (issue 23): the rollups give the same figures as the hourly rows on every view,
 * a re-sent or revised batch never double-counts, migration 11 builds the rollups from rows
 * stored before, a huge range is refused with its code, and on PostgreSQL a batch of a new month
 * gets its partition (by the hub itself, or by pg_partman when the database has it).
 */

type Backend = 'sqlite' | 'postgres' | 'postgres+partman'
const PARTMAN_TEMPLATE = 'tabour_test_partman'

async function partmanTemplateExists(): Promise<boolean> {
  if (!PG_URL) return false
  const c = new pg.Client({ connectionString: PG_URL })
  await c.connect()
  try {
    return (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [PARTMAN_TEMPLATE])).rowCount === 1
  } finally {
    await c.end()
  }
}
const withPartman = await partmanTemplateExists()
const BACKENDS: Backend[] = PG_URL ? ['sqlite', 'postgres', ...(withPartman ? (['postgres+partman'] as const) : [])] : ['sqlite']
if (!PG_URL) console.warn(`[hub] ${PG_SKIP_REASON}`)
else if (!withPartman) console.warn('[hub] no tabour_test_partman template (test/ensure-system-deps.mjs): the pg_partman case is skipped')

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

/**
 * The cases: each backend with the rollups kept in each batch's transaction, and SQLite and PostgreSQL
 * with them deferred (rollup-fold.ts), each ingest then followed by a flush of the marks, so the
 * same expectations hold of the fold.
 */
const CASES: [Backend, 'inline' | 'deferred'][] = [
  ...BACKENDS.map((b): [Backend, 'inline'] => [b, 'inline']),
  ...BACKENDS.filter((b) => b !== 'postgres+partman').map((b): [Backend, 'deferred'] => [b, 'deferred']),
]

/** Deferred: each ingest of `store` folds what it marked before it answers (the tests below read exact figures right after). */
function flushingAfterIngest(store: HubStore): void {
  const ingestHours = store.ingestHours.bind(store)
  store.ingestHours = async (...args) => {
    const result = await ingestHours(...args)
    await store.flushRollups()
    return result
  }
}

/** A store on a fresh database, migrated up to `upTo` (all by default). */
async function openStore(backend: Backend, upTo?: number, rollups: 'inline' | 'deferred' = 'inline'): Promise<HubStore> {
  let store: HubStore
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-hub-scale-'))
    store = new HubStore(openHubDatabase({ sqliteFile: join(dir, 'hub.db') }), { deferRollups: rollups === 'deferred' })
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
  } else {
    const db = backend === 'postgres' ? await freshPgDatabase() : await partmanDatabase()
    store = new HubStore(openHubDatabase({ databaseUrl: db.url, sqliteFile: '' }), { deferRollups: rollups === 'deferred' })
    cleanups.push(db.drop)
  }
  cleanups.push(() => store.close())
  await store.migrate(upTo === undefined ? hubMigrations : hubMigrations.filter((m) => m.version <= upTo))
  if (rollups === 'deferred') flushingAfterIngest(store)
  return store
}

/** A database made from the template that holds pg_partman (test/ensure-system-deps.mjs). */
async function partmanDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `tabour_hub_partman_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  await admin(`CREATE DATABASE ${name} TEMPLATE ${PARTMAN_TEMPLATE}`)
  const url = new URL(PG_URL as string)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

const DAYS = ['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-01', '2026-03-02']
const HOURS = [9, 13]

const nonce = () => randomUUID()

/** Every center, day and hour of the fixture, revision 1. */
function firstBatches(): HourBatch[] {
  return CENTERS.flatMap((c, ci) =>
    DAYS.flatMap((day, di) =>
      HOURS.map((hour) =>
        batch(
          c.id,
          day,
          hour,
          1,
          SERVICES.map((s, si) => row(s, ci * 11 + di * 5 + si + hour)),
        ),
      ),
    ),
  )
}

const RANGES: [string, string][] = [
  ['2026-02-14', '2026-02-14'], // a day
  ['2026-02-01', '2026-02-28'], // a whole month
  ['2026-01-30', '2026-03-02'], // a month and the days around it
  ['2026-01-31', '2026-02-01'], // two days across months
  ['2026-01-01', '2026-03-31'], // a quarter
  ['2026-01-01', '2026-12-31'], // a year
]
const BYS: GroupBy[] = ['governorate', 'center', 'service', 'day', 'hour']

/** Every view the rollups serve, on each range, with and without the filters. */
function queries(): FiguresQuery[] {
  const out: FiguresQuery[] = []
  for (const [from, to] of RANGES)
    for (const by of BYS) {
      if (by === 'hour' && from.slice(0, 7) !== to.slice(0, 7) && to !== '2026-02-01') continue // past the 31-day cap of "by hour"
      out.push({ from, to, by })
      out.push({ from, to, by, governorate: 'Cairo' })
      out.push({ from, to, by, centerId: 'C3' })
      out.push({ from, to, by, serviceCode: 'PASS' })
      // one service by hour in one governorate, and a code the catalogue lacks (migration 19's rollup by governorate)
      if (by === 'hour') out.push({ from, to, by, serviceCode: 'PASS', governorate: 'Cairo' }, { from, to, by, serviceCode: 'ZZZ' })
    }
  return out
}

async function expectRollupsMatchHourlyRows(store: HubStore): Promise<void> {
  expect(await viewsMatchHourlyRows(store, queries())).toBeGreaterThan(50) // the comparison compared figures, not empty lists
}

// each case stores and compares thousands of rows on PostgreSQL: 2–9 s on a quiet box, 30 s at a load
// average of 20 (a shared box); the bound is for a hung store, not a speed check
describe.each(CASES)('national scale on %s, rollups %s', { timeout: 120_000 }, (backend, rollups) => {
  it('the rollups give every view the figures of the hourly rows, through revisions, renames and moved codes; a re-sent batch never double-counts', async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    for (const b of firstBatches()) expect(await store.ingest(b, nonce(), 1)).not.toBe('replayed')
    await expectRollupsMatchHourlyRows(store)
    const before = await orderedFigures(store, { from: '2026-01-01', to: '2026-03-31', by: 'service' })

    // the same batches again (new nonces: a center re-sending after a lost answer): nothing changes
    for (const b of firstBatches()) {
      const result = await store.ingest(b, nonce(), 2)
      expect(result).toMatchObject({ stored: 0, duplicate: true })
    }
    expect(await orderedFigures(store, { from: '2026-01-01', to: '2026-03-31', by: 'service' })).toEqual(before)

    // revisions: more tickets; a lower maximum wait; a renamed service; a service moved to another national code
    await store.ingest(
      batch('C1', '2026-02-14', 9, 2, [
        row(SERVICES[0], 40, { issued: 50, waitMaxSeconds: 1 }),
        row(SERVICES[1], 41, { serviceNameEn: 'Service B (renamed)', serviceNameAr: 'خدمة ب' }),
        row(SERVICES[2], 42, { nationalCode: 'PASS' }),
      ]),
      nonce(),
      3,
    )
    // an older revision of the same hour changes nothing
    await store.ingest(batch('C1', '2026-02-14', 9, 1, [row(SERVICES[0], 99, { issued: 999 })]), nonce(), 4)
    await expectRollupsMatchHourlyRows(store)
    const day = await store.figures({ from: '2026-02-14', to: '2026-02-14', by: 'center', centerId: 'C1' })
    const di = DAYS.indexOf('2026-02-14')
    const at13 = SERVICES.reduce((n, s, si) => n + row(s, di * 5 + si + 13).issued, 0)
    expect(day[0].issued).toBe(50 + row(SERVICES[1], 41).issued + row(SERVICES[2], 42).issued + at13)
  })

  it('migration 11 builds the rollups from the rows stored before it, and the views read them', async () => {
    const store = await openStore(backend, 9, rollups)
    await seed(store)
    // rows as a hub of schema 9 stored them (no rollups yet)
    await storeAsSchema(store, 9, firstBatches())
    // what a hub of today answers for the same batches, ingested (the hub of schema 9 cannot be asked with today's queries)
    const today = await openStore(backend, undefined, rollups)
    await seed(today)
    for (const b of firstBatches()) await today.ingest(b, nonce(), 1)
    const q: FiguresQuery = { from: '2026-01-30', to: '2026-03-02', by: 'service' }
    const expected = await orderedFigures(today, q)
    expect(expected.length).toBeGreaterThan(3)
    // every later migration too (later figure columns are 0 in rows stored before them, as the fixture's are not: compared apart)
    expect(await store.migrate(hubMigrations)).toBe(hubMigrations.at(-1)?.version)
    const migrated = await orderedFigures(store, q)
    // migration 15 made the centers' free-text governorates codes (the fixture seeds names)
    const asMigrated = ({ waitingPastTarget: _, ...r }: FigureRow) => ({
      ...r,
      governorate: r.governorate && governorateOf(r.governorate)?.code,
    })
    expect(migrated.map(({ waitingPastTarget: _, ...r }) => r)).toEqual(expected.map(asMigrated))
    expect(migrated.every((r) => r.waitingPastTarget === 0)).toBe(true)
    await expectRollupsMatchHourlyRows(store)
    const { rows: rollupRows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM hub_rollup_center_day`.execute(store.db)
    expect(Number(rollupRows[0].n)).toBe(CENTERS.length * DAYS.length)
    if (backend !== 'sqlite') {
      // hub_figures is now partitioned by month, every row in its month's partition
      const where = await sql<{
        part: string
        n: number
      }>`SELECT tableoid::regclass::text AS part, COUNT(*) AS n FROM hub_figures GROUP BY 1 ORDER BY 1`.execute(store.db)
      expect(where.rows.map((w) => w.part)).toEqual(['hub_figures_p2026_01', 'hub_figures_p2026_02', 'hub_figures_p2026_03'])
    }
  })

  it("a center's backlog in one call (many hours, one hour twice) and the same call re-sent leave the rows and every rollup as a rebuild from scratch makes them", async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    const c1 = firstBatches().filter((b) => b.centerId === 'C1')
    // the outbox may hold two revisions of one hour: the later one is the hour's whole truth (B is not in it, so B is gone)
    const revised = batch('C1', '2026-02-14', 9, 2, [
      row(SERVICES[0], 60, { issued: 70, waitMaxSeconds: 1, serviceNameEn: 'Service A (renamed)' }),
      row(SERVICES[2], 61, { nationalCode: 'PASS' }),
    ])
    const backlog = [...c1.slice(0, 5), revised, ...c1.slice(5)]
    const first = await store.ingestHours(backlog, nonce(), 1)
    expect(first).toMatchObject({ stored: c1.length * SERVICES.length - 1, duplicate: false, unknownNationalCodes: ['ZZZ'] })
    const { rows: stored } = await sql<{ service_code: string; revision: number; issued: number; national_code: string | null }>`
      SELECT service_code, revision, issued, national_code FROM hub_figures WHERE center_id = 'C1' AND day = ${'2026-02-14'} AND hour = 9 ORDER BY service_code`.execute(
      store.db,
    )
    expect(stored.map((r) => [r.service_code, Number(r.revision), Number(r.issued), r.national_code])).toEqual([
      ['A', 2, 70, 'PASS'],
      ['C', 2, row(SERVICES[2], 61).issued, 'PASS'],
    ])
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')
    const rows = await snapshot(store, 'hub_figures', ['center_id', 'day', 'hour', 'service_code'])

    // the same call again (a lost answer): nothing stored, nothing changed
    expect(await store.ingestHours(backlog, nonce(), 2)).toMatchObject({
      stored: 0,
      ignored: backlog.flatMap((b) => b.rows).length,
      duplicate: true,
    })
    expect(await snapshot(store, 'hub_figures', ['center_id', 'day', 'hour', 'service_code'])).toEqual(rows)
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')

    // a later backlog revising every hour (a service moved back to its own code, higher counts) replaces each hour's contribution
    const later = c1.map((b) => ({
      ...b,
      revision: 3,
      rows: b.rows.map((r) => ({ ...r, issued: r.issued + 5, nationalCode: r.serviceCode === 'C' ? undefined : r.nationalCode })),
    }))
    // a batch in the middle carries the center's health (a backlog sends it once): the status keeps it, the highest seq, the zone
    const health = { at: 3, countersOpen: 4, devicesFaulty: 1, version: '9.9.9', outboxPending: later.length, heartbeatSeconds: 60 }
    later[2] = { ...later[2], health }
    expect(await store.ingestHours(later, nonce(), 3)).toMatchObject({ stored: c1.length * SERVICES.length })
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')
    const status = (await store.statuses()).get('C1')
    expect(status).toMatchObject({ batchesReceived: 2 * backlog.length + later.length, batchesDuplicate: backlog.length + 1 })
    const lastSeq = Math.max(...[...backlog, ...later].map((b) => b.seq))
    expect(status).toMatchObject({ lastSeq, lastReportAt: 3, lastHeartbeatAt: 3, timeZone: 'Africa/Cairo', countersOpen: 4 })
    expect(status).toMatchObject({ devicesFaulty: 1, version: '9.9.9', outboxPending: later.length, heartbeatSeconds: 60 })
  })

  it('the national rollups split a Cairo day boundary and a month end, and a late backlog revising hours already rolled up replaces them', async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    const hourOf = (center: string, day: string, hour: number, revision: number, seedOf: number, o: Partial<HourFigures> = {}) =>
      batch(
        center,
        day,
        hour,
        revision,
        SERVICES.map((s, si) => row(s, seedOf + si, o)),
      )
    const issued = (batches: HourBatch[]) => batches.flatMap((b) => b.rows).reduce((n, r) => n + r.issued, 0)
    // 23:00 on the last day of February and 00:00 on the first of March, local (Cairo) days as the centers send them
    const before = CENTERS.map((c, ci) => hourOf(c.id, '2026-02-28', 23, 1, ci))
    const after = CENTERS.map((c, ci) => hourOf(c.id, '2026-03-01', 0, 1, 10 + ci))
    for (const b of [...before, ...after]) await store.ingest(b, nonce(), 1)
    expect((await store.figures({ from: '2026-02-01', to: '2026-02-28', by: 'day' })).map((r) => [r.key, r.issued])).toEqual([
      ['2026-02-28', issued(before)],
    ])
    expect((await store.figures({ from: '2026-02-28', to: '2026-02-28', by: 'hour' })).map((r) => r.key)).toEqual(['23'])
    expect((await store.figures({ from: '2026-03-01', to: '2026-03-31', by: 'hour' })).map((r) => r.key)).toEqual(['0'])
    const march = await store.figures({ from: '2026-03-01', to: '2026-03-31', by: 'service' })
    expect(march.reduce((n, r) => n + r.issued, 0)).toBe(issued(after))
    expect((await store.figures({ from: '2026-02-01', to: '2026-02-28', by: 'governorate' })).reduce((n, r) => n + r.issued, 0)).toBe(
      issued(before),
    )

    // C1 back from an outage: its backlog holds an hour not seen before and revisions of both hours, one with a lower
    // maximum wait, one with service C moved to the catalogue's code (the national rows of ZZZ lose it, PASS gains it)
    const late = [
      hourOf('C1', '2026-02-28', 22, 1, 30),
      hourOf('C1', '2026-02-28', 23, 2, 40, { waitMaxSeconds: 1 }),
      {
        ...hourOf('C1', '2026-03-01', 0, 2, 50),
        rows: hourOf('C1', '2026-03-01', 0, 2, 50).rows.map((r) => ({ ...r, nationalCode: 'PASS' })),
      },
    ]
    expect(await store.ingestHours(late, nonce(), 2)).toMatchObject({ stored: 3 * SERVICES.length })
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')
    const edges: [string, string][] = [
      ['2026-02-28', '2026-02-28'],
      ['2026-03-01', '2026-03-01'],
      ['2026-02-28', '2026-03-01'],
      ['2026-02-01', '2026-02-28'],
      ['2026-02-01', '2026-03-31'],
      ['2026-01-01', '2026-12-31'],
    ]
    for (const [from, to] of edges)
      for (const by of BYS) {
        if (by === 'hour' && from < '2026-02-28') continue
        for (const q of [
          { from, to, by },
          { from, to, by, serviceCode: 'PASS' },
        ] as FiguresQuery[])
          await viewsMatchHourlyRows(store, [q])
      }
    const max = await store.figures({ from: '2026-02-28', to: '2026-02-28', by: 'hour', centerId: 'C1' })
    expect(max.find((r) => r.key === '23')?.waitMaxSeconds).toBe(1)
    // the same backlog again, late: nothing changes
    const rows = await snapshot(store, 'hub_rollup_national_day', ['day', 'shard', 'national_key'])
    expect(await store.ingestHours(late, nonce(), 3)).toMatchObject({ stored: 0, duplicate: true })
    expect(await snapshot(store, 'hub_rollup_national_day', ['day', 'shard', 'national_key'])).toEqual(rows)
  })

  it("a service's letter changed mid-day: the newer revisions of the day's hours replace every row of those hours in every rollup; a late older revision and an emptied hour leave nothing behind", async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    const day = '2026-02-14'
    const hours = [9, 10, 11]
    const first = CENTERS.map((c, ci) =>
      hours.map((h) =>
        batch(
          c.id,
          day,
          h,
          1,
          SERVICES.map((s, si) => row(s, ci + h + si)),
        ),
      ),
    )
    for (const hoursOfCenter of first) await store.ingestHours(hoursOfCenter, nonce(), 1)
    // C1's admin changes A's letter to P (the same national code) and B's to R (no code): the center re-sends the day under them
    const renamed = hours.map((h) =>
      batch('C1', day, h, 2, [
        row({ code: 'P', national: 'PASS' }, 20 + h),
        row({ code: 'R', national: undefined }, 30 + h),
        row(SERVICES[2], 40 + h),
      ]),
    )
    expect(await store.ingestHours(renamed, nonce(), 2)).toMatchObject({ stored: 3 * hours.length })
    // a late revision 1 of hour 10; hour 11 emptied by revision 3, then its late revision 1
    expect(await store.ingest(first[0][1], nonce(), 3)).toMatchObject({ stored: 0, duplicate: true })
    expect(await store.ingest(batch('C1', day, 11, 3, []), nonce(), 4)).toMatchObject({ stored: 0, duplicate: false })
    expect(await store.ingest(first[0][2], nonce(), 5)).toMatchObject({ stored: 0, duplicate: true })

    const { rows: held } = await sql<{ hour: number; service_code: string }>`
      SELECT hour, service_code FROM hub_figures WHERE center_id = 'C1' ORDER BY hour, service_code`.execute(store.db)
    expect(held.map((r) => `${r.hour}${r.service_code}`)).toEqual(['9C', '9P', '9R', '10C', '10P', '10R'])
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')
    const views = BYS.flatMap((by): FiguresQuery[] => [
      { from: day, to: day, by },
      { from: day, to: day, by, serviceCode: 'PASS' },
      { from: '2026-02-01', to: '2026-02-28', by, centerId: 'C1' },
    ])
    expect(await viewsMatchHourlyRows(store, views)).toBeGreaterThan(10)
    const c1 = await store.figures({ from: day, to: day, by: 'center', centerId: 'C1' })
    expect(c1[0].issued).toBe(
      renamed
        .slice(0, 2)
        .flatMap((b) => b.rows)
        .reduce((n, r) => n + r.issued, 0),
    )
  })

  it('centers storing the same days at once, and one center sending its backlog twice at once, leave every rollup exact', async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    const byCenter = CENTERS.map((c) => firstBatches().filter((b) => b.centerId === c.id))
    const results = await Promise.all([...byCenter, byCenter[0]].map((list) => store.ingestHours(list, nonce(), 1)))
    const stored = results.map((r) => (r === 'replayed' ? -1 : r.stored))
    // the two copies of C1's backlog: one stored its rows, the other found them stored
    expect(stored[0] + stored[3]).toBe(byCenter[0].length * SERVICES.length)
    expect(stored.slice(1, 3)).toEqual([byCenter[1].length * SERVICES.length, byCenter[2].length * SERVICES.length])
    // (every rollup exact: the views read them as the first test shows)
    await expectRollupsAsRebuilt(store, rollups === 'deferred' ? 'kept' : 'not kept')
  })

  it('a huge range is refused with HUB_ERR_RANGE_TOO_LONG (a year is fine; "by hour" stops at 31 days)', async () => {
    const store = await openStore(backend, undefined, rollups)
    const refused = async (q: FiguresQuery) => {
      const err = await store.figures(q).then(
        () => null,
        (e: unknown) => e,
      )
      expect(err, JSON.stringify(q)).toBeInstanceOf(HubError)
      return err as HubError
    }
    expect((await refused({ from: '2020-01-01', to: '2026-12-31', by: 'governorate' })).code).toBe('HUB_ERR_RANGE_TOO_LONG')
    expect((await refused({ from: '2026-01-01', to: '2026-02-15', by: 'hour' })).code).toBe('HUB_ERR_RANGE_TOO_LONG')
    expect((await refused({ from: '2026-02-30', to: '2026-03-01', by: 'center' })).code).toBe('HUB_ERR_VALIDATION')
    expect(await store.figures({ from: '2025-01-01', to: '2025-12-31', by: 'service' })).toEqual([])
    expect(await store.figures({ from: '2024-01-01', to: '2024-12-31', by: 'day' })).toEqual([]) // 366 days
  })

  it.skipIf(backend === 'sqlite')('a batch of a month without a partition gets one, and the row lands in it', async () => {
    const store = await openStore(backend, undefined, rollups)
    await seed(store)
    const far = '2031-05-17'
    await store.ingest(batch('C1', far, 10, 1, [row(SERVICES[0], 1)]), nonce(), 1)
    const parts = await sql<{ part: string }>`SELECT tableoid::regclass::text AS part FROM hub_figures WHERE day = ${far}`.execute(store.db)
    expect(parts.rows).toEqual([{ part: 'hub_figures_p2031_05' }])
    expect((await store.figures({ from: far, to: far, by: 'center', centerId: 'C1' }))[0].issued).toBe(row(SERVICES[0], 1).issued)
    if (backend === 'postgres+partman') {
      // pg_partman manages the table and has made the coming months ahead of any batch
      const config = await sql`SELECT 1 FROM partman.part_config WHERE parent_table = 'public.hub_figures'`.execute(store.db)
      expect(config.rows).toHaveLength(1)
      const next = new Date()
      next.setUTCDate(1)
      next.setUTCMonth(next.getUTCMonth() + 2)
      const ahead = `hub_figures_p${next.toISOString().slice(0, 7).replace('-', '_')}`
      expect((await sql`SELECT 1 FROM pg_class WHERE relname = ${ahead}`.execute(store.db)).rows).toHaveLength(1)
      expect(await store.partitions.maintain()).toBe(true)
    } else expect(await store.partitions.maintain()).toBe(false)
  })
})

describe('the range cap over HTTP', () => {
  it('GET /figures, /figures.csv and /summary answer a huge range with 400 HUB_ERR_RANGE_TOO_LONG', async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    for (const path of ['figures', 'figures.csv', 'summary']) {
      const res = await fetch(`${hub.url}/api/hub/v1/${path}?from=2016-01-01&to=2026-12-31`)
      expect(res.status, path).toBe(400)
      const body = await res.json()
      expect(body.code).toBe('HUB_ERR_RANGE_TOO_LONG')
      expect(body.message).toContain('at most 366 days')
    }
    expect((await fetch(`${hub.url}/api/hub/v1/summary?from=2026-01-01&to=2026-12-31`)).status).toBe(200)
  })
})
