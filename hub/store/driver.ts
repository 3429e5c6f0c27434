/**
 * LEGACY: the last user of `?` SQL in the hub. The figures files (figures-ingest.ts,
 * figures-query.ts, rollups.ts, partitions.ts, migration-11-scale.ts) still write SQL text with
 * `?` placeholders against this small interface; it runs that text on the hub's Kysely instance
 * (database.ts), rewriting `?` into $1, $2, … for PostgreSQL here and nowhere else (never put a
 * literal `?` in SQL given to it). Delete this file when those files move to Kysely's query
 * builder or `sql` tag; new code takes the Kysely instance instead.
 */
import { CompiledQuery, type Kysely } from 'kysely'
import { type Dialect, dialectOf } from './database.ts'

export type { Dialect }
/** A value bound to a `?`; an array only on PostgreSQL (bound as a PostgreSQL array, for unnest()). */
export type Param = string | number | null | readonly (string | number | null)[]

export interface SqlDriver {
  readonly dialect: Dialect
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>
  /** Runs one statement; resolves with the number of rows it inserted, updated or deleted. */
  run(sql: string, params?: Param[]): Promise<number>
  /** One statement without parameters (DDL); PostgreSQL also takes several separated by `;`. */
  exec(sql: string): Promise<void>
  /** Runs `work` in one transaction on one connection; rolls back when it throws. Inside a transaction, runs `work` in it. */
  tx<T>(work: (d: SqlDriver) => Promise<T>): Promise<T>
  /** Closes the whole database handle (the Kysely instance), not only this adapter. */
  close(): Promise<void>
}

/** `?` → `$1`, `$2`, … */
export function toPgPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

/**
 * The SqlDriver interface over a Kysely instance or transaction: every call goes through
 * Kysely's executor, so on SQLite it waits its turn on the one connection like any other query.
 */
// biome-ignore lint/suspicious/noExplicitAny: the legacy SQL names tables (rollups, partitions) the typed schema leaves out
export function legacyDriver(db: Kysely<any>): SqlDriver {
  const dialect = dialectOf(db)
  const query = (text: string, params: readonly Param[] = []) =>
    db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(dialect === 'postgres' ? toPgPlaceholders(text) : text, [...params]))
  const driver: SqlDriver = {
    dialect,
    all: async <T>(text: string, params?: Param[]) => (await query(text, params)).rows as T[],
    run: async (text, params) => Number((await query(text, params)).numAffectedRows ?? 0),
    // no rewrite: DDL has no parameters, and a `?` in it is literal
    exec: async (text) => void (await db.executeQuery(CompiledQuery.raw(text))),
    tx: (work) => (db.isTransaction ? work(driver) : db.transaction().execute((trx) => work(legacyDriver(trx)))),
    close: () => db.destroy(),
  }
  return driver
}
