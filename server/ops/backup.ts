import Database from 'better-sqlite3'
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { Db } from '../db/connection.ts'
import { migrations } from '../db/migrations.ts'
import { localParts } from '../../protocol/center-clock.ts'

/** Progress of an online backup, as SQLite reports it between steps. */
export interface BackupProgress {
  totalPages: number
  remainingPages: number
}

export interface BackupResult {
  file: string
  bytes: number
  pages: number
  durationMs: number
  schemaVersion: number
}

/** What a backup file holds, checked before it is trusted. */
export interface BackupInspection {
  /** `ok`, or SQLite's first complaints (integrity_check). */
  integrity: string
  schemaVersion: number
  /** The newest schema version this Tabour knows. */
  latestVersion: number
  /** The tables every Tabour database has are there. */
  isTabour: boolean
  tickets: number
  events: number
}

/** The schema version this Tabour migrates to. */
export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0

const NAME = /^tabour-(\d{8})-(\d{6})\.sqlite$/

/** `tabour-YYYYMMDD-HHMMSS.sqlite`, stamped in the center's local time so IT reads it as their clock. */
export function backupFileName(epochMs: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = localParts(epochMs, timeZone)
  const two = (n: number) => String(n).padStart(2, '0')
  return `tabour-${String(year).padStart(4, '0')}${two(month)}${two(day)}-${two(hour)}${two(minute)}${two(second)}.sqlite`
}

/** The local day (YYYY-MM-DD) a backup file name was stamped with, or null for other files. */
export function backupDayOf(name: string): string | null {
  const m = NAME.exec(name)
  return m ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}` : null
}

/** Tabour backups in `dir`, newest first (by the stamp in the name). Other files are never listed, so never pruned. */
export function listBackups(dir: string): { name: string; file: string; bytes: number; modifiedAt: number }[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((name) => {
      const file = join(dir, name)
      const st = statSync(file)
      return { name, file, bytes: st.size, modifiedAt: st.mtimeMs }
    })
}

/** Deletes all but the newest `keep` backups in `dir`; returns the files removed. */
export function pruneBackups(dir: string, keep: number): string[] {
  const old = listBackups(dir).slice(keep)
  for (const b of old) rmSync(b.file, { force: true })
  return old.map((b) => b.file)
}

/**
 * Copies a live database into `dest` with SQLite's online backup API, consistent while the
 * server keeps writing. `source` is the server's own connection (scheduled backups: its writes
 * are folded in as they happen) or the database file (the CLI: a second connection, whose
 * backup SQLite restarts when another process writes between steps, so after a restart the
 * rest is copied in one step and the copy cannot chase a busy server for ever).
 *
 * The copy is written to `<dest>.partial` and renamed when complete and checked, so a crash
 * never leaves a half backup under a backup's name. The result is a single file (journal
 * mode DELETE), ready to copy off the box.
 */
export async function backupDatabase(source: Db | string, dest: string, onProgress?: (p: BackupProgress) => void): Promise<BackupResult> {
  const started = Date.now()
  mkdirSync(dirname(dest), { recursive: true })
  const partial = `${dest}.partial`
  rmSync(partial, { force: true })
  const db = typeof source === 'string' ? new Database(source, { fileMustExist: true }) : source
  if (typeof source === 'string') db.pragma('busy_timeout = 5000')
  let lastRemaining = Infinity
  let pages = 0
  try {
    const result = await db.backup(partial, {
      progress: (p: BackupProgress) => {
        onProgress?.(p)
        pages = p.totalPages
        const restarted = p.remainingPages > lastRemaining
        lastRemaining = p.remainingPages
        // about 20 progress reports for any size; everything at once after a restart
        return restarted ? 0x7fffffff : Math.max(100, Math.ceil(p.totalPages / 20))
      },
    })
    pages = result.totalPages
    onProgress?.({ totalPages: result.totalPages, remainingPages: 0 })
  } catch (err) {
    rmSync(partial, { force: true })
    throw err
  } finally {
    if (typeof source === 'string') db.close()
  }
  let schemaVersion: number
  const copy = new Database(partial)
  try {
    copy.pragma('journal_mode = DELETE')
    const integrity = copy.pragma('quick_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`the backup copy failed its check: ${String(integrity)}`)
    schemaVersion = copy.pragma('user_version', { simple: true }) as number
  } catch (err) {
    copy.close()
    rmSync(partial, { force: true })
    throw err
  }
  copy.close()
  renameSync(partial, dest)
  return { file: dest, bytes: statSync(dest).size, pages, durationMs: Date.now() - started, schemaVersion }
}

/**
 * Opens a database file and checks it: integrity, schema version, Tabour tables and how much
 * it holds. Read-only by default; `writable` for a staged copy in WAL mode, which SQLite can
 * only open read-only when its -shm file already exists.
 */
export function inspectBackup(file: string, options: { writable?: boolean } = {}): BackupInspection {
  const db = new Database(file, { readonly: !options.writable, fileMustExist: true })
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const integrity = rows
      .map((r) => r.integrity_check)
      .slice(0, 5)
      .join('; ')
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
    )
    const isTabour = ['tickets', 'events', 'services', 'users', 'devices'].every((t) => tables.has(t))
    const count = (t: string) => (isTabour ? (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n : 0)
    return { integrity, schemaVersion, latestVersion: LATEST_SCHEMA_VERSION, isTabour, tickets: count('tickets'), events: count('events') }
  } finally {
    db.close()
  }
}

/** Why a backup cannot be restored, or null when it can. */
export function restoreRefusal(inspection: BackupInspection, file: string): string | null {
  if (inspection.integrity !== 'ok') return `${basename(file)} is damaged (integrity_check: ${inspection.integrity})`
  if (!inspection.isTabour) return `${basename(file)} is not a Tabour database (its tables are missing)`
  if (inspection.schemaVersion > inspection.latestVersion) {
    return `${basename(file)} has schema version ${inspection.schemaVersion}, newer than this Tabour (${inspection.latestVersion}); upgrade Tabour first`
  }
  if (inspection.schemaVersion < 1) return `${basename(file)} has no schema version: not a Tabour backup`
  return null
}
