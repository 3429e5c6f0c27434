import { hubSqliteFile, type HubConfig } from './config.ts'
import { openHubDatabase } from './store/database.ts'
import { HubStore } from './store/store.ts'

/** Opens the hub's database (SQLite in dataDir, or PostgreSQL at databaseUrl) and migrates it. */
export async function openHubStore(config: Pick<HubConfig, 'dataDir' | 'databaseUrl'>): Promise<HubStore> {
  const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }))
  try {
    await store.migrate()
    // pg_partman (when installed) makes the coming months' partitions of hub_figures
    await store.partitions.maintain()
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  return store
}
