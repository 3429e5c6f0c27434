/**
 * A center as the hub's registry holds it (hub_centers) and its status as its reports last left
 * it (hub_center_status): the records, their mapping from rows, and the one upsert every batch
 * and heartbeat makes to the status. HubStore (store.ts) serves them.
 */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import type { CenterHealth, CenterOwnName } from '../../protocol/upstream.ts'
import type { CenterKind } from '../../protocol/hub-api.ts'
import type { HubCenterStatusTable, HubCentersTable, HubDatabase } from './schema.ts'

export interface CenterRecord {
  id: string
  nameAr: string
  nameEn: string
  governorate: string
  /** The center's city in Arabic ('' when not given). */
  cityAr: string
  /** The center's city in English ('' when not given; before hub migration 17 the only city). */
  cityEn: string
  kind: CenterKind
  secret: string
  active: boolean
  createdAt: number
}

export interface CenterStatus {
  centerId: string
  lastReportAt: number | null
  lastHeartbeatAt: number | null
  lastSeq: number
  countersOpen: number | null
  devicesFaulty: number | null
  outboxPending: number | null
  version: string | null
  /** The center's heartbeat interval as it last reported it (null: an older center that does not say). */
  heartbeatSeconds: number | null
  configVersion: string | null
  lastBackupAt: number | null
  lastBackupOk: boolean | null
  /** Its scheduled backups are off, as its heartbeat said (null: an older center that does not say). */
  backupsOff: boolean | null
  timeZone: string | null
  batchesReceived: number
  batchesDuplicate: number
  /** The name the center's own screens say, as its last heartbeat said it (null: its heartbeats do not say, or none came). */
  ownName: CenterOwnName | null
}

export function centerFrom(r: Selectable<HubCentersTable>): CenterRecord {
  return {
    id: r.id,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    governorate: r.governorate,
    cityAr: r.city_ar,
    cityEn: r.city_en,
    kind: r.kind,
    secret: r.secret,
    active: r.active === 1,
    createdAt: r.created_at,
  }
}

export function statusFrom(r: Selectable<HubCenterStatusTable>): CenterStatus {
  return {
    centerId: r.center_id,
    lastReportAt: r.last_report_at,
    lastHeartbeatAt: r.last_heartbeat_at,
    lastSeq: r.last_seq,
    countersOpen: r.counters_open,
    devicesFaulty: r.devices_faulty,
    outboxPending: r.outbox_pending,
    version: r.version,
    heartbeatSeconds: r.heartbeat_seconds,
    configVersion: r.config_version,
    lastBackupAt: r.last_backup_at,
    lastBackupOk: r.last_backup_ok === null ? null : r.last_backup_ok === 1,
    backupsOff: r.backups_off === null || r.backups_off === undefined ? null : r.backups_off === 1,
    timeZone: r.time_zone,
    batchesReceived: r.batches_received,
    batchesDuplicate: r.batches_duplicate,
    ownName: r.own_name_ar !== null && r.own_name_en !== null ? { ar: r.own_name_ar, en: r.own_name_en } : null,
  }
}

/** The status columns a report without them (a batch has no health, a heartbeat no seq) leaves as they were. */
const KEPT_STATUS_COLUMNS = [
  'last_report_at',
  'last_heartbeat_at',
  'counters_open',
  'devices_faulty',
  'outbox_pending',
  'version',
  'heartbeat_seconds',
  'config_version',
  'last_backup_at',
  'last_backup_ok',
  'backups_off',
  'time_zone',
] as const

/** What one report writes to hub_center_status, a value per column (STATUS_COLUMNS). */
export type StatusValues = Required<Insertable<HubCenterStatusTable>>

/** A report: a batch says `seq` (and its counts), a heartbeat says no `seq`; either may carry the center's health. */
export interface StatusReport {
  seq?: number
  timeZone?: string
  batches?: number
  duplicates?: number
  health?: CenterHealth
  ownName?: CenterOwnName
}

/** The row a report writes (before it meets the one held: STATUS_CONFLICT). */
export function statusValues(centerId: string, now: number, o: StatusReport): StatusValues {
  const h = o.health
  return {
    center_id: centerId,
    last_report_at: o.seq !== undefined ? now : null,
    last_seq: o.seq ?? 0,
    last_heartbeat_at: h ? now : null,
    counters_open: h?.countersOpen ?? null,
    devices_faulty: h?.devicesFaulty ?? null,
    outbox_pending: h?.outboxPending ?? null,
    version: h?.version ?? null,
    time_zone: o.timeZone ?? null,
    batches_received: o.batches ?? 0,
    batches_duplicate: o.duplicates ?? 0,
    heartbeat_seconds: h?.heartbeatSeconds ?? null,
    config_version: h?.configVersion ?? null,
    last_backup_at: h?.lastBackupAt ?? null,
    last_backup_ok: h?.lastBackupOk === undefined ? null : h.lastBackupOk ? 1 : 0,
    backups_off: h?.backupsOff === undefined ? null : h.backupsOff ? 1 : 0,
    own_name_ar: o.ownName?.ar ?? null,
    own_name_en: o.ownName?.en ?? null,
  }
}

/** hub_center_status' columns in the order a report's row is written (the keys of StatusValues). */
export const STATUS_COLUMNS = Object.keys(statusValues('', 0, {})) as readonly (keyof StatusValues)[]

/**
 * How a report's row meets the one held, in SQL both stores read (the PostgreSQL ingest function,
 * ingest-function-pg.ts, runs the same clause): what the report does not say is kept, the seq only
 * rises, the counts add up. The center's own name is a heartbeat's to say (a report without a seq):
 * one without it (an older center again) clears it, a batch leaves it, health or no health.
 */
export const STATUS_CONFLICT = `ON CONFLICT (center_id) DO UPDATE SET ${[
  ...KEPT_STATUS_COLUMNS.map((c) => `${c} = COALESCE(excluded.${c}, hub_center_status.${c})`),
  'last_seq = CASE WHEN excluded.last_seq > hub_center_status.last_seq THEN excluded.last_seq ELSE hub_center_status.last_seq END',
  'batches_received = hub_center_status.batches_received + excluded.batches_received',
  'batches_duplicate = hub_center_status.batches_duplicate + excluded.batches_duplicate',
  ...['own_name_ar', 'own_name_en'].map(
    (c) => `${c} = CASE WHEN excluded.last_report_at IS NULL THEN excluded.${c} ELSE hub_center_status.${c} END`,
  ),
].join(', ')}`

/** Records a report in the center's status, keeping what the report does not say (STATUS_CONFLICT). */
export async function touchStatus(db: Kysely<HubDatabase>, centerId: string, now: number, o: StatusReport): Promise<void> {
  const row = statusValues(centerId, now, o)
  await sql`INSERT INTO hub_center_status (${sql.raw(STATUS_COLUMNS.join(', '))}) VALUES (${sql.join(
    STATUS_COLUMNS.map((c) => row[c]),
  )}) ${sql.raw(STATUS_CONFLICT)}`.execute(db)
}
