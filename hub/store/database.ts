/**
 * The hub's database handle: one Kysely instance over better-sqlite3 (the embedded default) or a
 * pg.Pool (national scale). Queries are written with Kysely's query builder, or its `sql` tag for
 * what differs between the two; schema.ts types the tables.
 */
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type DialectAdapter,
  Kysely,
  type LogConfig,
  PostgresAdapter,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { HubDatabase } from './schema.ts'

export type Dialect = 'sqlite' | 'postgres'
export type HubDb = Kysely<HubDatabase>

/**
 * Kysely's SQLite driver already serialises everything through its one connection (a mutex held
 * from a transaction's BEGIN to its COMMIT), so a transaction never interleaves with another call.
 * This one only begins IMMEDIATE: another process on the same file (the hub's CLI) then waits for
 * the write lock at BEGIN, within busy_timeout, instead of failing with SQLITE_BUSY when a
 * transaction that has read turns to write.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN IMMEDIATE'))
  }
}

/** SQLite rolls DDL back with the rest of a transaction: the Migrator then applies pending migrations all or nothing, as on PostgreSQL. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class HubSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config)
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.config)
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }
}

/** SQLite (WAL, synchronous=FULL): a hub's data is national figures, an ack must survive a power cut. */
function sqliteDb(file: string, log?: LogConfig): HubDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const database = new BetterSqlite3(file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = FULL')
  database.pragma('busy_timeout = 5000')
  return new Kysely<HubDatabase>({ dialect: new HubSqliteDialect({ database }), ...(log ? { log } : {}) })
}

// int8 (COUNT, SUM of integers, BIGINT columns) and numeric come back as strings by default; the hub's numbers fit a double
const pgTypes = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === 20 || oid === 1700) return (v: string) => (v === null ? null : Number(v))
    // DATE (hub_figures.day on PostgreSQL, partitioned by it) as the 'YYYY-MM-DD' text SQLite stores
    if (oid === 1082) return (v: string) => v
    return pg.types.getTypeParser(oid, format as 'text')
  }) as typeof pg.types.getTypeParser,
}

/** PostgreSQL through a pg.Pool (national scale: many centers posting at once). */
function postgresDb(url: string, poolSize = 10, log?: LogConfig): HubDb {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes })
  // an idle client losing its connection must not crash the hub; the next query reconnects
  pool.on('error', () => {})
  return new Kysely<HubDatabase>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) })
}

/**
 * SQLite file by default; PostgreSQL when `databaseUrl` is a postgres:// (or postgresql://) URL, with
 * `poolSize` connections (default 10). Not migrated yet (HubStore.migrate).
 */
export function openHubDatabase(options: {
  databaseUrl?: string
  sqliteFile: string
  poolSize?: number
  /** Kysely's query log (the ingest profile bench times each statement with it). */
  log?: LogConfig
}): HubDb {
  const url = options.databaseUrl
  if (url && /^postgres(ql)?:\/\//.test(url)) return postgresDb(url, options.poolSize, options.log)
  if (url) throw new Error(`HUB_DATABASE_URL must be a postgres:// URL (got ${url.split(':')[0]}:…); leave it unset for SQLite`)
  return sqliteDb(options.sqliteFile, options.log)
}

/** Which of the two stores a handle (or a transaction of it) is on. */
// biome-ignore lint/suspicious/noExplicitAny: any database's handle will do
export function dialectOf(db: Kysely<any>): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}
