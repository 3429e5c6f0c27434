import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { dialectOf, openHubDatabase, type HubDb } from '../../hub/store/database.ts'
import { hubMigrationProvider, migrationName } from '../../hub/store/migration-provider.ts'
import { type HubMigration, hubMigrations } from '../../hub/store/migrations.ts'
import { HubStore } from '../../hub/store/store.ts'
import { BACKENDS, type Backend, freshPgDatabase } from './hub-harness.ts'

/**
 * The hand-over to Kysely's Migrator (hub/store/migration-bridge.ts): a database made by the hub's
 * first runner (its own `hub_schema` table) is recognised, mapped once, and never migrated twice;
 * pending migrations still apply all or nothing.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.()
})

async function freshDb(backend: Backend): Promise<HubDb> {
  let db: HubDb
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'tabour-hub-bridge-'))
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }))
    db = openHubDatabase({ sqliteFile: join(dir, 'hub.sqlite') })
  } else {
    const pgDb = await freshPgDatabase()
    cleanups.push(pgDb.drop)
    db = openHubDatabase({ databaseUrl: pgDb.url, sqliteFile: '' })
  }
  cleanups.push(() => db.destroy())
  return db
}

/** The hub's first migration runner, as main had it in HubStore.migrate (hub/store/store.ts) before Kysely (its SQL through Kysely's `sql` tag). */
async function migrateTheOldWay(db: HubDb, migrations: HubMigration[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)`.execute(trx)
    const { rows } = await sql<{ version: number | null }>`SELECT MAX(version) AS version FROM hub_schema`.execute(trx)
    const from = Number(rows[0]?.version ?? 0)
    for (const m of migrations.filter((x) => x.version > from)) {
      for (const statement of m.statements) await sql.raw(statement).execute(trx)
      if (m.up) await m.up(trx, dialectOf(trx))
      await sql`INSERT INTO hub_schema (version) VALUES (${m.version})`.execute(trx)
    }
  })
}

/** A database as the old hub left it at `version`, with one center registered. */
async function oldHubDatabase(backend: Backend, version: number): Promise<HubDb> {
  const db = await freshDb(backend)
  await migrateTheOldWay(
    db,
    hubMigrations.filter((m) => m.version <= version),
  )
  // the columns every version has (hub migration 17 renamed the city)
  await sql`INSERT INTO hub_centers (id, name_ar, name_en, governorate, kind, secret, active, created_at)
     VALUES ('C1', 'مركز', 'Center', 'Cairo', 'fixed', 's3cret', 1, 1)`.execute(db)
  return db
}

async function appliedNames(db: HubDb): Promise<{ name: string; timestamp: string }[]> {
  return (await sql<{ name: string; timestamp: string }>`SELECT name, timestamp FROM kysely_migration ORDER BY name`.execute(db)).rows
}

async function hasTable(db: HubDb, table: string): Promise<boolean> {
  const found =
    dialectOf(db) === 'postgres'
      ? await sql`SELECT 1 FROM pg_class WHERE oid = to_regclass(${table})`.execute(db)
      : await sql`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db)
  return found.rows.length > 0
}

/** Kysely's names of the hub's migrations up to a version (the list may skip a number). */
const names = (upTo: number) => hubMigrations.filter((m) => m.version <= upTo).map((m) => migrationName(m.version))
const latest = hubMigrations.at(-1)!.version

describe.each(BACKENDS)('the hand-over from the old migration runner on %s', (backend) => {
  it('a database of the old runner at the latest version is recognised: nothing is applied again, its rows stay, the old table goes', async () => {
    const db = await oldHubDatabase(backend, latest)
    const store = new HubStore(db)
    // were the hand-over missing, migration 1 would run again and fail on hub_centers
    expect(await store.migrate()).toBe(latest)
    const mapped = await appliedNames(db)
    expect(mapped.map((m) => m.name)).toEqual(names(latest))
    expect(await hasTable(db, 'hub_schema')).toBe(false)
    expect(await store.getCenter('C1')).toMatchObject({ id: 'C1', nameEn: 'Center', active: true })
    // once: a second start maps nothing and applies nothing
    expect(await store.migrate()).toBe(latest)
    expect(await appliedNames(db)).toEqual(mapped)
  })

  it('a database of the old runner at an older version gets only the migrations after it, once each', async () => {
    const db = await oldHubDatabase(backend, 9)
    const store = new HubStore(db)
    expect(await store.migrate()).toBe(latest)
    expect((await appliedNames(db)).map((m) => m.name)).toEqual(names(latest))
    // migrations 10 (bundles), 11 (rollups) and 12 (open data) made their tables
    for (const table of ['hub_config_bundles', 'hub_rollup_center_day', 'hub_live_queues'])
      expect(await hasTable(db, table), table).toBe(true)
    expect((await store.listCenters()).map((c) => c.id)).toEqual(['C1'])
  })

  it('pending migrations apply all or nothing: a failing one leaves no table of the run behind and nothing recorded', async () => {
    const db = await freshDb(backend)
    const store = new HubStore(db)
    const broken: HubMigration = {
      version: latest + 1,
      name: 'a table, then a statement that fails',
      statements: ['CREATE TABLE hub_half_done (x INTEGER)', 'INSERT INTO hub_no_such_table (x) VALUES (1)'],
    }
    await expect(store.migrate([...hubMigrations, broken])).rejects.toThrow(/hub_no_such_table/)
    // the whole run rolled back, migration 1 included (DDL is transactional on both stores)
    expect(await hasTable(db, 'hub_half_done')).toBe(false)
    expect(await hasTable(db, 'hub_centers')).toBe(false)
    expect(await store.migrate()).toBe(latest)
  })
})

describe('the migration provider', () => {
  it('refuses a list out of order or with a version twice (two branches that took the same number)', () => {
    const m = (version: number): HubMigration => ({ version, name: `m${version}`, statements: [] })
    expect(() => hubMigrationProvider([m(1), m(2), m(2)])).toThrow(/2 \(m2\) must come after 2/)
    expect(() => hubMigrationProvider([m(1), m(3), m(2)])).toThrow(/must come after 3/)
    expect(() => hubMigrationProvider([m(1), m(2)])).not.toThrow()
  })

  it('names each migration by its zero-padded version, in order', async () => {
    expect(Object.keys(await hubMigrationProvider(hubMigrations).getMigrations())).toEqual(names(latest))
  })
})
