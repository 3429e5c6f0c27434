import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { HubStore, type FiguresQuery } from '../../hub/store/store.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import { SERVICE_HOUR_ROLLUP, serviceHourRollupKept } from '../../hub/store/rollup-service-hour.ts'
import { BACKENDS } from './hub-harness.ts'
import {
  batch,
  CENTERS,
  expectRollupsAsRebuilt,
  expectServiceHourAsRebuilt,
  row,
  SERVICES,
  seed,
  storeAsSchema,
  viewsMatchHourlyRows,
  databaseFor,
} from './rollup-fixture.ts'

/**
 * "By hour" for one national service (hub migration 19, hub/store/rollup-service-hour.ts): over
 * the country and one governorate it reads a rollup by day, hour, governorate and national code
 * that the deferred fold keeps; its answers stay those of the hourly rows through new hours, a
 * re-send, a revision, a late backlog, a center moved to another governorate, a hub switched from
 * inline to deferred rollups, and a hub migrated with rows already stored.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

/** A store on `where`, deferring its rollups or not, migrated up to `upTo` (all by default). */
async function storeOn(where: { sqliteFile: string; databaseUrl?: string }, deferRollups: boolean, upTo = Infinity): Promise<HubStore> {
  const store = new HubStore(openHubDatabase(where), { deferRollups })
  cleanups.push(() => store.close())
  await store.migrate(hubMigrations.filter((m) => m.version <= upTo))
  return store
}

const [A, B, C] = SERVICES as [(typeof SERVICES)[number], (typeof SERVICES)[number], (typeof SERVICES)[number]]
const DAYS = ['2026-02-27', '2026-02-28', '2026-03-01']
/** A center's days, hours 9 and 14, every service, revision 1. */
const daysOf = (center: string, ci: number, days = DAYS) =>
  days.flatMap((day, di) =>
    [9, 14].map((hour) =>
      batch(
        center,
        day,
        hour,
        1,
        SERVICES.map((s, si) => row(s, ci * 7 + di + hour + si)),
      ),
    ),
  )

/** One service by hour: the country, each governorate, one center; PASS (in the catalogue) and ZZZ (not in it), a range and a day. */
const VIEWS: FiguresQuery[] = ['PASS', 'ZZZ'].flatMap((serviceCode) =>
  [
    { from: '2026-02-01', to: '2026-03-03' },
    { from: '2026-02-28', to: '2026-02-28' },
  ].flatMap((range) =>
    [{}, { governorate: 'Cairo' }, { governorate: 'Alexandria' }, { centerId: 'C1' }].map(
      (filter): FiguresQuery => ({ ...range, ...filter, by: 'hour', serviceCode }),
    ),
  ),
)

async function expectExact(store: HubStore): Promise<void> {
  expect(await viewsMatchHourlyRows(store, VIEWS)).toBeGreaterThan(8)
}

const ingest = (store: HubStore, batches: ReturnType<typeof daysOf>) => store.ingestHours(batches, randomUUID(), Date.now())
const passByHour = (store: HubStore, governorate?: string): Promise<number> =>
  store
    .figures({ from: '2026-02-01', to: '2026-03-03', by: 'hour', serviceCode: 'PASS', governorate })
    .then((rows) => rows.reduce((n, r) => n + r.issued, 0))

describe.each(BACKENDS)('one national service by hour on %s', (backend) => {
  it('a deferring hub answers it from the rollup by governorate, equal to the hourly rows through new hours, a re-send, a revision and a late backlog', async () => {
    const store = await storeOn(await databaseFor(backend, cleanups), true)
    await seed(store)
    for (const [ci, c] of CENTERS.entries()) await ingest(store, daysOf(c.id, ci, DAYS.slice(1)))
    await store.flushRollups()
    await expectExact(store)
    await expectRollupsAsRebuilt(store)

    // the view reads the rollup: a figure changed in it by hand shows in the country's and Cairo's answers (then put back)
    const [country, cairo] = [await passByHour(store), await passByHour(store, 'Cairo')]
    await sql`UPDATE ${sql.table(SERVICE_HOUR_ROLLUP)} SET issued = issued + 1000 WHERE national_key = 'PASS' AND governorate = 'Cairo' AND hour = 9 AND day = '2026-02-28'`.execute(
      store.db,
    )
    expect([await passByHour(store), await passByHour(store, 'Cairo'), await passByHour(store, 'Alexandria')]).toEqual([
      country + 1000,
      cairo + 1000,
      country - cairo,
    ])
    await sql`UPDATE ${sql.table(SERVICE_HOUR_ROLLUP)} SET issued = issued - 1000 WHERE national_key = 'PASS' AND governorate = 'Cairo' AND hour = 9 AND day = '2026-02-28'`.execute(
      store.db,
    )

    // a re-send changes nothing; a revision (more tickets, a lower maximum wait, a service moved to PASS); a late backlog of an older day
    await ingest(store, daysOf('C1', 0, DAYS.slice(1)))
    await ingest(store, [
      batch('C2', '2026-02-28', 9, 2, [row(A, 40, { issued: 77, waitMaxSeconds: 1 }), row(B, 41), row(C, 42, { nationalCode: 'PASS' })]),
    ])
    for (const [ci, c] of CENTERS.entries()) await ingest(store, daysOf(c.id, ci + 3, DAYS.slice(0, 1)))
    await store.flushRollups()
    await expectExact(store)
    await expectRollupsAsRebuilt(store)
  })

  it('a center moved to another governorate takes its figures with it; a fold after the move sums its new days there', async () => {
    const store = await storeOn(await databaseFor(backend, cleanups), true)
    await seed(store)
    for (const [ci, c] of CENTERS.entries()) await ingest(store, daysOf(c.id, ci))
    await store.flushRollups()
    const alexandria = await passByHour(store, 'Alexandria')
    expect(alexandria).toBeGreaterThan(0)
    // C3 (Alexandria's only center) joins Cairo: Alexandria is left without figures
    await store.updateCenter('C3', { governorate: 'Cairo' })
    expect(await passByHour(store, 'Alexandria')).toBe(0)
    await expectExact(store)
    await expectRollupsAsRebuilt(store)
    // a revision of C3 stored after the move is folded into Cairo
    await ingest(store, [batch('C3', '2026-03-01', 14, 2, [row(A, 9, { issued: 99 })])])
    await store.flushRollups()
    await expectExact(store)
    await expectRollupsAsRebuilt(store)
    // and back, with a name changed too
    await store.updateCenter('C3', { governorate: 'Alexandria', nameEn: 'Center C3 (moved back)' })
    expect(await passByHour(store, 'Alexandria')).toBeGreaterThan(0)
    await expectExact(store)
    await expectRollupsAsRebuilt(store)
  })

  it('a hub keeping its rollups inline clears the flag before it first ingests and reads the hourly rows; switched to deferred, its first fold rebuilds the rollup', async () => {
    const where = await databaseFor(backend, cleanups)
    const inline = await storeOn(where, false)
    await seed(inline)
    expect(await serviceHourRollupKept(inline.db)).toBe(true)
    for (const [ci, c] of CENTERS.entries()) await ingest(inline, daysOf(c.id, ci))
    expect(await serviceHourRollupKept(inline.db)).toBe(false)
    await expectExact(inline)
    await inline.close()
    cleanups.pop()

    const deferred = await storeOn(where, true)
    // nothing folded yet: the rollup is not read
    await expectExact(deferred)
    await ingest(deferred, [batch('C2', '2026-02-28', 14, 2, [row(A, 5, { issued: 31 })])])
    await deferred.flushRollups()
    expect(await serviceHourRollupKept(deferred.db)).toBe(true)
    await expectExact(deferred)
    await expectRollupsAsRebuilt(deferred)
  })

  it('migrations 19 and 20 fill the rollup from the rows a hub stored before them, and the views read it', async () => {
    const where = await databaseFor(backend, cleanups)
    const before = await storeOn(where, true, 18)
    await seed(before)
    // rows as a deferring hub of schema 18 stored them, every day left unfolded, as a stopped hub leaves it (today's ingest
    // and views need migration 20's column)
    const stored = CENTERS.flatMap((c, ci) => daysOf(c.id, ci))
    // a revision, and the turn of a year: migration 19 fills the rollup a month at a time (rollup-service-hour.ts)
    stored.push(
      batch('C1', '2026-03-01', 9, 2, [row(A, 3, { issued: 45 })]),
      batch('C1', '2025-12-31', 23, 2, [row(A, 7, { issued: 11, nationalCode: 'PASS' })]),
      batch('C1', '2026-01-01', 0, 2, [row(A, 8, { issued: 13, nationalCode: 'PASS' })]),
    )
    await storeAsSchema(before, 18, stored, 'marked')
    await before.close()
    cleanups.pop()

    const after = await storeOn(where, true)
    expect(await serviceHourRollupKept(after.db)).toBe(true)
    const turnOfYear = await sql<{
      day: string
      issued: number
    }>`SELECT day, issued FROM ${sql.table(SERVICE_HOUR_ROLLUP)} WHERE national_key = 'PASS' AND (day = '2025-12-31' OR day = '2026-01-01') ORDER BY day`.execute(
      after.db,
    )
    expect(turnOfYear.rows.map((r) => [String(r.day).slice(0, 10), Number(r.issued)])).toEqual([
      ['2025-12-31', 11],
      ['2026-01-01', 13],
    ])
    // filled from every hourly row, the unfolded revision too; the rows stored before migration 20 hold no tickets still waiting
    await expectServiceHourAsRebuilt(after)
    await expectExact(after)
    expect((await after.figuresFromHourlyRows(VIEWS[0])).every((r) => r.waitingPastTarget === 0)).toBe(true)
    await after.flushRollups()
    await expectExact(after)
    await expectRollupsAsRebuilt(after)
    // a running hour sent after migration 20: its tickets still waiting are summed like every figure, in every rollup
    await ingest(after, [batch('C2', '2026-03-01', 14, 2, [row(A, 5, { waitMissedUncalled: 4, waitingPastTarget: 3 })])])
    await after.flushRollups()
    await expectExact(after)
    await expectRollupsAsRebuilt(after)
    const byHour = await after.figures({ from: '2026-03-01', to: '2026-03-01', by: 'hour', serviceCode: 'PASS', governorate: 'Cairo' })
    expect(byHour.find((r) => r.key === '14')).toMatchObject({ waitingPastTarget: 3 })
  })
})
