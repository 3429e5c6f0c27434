/**
 * The hub's storage: one class over a SqlDriver (SQLite or PostgreSQL), so both run the same
 * SQL, the same migrations and the same tests.
 */
import type { HourBatch, CenterHealth } from '../../protocol/upstream.ts'
import { hubMigrations, type HubMigration } from './migrations.ts'
import type { Param, SqlDriver } from './driver.ts'
import { NationalServicesStore } from './national-services.ts'
import { AnalystsStore } from './analysts.ts'
import { ConfigBundlesStore } from './config-bundles.ts'
import { LiveQueuesStore } from './live-queues.ts'
import type { LiveQueue } from '../../protocol/open-data.ts'
import { storeHourRows } from './figures-ingest.ts'
import { FigurePartitions } from './partitions.ts'
import { migration11 } from './migration-11-scale.ts'
import { figuresFromSource, hourlySource, nationalFigures, type FiguresQuery } from './figures-query.ts'
import type { FigureRow } from '../../protocol/hub-api.ts'

export type CenterKind = 'fixed' | 'mobile' | 'new_city'
export const CENTER_KINDS: readonly CenterKind[] = ['fixed', 'mobile', 'new_city']

export interface CenterRecord {
  id: string
  nameAr: string
  nameEn: string
  governorate: string
  city: string
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
  timeZone: string | null
  batchesReceived: number
  batchesDuplicate: number
}

/** Summed figures of one group (the wire shape, protocol/hub-api.ts). */
export type { FigureRow }
export { GROUP_BYS, type GroupBy, type FiguresQuery } from './figures-query.ts'
export { averageRating, figureRow, slaPercentOf, unmappedKey } from './figure-rows.ts'

export interface IngestResult {
  stored: number
  ignored: number
  duplicate: boolean
  /** National codes of the batch the catalogue does not hold (their rows are kept, unmapped). */
  unknownNationalCodes: string[]
}

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
function centerFrom(r: Record<string, any>): CenterRecord {
  return {
    id: r.id,
    nameAr: r.name_ar,
    nameEn: r.name_en,
    governorate: r.governorate,
    city: r.city,
    kind: r.kind,
    secret: r.secret,
    active: Number(r.active) === 1,
    createdAt: Number(r.created_at),
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/** The migration that builds the rollups. */
const ROLLUPS_SCHEMA_VERSION = migration11.version

export class HubStore {
  /** The national service catalogue. */
  readonly nationalServices: NationalServicesStore
  /** Analysts' accounts, sessions and the access log. */
  readonly analysts: AnalystsStore
  /** Signed configuration bundles and what each center runs or refused. */
  readonly configBundles: ConfigBundlesStore
  /** Open data: each center's lines now, from its latest heartbeat. */
  readonly liveQueues: LiveQueuesStore
  /** The schema version after migrate(): the views read the rollups once migration 11 has built them. */
  private schemaVersion = 0
  /** hub_figures' monthly partitions (PostgreSQL). */
  readonly partitions: FigurePartitions

  constructor(readonly driver: SqlDriver) {
    this.configBundles = new ConfigBundlesStore(driver)
    this.nationalServices = new NationalServicesStore(driver)
    this.analysts = new AnalystsStore(driver)
    this.liveQueues = new LiveQueuesStore(driver)
    this.partitions = new FigurePartitions(driver)
  }

  get dialect() {
    return this.driver.dialect
  }

  /** Applies pending migrations in one transaction; returns the schema version. */
  async migrate(migrations: HubMigration[] = hubMigrations): Promise<number> {
    return this.driver.tx(async (d) => {
      await d.exec('CREATE TABLE IF NOT EXISTS hub_schema (version INTEGER NOT NULL)')
      const rows = await d.all<{ version: number }>('SELECT MAX(version) AS version FROM hub_schema')
      const from = Number(rows[0]?.version ?? 0)
      for (const m of migrations.filter((x) => x.version > from)) {
        for (const statement of m.statements) await d.exec(statement)
        if (m.run) await m.run(d)
        await d.run('INSERT INTO hub_schema (version) VALUES (?)', [m.version])
      }
      this.schemaVersion = Math.max(from, ...migrations.map((m) => m.version))
      return migrations.at(-1)?.version ?? from
    })
  }

  close(): Promise<void> {
    return this.driver.close()
  }

  // --- the center registry ------------------------------------------------------------------

  async addCenter(c: Omit<CenterRecord, 'createdAt' | 'active'> & { active?: boolean }, now: number): Promise<boolean> {
    const changed = await this.driver.run(
      `INSERT INTO hub_centers (id, name_ar, name_en, governorate, city, kind, secret, active, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [c.id, c.nameAr, c.nameEn, c.governorate, c.city, c.kind, c.secret, c.active === false ? 0 : 1, now],
    )
    return changed === 1
  }

  async updateCenter(id: string, patch: Partial<Omit<CenterRecord, 'id' | 'createdAt'>>): Promise<CenterRecord | null> {
    const cols: Record<string, Param> = {}
    if (patch.nameAr !== undefined) cols.name_ar = patch.nameAr
    if (patch.nameEn !== undefined) cols.name_en = patch.nameEn
    if (patch.governorate !== undefined) cols.governorate = patch.governorate
    if (patch.city !== undefined) cols.city = patch.city
    if (patch.kind !== undefined) cols.kind = patch.kind
    if (patch.secret !== undefined) cols.secret = patch.secret
    if (patch.active !== undefined) cols.active = patch.active ? 1 : 0
    const keys = Object.keys(cols)
    if (keys.length > 0)
      await this.driver.run(`UPDATE hub_centers SET ${keys.map((k) => `${k} = ?`).join(', ')} WHERE id = ?`, [
        ...keys.map((k) => cols[k]),
        id,
      ])
    return this.getCenter(id)
  }

  async getCenter(id: string): Promise<CenterRecord | null> {
    const rows = await this.driver.all('SELECT * FROM hub_centers WHERE id = ?', [id])
    return rows[0] ? centerFrom(rows[0]) : null
  }

  async listCenters(): Promise<CenterRecord[]> {
    return (await this.driver.all('SELECT * FROM hub_centers ORDER BY governorate, id')).map(centerFrom)
  }

  async statuses(): Promise<Map<string, CenterStatus>> {
    // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
    const rows = await this.driver.all<Record<string, any>>('SELECT * FROM hub_center_status')
    return new Map(
      rows.map((r) => [
        r.center_id,
        {
          centerId: r.center_id,
          lastReportAt: num(r.last_report_at),
          lastHeartbeatAt: num(r.last_heartbeat_at),
          lastSeq: Number(r.last_seq),
          countersOpen: num(r.counters_open),
          devicesFaulty: num(r.devices_faulty),
          outboxPending: num(r.outbox_pending),
          version: r.version ?? null,
          heartbeatSeconds: num(r.heartbeat_seconds),
          configVersion: r.config_version ?? null,
          lastBackupAt: num(r.last_backup_at),
          lastBackupOk: r.last_backup_ok === null || r.last_backup_ok === undefined ? null : Number(r.last_backup_ok) === 1,
          timeZone: r.time_zone ?? null,
          batchesReceived: Number(r.batches_received),
          batchesDuplicate: Number(r.batches_duplicate),
        },
      ]),
    )
  }

  // --- ingest --------------------------------------------------------------------------------

  /** Remembers a nonce; false when it was seen before (a replay). */
  async rememberNonce(centerId: string, nonce: string, now: number, d: SqlDriver = this.driver): Promise<boolean> {
    return (
      (await d.run('INSERT INTO hub_nonces (center_id, nonce, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
        centerId,
        nonce,
        now,
      ])) === 1
    )
  }

  /** Forgets nonces older than `before` (their timestamps are refused as stale anyway). */
  pruneNonces(before: number): Promise<number> {
    return this.driver.run('DELETE FROM hub_nonces WHERE seen_at < ?', [before])
  }

  /**
   * Stores one hour batch, idempotently: each (center, day, hour, service) row keeps the highest
   * revision it was sent; a resend or an older revision changes nothing. The nonce is taken in
   * the same transaction, so a replay is refused even when two copies race.
   */
  ingest(batch: HourBatch, nonce: string, now: number): Promise<IngestResult | 'replayed'> {
    return this.ingestHours([batch], nonce, now)
  }

  /**
   * Stores several hour batches of one center (a backlog) in one transaction, with the same
   * guarantees as one: all of them or none, each row at its highest revision, rollups exactly
   * the sums of the rows. A handful of statements whatever the number of hours.
   */
  async ingestHours(batches: readonly HourBatch[], nonce: string, now: number): Promise<IngestResult | 'replayed'> {
    const centerId = batches[0]?.centerId
    if (!centerId || batches.some((b) => b.centerId !== centerId)) throw new Error('ingestHours: one center, at least one batch')
    for (const day of new Set(batches.map((b) => b.day))) await this.partitions.ensureFor(day)
    return this.driver.tx(async (d) => {
      if (!(await this.rememberNonce(centerId, nonce, now, d))) return 'replayed'
      const stored = await storeHourRows(d, batches, now)
      // the hours the batches advance (per hour the latest revision sent); a batch that advances none is a duplicate
      const hours = new Map<string, HourBatch>()
      for (const b of batches) {
        const key = `${b.day}|${b.hour}`
        const held = hours.get(key)
        if (!held || held.revision < b.revision) hours.set(key, b)
      }
      const list = [...hours.values()]
      const hoursChanged = await d.run(
        `INSERT INTO hub_hours (center_id, day, hour, revision, final, seq, received_at) VALUES ${list.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (center_id, day, hour) DO UPDATE SET revision = excluded.revision, final = excluded.final, seq = excluded.seq, received_at = excluded.received_at
         WHERE hub_hours.revision < excluded.revision`,
        list.flatMap((b) => [b.centerId, b.day, b.hour, b.revision, b.final ? 1 : 0, b.seq, now]),
      )
      const duplicates = batches.length - hoursChanged
      const health = batches.findLast((b) => b.health)?.health
      await this.touchStatus(d, centerId, now, {
        seq: Math.max(...batches.map((b) => b.seq)),
        timeZone: batches.at(-1)!.timeZone,
        batches: batches.length,
        duplicates,
        health,
      })
      const codes = batches.flatMap((b) => b.rows.flatMap((r) => (r.nationalCode ? [r.nationalCode] : [])))
      const unknownNationalCodes = await this.nationalServices.unknownOf(codes, d)
      const rows = batches.reduce((n, b) => n + b.rows.length, 0)
      return { stored, ignored: rows - stored, duplicate: duplicates === batches.length, unknownNationalCodes }
    })
  }

  async heartbeat(centerId: string, nonce: string, health: CenterHealth, now: number, live?: LiveQueue[]): Promise<'ok' | 'replayed'> {
    return this.driver.tx(async (d) => {
      if (!(await this.rememberNonce(centerId, nonce, now, d))) return 'replayed'
      await this.touchStatus(d, centerId, now, { health })
      await this.liveQueues.replace(d, centerId, live, now)
      return 'ok'
    })
  }

  private async touchStatus(
    d: SqlDriver,
    centerId: string,
    now: number,
    o: { seq?: number; timeZone?: string; batches?: number; duplicates?: number; health?: CenterHealth },
  ): Promise<void> {
    const h = o.health
    const batch = o.seq !== undefined
    await d.run(
      `INSERT INTO hub_center_status (center_id, last_report_at, last_seq, last_heartbeat_at, counters_open, devices_faulty, outbox_pending, version, time_zone, batches_received, batches_duplicate, heartbeat_seconds,
         config_version, last_backup_at, last_backup_ok)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (center_id) DO UPDATE SET
         last_report_at = COALESCE(excluded.last_report_at, hub_center_status.last_report_at),
         last_seq = CASE WHEN excluded.last_seq > hub_center_status.last_seq THEN excluded.last_seq ELSE hub_center_status.last_seq END,
         last_heartbeat_at = COALESCE(excluded.last_heartbeat_at, hub_center_status.last_heartbeat_at),
         counters_open = COALESCE(excluded.counters_open, hub_center_status.counters_open),
         devices_faulty = COALESCE(excluded.devices_faulty, hub_center_status.devices_faulty),
         outbox_pending = COALESCE(excluded.outbox_pending, hub_center_status.outbox_pending),
         version = COALESCE(excluded.version, hub_center_status.version),
         heartbeat_seconds = COALESCE(excluded.heartbeat_seconds, hub_center_status.heartbeat_seconds),
         config_version = COALESCE(excluded.config_version, hub_center_status.config_version),
         last_backup_at = COALESCE(excluded.last_backup_at, hub_center_status.last_backup_at),
         last_backup_ok = COALESCE(excluded.last_backup_ok, hub_center_status.last_backup_ok),
         time_zone = COALESCE(excluded.time_zone, hub_center_status.time_zone),
         batches_received = hub_center_status.batches_received + excluded.batches_received,
         batches_duplicate = hub_center_status.batches_duplicate + excluded.batches_duplicate`,
      [
        centerId,
        batch ? now : null,
        o.seq ?? 0,
        h ? now : null,
        h?.countersOpen ?? null,
        h?.devicesFaulty ?? null,
        h?.outboxPending ?? null,
        h?.version ?? null,
        o.timeZone ?? null,
        o.batches ?? 0,
        o.duplicates ?? 0,
        h?.heartbeatSeconds ?? null,
        h?.configVersion ?? null,
        h?.lastBackupAt ?? null,
        h?.lastBackupOk === undefined ? null : h.lastBackupOk ? 1 : 0,
      ],
    )
  }

  /** Adds `hits` (default 1) refusals of `code` to the center's count ('' = not attributed to a center). */
  async countRejection(code: string, centerId: string | null, now: number, hits = 1): Promise<void> {
    await this.driver.run(
      `INSERT INTO hub_rejections (code, center_id, hits, last_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (code, center_id) DO UPDATE SET hits = hub_rejections.hits + excluded.hits, last_at = excluded.last_at`,
      [code, (centerId ?? '').slice(0, 64), hits, now],
    )
  }

  async rejections(): Promise<{ code: string; centerId: string; count: number; lastAt: number }[]> {
    // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
    const rows = await this.driver.all<Record<string, any>>(
      'SELECT code, center_id, hits, last_at FROM hub_rejections ORDER BY code, center_id',
    )
    return rows.map((r) => ({ code: r.code, centerId: r.center_id, count: Number(r.hits), lastAt: Number(r.last_at) }))
  }

  // --- figures -------------------------------------------------------------------------------

  /** Summed figures over the local days `from`..`to` (inclusive), grouped by governorate, center, service, day or hour: from the rollups, range capped, time-limited. */
  figures(q: FiguresQuery): Promise<FigureRow[]> {
    return nationalFigures(this.driver, q, this.schemaVersion >= ROLLUPS_SCHEMA_VERSION)
  }

  /** The same figures summed from the hourly rows (the pre-rollup query; kept to check the rollups against). */
  figuresFromHourlyRows(q: FiguresQuery): Promise<FigureRow[]> {
    return figuresFromSource(this.driver, q, hourlySource(q))
  }
}
