import Database from 'better-sqlite3'
import { copyFileSync, existsSync, openSync, fsyncSync, closeSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { centerDatabaseFile as databaseFile } from '../ops/paths.ts'
import { acquireDataDirLock, giveToDataDirOwner } from '../ops/data-dir-lock.ts'
import { backupDatabase, backupFileName, inspectBackup, LATEST_SCHEMA_VERSION, restoreRefusal } from '../ops/backup.ts'
import { CENTER_HELP, CENTER_OPTIONS, centerConfig, CliError, parse, progressLine, UsageError } from './args.ts'

export const BACKUP_HELP = `Usage: tabour backup [file|dir] [options]

Copies the center's database with SQLite's online backup API: consistent while the server
runs and tickets are being issued. The copy is checked (quick_check) and written as one file.

  file|dir   where to write (default: backup.dir from the config, else <dataDir>/backups,
             named tabour-YYYYMMDD-HHMMSS.sqlite in the center's time zone)

Options:
  -f, --force   overwrite an existing file
  -q, --quiet   no progress output
${CENTER_HELP}
`

export const RESTORE_HELP = `Usage: tabour restore <file> [options]

Replaces the center's database with a backup. Refuses while a server runs on the data dir
(stop it first: systemctl stop tabour). The backup is checked first (integrity_check, Tabour
tables, schema version no newer than this Tabour); the current database is kept beside it as
tabour.sqlite.before-restore-<time>. An older backup is upgraded by the next start.

Options:
${CENTER_HELP}
`

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    'backup',
    args,
    { ...CENTER_OPTIONS, force: { type: 'boolean', short: 'f' }, quiet: { type: 'boolean', short: 'q' } },
    1,
  )
  if (values.help) {
    process.stdout.write(BACKUP_HELP)
    return 0
  }
  const config = centerConfig(values)
  const source = databaseFile(config)
  if (!existsSync(source)) throw new CliError(`no database at ${source} (has the server ever started with this data dir?)`)
  const name = backupFileName(Date.now(), config.timeZone)
  let dest = positionals[0] ? resolve(positionals[0]) : join(resolve(config.backup.dir ?? join(config.dataDir, 'backups')), name)
  if (existsSync(dest) && statSync(dest).isDirectory()) dest = join(dest, name)
  if (dest === source) throw new UsageError('the backup cannot be the database itself', 'backup')
  if (existsSync(dest) && !values.force) throw new CliError(`${dest} exists; use --force to overwrite it`)
  if (values.force) rmSync(dest, { force: true })

  const progress = progressLine()
  const result = await backupDatabase(
    source,
    dest,
    values.quiet
      ? undefined
      : (p) => {
          const done = p.totalPages - p.remainingPages
          progress.update(`backup: ${done}/${p.totalPages} pages copied (${p.totalPages ? Math.floor((100 * done) / p.totalPages) : 100}%)`)
        },
  )
  if (!values.quiet) progress.done()
  console.log(
    `backup written: ${result.file} (${formatBytes(result.bytes)}, ${result.pages} pages, schema ${result.schemaVersion}, checked ok, ${result.durationMs} ms)`,
  )
  return 0
}

export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse('restore', args, CENTER_OPTIONS, 1)
  if (values.help) {
    process.stdout.write(RESTORE_HELP)
    return 0
  }
  if (positionals.length === 0) throw new UsageError('which backup? tabour restore <file>', 'restore')
  const from = resolve(positionals[0]!)
  if (!existsSync(from) || !statSync(from).isFile()) throw new CliError(`no backup file at ${from}`)
  const config = centerConfig(values)
  const target = databaseFile(config)
  if (from === target) throw new UsageError('that is the live database, not a backup', 'restore')

  // held until we are done: a server started meanwhile refuses instead of opening a half-restored file
  const lock = acquireDataDirLock(config.dataDir, 'restore')
  const staged = `${target}.restoring`
  try {
    console.log(`checking ${from} …`)
    rmSync(staged, { force: true })
    copyFileSync(from, staged)
    let inspection
    try {
      inspection = inspectBackup(staged, { writable: true })
    } catch (err) {
      throw new CliError(`${basename(from)} cannot be read as a database: ${(err as Error).message}`)
    }
    const refusal = restoreRefusal(inspection, from)
    if (refusal) throw new CliError(`not restored: ${refusal}`)
    // one self-contained file in rollback-journal mode; the server switches it back to WAL when it opens it
    const db = new Database(staged)
    db.pragma('journal_mode = DELETE')
    db.close()
    syncFile(staged)

    let keptAside: string | null = null
    if (existsSync(target)) {
      // fold the old database's WAL into its file first, so the copy kept aside is complete on its own
      const old = new Database(target)
      old.pragma('wal_checkpoint(TRUNCATE)')
      old.pragma('journal_mode = DELETE')
      old.close()
      keptAside = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
      renameSync(target, keptAside)
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true })
    renameSync(staged, target)
    giveToDataDirOwner(config.dataDir, [target])
    console.log(
      `restored ${basename(from)} into ${target}: ${inspection.tickets} tickets, ${inspection.events} events, schema ${inspection.schemaVersion}${inspection.schemaVersion < LATEST_SCHEMA_VERSION ? ` (upgraded to ${LATEST_SCHEMA_VERSION} at the next start)` : ''}, integrity ok`,
    )
    if (keptAside) console.log(`the previous database is kept as ${keptAside}`)
    return 0
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staged + suffix, { force: true })
    lock.release()
  }
}

function syncFile(file: string): void {
  const fd = openSync(file, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

export function formatBytes(n: number): string {
  return n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(1)} GB` : n >= 1 << 20 ? `${(n / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
