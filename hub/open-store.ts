import { hubSqliteFile, type HubConfig } from './config.ts'
import { openHubDatabase } from './store/database.ts'
import { HubStore } from './store/store.ts'

/** Opens the hub's database (SQLite in dataDir, or PostgreSQL at databaseUrl), migrates it and folds the rollups' pending marks. */
export async function openHubStore(config: Pick<HubConfig, 'dataDir' | 'databaseUrl'> & { rollupRefreshMs?: number }): Promise<HubStore> {
  const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }), {
    deferRollups: (config.rollupRefreshMs ?? 0) > 0,
  })
  try {
    await store.migrate()
    // pg_partman (when installed) makes the coming months' partitions of hub_figures
    await store.partitions.maintain()
    // days a deferring hub stored but did not fold before it stopped (or crashed): a hub keeping its rollups inline adds to exact ones only
    await store.flushRollups()
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  return store
}
