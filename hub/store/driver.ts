/**
 * The two databases the hub runs on, behind one small async interface. SQL is written once,
 * portable between SQLite and PostgreSQL, with `?` placeholders (the PostgreSQL driver turns
 * them into $1, $2, …; never put a literal `?` in hub SQL).
 */
import Database from 'better-sqlite3'
import pg from 'pg'
import { Mutex } from 'async-mutex'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

/** A value bound to a `?`; an array only on PostgreSQL (bound as a PostgreSQL array, for unnest()). */
export type Param = string | number | null | readonly (string | number | null)[]
export type Dialect = 'sqlite' | 'postgres'

export interface SqlDriver {
  readonly dialect: Dialect
  all<T = Record<string, unknown>>(sql: string, params?: Param[]): Promise<T[]>
  /** Runs one statement; resolves with the number of rows it changed. */
  run(sql: string, params?: Param[]): Promise<number>
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>
  /** Runs `work` in one transaction on one connection; rolls back when it throws. */
  tx<T>(work: (d: SqlDriver) => Promise<T>): Promise<T>
  close(): Promise<void>
}

/** SQLite through better-sqlite3 (WAL, synchronous=FULL): a hub's data is national figures, an ack must survive a power cut. */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite'
  readonly db: Database.Database
  /** better-sqlite3 has one connection: a transaction must not interleave with other calls. */
  private readonly lock = new Mutex()

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = FULL')
    this.db.pragma('busy_timeout = 5000')
  }

  private raw(): SqlDriver {
    const db = this.db
    return {
      dialect: 'sqlite',
      all: async <T>(sql: string, params: Param[] = []) => db.prepare(sql).all(...params) as T[],
      run: async (sql: string, params: Param[] = []) => db.prepare(sql).run(...params).changes,
      exec: async (sql: string) => void db.exec(sql),
      tx: async (work) => work(this.raw()),
      close: async () => {},
    }
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.lock.runExclusive(() => this.raw().all<T>(sql, params))
  }
  run(sql: string, params?: Param[]): Promise<number> {
    return this.lock.runExclusive(() => this.raw().run(sql, params))
  }
  exec(sql: string): Promise<void> {
    return this.lock.runExclusive(() => this.raw().exec(sql))
  }
  tx<T>(work: (d: SqlDriver) => Promise<T>): Promise<T> {
    return this.lock.runExclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await work(this.raw())
        this.db.exec('COMMIT')
        return result
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw err
      }
    })
  }
  async close(): Promise<void> {
    await this.lock.runExclusive(async () => this.db.close())
  }
}

/** `?` → `$1`, `$2`, … */
export function toPgPlaceholders(sql: string): string {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
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

type Queryable = Pick<pg.PoolClient, 'query'>

function pgDriver(q: Queryable, tx: SqlDriver['tx'], close: () => Promise<void>): SqlDriver {
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params: Param[] = []) => (await q.query(toPgPlaceholders(sql), params)).rows as T[],
    run: async (sql: string, params: Param[] = []) => (await q.query(toPgPlaceholders(sql), params)).rowCount ?? 0,
    exec: async (sql: string) => void (await q.query(sql)),
    tx,
    close,
  }
}

/** PostgreSQL through a pg.Pool (national scale: many centers posting at once). */
export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres'
  readonly pool: pg.Pool
  private readonly inner: SqlDriver

  constructor(url: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString: url, max: poolSize, types: pgTypes })
    // an idle client losing its connection must not crash the hub; the next query reconnects
    this.pool.on('error', () => {})
    this.inner = pgDriver(
      this.pool,
      (work) => this.tx(work),
      () => this.close(),
    )
  }

  all<T>(sql: string, params?: Param[]): Promise<T[]> {
    return this.inner.all<T>(sql, params)
  }
  run(sql: string, params?: Param[]): Promise<number> {
    return this.inner.run(sql, params)
  }
  exec(sql: string): Promise<void> {
    return this.inner.exec(sql)
  }
  async tx<T>(work: (d: SqlDriver) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    const d = pgDriver(
      client,
      (w) => w(d),
      async () => {},
    )
    try {
      await client.query('BEGIN')
      const result = await work(d)
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {})
      throw err
    } finally {
      client.release()
    }
  }
  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** SQLite file by default; PostgreSQL when `databaseUrl` is a postgres:// (or postgresql://) URL. */
export function openDriver(options: { databaseUrl?: string; sqliteFile: string }): SqlDriver {
  const url = options.databaseUrl
  if (url && /^postgres(ql)?:\/\//.test(url)) return new PostgresDriver(url)
  if (url) throw new Error(`HUB_DATABASE_URL must be a postgres:// URL (got ${url.split(':')[0]}:…); leave it unset for SQLite`)
  return new SqliteDriver(options.sqliteFile)
}
