import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { centerDatabaseFile as databaseFile } from '../ops/paths.ts'
import { openDatabase } from '../db/connection.ts'
import { migrations } from '../db/migrations.ts'
import { acquireDataDirLock, giveToDataDirOwner } from '../ops/data-dir-lock.ts'
import { CENTER_HELP, CENTER_OPTIONS, centerConfig, parse } from './args.ts'

export const MIGRATE_HELP = `Usage: tabour migrate [options]

Brings the database to this Tabour's schema. The server does the same at every start; this
lets an upgrade be checked before the server comes back. All pending migrations run in one
transaction: if one fails, the database is left exactly as it was (exit code 1).
Refuses while a server runs on the data dir.

Options:
      --status   only show the database's schema version and what would run
${CENTER_HELP}
`

export async function migrateCommand(args: string[]): Promise<number> {
  const { values } = parse('migrate', args, { ...CENTER_OPTIONS, status: { type: 'boolean' } }, 0)
  if (values.help) {
    process.stdout.write(MIGRATE_HELP)
    return 0
  }
  const config = centerConfig(values)
  const file = databaseFile(config)
  const latest = migrations.at(-1)?.version ?? 0
  if (values.status) {
    if (!existsSync(file)) {
      console.log(`no database at ${file} yet; the first start creates it at schema ${latest}`)
      return 0
    }
    const db = new Database(file, { readonly: true, fileMustExist: true })
    const version = db.pragma('user_version', { simple: true }) as number
    db.close()
    const pending = migrations.filter((m) => m.version > version)
    console.log(`database ${file}: schema ${version}, this Tabour: ${latest}`)
    for (const m of pending) console.log(`  pending: ${m.version} ${m.name}`)
    if (version > latest) console.log('  the database is newer than this Tabour: upgrade Tabour')
    return version > latest ? 1 : 0
  }
  const lock = acquireDataDirLock(config.dataDir, 'migrate')
  try {
    const before = existsSync(file)
      ? (() => {
          const db = new Database(file, { readonly: true, fileMustExist: true })
          const v = db.pragma('user_version', { simple: true }) as number
          db.close()
          return v
        })()
      : 0
    const db = openDatabase(file)
    giveToDataDirOwner(config.dataDir, [file, `${file}-wal`, `${file}-shm`])
    db.close()
    console.log(
      before === latest
        ? `database ${file} is up to date (schema ${latest})`
        : `database ${file} migrated from schema ${before} to ${latest}`,
    )
    return 0
  } finally {
    lock.release()
  }
}
