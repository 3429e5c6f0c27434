import { join, resolve } from 'node:path'

/**
 * The database file inside a data dir: the same rule as app.ts's `databaseFile`, here without
 * importing the whole server, so the CLI starts quickly (a test keeps the two equal).
 */
export const centerDatabaseFile = (config: { dataDir: string }) => join(resolve(config.dataDir), 'tabour.sqlite')
