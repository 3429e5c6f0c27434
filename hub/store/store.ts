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

export type GroupBy = 'governorate' | 'center' | 'service' | 'day' | 'hour'
export const GROUP_BYS: readonly GroupBy[] = ['governorate', 'center', 'service', 'day', 'hour']

export interface FiguresQuery {
  from: string
  to: string
  by: GroupBy
  governorate?: string
  centerId?: string
  /** A national service code of the catalogue. */
  serviceCode?: string
}

/** Summed figures of one group (the wire shape, protocol/hub-api.ts). */
export type { FigureRow }

export interface IngestResult {
  stored: number
  ignored: number
  duplicate: boolean
  /** National codes of the batch the catalogue does not hold (their rows are kept, unmapped). */
  unknownNationalCodes: string[]
}

/** The key of a center's service that has no national code in the catalogue. */
export const unmappedKey = (centerId: string, localCode: string) => `unmapped:${centerId}:${localCode}`

const FIGURE_COLUMNS = [
  'issued',
  'called',
  'served',
  'no_show',
  'cancelled',
  'transferred_in',
  'transferred_out',
  'wait_sum',
  'wait_count',
  'wait_max',
  'wait_within_target',
  'wait_missed_uncalled',
  'service_sum',
  'service_count',
  'counter_open_minutes',
  'open_minutes',
  'rating_count',
  'rating_score_sum',
  'rating_low',
  'parked',
  'park_resumed',
  'park_abandoned',
  'appointments_booked',
  'appointments_cancelled',
  'appointments_checked_in',
  'appointment_no_shows',
  'appointment_calls',
  'appointment_wait_sum',
  'remote_joins',
  'remote_calls',
  'remote_wait_sum',
  'step_calls',
  'step_wait_sum',
] as const
const SUMS = FIGURE_COLUMNS.map((c) => (c === 'wait_max' ? `COALESCE(MAX(f.${c}), 0) AS ${c}` : `COALESCE(SUM(f.${c}), 0) AS ${c}`)).join(
  ', ',
)

const round1 = (n: number) => Math.round(n * 10) / 10

/** The mean rating of 5 from the sums, to 2 places; null without ratings. */
export const averageRating = (scoreSum: number, count: number): number | null =>
  count > 0 ? Math.round((scoreSum / count) * 100) / 100 : null

/**
 * Within target %, as the centers define it (server/reports/figures.ts): of every call and every
 * ticket that left the line uncalled after its target passed, the share called within target.
 */
export function slaPercentOf(within: number, calls: number, missedUncalled: number): number | null {
  const counted = calls + missedUncalled
  return counted > 0 ? round1((100 * within) / counted) : null
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

export class HubStore {
  /** The national service catalogue. */
  readonly nationalServices: NationalServicesStore
  /** Analysts' accounts, sessions and the access log. */
  readonly analysts: AnalystsStore
  /** Signed configuration bundles and what each center runs or refused. */
  readonly configBundles: ConfigBundlesStore
  /** Open data: each center's lines now, from its latest heartbeat. */
  readonly liveQueues: LiveQueuesStore

  constructor(readonly driver: SqlDriver) {
    this.configBundles = new ConfigBundlesStore(driver)
    this.nationalServices = new NationalServicesStore(driver)
    this.analysts = new AnalystsStore(driver)
    this.liveQueues = new LiveQueuesStore(driver)
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
        await d.run('INSERT INTO hub_schema (version) VALUES (?)', [m.version])
      }
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
  async ingest(batch: HourBatch, nonce: string, now: number): Promise<IngestResult | 'replayed'> {
    return this.driver.tx(async (d) => {
      if (!(await this.rememberNonce(batch.centerId, nonce, now, d))) return 'replayed'
      let stored = 0
      if (batch.rows.length > 0) {
        const cols = [
          'center_id',
          'day',
          'hour',
          'service_code',
          'service_name_ar',
          'service_name_en',
          'national_code',
          'service_id',
          'revision',
          ...FIGURE_COLUMNS,
          'received_at',
        ]
        const params: Param[] = []
        for (const r of batch.rows) {
          params.push(batch.centerId, batch.day, batch.hour, r.serviceCode, r.serviceNameAr, r.serviceNameEn)
          params.push(r.nationalCode ?? null, r.serviceId ?? null, batch.revision)
          params.push(r.issued, r.called, r.served, r.noShow, r.cancelled, r.transferredIn, r.transferredOut, r.waitSumSeconds, r.waitCount)
          params.push(
            r.waitMaxSeconds,
            r.waitWithinTarget,
            r.waitMissedUncalled ?? 0,
            r.serviceSumSeconds,
            r.serviceCount,
            r.counterOpenMinutes,
            r.openMinutes ?? 0,
            r.ratingCount ?? 0,
            r.ratingScoreSum ?? 0,
            r.ratingLow ?? 0,
            r.parked ?? 0,
            r.parkResumed ?? 0,
            r.parkAbandoned ?? 0,
            r.appointmentsBooked ?? 0,
            r.appointmentsCancelled ?? 0,
            r.appointmentsCheckedIn ?? 0,
            r.appointmentNoShows ?? 0,
            r.appointmentCalls ?? 0,
            r.appointmentWaitSecondsSum ?? 0,
            r.remoteJoins ?? 0,
            r.remoteCalls ?? 0,
            r.remoteWaitSecondsSum ?? 0,
            r.stepCalls ?? 0,
            r.stepWaitSumSeconds ?? 0,
            now,
          )
        }
        const tuple = `(${cols.map(() => '?').join(', ')})`
        const update = ['service_name_ar', 'service_name_en', 'national_code', 'service_id', 'revision', ...FIGURE_COLUMNS, 'received_at']
          .map((c) => `${c} = excluded.${c}`)
          .join(', ')
        stored = await d.run(
          `INSERT INTO hub_figures (${cols.join(', ')}) VALUES ${batch.rows.map(() => tuple).join(', ')}
           ON CONFLICT (center_id, day, hour, service_code) DO UPDATE SET ${update}
           WHERE hub_figures.revision < excluded.revision`,
          params,
        )
      }
      const hourChanged = await d.run(
        `INSERT INTO hub_hours (center_id, day, hour, revision, final, seq, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (center_id, day, hour) DO UPDATE SET revision = excluded.revision, final = excluded.final, seq = excluded.seq, received_at = excluded.received_at
         WHERE hub_hours.revision < excluded.revision`,
        [batch.centerId, batch.day, batch.hour, batch.revision, batch.final ? 1 : 0, batch.seq, now],
      )
      const duplicate = hourChanged === 0
      await this.touchStatus(d, batch.centerId, now, { seq: batch.seq, timeZone: batch.timeZone, duplicate, health: batch.health })
      const codes = batch.rows.flatMap((r) => (r.nationalCode ? [r.nationalCode] : []))
      const unknownNationalCodes = await this.nationalServices.unknownOf(codes, d)
      return { stored, ignored: batch.rows.length - stored, duplicate, unknownNationalCodes }
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
    o: { seq?: number; timeZone?: string; duplicate?: boolean; health?: CenterHealth },
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
        batch ? 1 : 0,
        o.duplicate ? 1 : 0,
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

  /** Summed figures over the local days `from`..`to` (inclusive), grouped by governorate, center, service, day or hour. */
  async figures(q: FiguresQuery): Promise<FigureRow[]> {
    // centers and governorates are listed even without figures (a silent center is news); the rest only where there are figures
    const fromCenters = q.by === 'center' || q.by === 'governorate'
    const params: Param[] = [q.from, q.to]
    let join = fromCenters
      ? 'FROM hub_centers c LEFT JOIN hub_figures f ON f.center_id = c.id AND f.day >= ? AND f.day <= ?'
      : 'FROM hub_figures f JOIN hub_centers c ON c.id = f.center_id AND f.day >= ? AND f.day <= ?'
    if (q.serviceCode) {
      join += ' AND f.national_code = ?'
      params.push(q.serviceCode)
    }
    // a row counts under its national code only when the catalogue holds it; otherwise it is its center's own
    if (q.by === 'service') join += ' LEFT JOIN hub_national_services n ON n.code = f.national_code'
    const filters: string[] = []
    if (q.governorate) {
      filters.push('c.governorate = ?')
      params.push(q.governorate)
    }
    if (q.centerId) {
      filters.push('c.id = ?')
      params.push(q.centerId)
    }
    const where = filters.length ? `WHERE ${filters.join(' AND ')}` : ''
    const select = {
      governorate: {
        cols: `c.governorate AS key, c.governorate AS name_ar, c.governorate AS name_en, c.governorate AS governorate`,
        group: 'c.governorate',
      },
      center: {
        cols: `c.id AS key, c.name_ar AS name_ar, c.name_en AS name_en, c.governorate AS governorate`,
        group: 'c.id, c.name_ar, c.name_en, c.governorate',
      },
      service: {
        cols: `n.code AS key, CASE WHEN n.code IS NULL THEN f.center_id END AS unmapped_center,
          CASE WHEN n.code IS NULL THEN f.service_code END AS local_code,
          MAX(COALESCE(n.name_ar, f.service_name_ar)) AS name_ar, MAX(COALESCE(n.name_en, f.service_name_en)) AS name_en,
          MAX(n.group_ar) AS group_ar, MAX(n.group_en) AS group_en,
          CASE WHEN n.code IS NULL THEN MAX(c.governorate) END AS governorate,
          CASE WHEN n.code IS NULL THEN MAX(c.name_ar) END AS center_name_ar, CASE WHEN n.code IS NULL THEN MAX(c.name_en) END AS center_name_en`,
        group: 'n.code, CASE WHEN n.code IS NULL THEN f.center_id END, CASE WHEN n.code IS NULL THEN f.service_code END',
      },
      day: { cols: `f.day AS key, f.day AS name_ar, f.day AS name_en, NULL AS governorate`, group: 'f.day' },
      hour: {
        cols: `CAST(f.hour AS TEXT) AS key, CAST(f.hour AS TEXT) AS name_ar, CAST(f.hour AS TEXT) AS name_en, NULL AS governorate, f.hour AS hour_n`,
        group: 'f.hour',
      },
    }[q.by]
    const order =
      q.by === 'hour'
        ? 'hour_n'
        : q.by === 'service'
          ? 'CASE WHEN n.code IS NULL THEN 1 ELSE 0 END, key, unmapped_center, local_code'
          : 'key'
    // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
    const rows = await this.driver.all<Record<string, any>>(
      `SELECT ${select.cols}, ${SUMS} ${join} ${where} GROUP BY ${select.group} ORDER BY ${order}`,
      params,
    )
    return rows.map(q.by === 'service' ? serviceFigureRow : figureRow)
  }
}

/** A "by service" row: a national service, or one center's unmapped service. */
// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
function serviceFigureRow(r: Record<string, any>): FigureRow {
  if (r.key !== null && r.key !== undefined)
    return { ...figureRow(r), governorate: null, mapped: true, groupAr: r.group_ar ?? '', groupEn: r.group_en ?? '' }
  const centerId = String(r.unmapped_center)
  const localCode = String(r.local_code)
  return {
    ...figureRow({ ...r, key: unmappedKey(centerId, localCode) }),
    mapped: false,
    centerId,
    centerNameAr: String(r.center_name_ar),
    centerNameEn: String(r.center_name_en),
    localCode,
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
export function figureRow(r: Record<string, any>): FigureRow {
  const n = (c: string) => Number(r[c] ?? 0)
  const waitCount = n('wait_count')
  const serviceCount = n('service_count')
  return {
    key: String(r.key),
    nameAr: String(r.name_ar ?? r.key),
    nameEn: String(r.name_en ?? r.key),
    governorate: r.governorate ?? null,
    issued: n('issued'),
    called: n('called'),
    served: n('served'),
    noShow: n('no_show'),
    cancelled: n('cancelled'),
    transferredIn: n('transferred_in'),
    transferredOut: n('transferred_out'),
    waitSumSeconds: n('wait_sum'),
    waitCount,
    waitMaxSeconds: n('wait_max'),
    waitWithinTarget: n('wait_within_target'),
    waitMissedUncalled: n('wait_missed_uncalled'),
    serviceSumSeconds: n('service_sum'),
    serviceCount,
    counterOpenMinutes: n('counter_open_minutes'),
    openMinutes: n('open_minutes'),
    ratingCount: n('rating_count'),
    ratingScoreSum: n('rating_score_sum'),
    ratingLow: n('rating_low'),
    appointmentsBooked: n('appointments_booked'),
    appointmentsCancelled: n('appointments_cancelled'),
    appointmentsCheckedIn: n('appointments_checked_in'),
    appointmentNoShows: n('appointment_no_shows'),
    appointmentCalls: n('appointment_calls'),
    appointmentWaitSecondsSum: n('appointment_wait_sum'),
    remoteJoins: n('remote_joins'),
    remoteCalls: n('remote_calls'),
    remoteWaitSecondsSum: n('remote_wait_sum'),
    stepCalls: n('step_calls'),
    stepWaitSumSeconds: n('step_wait_sum'),
    avgRating: averageRating(n('rating_score_sum'), n('rating_count')),
    parked: n('parked'),
    parkResumed: n('park_resumed'),
    parkAbandoned: n('park_abandoned'),
    avgWaitSeconds: waitCount > 0 ? round1(n('wait_sum') / waitCount) : null,
    slaPercent: slaPercentOf(n('wait_within_target'), waitCount, n('wait_missed_uncalled')),
    avgServiceSeconds: serviceCount > 0 ? round1(n('service_sum') / serviceCount) : null,
  }
}
