import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { hubSqliteFile } from '../../hub/config.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import { type FiguresQuery, HubStore } from '../../hub/store/store.ts'
import { disownServiceHourRollup, rebuildServiceHourRollup } from '../../hub/store/rollup-service-hour.ts'
import type { HourBatch } from '../../protocol/upstream.ts'
import { BACKENDS, startTestHub, type TestHub } from './hub-harness.ts'
import {
  batch,
  databaseFor,
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
 * Hub migration 24 (hub/store/migration-24-stale-rows.ts): rows a revision left behind before a
 * newer revision replaced its hour whole (session 52) are deleted, and every national view counts
 * each ticket once, as a hub of today that had received the same batches answers. The hub before
 * kept, beside an hour's revision 19, the rows of its revision 16 under a service's old letter (B
 * renamed R; A renamed P, the same national code) and the rows of a late older revision the newer
 * one lacked, and its rollups summed them all.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

type Mode = 'inline' | 'deferred'
const CASES: [string, Mode][] = BACKENDS.flatMap((b): [string, Mode][] => [
  [b, 'inline'],
  [b, 'deferred'],
])

const DAY = '2026-02-14'
const [A, B, C] = SERVICES as [(typeof SERVICES)[number], (typeof SERVICES)[number], (typeof SERVICES)[number]]
const P = { code: 'P', national: 'PASS' }
const R = { code: 'R', national: undefined }

/** What the centers sent, in the order they sent it. */
function sent(): HourBatch[] {
  return [
    // C1, hours 9 and 10: revision 16 under A, B and C; its admin changes A's letter to P and B's to R, and the center re-sends them as 19
    ...[9, 10].map((h) => batch('C1', DAY, h, 16, [row(A, h), row(B, h + 1), row(C, h + 2)])),
    ...[9, 10].map((h) => batch('C1', DAY, h, 19, [row(P, h + 3), row(R, h + 4), row(C, h + 5)])),
    // C1, hour 11: one revision, its rows stay as they are
    batch('C1', DAY, 11, 19, [row(A, 21), row(B, 22), row(C, 23)]),
    // C2, hour 9: revision 3, then a late revision 2 holding a service revision 3 lacks (the hub before stored its row)
    batch('C2', DAY, 9, 3, [row(A, 5), row(C, 6)]),
    batch('C2', DAY, 9, 2, [row(A, 50), row(B, 7)]),
    // C3: the last hour of January and one of February (the migration goes a month at a time)
    batch('C3', '2026-01-31', 23, 1, [row(A, 8), row(B, 9)]),
    batch('C3', DAY, 9, 4, [row(A, 10), row(C, 11)]),
  ]
}
/** The rows the migration deletes: below their hour's revision. */
const STALE = ['C1 9 A', 'C1 9 B', 'C1 10 A', 'C1 10 B', 'C2 9 B']

/** The views compared: every grouping, the day and the two months, the country and its filters. */
const VIEWS: FiguresQuery[] = (['governorate', 'center', 'service', 'day', 'hour'] as const).flatMap((by) =>
  [
    { from: DAY, to: DAY },
    { from: '2026-01-15', to: '2026-02-14' },
  ]
    .filter((range) => by !== 'hour' || range.from === DAY)
    .flatMap((range): FiguresQuery[] => [
      { ...range, by },
      { ...range, by, serviceCode: 'PASS' },
      { ...range, by, governorate: 'Cairo' },
      { ...range, by, centerId: 'C1' },
      ...(by === 'hour' ? [{ ...range, by, serviceCode: 'PASS', governorate: 'Cairo' }] : []),
    ]),
)

/**
 * The hub before the upgrade: schema 23, the rows of `sent()` as its ingest left them (each service's
 * row at the highest revision it was sent, the rows of earlier letters beside them), hub_hours at each
 * hour's latest, and the rollups summing every row: kept inline (the rollup by hour for a service
 * disowned, as an inline hub does before its first ingest) or folded (that rollup kept too).
 */
async function doubleCounted(store: HubStore, mode: Mode): Promise<void> {
  expect(await store.migrate(hubMigrations.filter((m) => m.version <= 23))).toBe(23)
  await seed(store)
  await storeAsSchema(store, 23, sent(), 'rebuilt')
  if (mode === 'deferred') await store.db.transaction().execute((trx) => rebuildServiceHourRollup(trx))
  else await disownServiceHourRollup(store.db)
}

/** hub_figures' rows, every column, by key. */
const hourlyRows = async (store: HubStore) =>
  (await snapshot(store, 'hub_figures', ['center_id', 'day', 'hour', 'service_code'])).map((r) => ({
    ...r,
    day: String(r.day).slice(0, 10),
  }))
const keyOf = (r: Record<string, unknown>) => `${r.center_id} ${r.hour} ${r.service_code}`

/** A hub of today that received `sent()` (its ingest replaces an hour whole): what the views must say. */
async function todayHub(backend: string): Promise<TestHub> {
  const hub = await startTestHub({ backend: backend as 'sqlite' | 'postgres' })
  cleanups.push(() => hub.close())
  await seed(hub.store)
  for (const b of sent()) await hub.store.ingest(b, randomUUID(), 1)
  return hub
}

describe.each(CASES)('hub migration 24 on %s, rollups %s', { timeout: 120_000 }, (backend, mode) => {
  it("deletes the rows below their hour revision, leaves every other row untouched, and every view and answer (summary, by service, by center, by hour, the CSV) is a hub of today's", async () => {
    // the state the upgrade finds, and what it says of C1's day (A and P, B and R counted)
    let rowsBefore: Record<string, unknown>[] = []
    let c1Before = 0
    const hub = await startTestHub({
      backend: backend as 'sqlite' | 'postgres',
      config: { rollupRefreshMs: mode === 'deferred' ? 60_000 : 0 },
      seed: async (config) => {
        const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }))
        try {
          await doubleCounted(store, mode)
          rowsBefore = await hourlyRows(store)
          c1Before = (await store.figures({ from: DAY, to: DAY, by: 'center', centerId: 'C1' }))[0]?.issued ?? 0
        } finally {
          await store.close()
        }
      },
    })
    cleanups.push(() => hub.close())
    const after = hub.store
    expect(await after.migrate()).toBe(24)
    // the stale rows gone, every other row exactly as it was (its revision equals its hour's)
    const rowsAfter = await hourlyRows(after)
    expect(rowsAfter).toEqual(rowsBefore.filter((r) => !(r.day === DAY && STALE.includes(keyOf(r)))))
    expect(rowsBefore.length - rowsAfter.length).toBe(STALE.length)
    // C1's day: what its latest revisions hold, once
    const latest = sent().filter((b) => b.centerId === 'C1' && b.revision === 19)
    const c1 = await after.figures({ from: DAY, to: DAY, by: 'center', centerId: 'C1' })
    expect(c1[0]?.issued).toBe(latest.flatMap((b) => b.rows).reduce((n, r) => n + r.issued, 0))
    expect(c1Before).toBeGreaterThan(c1[0]?.issued ?? 0)

    // every view as a hub of today that received the same batches answers, and as the hourly rows say
    const today = await todayHub(backend)
    for (const q of VIEWS) expect(await orderedFigures(after, q), JSON.stringify(q)).toEqual(await orderedFigures(today.store, q))
    expect(await viewsMatchHourlyRows(after, VIEWS)).toBeGreaterThan(20)
    await expectRollupsAsRebuilt(after, mode === 'deferred' ? 'kept' : 'not kept')

    // the hub's answers
    const get = async (h: TestHub, path: string) => (await h.app.inject({ url: `/api/hub/v1/${path}` })).body
    const figuresOf = async (h: TestHub, path: string) => {
      const { totals, byGovernorate, byCenter, byService, byTime, byHour } = JSON.parse(await get(h, path))
      return { totals, byGovernorate, byCenter, byService, byTime, byHour }
    }
    for (const range of [`from=${DAY}&to=${DAY}`, 'from=2026-01-15&to=2026-02-14'])
      expect(await figuresOf(hub, `summary?${range}`), range).toEqual(await figuresOf(today, `summary?${range}`))
    for (const path of [
      `figures?from=${DAY}&to=${DAY}&by=service`,
      `figures?from=${DAY}&to=${DAY}&by=center`,
      `figures?from=${DAY}&to=${DAY}&by=hour`,
      `figures?from=${DAY}&to=${DAY}&by=hour&serviceCode=PASS`,
      `figures.csv?from=${DAY}&to=${DAY}&by=service&lang=en`,
      `figures.csv?from=2026-01-15&to=2026-02-14&by=center&lang=ar`,
    ]) {
      // (a JSON answer's figuresAsOf is the moment it was asked)
      const answer = async (h: TestHub) =>
        path.startsWith('figures.csv') ? get(h, path) : { ...JSON.parse(await get(h, path)), figuresAsOf: 0 }
      const migrated = await answer(hub)
      expect(migrated, path).toEqual(await answer(today))
      expect(JSON.stringify(migrated).length, path).toBeGreaterThan(100)
    }
    // by service over the country: PASS counts P at C1 (hours 9 and 10), not A beside it, nor C2's late revision 2
    const byService = JSON.parse(await get(hub, `figures?from=${DAY}&to=${DAY}&by=service`)).rows as { key: string; issued: number }[]
    const pass = sent()
      .filter((b) => b.day === DAY && !(b.centerId === 'C1' && b.revision === 16) && !(b.centerId === 'C2' && b.revision === 2))
      .flatMap((b) => b.rows)
      .filter((r) => r.nationalCode === 'PASS')
    expect(byService.find((r) => r.key === 'PASS')?.issued).toBe(pass.reduce((n, r) => n + r.issued, 0))
  })
})

describe.each(BACKENDS)('hub migration 24 on an empty hub, %s', (backend) => {
  it('migrates and leaves it empty', async () => {
    const store = new HubStore(openHubDatabase(await databaseFor(backend, cleanups)))
    cleanups.push(() => store.close())
    expect(await store.migrate(hubMigrations.filter((m) => m.version <= 23))).toBe(23)
    expect(await store.migrate()).toBe(24)
    const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM hub_figures`.execute(store.db)
    expect(Number(rows[0]?.n)).toBe(0)
    expect(await store.figures({ from: DAY, to: DAY, by: 'center' })).toEqual([])
  })
})
