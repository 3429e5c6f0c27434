import { afterEach, describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import type { HourBatch } from '../../protocol/upstream.ts'
import { HubStore } from '../../hub/store/store.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { freshPgDatabase, PG_SKIP_REASON, PG_URL } from './hub-harness.ts'
import { batch, expectRollupsAsRebuilt, row, SERVICES, seed, snapshot } from './rollup-fixture.ts'

/**
 * PostgreSQL: a call whose hours hold no stored row of its center writes them with a plain INSERT
 * (ingest-function-pg.ts), without the upsert's per-row conflict check; a call touching a stored
 * hour keeps the upsert and its revision rule. Seen from outside through a statement-level UPDATE
 * trigger on hub_figures, which an INSERT … ON CONFLICT DO UPDATE fires (even when no row conflicts)
 * and a plain INSERT does not. Rows and rollups stay exact through re-sends, revisions, replays
 * and a backlog mixing new and stored hours, with the rollups inline and deferred.
 */

if (!PG_URL) {
  console.warn(`[hub] ${PG_SKIP_REASON}`)
  describe.skip(`PostgreSQL: ${PG_SKIP_REASON}`, () => it('new hours without ON CONFLICT', () => {}))
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function openStore(deferRollups: boolean): Promise<HubStore> {
  const db = await freshPgDatabase()
  const store = new HubStore(openHubDatabase({ databaseUrl: db.url, sqliteFile: '' }), { deferRollups })
  cleanups.push(db.drop, () => store.close())
  await store.migrate()
  await seed(store)
  // every statement that runs hub_figures' UPDATE path (an upsert) counted
  await sql`CREATE TABLE upsert_statements (at TIMESTAMPTZ NOT NULL DEFAULT now())`.execute(store.db)
  await sql`CREATE FUNCTION count_upsert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO upsert_statements DEFAULT VALUES; RETURN NULL; END $$`.execute(store.db)
  await sql`CREATE TRIGGER hub_figures_upserts AFTER UPDATE ON hub_figures FOR EACH STATEMENT EXECUTE FUNCTION count_upsert()`.execute(
    store.db,
  )
  return store
}

const upserts = async (store: HubStore) =>
  Number((await sql<{ n: string }>`SELECT COUNT(*) AS n FROM upsert_statements`.execute(store.db)).rows[0].n)
const hourly = (store: HubStore) => snapshot(store, 'hub_figures', ['center_id', 'day', 'hour', 'service_code'])

/** C1's hours `hours` of `day`, revision `revision`, figures seeded by `seedOf`. */
const hoursOf = (day: string, hours: readonly number[], revision: number, seedOf: number): HourBatch[] =>
  hours.map((h) =>
    batch(
      'C1',
      day,
      h,
      revision,
      SERVICES.map((s, si) => row(s, seedOf + h + si)),
    ),
  )

describe.runIf(PG_URL).each([
  ['inline', false],
  ['deferred', true],
])('PostgreSQL ingest of new hours, rollups %s', (_, deferRollups) => {
  it('writes a new day without ON CONFLICT; a re-send, a revision, a replay and a mixed backlog take the upsert and stay exact', async () => {
    const store = await openStore(deferRollups)
    const ingest = async (batches: HourBatch[], nonce = randomUUID()) => {
      const result = await store.ingestHours(batches, nonce, Date.now())
      await store.flushRollups()
      return result
    }
    const day = hoursOf('2026-03-10', [9, 10, 11], 1, 0)
    expect(await ingest(day)).toMatchObject({ stored: 9 })
    expect(await upserts(store)).toBe(0)
    // another center's same hours are new to it: no upsert either
    expect(await ingest(day.map((b) => ({ ...b, centerId: 'C2' })))).toMatchObject({ stored: 9 })
    expect(await upserts(store)).toBe(0)
    await expectRollupsAsRebuilt(store, deferRollups ? 'kept' : 'not kept')
    const stored = await hourly(store)

    // the same hours re-sent: the upsert, nothing changed
    expect(await ingest(day)).toMatchObject({ stored: 0 })
    expect(await upserts(store)).toBe(1)
    expect(await hourly(store)).toEqual(stored)
    // a replay of the first call's nonce changes nothing and writes nothing
    const nonce = randomUUID()
    await ingest(hoursOf('2026-03-11', [9], 1, 5), nonce)
    const afterNew = await hourly(store)
    expect(await upserts(store)).toBe(1)
    expect(await ingest(hoursOf('2026-03-11', [9], 2, 50), nonce)).toBe('replayed')
    expect(await hourly(store)).toEqual(afterNew)

    // a backlog of a stored hour revised (10, revision 2), a stored hour at an older revision (11, 0) and a new one (12)
    const backlog = [...hoursOf('2026-03-10', [10], 2, 100), ...hoursOf('2026-03-10', [11], 0, 200), ...hoursOf('2026-03-10', [12], 1, 300)]
    expect(await ingest(backlog)).toMatchObject({ stored: 6 })
    expect(await upserts(store)).toBe(2)
    const now = await hourly(store)
    const c1 = (hour: number) => now.filter((r) => r.center_id === 'C1' && r.day === '2026-03-10' && r.hour === hour)
    expect(c1(10).map((r) => [r.revision, r.issued])).toEqual(backlog[0].rows.map((r) => [2, r.issued]))
    expect(c1(11)).toEqual(stored.filter((r) => r.center_id === 'C1' && r.hour === 11))
    expect(c1(12).map((r) => r.revision)).toEqual([1, 1, 1])
    await expectRollupsAsRebuilt(store, deferRollups ? 'kept' : 'not kept')
  })
})
