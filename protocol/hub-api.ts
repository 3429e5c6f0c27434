/**
 * The national hub's read API as the hub's page (hub/ui/) and other clients see it: the figures,
 * the summary, the center list and the fleet. The hub answers with these shapes; the page takes
 * them from here instead of declaring its own.
 */

/** Summed figures of one group; averages and SLA are derived from the sums. */
export interface FigureRow {
  key: string
  nameAr: string
  nameEn: string
  governorate: string | null
  issued: number
  called: number
  served: number
  noShow: number
  cancelled: number
  transferredIn: number
  transferredOut: number
  waitSumSeconds: number
  waitCount: number
  waitMaxSeconds: number
  waitWithinTarget: number
  /** Tickets that left the line uncalled after their target passed: misses no call counts. */
  waitMissedUncalled: number
  serviceSumSeconds: number
  serviceCount: number
  counterOpenMinutes: number
  /** Minutes the services were inside their opening hours (summed over centers, services and hours; 0 from centers without hours). */
  openMinutes: number
  /** Citizen ratings (issue 21): how many, their scores summed, how many low (2 or less); 0 from older centers. */
  ratingCount: number
  ratingScoreSum: number
  ratingLow: number
  /** Appointments and places taken from a phone (issue 19; protocol/upstream.ts HourFigures); 0 from older centers. */
  appointmentsBooked: number
  appointmentsCancelled: number
  appointmentsCheckedIn: number
  appointmentNoShows: number
  appointmentCalls: number
  appointmentWaitSecondsSum: number
  remoteJoins: number
  remoteCalls: number
  remoteWaitSecondsSum: number
  /** Visits with several steps (issue 21): calls as a later step of a visit and their waits summed; 0 from older centers. */
  stepCalls: number
  stepWaitSumSeconds: number
  /** The mean rating of 5, to 2 places; null without ratings. */
  avgRating: number | null
  /** Parked tickets (issue 21): parks, resumes and tickets not back in time; 0 from older centers. */
  parked: number
  parkResumed: number
  parkAbandoned: number
  avgWaitSeconds: number | null
  slaPercent: number | null
  avgServiceSeconds: number | null
  /**
   * By service only: true for a national service (key = its code), false for a center's service
   * without a known national code (key = `unmapped:<center>:<prefix>`, with the center named below).
   */
  mapped?: boolean
  groupAr?: string
  groupEn?: string
  /** An unmapped service's center and local prefix. */
  centerId?: string
  centerNameAr?: string
  centerNameEn?: string
  localCode?: string
}

/** The sums of a set of rows (the summary's totals). */
export type FigureTotals = Omit<FigureRow, 'key' | 'nameAr' | 'nameEn' | 'governorate'>

/** A registered center with what the hub last heard from it. */
export interface CenterView {
  id: string
  nameAr: string
  nameEn: string
  governorate: string
  city: string
  kind: string
  active: boolean
  lastReportAt: number | null
  lastHeartbeatAt: number | null
  /** The later of the last batch and the last heartbeat. */
  lastContactAt: number | null
  /** Not heard from (or never) for HUB_OFFLINE_MISSED_HEARTBEATS of its heartbeat intervals (HUB_OFFLINE_MINUTES when it does not report one). */
  offline: boolean
  /** The interval the center reports its heartbeat at, in seconds (null: not reported). */
  heartbeatSeconds: number | null
  /** The silence after which this center counts as offline, in seconds. */
  offlineAfterSeconds: number
  countersOpen: number | null
  devicesFaulty: number | null
  outboxPending: number | null
  /** The software version it runs (null: not reported). */
  version: string | null
  /** The configuration version it runs (for now the national catalogue it holds; null: none). */
  configVersion: string | null
  lastBackupAt: number | null
  /** Whether its last backup succeeded (null: backups off, or not reported). */
  lastBackupOk: boolean | null
}

/** Everything the national dashboard shows for a date range (GET /api/hub/v1/summary). */
export interface HubSummary {
  from: string
  to: string
  today: string
  offlineAfterMinutes: number
  offlineAfterMissedHeartbeats: number
  generatedAt: number
  totals: FigureTotals
  byGovernorate: FigureRow[]
  byCenter: FigureRow[]
  byService: FigureRow[]
  byTime: FigureRow[]
  centers: CenterView[]
}

/** Why a center needs attention: it is offline, some of its devices are faulty, or its last backup failed. */
export type FleetAlertKind = 'offline' | 'devices-faulty' | 'backup-failed'

export interface FleetAlert {
  kind: FleetAlertKind
  centerId: string
  /** Since when (the last contact, or the failed backup), epoch ms; null when unknown. */
  since: number | null
  /** Faulty devices, for `devices-faulty`. */
  count?: number
}

/** The fleet (GET /api/hub/v1/fleet): every center's software, configuration, health, and the alerts. */
export interface HubFleet {
  generatedAt: number
  offlineAfterMissedHeartbeats: number
  /** The newest software version any center runs (null: none reported). */
  newestVersion: string | null
  centers: CenterView[]
  /** Offline first, then faulty devices, then failed backups. */
  alerts: FleetAlert[]
}

/** A national analyst reads every governorate; a governorate analyst only theirs (HUB_ERR_FORBIDDEN_GOVERNORATE otherwise). */
export type AnalystRole = 'national' | 'governorate'

/** An analyst's account as the hub shows it (never the password). */
export interface Analyst {
  username: string
  displayName: string
  role: AnalystRole
  /** The governorate a governorate analyst may read; null for a national one. */
  governorate: string | null
  active: boolean
}
