import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { centerDatabaseFile as databaseFile } from '../ops/paths.ts'
import type { Config } from '../config.ts'
import { openDatabase, type Db } from '../db/connection.ts'
import { giveToDataDirOwner, lockHolder } from '../ops/data-dir-lock.ts'
import { LATEST_SCHEMA_VERSION } from '../ops/backup.ts'
import { CliError } from './args.ts'

/**
 * Opens the center's database for a CLI command that changes a row or two (users, devices).
 * Safe while the server runs (WAL, busy timeout). When no server holds the data dir it is
 * opened like the server does (created and migrated if needed); when one does, its schema must
 * already be current: the CLI never migrates a database under a running server.
 */
export function openCenterDb(config: Config): Db {
  const file = databaseFile(config)
  const holder = lockHolder(config.dataDir)
  if (!holder) {
    const db = openDatabase(file)
    giveToDataDirOwner(config.dataDir, [file, `${file}-wal`, `${file}-shm`])
    return db
  }
  if (!existsSync(file)) throw new CliError(`no database at ${file}`)
  const db = new Database(file, { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  const version = db.pragma('user_version', { simple: true }) as number
  if (version !== LATEST_SCHEMA_VERSION) {
    db.close()
    throw new CliError(
      `the running server (pid ${holder.pid}) uses schema version ${version}, this Tabour expects ${LATEST_SCHEMA_VERSION}; restart the server with this version first`,
    )
  }
  return db
}
