import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { Device } from '../../../protocol/entities.ts'
import type { DeviceKind } from '../../../protocol/common.ts'
import type { DisplayStatusReport, PrintJobReport } from '../../../protocol/device-config.ts'

/**
 * SQL for "the device is paired now" on a `devices` row: it paired once AND a token of it is still
 * live. paired_at alone said a revoked kiosk given a new code was paired (and "OK") though nothing
 * had used the code and its old token got 401 (walk s51): the code lifts the revocation, the token
 * stays revoked until the code is used. Only revoking and pairing again retire a device's tokens.
 */
export const PAIRED_NOW_SQL = `(devices.paired_at IS NOT NULL AND EXISTS (
  SELECT 1 FROM tokens WHERE tokens.subject_type = 'device' AND tokens.subject_id = devices.id AND tokens.revoked_at IS NULL))`

const SELECT_DEVICES = `SELECT devices.*, ${PAIRED_NOW_SQL} AS paired_now FROM devices`

interface DeviceRow {
  id: number
  kind: DeviceKind
  name: string
  zone: string | null
  config: string
  pairing_code_hash: string | null
  pairing_expires_at: number | null
  paired_at: number | null
  last_seen_at: number | null
  revoked_at: number | null
  /** 1 when PAIRED_NOW_SQL holds. */
  paired_now: number
}

const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  kind: r.kind,
  // a name stored before direction controls were refused is shown without them
  name: withoutReorderingControls(r.name),
  zone: r.zone,
  config: JSON.parse(r.config) as Record<string, unknown>,
  paired: r.paired_now === 1,
  revoked: r.revoked_at !== null,
  lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString(),
})

/** Kiosks, displays, printers, boards and keypads, and their one-time pairing codes. */
export class DevicesRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  list(): Device[] {
    return (this.sql(`${SELECT_DEVICES} ORDER BY devices.id`).all() as DeviceRow[]).map(toDevice)
  }

  get(id: number): Device | undefined {
    const row = this.sql(`${SELECT_DEVICES} WHERE devices.id = ?`).get(id) as DeviceRow | undefined
    return row && toDevice(row)
  }

  insert(f: { kind: DeviceKind; name: string; zone: string | null; config: Record<string, unknown> }, now: number): Device {
    const { lastInsertRowid } = this.sql('INSERT INTO devices (kind, name, zone, config, created_at) VALUES (?, ?, ?, ?, ?)').run(
      f.kind,
      f.name,
      f.zone,
      JSON.stringify(f.config),
      now,
    )
    return this.get(Number(lastInsertRowid))!
  }

  update(id: number, f: { name: string; zone: string | null; config: Record<string, unknown> }): Device {
    this.sql('UPDATE devices SET name = ?, zone = ?, config = ? WHERE id = ?').run(f.name, f.zone, JSON.stringify(f.config), id)
    return this.get(id)!
  }

  /** Stores the digest of a new pairing code (server/auth/pairing-codes.ts), never the code. */
  setPairingCode(id: number, codeDigest: string, expiresAt: number): void {
    this.sql('UPDATE devices SET pairing_code_hash = ?, pairing_expires_at = ?, revoked_at = NULL WHERE id = ?').run(
      codeDigest,
      expiresAt,
      id,
    )
  }

  /** Consumes a pairing code by its digest: returns the device it belonged to, once, if not expired. */
  consumePairingCode(codeDigest: string, now: number): Device | undefined {
    const row = this.sql(`${SELECT_DEVICES} WHERE devices.pairing_code_hash = ?`).get(codeDigest) as DeviceRow | undefined
    if (!row) return undefined
    this.sql('UPDATE devices SET pairing_code_hash = NULL, pairing_expires_at = NULL WHERE id = ?').run(row.id)
    if (row.pairing_expires_at !== null && row.pairing_expires_at < now) return undefined
    if (row.revoked_at !== null) return undefined
    this.sql('UPDATE devices SET paired_at = ?, last_seen_at = ? WHERE id = ?').run(now, now, row.id)
    return this.get(row.id)
  }

  /** The zones zoned displays listen to, once each. */
  displayZones(): string[] {
    return (this.sql("SELECT DISTINCT zone FROM devices WHERE zone IS NOT NULL AND kind = 'display'").all() as { zone: string }[]).map(
      (r) => r.zone,
    )
  }

  revoke(id: number, now: number): void {
    this.sql('UPDATE devices SET revoked_at = ?, pairing_code_hash = NULL WHERE id = ?').run(now, id)
  }

  /** Lifts a revocation (a printer, board or keypad: it has no pairing code to lift it). */
  reinstate(id: number): void {
    this.sql('UPDATE devices SET revoked_at = NULL WHERE id = ?').run(id)
  }

  /** The last ticket job of the device's printer (migration 34), or undefined when none is stored. */
  lastPrintJob(id: number): PrintJobReport | undefined {
    const row = this.sql('SELECT last_print_job AS job FROM devices WHERE id = ?').get(id) as { job: string | null } | undefined
    return row?.job ? (JSON.parse(row.job) as PrintJobReport) : undefined
  }

  /** Keeps the last ticket job of the device's printer; null forgets it (a printer replaced by another). */
  setLastPrintJob(id: number, job: PrintJobReport | null): void {
    this.sql('UPDATE devices SET last_print_job = ? WHERE id = ?').run(job === null ? null : JSON.stringify(job), id)
  }

  /** Keeps what a display last said of its sound (migration 35; the device list reads it), so a restart does not forget it. */
  setSoundReport(id: number, report: DisplayStatusReport): void {
    this.sql('UPDATE devices SET sound_report = ? WHERE id = ?').run(JSON.stringify(report), id)
  }

  touch(id: number, now: number): void {
    this.sql('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id)
  }
}
