import { chownSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** Who holds a data dir: written by the server (and by restore/migrate while they work). */
export interface LockInfo {
  pid: number
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat field 22): a reused pid does not match it. */
  procStart: number | null
  purpose: 'server' | 'restore' | 'migrate'
  startedAt: string
  port?: number
}

export class DataDirLockedError extends Error {
  constructor(
    readonly holder: LockInfo,
    readonly dataDir: string,
  ) {
    super(
      holder.purpose === 'server'
        ? `a Tabour server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''}) is running on ${dataDir}; stop it first (e.g. systemctl stop tabour)`
        : `another tabour ${holder.purpose} (pid ${holder.pid}) is working on ${dataDir}; wait for it to finish`,
    )
    this.name = 'DataDirLockedError'
  }
}

/** The lock file inside a data dir. */
export const lockFile = (dataDir: string) => join(resolve(dataDir), 'tabour.lock')

/** Start time of a process from /proc, or null where there is no /proc (then only the pid is checked). */
export function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name (field 2) may hold spaces and parentheses: count fields after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[19])
  } catch {
    return null
  }
}

function alive(info: LockInfo): boolean {
  try {
    process.kill(info.pid, 0)
  } catch (err) {
    // EPERM: it exists but belongs to someone else (the tabour user while root runs the CLI)
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (info.procStart === null) return true
  const now = processStart(info.pid)
  return now === null || now === info.procStart
}

function read(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo
    return Number.isInteger(info.pid) ? info : null
  } catch {
    return null
  }
}

/** The live process holding the data dir, or null when nobody (a lock left by a crash counts as nobody). */
export function lockHolder(dataDir: string): LockInfo | null {
  const info = read(lockFile(dataDir))
  return info && alive(info) ? info : null
}

export interface DataDirLock {
  /** Records details (the port once listening) in the lock file. */
  update(extra: Partial<Pick<LockInfo, 'port'>>): void
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void
}

/**
 * Takes the data dir for this process: a pid file created exclusively, with a liveness check
 * (pid and process start time) so a lock left by a kill -9 or a power cut is taken over, not
 * obeyed. Throws DataDirLockedError naming the holder when a live process has it.
 */
export function acquireDataDirLock(dataDir: string, purpose: LockInfo['purpose']): DataDirLock {
  mkdirSync(resolve(dataDir), { recursive: true })
  const file = lockFile(dataDir)
  let info: LockInfo = { pid: process.pid, procStart: processStart(process.pid), purpose, startedAt: new Date().toISOString() }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${JSON.stringify(info)}\n`, { flag: 'wx', mode: 0o644 })
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw err
      const holder = read(file)
      if (holder && alive(holder)) throw new DataDirLockedError(holder, resolve(dataDir))
      // stale: move it aside atomically (two takers cannot both remove the same live lock) and retry
      try {
        renameSync(file, `${file}.stale-${process.pid}`)
        rmSync(`${file}.stale-${process.pid}`, { force: true })
      } catch {
        // someone else moved it first; retry the create
      }
    }
  }
  let released = false
  return {
    update(extra) {
      if (released) return
      info = { ...info, ...extra }
      writeFileSync(file, `${JSON.stringify(info)}\n`)
    },
    release() {
      if (released) return
      released = true
      const now = read(file)
      if (now?.pid === process.pid) rmSync(file, { force: true })
    },
  }
}

/**
 * When the CLI runs as root on a data dir that belongs to the service user (`tabour`), files it
 * creates there (a restored database, a first database) would be root's and the server could
 * not write them: hand them to the data dir's owner. A no-op for anyone but root.
 */
export function giveToDataDirOwner(dataDir: string, files: string[]): void {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return
  const owner = statSync(resolve(dataDir))
  if (owner.uid === 0) return
  for (const file of files) {
    try {
      chownSync(file, owner.uid, owner.gid)
    } catch {
      // -wal/-shm may not exist; the main file always does
    }
  }
}
