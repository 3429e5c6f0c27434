/**
 * Once before the suite: when TABOUR_TEST_PG_URL is unset and the local PostgreSQL readied by
 * test/ensure-system-deps.mjs answers, point the hub's PostgreSQL tests at it. The test workers
 * are started after this, so they inherit the variable. Without a server the tests skip.
 */
import pg from 'pg'

export const LOCAL_PG_URL = 'postgres://tabour_test:tabour_test@127.0.0.1:5432/tabour_test'

export default async function setup(): Promise<void> {
  if (process.env.TABOUR_TEST_PG_URL) return
  const client = new pg.Client({ connectionString: LOCAL_PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('SELECT 1')
    process.env.TABOUR_TEST_PG_URL = LOCAL_PG_URL
  } catch {
    // no local server: the PostgreSQL tests are skipped and say why
  } finally {
    await client.end().catch(() => {})
  }
}
