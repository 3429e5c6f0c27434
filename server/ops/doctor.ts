import Database from 'better-sqlite3'
import { execFile } from 'node:child_process'
import { accessSync, constants, existsSync, statfsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { centerDatabaseFile as databaseFile } from './paths.ts'
import type { Config } from '../config.ts'
import { openPrinterTransport } from '../../drivers/printer/open-transport.ts'
import { parsePrinterInterface } from '../../drivers/printer/printer-interface.ts'
import type { PrinterStatus } from '../../drivers/printer/printer-status.ts'
import { LATEST_SCHEMA_VERSION, listBackups } from './backup.ts'
import { lockHolder } from './data-dir-lock.ts'
import { localTime } from '../../protocol/center-clock.ts'

export type CheckStatus = 'ok' | 'warn' | 'fail'

/** One line of the doctor's report. Only `fail` makes `tabour doctor` exit non-zero. */
export interface Check {
  group: 'config' | 'storage' | 'database' | 'server' | 'backups' | 'printers' | 'serial' | 'clock'
  name: string
  status: CheckStatus
  detail: string
}

export interface DoctorOptions {
  /** Per printer: TCP connect and each DLE EOT reply. Default 3000 ms. */
  printerTimeoutMs?: number
  /** Free space under which the data dir fails. Default 200 MB (a day of a busy center is a few MB; backups and WAL need room). */
  minFreeBytes?: number
  now?: number
}

const MB = 1 << 20

/** Runs every check for a center whose config loaded; never throws (a check that breaks is a `fail` naming why). */
export async function runDoctor(config: Config, options: DoctorOptions = {}): Promise<Check[]> {
  const checks: Check[] = []
  const add = (group: Check['group'], name: string, status: CheckStatus, detail: string) => checks.push({ group, name, status, detail })
  const guard = async (group: Check['group'], name: string, fn: () => void | Promise<void>) => {
    try {
      await fn()
    } catch (err) {
      add(group, name, 'fail', `check failed: ${(err as Error).message}`)
    }
  }
  const now = options.now ?? Date.now()
  const dataDir = resolve(config.dataDir)
  const file = databaseFile(config)

  await guard('storage', 'data dir', () => storageChecks(config, dataDir, options.minFreeBytes ?? 200 * MB, add))
  let devices: DeviceRow[] = []
  let newestEvent: number | null = null
  await guard('database', 'database', () => {
    const found = databaseChecks(file, add)
    devices = found.devices
    newestEvent = found.newestEvent
  })
  await guard('server', 'server', () => serverChecks(config, add))
  await guard('backups', 'backups', () => backupChecks(config, now, add))
  await guard('printers', 'printers', () => printerChecks(devices, options.printerTimeoutMs ?? 3000, add))
  await guard('serial', 'serial ports', () => serialChecks(devices, add))
  await guard('clock', 'clock', () => clockChecks(config, now, newestEvent, add))
  return checks
}

type Add = (group: Check['group'], name: string, status: CheckStatus, detail: string) => void
interface DeviceRow {
  id: number
  kind: string
  name: string
  config: Record<string, unknown>
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function nearestExisting(path: string): string {
  let p = path
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p)
  return p
}

function storageChecks(config: Config, dataDir: string, minFree: number, add: Add): void {
  if (existsSync(dataDir)) {
    add(
      'storage',
      'data dir',
      writable(dataDir) ? 'ok' : 'fail',
      writable(dataDir) ? `${dataDir} is writable` : `${dataDir} is not writable by this user`,
    )
  } else {
    const parent = nearestExisting(dataDir)
    add(
      'storage',
      'data dir',
      writable(parent) ? 'warn' : 'fail',
      writable(parent)
        ? `${dataDir} does not exist yet (the first start creates it)`
        : `${dataDir} does not exist and ${parent} is not writable`,
    )
  }
  const fs = statfsSync(nearestExisting(dataDir))
  const free = fs.bavail * fs.bsize
  const share = fs.blocks > 0 ? fs.bavail / fs.blocks : 1
  const text = `${(free / MB).toFixed(0)} MB free (${(share * 100).toFixed(0)}%) on the data dir's disk`
  add('storage', 'disk space', free < minFree ? 'fail' : free < 5 * minFree || share < 0.1 ? 'warn' : 'ok', text)
  if (config.log.file) {
    const dir = dirname(resolve(config.log.file))
    const ok = existsSync(dir) ? writable(dir) : writable(nearestExisting(dir))
    add(
      'storage',
      'log file',
      ok ? 'ok' : 'fail',
      ok
        ? `logs go to ${resolve(config.log.file)} (rotated at ${config.log.maxSize} or daily, ${config.log.keep} kept)`
        : `cannot write logs in ${dir}`,
    )
  }
}

function databaseChecks(file: string, add: Add): { devices: DeviceRow[]; newestEvent: number | null } {
  if (!existsSync(file)) {
    add('database', 'database', 'warn', `no database at ${file} yet (the first start creates it)`)
    return { devices: [], newestEvent: null }
  }
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const integrity = rows
      .map((r) => r.integrity_check)
      .slice(0, 3)
      .join('; ')
    // the database's own size: with the server running, recent pages sit in the -wal file and the main file alone reads small (0.0 MB)
    const size = (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number)
    add(
      'database',
      'integrity',
      integrity === 'ok' ? 'ok' : 'fail',
      integrity === 'ok'
        ? `${file} (${(size / MB).toFixed(1)} MB) passes integrity_check`
        : `integrity_check: ${integrity} — restore the last good backup (tabour restore)`,
    )
    const version = db.pragma('user_version', { simple: true }) as number
    add(
      'database',
      'schema',
      version === LATEST_SCHEMA_VERSION ? 'ok' : version < LATEST_SCHEMA_VERSION ? 'warn' : 'fail',
      version === LATEST_SCHEMA_VERSION
        ? `schema version ${version} (current)`
        : version < LATEST_SCHEMA_VERSION
          ? `schema version ${version}; this Tabour migrates it to ${LATEST_SCHEMA_VERSION} at the next start (or: tabour migrate)`
          : `schema version ${version} is newer than this Tabour (${LATEST_SCHEMA_VERSION}): upgrade Tabour`,
    )
    const hasTable = (t: string) => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(t) !== undefined
    if (hasTable('users')) {
      const admins = (db.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`).get() as { n: number }).n
      add(
        'database',
        'admin account',
        admins > 0 ? 'ok' : 'fail',
        admins > 0 ? `${admins} active admin${admins > 1 ? 's' : ''}` : 'no active admin: tabour admin create',
      )
    }
    const devices = hasTable('devices')
      ? (
          db.prepare(`SELECT id, kind, name, config FROM devices WHERE revoked_at IS NULL ORDER BY id`).all() as {
            id: number
            kind: string
            name: string
            config: string
          }[]
        ).map((d) => ({
          ...d,
          config: safeJson(d.config),
        }))
      : []
    const newestEvent = hasTable('events')
      ? ((db.prepare('SELECT MAX(at) AS at FROM events').get() as { at: number | null } | undefined)?.at ?? null)
      : null
    return { devices, newestEvent }
  } finally {
    db.close()
  }
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text)
    return typeof v === 'object' && v !== null ? v : {}
  } catch {
    return {}
  }
}

async function serverChecks(config: Config, add: Add): Promise<void> {
  const holder = lockHolder(config.dataDir)
  if (!holder) {
    add('server', 'server', 'warn', 'no server is running on this data dir (systemctl start tabour)')
    return
  }
  if (holder.purpose !== 'server') {
    add('server', 'server', 'warn', `a tabour ${holder.purpose} (pid ${holder.pid}) is working on the data dir`)
    return
  }
  if (!holder.port) {
    add('server', 'server', 'warn', `server pid ${holder.pid} is starting`)
    return
  }
  // a server bound to one LAN address does not answer on loopback
  const host =
    config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host
  try {
    const res = await fetch(`http://${host}:${holder.port}/healthz`, { signal: AbortSignal.timeout(3000) })
    const body = (await res.json().catch(() => ({}))) as { status?: string; sockets?: number }
    add(
      'server',
      'server',
      res.ok ? 'ok' : 'fail',
      `pid ${holder.pid} on port ${holder.port}: /healthz ${res.status} ${body.status ?? ''}${body.sockets !== undefined ? `, ${body.sockets} sockets` : ''}`.trim(),
    )
  } catch (err) {
    add(
      'server',
      'server',
      'fail',
      `pid ${holder.pid} holds the data dir but http://${host}:${holder.port}/healthz does not answer (${(err as Error).message})`,
    )
  }
}

function backupChecks(config: Config, now: number, add: Add): void {
  if (!config.backup.dir) {
    add('backups', 'scheduled backups', 'warn', 'off: set backup.dir in the config (and copy the folder off the box)')
    return
  }
  const dir = resolve(config.backup.dir)
  const ok = existsSync(dir) ? writable(dir) : writable(nearestExisting(dir))
  add(
    'backups',
    'backup folder',
    ok ? 'ok' : 'fail',
    ok
      ? `${dir}, every day at ${config.backup.atLocalTime} (${config.timeZone}), ${config.backup.keep} kept`
      : `cannot write backups in ${dir}`,
  )
  const newest = listBackups(dir)[0]
  if (!newest) {
    add('backups', 'last backup', 'warn', 'none yet (the first runs at the next scheduled time; tabour backup makes one now)')
    return
  }
  const ageH = (now - newest.modifiedAt) / 3_600_000
  add(
    'backups',
    'last backup',
    ageH <= 36 ? 'ok' : 'warn',
    `${newest.name}, ${ageH < 1 ? 'less than an hour' : `${Math.round(ageH)} h`} ago, ${(newest.bytes / MB).toFixed(1)} MB`,
  )
}

/** The printer interface a device config names: a kiosk's `printer.interface`, or a printer device's own `interface`. */
function printerInterface(config: Record<string, unknown>): string | null {
  const printer = config.printer as Record<string, unknown> | undefined
  if (printer && typeof printer.interface === 'string') return printer.interface
  return typeof config.interface === 'string' ? config.interface : null
}

function describeStatus(s: PrinterStatus): { status: CheckStatus; text: string } {
  const faults = [!s.online && 'offline', s.coverOpen && 'cover open', s.paperOut && 'paper out', s.error && 'error'].filter(Boolean)
  if (faults.length) return { status: 'fail', text: faults.join(', ') }
  if (s.paperNearEnd) return { status: 'warn', text: 'online, paper near end' }
  return { status: 'ok', text: 'online, paper ok' }
}

async function printerChecks(devices: DeviceRow[], timeoutMs: number, add: Add): Promise<void> {
  const printers = devices
    .map((d) => ({ d, iface: printerInterface(d.config) }))
    .filter((p): p is { d: DeviceRow; iface: string } => p.iface !== null)
  const results = await Promise.all(
    printers.map(async ({ d, iface }): Promise<[CheckStatus, string]> => {
      const label = `${d.kind} ${d.name} (id ${d.id}): ${iface}`
      let parsed
      try {
        parsed = parsePrinterInterface(iface)
      } catch (err) {
        return ['fail', `${label}: ${(err as Error).message}`]
      }
      if (parsed.kind === 'memory') return ['warn', `${label}: a memory printer prints nothing`]
      if (parsed.kind === 'file' || parsed.kind === 'serial') {
        // a device file cannot answer DLE EOT; a serial printer's port belongs to the running server, so only its presence is checked
        if (!existsSync(parsed.path)) return ['fail', `${label}: ${parsed.path} does not exist (unplugged? see deploy/udev)`]
        if (!writable(parsed.path)) return ['fail', `${label}: ${parsed.path} is not writable by this user (group lp or dialout?)`]
        return ['ok', `${label}: present (status is not read on this interface)`]
      }
      const transport = openPrinterTransport(iface, { connectTimeoutMs: timeoutMs, statusTimeoutMs: timeoutMs })
      try {
        const { status, text } = describeStatus(await transport.queryStatus())
        return [status, `${label}: ${text} (DLE EOT)`]
      } catch (err) {
        return ['fail', `${label}: ${(err as Error).message}`]
      } finally {
        await transport.close()
      }
    }),
  )
  if (printers.length === 0) add('printers', 'printers', 'ok', 'no printers configured')
  results.forEach(([status, text]) => add('printers', 'printer', status, text))
}

/** Serial paths in a device config: boards and keypads name theirs `path`; any `port` holding a path counts too. */
function serialPaths(d: DeviceRow): string[] {
  const out: string[] = []
  if ((d.kind === 'board' || d.kind === 'keypad') && typeof d.config.path === 'string') out.push(d.config.path)
  const walk = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return
    for (const [k, x] of Object.entries(v)) {
      if (k === 'port' && typeof x === 'string' && x.startsWith('/')) out.push(x)
      else walk(x)
    }
  }
  walk(d.config)
  return [...new Set(out)]
}

function serialChecks(devices: DeviceRow[], add: Add): void {
  const wired = devices.flatMap((d) => serialPaths(d).map((path) => ({ d, path })))
  if (wired.length === 0) {
    add('serial', 'serial ports', 'ok', 'no boards or keypads on serial ports')
    return
  }
  for (const { d, path } of wired) {
    const label = `${d.kind} ${d.name} (id ${d.id}): ${path}`
    if (!existsSync(path)) add('serial', 'serial port', 'fail', `${label} does not exist (unplugged, or the udev rule did not match)`)
    else if (!statSync(path).isCharacterDevice()) add('serial', 'serial port', 'fail', `${label} is not a character device`)
    else if (!writable(path)) add('serial', 'serial port', 'fail', `${label} is not writable by this user (add it to the dialout group)`)
    else add('serial', 'serial port', 'ok', `${label} present`)
  }
}

function ntpSynchronized(): Promise<boolean | null> {
  return new Promise((resolvePromise) => {
    execFile('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], { timeout: 3000 }, (err, stdout) => {
      if (err) return resolvePromise(null)
      const v = stdout.trim()
      resolvePromise(v === 'yes' ? true : v === 'no' ? false : null)
    })
  })
}

/** The earliest believable "now": a box without a real-time clock boots in 1970 or at its last shutdown. */
const EARLIEST_SANE = Date.parse('2025-01-01T00:00:00Z')

async function clockChecks(config: Config, now: number, newestEvent: number | null, add: Add): Promise<void> {
  if (now < EARLIEST_SANE) {
    add(
      'clock',
      'system clock',
      'fail',
      `the clock says ${new Date(now).toISOString()}: set it (enable NTP: timedatectl set-ntp true); ticket numbers restart at the wrong time otherwise`,
    )
  } else if (newestEvent !== null && newestEvent - now > 5 * 60_000) {
    add(
      'clock',
      'system clock',
      'fail',
      `the clock (${new Date(now).toISOString()}) is ${Math.round((newestEvent - now) / 60_000)} min behind the newest event in the database: it went backwards`,
    )
  } else {
    add('clock', 'system clock', 'ok', new Date(now).toISOString())
  }
  const ntp = await ntpSynchronized()
  if (ntp !== null)
    add(
      'clock',
      'NTP',
      ntp ? 'ok' : 'warn',
      ntp ? 'synchronized' : 'not synchronized (timedatectl set-ntp true; a Raspberry Pi has no clock battery)',
    )
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone
  const local = localTime(now, config.timeZone)
  if (system === config.timeZone) add('clock', 'time zone', 'ok', `${config.timeZone}, local time ${local}`)
  else
    add(
      'clock',
      'time zone',
      'warn',
      `the center runs on ${config.timeZone} (local time ${local}); the system is on ${system}, so system logs show other times (timedatectl set-timezone ${config.timeZone})`,
    )
}
