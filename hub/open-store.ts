import { hubSqliteFile, type HubConfig } from './config.ts'
import { openHubDatabase } from './store/database.ts'
import { HubStore } from './store/store.ts'

/** How a store is opened: `foldLeftMarks` (default true) for a hub that will serve; false for a command that neither ingests nor reads figures. */
export interface OpenHubStoreOptions {
  foldLeftMarks?: boolean
}

/**
 * Opens the hub's database (SQLite in dataDir, or PostgreSQL at databaseUrl) and migrates it; for
 * a hub that will serve, folds the rollups' marks a deferring hub left (see below).
 */
export async function openHubStore(
  config: Pick<HubConfig, 'dataDir' | 'databaseUrl'> & { rollupRefreshMs?: number },
  options: OpenHubStoreOptions = {},
): Promise<HubStore> {
  const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }), {
    deferRollups: (config.rollupRefreshMs ?? 0) > 0,
  })
  try {
    await store.migrate()
    // pg_partman (when installed) makes the coming months' partitions of hub_figures
    await store.partitions.maintain()
    // days a deferring hub stored but did not fold before it stopped (or was killed), whichever way this one keeps its rollups:
    // a deferring one then answers exact figures from its first request, and one keeping them inline (the setting changed since)
    // must, since it adds each batch's change to the rollups and nothing would ever fold those marks. None left: one empty claim.
    // The registry's commands skip it: they neither ingest nor read figures, and on PostgreSQL would queue behind a serving hub's fold.
    if (options.foldLeftMarks ?? true) await store.flushRollups()
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  return store
}
