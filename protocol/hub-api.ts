/**
 * The national hub's read and admin API as the hub's page (hub/ui/) and other clients see it: the
 * figures, the summary, the center list, the fleet, analysts and the registry. TypeBox schemas, so
 * the hub's routes answer with them (response schemas, the OpenAPI document) and the page takes
 * the same types instead of declaring its own. Nullable fields are JSON type lists (`Nullable(…, true)`,
 * protocol/common.ts): a year's summary serializes 4× faster than with anyOf.
 */
import { Type, type Static } from '@sinclair/typebox'
import { CalendarDate } from './calendar.ts'
import { Nullable } from './common.ts'
import { CityBodyFields, CityFields } from './hub-city.ts'

/** The counts of a figure row (protocol/upstream.ts HourCounts, summed over a group) and the means derived from them. */
const figureCounts = {
  issued: Type.Number(),
  called: Type.Number(),
  served: Type.Number(),
  noShow: Type.Number(),
  cancelled: Type.Number(),
  transferredIn: Type.Number(),
  transferredOut: Type.Number(),
  waitSumSeconds: Type.Number(),
  waitCount: Type.Number(),
  waitMaxSeconds: Type.Number(),
  waitWithinTarget: Type.Number(),
  /** Tickets past their target uncalled: those that left the line so, and the running hour's still waiting (protocol/upstream.ts). */
  waitMissedUncalled: Type.Number(),
  /** Of those, the tickets still waiting past their target in a running hour at their center's last report; the rest left uncalled (0 from older centers). */
  waitingPastTarget: Type.Number(),
  serviceSumSeconds: Type.Number(),
  serviceCount: Type.Number(),
  counterOpenMinutes: Type.Number(),
  /** Minutes the services were inside their opening hours (summed over centers, services and hours; 0 from centers without hours). */
  openMinutes: Type.Number(),
  /** Citizen ratings (issue 21): how many, their scores summed, how many low (2 or less); 0 from older centers. */
  ratingCount: Type.Number(),
  ratingScoreSum: Type.Number(),
  ratingLow: Type.Number(),
  /** Appointments and places taken from a phone (issue 19; protocol/upstream.ts HourFigures); 0 from older centers. */
  appointmentsBooked: Type.Number(),
  appointmentsCancelled: Type.Number(),
  appointmentsCheckedIn: Type.Number(),
  appointmentNoShows: Type.Number(),
  appointmentCalls: Type.Number(),
  appointmentWaitSecondsSum: Type.Number(),
  remoteJoins: Type.Number(),
  remoteCalls: Type.Number(),
  remoteWaitSecondsSum: Type.Number(),
  /** Visits with several steps (issue 21): calls as a later step of a visit and their waits summed; 0 from older centers. */
  stepCalls: Type.Number(),
  stepWaitSumSeconds: Type.Number(),
  /** The mean rating of 5, to 2 places; null without ratings. */
  avgRating: Nullable(Type.Number(), true),
  /** Parked tickets (issue 21): parks, resumes and tickets not back in time; 0 from older centers. */
  parked: Type.Number(),
  parkResumed: Type.Number(),
  parkAbandoned: Type.Number(),
  avgWaitSeconds: Nullable(Type.Number(), true),
  slaPercent: Nullable(Type.Number(), true),
  avgServiceSeconds: Nullable(Type.Number(), true),
}

/** The sums of a set of rows (the summary's totals, a trend point). */
export const FigureTotals = Type.Object(figureCounts)
export type FigureTotals = Static<typeof FigureTotals>

/** Summed figures of one group; averages and SLA are derived from the sums. */
export const FigureRow = Type.Object({
  key: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  governorate: Nullable(Type.String(), true),
  ...figureCounts,
  /**
   * By service only: true for a national service (key = its code), false for a center's service
   * without a known national code (key = `unmapped:<center>:<prefix>`, with the center named below).
   */
  mapped: Type.Optional(Type.Boolean()),
  groupAr: Type.Optional(Type.String()),
  groupEn: Type.Optional(Type.String()),
  /** An unmapped service's center and local prefix. */
  centerId: Type.Optional(Type.String()),
  centerNameAr: Type.Optional(Type.String()),
  centerNameEn: Type.Optional(Type.String()),
  localCode: Type.Optional(Type.String()),
  /**
   * By governorate and center only: how many of its centers sent any figures for the range. 0 means
   * nothing was reported (the page says "No data"), which is not the same fact as 0 tickets.
   */
  reportingCenters: Type.Optional(Type.Integer()),
})
export type FigureRow = Static<typeof FigureRow>

/** How a figures query groups its rows. */
export const GROUP_BYS = ['governorate', 'center', 'service', 'day', 'hour'] as const
export type GroupBy = (typeof GROUP_BYS)[number]

/** The query of /figures, /figures.csv and /summary: a range of local days (default today) and optional filters. */
export const FiguresQuerystring = Type.Object({
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
  by: Type.Optional(Type.Union(GROUP_BYS.map((g) => Type.Literal(g)))),
  governorate: Type.Optional(Type.String()),
  center: Type.Optional(Type.String()),
  service: Type.Optional(Type.String()),
})
export type FiguresQuerystring = Static<typeof FiguresQuerystring>

/** GET /api/hub/v1/figures. */
export const FiguresAnswer = Type.Object({
  from: Type.String(),
  to: Type.String(),
  by: Type.Union(GROUP_BYS.map((g) => Type.Literal(g))),
  today: Type.String(),
  rows: Type.Array(FigureRow),
  totals: FigureTotals,
  /** The figures hold every batch the hub stored before this time (epoch ms): the answer's time unless the rollups are deferred and behind (HUB_ROLLUP_REFRESH_MS). */
  figuresAsOf: Type.Number(),
})
export type FiguresAnswer = Static<typeof FiguresAnswer>

export const CENTER_KINDS = ['fixed', 'mobile', 'new_city'] as const
export const CenterKind = Type.Union(CENTER_KINDS.map((k) => Type.Literal(k)))
export type CenterKind = Static<typeof CenterKind>

/** A registered center with what the hub last heard from it. */
export const CenterView = Type.Object({
  id: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  /** Its governorate's code (protocol/governorates.ts), or 'unknown' for free text from before codes that names none. */
  governorate: Type.String(),
  ...CityFields,
  kind: Type.String(),
  active: Type.Boolean(),
  lastReportAt: Nullable(Type.Number(), true),
  lastHeartbeatAt: Nullable(Type.Number(), true),
  /** The later of the last batch and the last heartbeat. */
  lastContactAt: Nullable(Type.Number(), true),
  /** Not heard from (or never) for HUB_OFFLINE_MISSED_HEARTBEATS of its heartbeat intervals (HUB_OFFLINE_MINUTES when it does not report one). */
  offline: Type.Boolean(),
  /** The interval the center reports its heartbeat at, in seconds (null: not reported). */
  heartbeatSeconds: Nullable(Type.Number(), true),
  /** The silence after which this center counts as offline, in seconds. */
  offlineAfterSeconds: Type.Number(),
  countersOpen: Nullable(Type.Number(), true),
  devicesFaulty: Nullable(Type.Number(), true),
  outboxPending: Nullable(Type.Number(), true),
  /** The software version it runs (null: not reported). */
  version: Nullable(Type.String(), true),
  /** The configuration bundle it runs, as its heartbeat said (null: none). The page shows only a version number. */
  configVersion: Nullable(Type.String(), true),
  lastBackupAt: Nullable(Type.Number(), true),
  /** Whether its last backup succeeded (null: backups off, or not reported). */
  lastBackupOk: Nullable(Type.Boolean(), true),
  /** Its scheduled backups are off, as its heartbeat said (null: an older center that does not say). */
  backupsOff: Nullable(Type.Boolean(), true),
  /**
   * The name the center calls itself (its own settings' name, on its kiosk, screens and tickets), as
   * its last heartbeat said it; null when its heartbeats do not say (an older center) or none came.
   * `nameAr`/`nameEn` above stay the registered names, which every hub page shows.
   */
  ownName: Type.Optional(Nullable(Type.Object({ nameAr: Type.String(), nameEn: Type.String() }))),
})
export type CenterView = Static<typeof CenterView>

/** Everything the national dashboard shows for a date range (GET /api/hub/v1/summary). */
export const HubSummary = Type.Object({
  from: Type.String(),
  to: Type.String(),
  today: Type.String(),
  offlineAfterMinutes: Type.Number(),
  offlineAfterMissedHeartbeats: Type.Number(),
  generatedAt: Type.Number(),
  /** The figures hold every batch the hub stored before this time (epoch ms): the answer's time unless the rollups are deferred and behind (HUB_ROLLUP_REFRESH_MS). */
  figuresAsOf: Type.Number(),
  totals: FigureTotals,
  byGovernorate: Type.Array(FigureRow),
  byCenter: Type.Array(FigureRow),
  byService: Type.Array(FigureRow),
  byTime: Type.Array(FigureRow),
  centers: Type.Array(CenterView),
})
export type HubSummary = Static<typeof HubSummary>

/** Why a center needs attention: it is offline, some of its devices are faulty, its last backup failed, or it refused a configuration bundle. */
export const FleetAlertKind = Type.Union([
  Type.Literal('offline'),
  Type.Literal('devices-faulty'),
  Type.Literal('backup-failed'),
  Type.Literal('bundle-refused'),
])
export type FleetAlertKind = Static<typeof FleetAlertKind>

export const FleetAlert = Type.Object({
  kind: FleetAlertKind,
  centerId: Type.String(),
  /** Since when (the last contact, the failed backup, the refusal's first report), epoch ms; null when unknown. */
  since: Nullable(Type.Number(), true),
  /** Faulty devices, for `devices-faulty`. */
  count: Type.Optional(Type.Number()),
  /**
   * For `devices-faulty`: the heartbeat that said so (epoch ms). The count is that heartbeat's, not
   * now's: an offline center's devices may have been mended or failed since (walk of 2026-12-06).
   */
  asOf: Type.Optional(Type.Number()),
  /** For `bundle-refused`: the bundle refused (newer than the one the center runs) and why, by its stable code (protocol/config-bundle.ts). */
  bundle: Type.Optional(Type.Object({ version: Type.Integer(), code: Type.String() }, { additionalProperties: false })),
})
export type FleetAlert = Static<typeof FleetAlert>

/** The fleet (GET /api/hub/v1/fleet): every center's software, configuration, health, and the alerts. */
export const HubFleet = Type.Object({
  generatedAt: Type.Number(),
  /** The governorate (code) a governorate analyst's fleet is limited to; null: national (as the dashboard's). */
  scope: Nullable(Type.String(), true),
  offlineAfterMissedHeartbeats: Type.Number(),
  /** The newest software version any center runs (null: none reported). */
  newestVersion: Nullable(Type.String(), true),
  centers: Type.Array(CenterView),
  /** Offline first, then faulty devices, then failed backups. */
  alerts: Type.Array(FleetAlert),
})
export type HubFleet = Static<typeof HubFleet>

/** A national analyst reads every governorate; a governorate analyst only theirs (HUB_ERR_FORBIDDEN_GOVERNORATE otherwise). */
export const AnalystRole = Type.Union([Type.Literal('national'), Type.Literal('governorate')])
export type AnalystRole = Static<typeof AnalystRole>

/** An analyst's account as the hub shows it (never the password). */
export const Analyst = Type.Object({
  username: Type.String(),
  displayName: Type.String(),
  role: AnalystRole,
  /** The governorate a governorate analyst may read; null for a national one. */
  governorate: Nullable(Type.String(), true),
  active: Type.Boolean(),
})
export type Analyst = Static<typeof Analyst>

/** POST /api/hub/v1/auth/login. */
export const AnalystLogin = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
export type AnalystLogin = Static<typeof AnalystLogin>

/** The answer of a right sign-in: the session token (Authorization: Bearer) until `expiresAt`. */
export const AnalystSession = Type.Object({ token: Type.String(), expiresAt: Type.Number(), analyst: Analyst })
export type AnalystSession = Static<typeof AnalystSession>

/** POST /api/hub/v1/admin/analysts. */
export const AnalystBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: AnalystRole,
    governorate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
)
export type AnalystBody = Static<typeof AnalystBody>

/** One line of the analysts' access log (GET /api/hub/v1/admin/access-log). */
export const AccessLogEntry = Type.Object({ at: Type.Number(), username: Type.String(), action: Type.String(), status: Type.Number() })
export type AccessLogEntry = Static<typeof AccessLogEntry>

/** Refused ingest requests counted by code and center (GET /api/hub/v1/admin/rejections); centerId null when unregistered. */
export const Rejection = Type.Object({
  code: Type.String(),
  centerId: Nullable(Type.String(), true),
  count: Type.Number(),
  lastAt: Type.Number(),
})
export type Rejection = Static<typeof Rejection>

/** POST /api/hub/v1/admin/centers: a center's registry entry (its governorate a code, or a name the list knows). */
export const CenterBody = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
    nameAr: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    governorate: Type.String({ minLength: 1, maxLength: 100 }),
    ...CityBodyFields,
    kind: CenterKind,
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type CenterBody = Static<typeof CenterBody>

/** PATCH /api/hub/v1/admin/centers/:id. */
export const CenterPatch = Type.Partial(
  Type.Object({ ...Type.Omit(CenterBody, ['id', 'secret']).properties, active: Type.Boolean() }, { additionalProperties: false }),
)
export type CenterPatch = Static<typeof CenterPatch>

/** The answer of a registration: the only time the secret is shown, and the key the center pins for configuration bundles. */
export const CenterRegistered = Type.Object({ center: CenterView, secret: Type.String(), hubPublicKey: Type.String() })
export type CenterRegistered = Static<typeof CenterRegistered>

/** POST /api/hub/v1/admin/centers/:id/rotate-secret. */
export const SecretRotated = Type.Object({ id: Type.String(), secret: Type.String() })
export type SecretRotated = Static<typeof SecretRotated>

/** GET /healthz: 200 ok, 503 degraded (the database does not answer). */
export const HubHealth = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), database: Type.String() })
export type HubHealth = Static<typeof HubHealth>

/** The dashboard page's path: the summary cut to what the page shows. */
export const HUB_DASHBOARD_PATH = '/api/hub/v1/dashboard'

/** A figure row as the dashboard's tables show it (the figures, a service's group, an unmapped service's center). */
export const DashboardRow = Type.Pick(FigureRow, [
  'key',
  'nameAr',
  'nameEn',
  'governorate',
  'issued',
  'served',
  'noShow',
  'avgWaitSeconds',
  'slaPercent',
  'waitMissedUncalled',
  'waitingPastTarget',
  'ratingCount',
  'avgRating',
  'mapped',
  'groupAr',
  'groupEn',
  'centerNameAr',
  'centerNameEn',
  'reportingCenters',
])
export type DashboardRow = Static<typeof DashboardRow>

/** The key figures the dashboard shows. */
export const DashboardTotals = Type.Pick(FigureTotals, [
  'issued',
  'served',
  'avgWaitSeconds',
  'slaPercent',
  'appointmentCalls',
  'appointmentWaitSecondsSum',
  'ratingCount',
  'avgRating',
])
export type DashboardTotals = Static<typeof DashboardTotals>

/**
 * A center as the dashboard's "by center" table flags it (active: a deactivated center is shown so,
 * not as online); an offline one's row of a range holding today says its figures may be incomplete,
 * since when (`lastReportAt`) and how many batches its last heartbeat said were still to send (`outboxPending`).
 */
export const DashboardCenter = Type.Pick(CenterView, [
  'id',
  'kind',
  'active',
  'offline',
  'lastContactAt',
  'lastReportAt',
  'outboxPending',
  'cityAr',
  'cityEn',
])
export type DashboardCenter = Static<typeof DashboardCenter>

/**
 * GET /api/hub/v1/dashboard: what the national dashboard page shows for a date range — the
 * summary without its figures by day (the analysis view has the trends), with the range's hours of
 * the day instead, and with only the columns its tables show. A year of a few centers is a few kilobytes instead of hundreds (bench/hub-summary-payload.bench.ts).
 */
export const HubDashboard = Type.Object({
  from: Type.String(),
  to: Type.String(),
  today: Type.String(),
  generatedAt: Type.Number(),
  /** The figures hold every batch the hub stored before this time (epoch ms): the answer's time unless the rollups are deferred and behind (HUB_ROLLUP_REFRESH_MS). */
  figuresAsOf: Type.Number(),
  /** The governorate (code) a governorate analyst's figures are limited to; null: national. */
  scope: Nullable(Type.String()),
  totals: DashboardTotals,
  byGovernorate: Type.Array(DashboardRow),
  byCenter: Type.Array(DashboardRow),
  byService: Type.Array(DashboardRow),
  /**
   * By hour of the day (key '0'…'23', each hour summed over the range's days): when the country is
   * busiest. Null for a range longer than MAX_HOUR_RANGE_DAYS (protocol/hub-analysis.ts), which
   * "by hour" does not cover.
   */
  byHour: Nullable(Type.Array(DashboardRow)),
  centers: Type.Array(DashboardCenter),
})
export type HubDashboard = Static<typeof HubDashboard>
