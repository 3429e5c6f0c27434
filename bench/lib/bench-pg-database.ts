/**
 * A PostgreSQL database of a bench's own, on the tests' server (TABOUR_TEST_PG_URL), named with
 * TABOUR_BENCH_DB_PREFIX (default `tabour_bench_`) so benches run side by side on a shared server
 * are told apart; dropped when the bench ends unless it is asked to keep it.
 */
import pg from 'pg'

export interface BenchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

async function admin(base: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: base })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

/** Creates `<prefix><what>_<pid>` (or opens `existing`, kept as it is) on the server of `base`. */
export async function benchDatabase(base: string, what: string, existing?: string): Promise<BenchDatabase> {
  const name = existing ?? `${process.env.TABOUR_BENCH_DB_PREFIX ?? 'tabour_bench_'}${what}_${process.pid}`
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench database name ${name}: lower-case letters, digits and _ only`)
  if (!existing) await admin(base, `CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => admin(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}
