/**
 * The hub's tables as Kysely sees them (hub/store/migrations.ts makes them). Column types are what
 * a query gets back on both stores: integers and BIGINTs as numbers (database.ts has PostgreSQL
 * parse int8 and numeric into numbers), flags as 0/1, `day` as 'YYYY-MM-DD' text.
 * `Generated` marks a column the database fills when an insert leaves it out.
 */
import type { Generated } from 'kysely'
import type { FIGURE_COLUMNS } from './figure-columns.ts'
import type { CenterKind } from '../../protocol/hub-api.ts'

type Flag = 0 | 1

export interface HubCentersTable {
  id: string
  name_ar: string
  name_en: string
  governorate: string
  /** The city in Arabic ('' when not given: hub migration 17 left centers registered before it without one). */
  city_ar: Generated<string>
  city_en: Generated<string>
  kind: CenterKind
  secret: string
  active: Generated<Flag>
  created_at: number
}

/** One center, local day, hour and service at its latest revision; the figure columns are FIGURE_COLUMNS. */
export type HubFiguresTable = {
  center_id: string
  day: string
  hour: number
  service_code: string
  service_name_ar: string
  service_name_en: string
  national_code: string | null
  service_id: number | null
  revision: number
  received_at: number
} & Record<(typeof FIGURE_COLUMNS)[number], number>

export interface HubHoursTable {
  center_id: string
  day: string
  hour: number
  revision: number
  final: Flag
  seq: number
  received_at: number
}

export interface HubCenterStatusTable {
  center_id: string
  last_report_at: number | null
  last_seq: Generated<number>
  last_heartbeat_at: number | null
  counters_open: number | null
  devices_faulty: number | null
  outbox_pending: number | null
  version: string | null
  time_zone: string | null
  batches_received: Generated<number>
  batches_duplicate: Generated<number>
  heartbeat_seconds: number | null
  config_version: string | null
  last_backup_at: number | null
  last_backup_ok: Flag | null
  /** The center's scheduled backups are off, as its last heartbeat said (migration 23; null: not said, an older center). */
  backups_off: Flag | null
  /** The name the center's own screens say, as its last heartbeat said it (migration 22; null: not said, an older center). */
  own_name_ar: string | null
  own_name_en: string | null
}

export interface HubNoncesTable {
  center_id: string
  nonce: string
  seen_at: number
}

export interface HubRejectionsTable {
  code: string
  /** '' when the request named no center. */
  center_id: string
  hits: number
  last_at: number
}

export interface HubNationalServicesTable {
  code: string
  name_ar: string
  name_en: string
  group_ar: Generated<string>
  group_en: Generated<string>
  created_at: number
  updated_at: number
}

export interface HubAnalystsTable {
  username: string
  display_name: string
  role: 'national' | 'governorate'
  /** The one governorate a governorate-scoped analyst reads ('' for national). */
  governorate: Generated<string>
  password_hash: string
  active: Generated<Flag>
  created_at: number
}

export interface HubAnalystSessionsTable {
  token_hash: string
  username: string
  expires_at: number
}

export interface HubAccessLogTable {
  at: number
  username: string
  action: string
  status: number
}

export interface HubConfigBundlesTable {
  version: number
  target_kind: 'all' | 'governorate' | 'centers'
  /** A governorate, a JSON array of center ids, or '' for all. */
  target_value: string
  note: string
  payload: string
  signature: string
  created_by: string
  created_at: number
  published_at: number | null
}

export interface HubCenterBundlesTable {
  center_id: string
  running_version: number | null
  refused_version: number | null
  refused_code: string | null
  refused_reason: string | null
  reported_at: number
}

export interface HubLiveReportsTable {
  center_id: string
  reported_at: number
}

export interface HubLiveQueuesTable {
  center_id: string
  national_code: string
  waiting: number
  wait_seconds: number | null
  open: Flag
}

/** One of a center's own services (no national code) and its line now, from its latest heartbeat (migration 21). */
export interface HubLiveLocalQueuesTable {
  center_id: string
  service_code: string
  name_ar: string
  name_en: string
  waiting: number
  wait_seconds: number | null
  open: Flag
}

/** One row: bumped with every change to hub_national_services, so each hub process knows when its cached catalogue is stale. */
export interface HubCatalogueRevisionTable {
  id: number
  revision: number
}

/** A center's day whose hourly rows changed since the rollups last summed them (hub migration 18, rollup-fold.ts). */
export interface HubRollupMarksTable {
  center_id: string
  day: string
  /** When the first unfolded change of that day was stored (epoch ms): the rollups hold everything stored before the oldest mark. */
  marked_at: number
}

/**
 * The tables the query builder reaches. The rollups (hub_rollup_*) and the partitions are not
 * here: they are read and written only through SQL text (rollups.ts, partitions.ts, figures-*.ts).
 */
export interface HubDatabase {
  hub_centers: HubCentersTable
  hub_figures: HubFiguresTable
  hub_hours: HubHoursTable
  hub_center_status: HubCenterStatusTable
  hub_nonces: HubNoncesTable
  hub_rejections: HubRejectionsTable
  hub_national_services: HubNationalServicesTable
  hub_analysts: HubAnalystsTable
  hub_analyst_sessions: HubAnalystSessionsTable
  hub_access_log: HubAccessLogTable
  hub_config_bundles: HubConfigBundlesTable
  hub_center_bundles: HubCenterBundlesTable
  hub_live_reports: HubLiveReportsTable
  hub_live_queues: HubLiveQueuesTable
  hub_live_local_queues: HubLiveLocalQueuesTable
  hub_catalogue_revision: HubCatalogueRevisionTable
  hub_rollup_marks: HubRollupMarksTable
}
