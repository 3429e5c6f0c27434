import { afterEach, describe, expect, it, vi } from 'vitest'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { HUB_DASHBOARD_PATH } from '../../protocol/hub-api.ts'
import { HubStore, type FiguresQuery } from '../../hub/store/store.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { openHubStore } from '../../hub/open-store.ts'
import { BACKENDS, type Backend, startTestHub, type TestHub } from './hub-harness.ts'
import {
  batch,
  CENTERS,
  databaseFor,
  expectRollupsAsRebuilt,
  row,
  SERVICES,
  seed,
  snapshot,
  viewsMatchHourlyRows,
} from './rollup-fixture.ts'

/**
 * Deferred rollups (rollup-fold.ts, hub migration 18): ingest stores the hourly rows and marks
 * their days; a fold sums the marks into the rollups, many centers' days at once, exactly; a
 * crash between ingest and fold, or a fold killed part-way, loses nothing; the hub app folds on
 * its own and its answers say until when the figures hold every batch.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function deferredStore(where: { sqliteFile: string; databaseUrl?: string }): Promise<HubStore> {
  const store = new HubStore(openHubDatabase(where), { deferRollups: true })
  cleanups.push(() => store.close())
  await store.migrate()
  return store
}

const DAYS = ['2026-02-27', '2026-02-28', '2026-03-01']
/** The fixture's services with a catalogue code (A: PASS) and without (B). */
const [A, B] = SERVICES as [(typeof SERVICES)[number], (typeof SERVICES)[number]]

/** A center's days (two hours each, services A and B), revision 1. */
const daysOf = (center: string, ci: number) =>
  DAYS.flatMap((day, di) => [9, 14].map((hour) => batch(center, day, hour, 1, [row(A, ci * 7 + di + hour), row(B, ci * 5 + di)])))

const VIEWS: FiguresQuery[] = [
  ...(['governorate', 'center', 'service', 'day'] as const).flatMap((by) => [
    { from: '2026-02-01', to: '2026-03-31', by },
    { from: '2026-02-28', to: '2026-02-28', by },
    { from: '2026-01-01', to: '2026-12-31', by, governorate: 'Cairo' },
  ]),
  // one service by hour (the rollup by governorate, migration 19): the country, a governorate, a center
  ...[{}, { governorate: 'Cairo' }, { governorate: 'Alexandria' }, { centerId: 'C2' }].map(
    (filter): FiguresQuery => ({ from: '2026-02-27', to: '2026-03-01', by: 'hour', serviceCode: 'PASS', ...filter }),
  ),
]

/** Every view as the hourly rows give it, and every rollup as a rebuild from scratch makes it. */
async function expectExact(store: HubStore): Promise<void> {
  await viewsMatchHourlyRows(store, VIEWS)
  await expectRollupsAsRebuilt(store)
}

/** A hub on `backend` that defers its rollups (its refresher folds every `refreshMs`), with the fixture's centers. */
async function deferringHub(backend: Backend, clock: () => number, refreshMs: number): Promise<TestHub> {
  const hub = await startTestHub({ backend, clock, config: { rollupRefreshMs: refreshMs } })
  cleanups.push(() => hub.close())
  await seed(hub.store)
  return hub
}

const marks = async (store: HubStore) => (await store.db.selectFrom('hub_rollup_marks').select(['center_id', 'day']).execute()).length
const issuedOf = async (store: HubStore, q: FiguresQuery) => (await store.figures(q)).reduce((n, r) => n + r.issued, 0)
const ALL: FiguresQuery = { from: '2026-01-01', to: '2026-12-31', by: 'center' }

describe.each(BACKENDS)('deferred rollups on %s', (backend) => {
  it("ingest marks the days it changed and leaves the rollups; one fold sums every center's days exactly; a re-send marks nothing", async () => {
    const store = await deferredStore(await databaseFor(backend, cleanups))
    await seed(store)
    for (const [ci, c] of CENTERS.entries())
      expect(await store.ingestHours(daysOf(c.id, ci), randomUUID(), 1_000 + ci)).toMatchObject({ stored: 12 })
    expect(await marks(store)).toBe(CENTERS.length * DAYS.length)
    // not folded yet: the views hold nothing of it, and say since when
    expect(await issuedOf(store, ALL)).toBe(0)
    expect(await store.figuresAsOf(9_000)).toBe(1_000)

    expect(await store.foldRollups()).toBe(CENTERS.length * DAYS.length)
    expect(await marks(store)).toBe(0)
    expect(await store.figuresAsOf(9_000)).toBe(9_000)
    expect(await issuedOf(store, ALL)).toBeGreaterThan(0)
    await expectExact(store)

    // the same batches again (a lost answer): nothing changes, nothing to fold
    for (const [ci, c] of CENTERS.entries())
      expect(await store.ingestHours(daysOf(c.id, ci), randomUUID(), 2_000)).toMatchObject({ stored: 0 })
    expect(await marks(store)).toBe(0)
  })

  it('a revision of a folded day replaces it at the next fold: more tickets, a lower maximum wait, a renamed service, a moved code', async () => {
    const store = await deferredStore(await databaseFor(backend, cleanups))
    await seed(store)
    for (const [ci, c] of CENTERS.entries()) await store.ingestHours(daysOf(c.id, ci), randomUUID(), 1_000)
    await store.flushRollups()
    const before = await issuedOf(store, ALL)
    const old = daysOf('C1', 0).find((b) => b.day === '2026-02-28' && b.hour === 9)!
    await store.ingest(
      batch('C1', '2026-02-28', 9, 2, [
        row(A, 1, { issued: old.rows[0].issued + 40, waitMaxSeconds: 1, nationalCode: undefined }),
        row(B, 2, { serviceNameEn: 'Service B (renamed)' }),
      ]),
      randomUUID(),
      5_000,
    )
    expect(await store.db.selectFrom('hub_rollup_marks').selectAll().execute()).toEqual([
      { center_id: 'C1', day: '2026-02-28', marked_at: 5_000 },
    ])
    expect(await issuedOf(store, ALL)).toBe(before) // the folded figures until the next fold
    expect(await store.flushRollups()).toBe(1)
    await expectExact(store)
    const wait = await store.figures({ from: '2026-02-28', to: '2026-02-28', by: 'hour', centerId: 'C1' })
    expect(wait.find((r) => r.key === '9')?.waitMaxSeconds).toBe(Math.max(1, old.rows[1].waitMaxSeconds, row(B, 2).waitMaxSeconds))
  })

  it('a fold that fails part-way leaves its marks and the rollups as they were; the next fold sums them', async () => {
    const where = await databaseFor(backend, cleanups)
    const store = await deferredStore(where)
    await seed(store)
    await store.ingestHours(daysOf('C1', 0), randomUUID(), 1_000)
    await store.flushRollups()
    const folded = await snapshot(store, 'hub_rollup_center_day', ['day', 'center_id'])
    for (const [ci, c] of CENTERS.entries())
      await store.ingestHours(
        daysOf(c.id, ci).map((b) => ({ ...b, revision: 2, rows: b.rows.map((r) => ({ ...r, issued: r.issued + 1 })) })),
        randomUUID(),
        2_000,
      )
    const waiting = await marks(store)
    expect(waiting).toBe(CENTERS.length * DAYS.length)
    // the last rollup the fold writes refuses it, after the fold rewrote the seven before it in its transaction
    if (backend === 'sqlite')
      await sql`CREATE TRIGGER refuse_fold BEFORE INSERT ON hub_rollup_national_month BEGIN SELECT RAISE(ABORT, 'fold refused'); END`.execute(
        store.db,
      )
    else {
      await sql`CREATE FUNCTION refuse_fold() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'fold refused'; END $$`.execute(
        store.db,
      )
      await sql`CREATE TRIGGER refuse_fold BEFORE INSERT ON hub_rollup_national_month FOR EACH ROW EXECUTE FUNCTION refuse_fold()`.execute(
        store.db,
      )
    }
    await expect(store.foldRollups()).rejects.toThrow(/fold refused/)
    expect(await marks(store)).toBe(waiting)
    expect(await snapshot(store, 'hub_rollup_center_day', ['day', 'center_id'])).toEqual(folded)
    await sql`DROP TRIGGER refuse_fold ${backend === 'sqlite' ? sql`` : sql`ON hub_rollup_national_month`}`.execute(store.db)
    expect(await store.flushRollups()).toBe(waiting)
    await expectExact(store)
  })

  it('the hub app folds on its own, and its answers say until when the figures hold every batch', async () => {
    const now = Date.UTC(2026, 1, 28, 12)
    const hub = await deferringHub(backend, () => now, 60)
    const stored = now - 90_000
    for (const [ci, c] of CENTERS.entries()) await hub.store.ingestHours(daysOf(c.id, ci), randomUUID(), stored)
    const answer = async () => (await hub.app.inject({ url: '/api/hub/v1/figures?from=2026-02-01&to=2026-03-31&by=center' })).json()
    // folded by the app's refresher, unasked
    await vi.waitFor(async () => expect((await answer()).figuresAsOf).toBe(now), { timeout: 20_000, interval: 100 })
    expect((await answer()).totals.issued).toBeGreaterThan(0)
    await expectExact(hub.store)
  })

  it("the figures' answers say since when a change waits to be folded, and nothing once it is folded", async () => {
    let now = Date.UTC(2026, 1, 28, 12)
    // a refresher that would fold only in an hour: the marks wait until the test folds them
    const hub = await deferringHub(backend, () => now, 3_600_000)
    const stored = now - 90_000
    await hub.store.ingestHours(daysOf('C1', 0), randomUUID(), stored)
    await hub.store.ingestHours(daysOf('C2', 1), randomUUID(), stored + 30_000)
    const asOf = async () =>
      Promise.all(
        ['/api/hub/v1/figures?from=2026-02-01&to=2026-03-31&by=center', `${HUB_DASHBOARD_PATH}?from=2026-02-01&to=2026-03-31`].map(
          async (url) => (await hub.app.inject({ url })).json().figuresAsOf,
        ),
      )
    // behind: the oldest change not folded yet, on the figures and on the dashboard
    expect(await asOf()).toEqual([stored, stored])
    expect(await hub.store.flushRollups()).toBe(2 * DAYS.length)
    now += 60_000
    expect(await asOf()).toEqual([now, now])
  })

  it('the dashboard of a deferring hub with nothing waiting is not behind, whatever time passes while it answers', async () => {
    // a clock that moves at every reading: the answer's two moments must be one
    let now = Date.UTC(2026, 1, 28, 12)
    const hub = await deferringHub(backend, () => ++now, 3_600_000)
    const dashboard = (await hub.app.inject({ url: `${HUB_DASHBOARD_PATH}?from=2026-02-01&to=2026-03-31` })).json()
    expect(dashboard.figuresAsOf).toBe(dashboard.generatedAt)
  })

  it('a store keeping its rollups inline answers "now" without asking for the marks', async () => {
    const where = await databaseFor(backend, cleanups)
    const deferring = await deferredStore(where)
    await seed(deferring)
    await deferring.ingestHours(daysOf('C1', 0), randomUUID(), 1_000)
    expect(await deferring.figuresAsOf(9_000)).toBe(1_000)
    // the same database, inline: the marks are still there (nothing folded them), and it does not look
    const inline = new HubStore(openHubDatabase(where))
    cleanups.push(() => inline.close())
    await inline.migrate()
    expect(await marks(inline)).toBe(DAYS.length)
    expect(await inline.figuresAsOf(9_000)).toBe(9_000)
  })
})

describe.each(BACKENDS)('a hub on %s that stops between ingest and fold', (backend) => {
  it('loses nothing: killed (SIGKILL) after the batch is stored and before any fold, it folds the marks when it opens again', async () => {
    const where = await databaseFor(backend, cleanups)
    const store = await deferredStore(where)
    await seed(store)
    await store.close()
    cleanups.pop() // closed already
    // a hub process that stores a batch, says so, and is killed before it folds anything
    const root = resolve(import.meta.dirname, '../..')
    const script = `
      import { HubStore } from '${root}/hub/store/store.ts'
      import { openHubDatabase } from '${root}/hub/store/database.ts'
      const store = new HubStore(openHubDatabase(${JSON.stringify(where)}), { deferRollups: true })
      await store.migrate()
      const batches = ${JSON.stringify(daysOf('C2', 1))}
      const r = await store.ingestHours(batches, 'n-crash', 1000)
      process.stdout.write('stored ' + r.stored + '\\n')
      setInterval(() => {}, 1000)`
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const said = await new Promise<string>((done, fail) => {
      child.stdout.on('data', (d: Buffer) => done(d.toString()))
      child.on('exit', (code) => fail(new Error(`the hub process exited ${code}`)))
    })
    expect(said.trim()).toBe('stored 12')
    child.kill('SIGKILL')
    await new Promise((done) => child.once('exit', done))

    const reopened = await openHubStore({
      dataDir: '',
      databaseUrl: where.databaseUrl,
      ...(backend === 'sqlite' ? { dataDir: resolve(where.sqliteFile, '..') } : {}),
    })
    cleanups.push(() => reopened.close())
    expect(await marks(reopened)).toBe(0)
    expect(await issuedOf(reopened, ALL)).toBe(
      daysOf('C2', 1)
        .flatMap((b) => b.rows)
        .reduce((n, r) => n + r.issued, 0),
    )
    await expectExact(reopened)
  })
})
