/** The hub's settings, all from the environment (the hub is one small process per country). */
import { join, resolve } from 'node:path'
import { isValidTimeZone } from '../protocol/center-clock.ts'

export interface HubConfig {
  /** HUB_PORT, default 8090. */
  port: number
  /** HUB_HOST, default 0.0.0.0. */
  host: string
  /** HUB_DATA_DIR, default ./hub-data: the SQLite file `hub.sqlite` lives here. */
  dataDir: string
  /** HUB_DATABASE_URL: a postgres:// URL puts the hub on PostgreSQL; unset = SQLite in dataDir. */
  databaseUrl?: string
  /** HUB_ADMIN_TOKEN (≥ 16 chars): bearer token of the admin API; unset = admin API off (use the CLI). */
  adminToken?: string
  /**
   * HUB_READ_TOKEN (≥ 16 chars): bearer token of the read side (figures, figures.csv, summary,
   * centers); the admin token is accepted there too. Unset = the read side is open (a warning
   * is logged at start-up).
   */
  readToken?: string
  /** HUB_INGEST_PER_MINUTE, default 600: signed requests per center (and source address) per minute, for each of batches and heartbeat. */
  ingestPerMinute: number
  /** The rate-limit window in ms (60 000; not from the environment: tests shorten it). */
  ingestWindowMs: number
  /** HUB_OPEN_DATA_PER_MINUTE, default 120: requests to the public open-data API and page per source address per minute. */
  openDataPerMinute: number
  /** How long one read of the store answers every open-data request, in ms (5 000; not from the environment: tests shorten it). */
  openDataCacheMs: number
  /** HUB_MAX_SKEW_SECONDS, default 300: a signed request whose timestamp is further from the hub's clock is stale. */
  maxSkewSeconds: number
  /**
   * HUB_OFFLINE_MISSED_HEARTBEATS, default 3: a center is flagged offline once this many of its
   * heartbeats (at the interval it reports) have not arrived.
   */
  offlineAfterMissedHeartbeats: number
  /** HUB_OFFLINE_MINUTES, default 30: the same for a center that does not report its heartbeat interval (older versions). */
  offlineAfterMinutes: number
  /** HUB_TIME_ZONE, default Africa/Cairo: what "today" means on the national dashboard. */
  timeZone: string
  /** HUB_UI_DIR, default ./dist/ui (the vite build). */
  uiDir: string
  /** HUB_LOG_LEVEL, default info. */
  logLevel: string
}

export class HubConfigError extends Error {}

/**
 * Per center and route. A center sends about one batch and one heartbeat a minute; after a
 * week offline its reporter sends the backlog back to back, at most 24 × 7 = 168 hourly batches
 * (plus the running hour's revision), so a week's catch-up fits in one minute's allowance with
 * room to spare. A longer backlog is only paced: 429 + Retry-After, the reporter backs off and retries.
 */
export const DEFAULT_INGEST_PER_MINUTE = 600

export function loadHubConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<HubConfig> = {}): HubConfig {
  const int = (name: string, fallback: number, min: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    if (!/^\d+$/.test(raw) || Number(raw) < min) throw new HubConfigError(`${name} must be an integer ≥ ${min} (got ${raw})`)
    return Number(raw)
  }
  const config: HubConfig = {
    port: int('HUB_PORT', 8090, 0),
    host: env.HUB_HOST || '0.0.0.0',
    dataDir: resolve(env.HUB_DATA_DIR || './hub-data'),
    databaseUrl: env.HUB_DATABASE_URL || undefined,
    adminToken: env.HUB_ADMIN_TOKEN || undefined,
    readToken: env.HUB_READ_TOKEN || undefined,
    ingestPerMinute: int('HUB_INGEST_PER_MINUTE', DEFAULT_INGEST_PER_MINUTE, 1),
    ingestWindowMs: 60_000,
    openDataPerMinute: int('HUB_OPEN_DATA_PER_MINUTE', 120, 1),
    openDataCacheMs: 5_000,
    maxSkewSeconds: int('HUB_MAX_SKEW_SECONDS', 300, 1),
    offlineAfterMissedHeartbeats: int('HUB_OFFLINE_MISSED_HEARTBEATS', 3, 1),
    offlineAfterMinutes: int('HUB_OFFLINE_MINUTES', 30, 1),
    timeZone: env.HUB_TIME_ZONE || 'Africa/Cairo',
    uiDir: resolve(env.HUB_UI_DIR || './dist/ui'),
    logLevel: env.HUB_LOG_LEVEL || 'info',
    ...overrides,
  }
  if (config.port > 65535) throw new HubConfigError(`HUB_PORT must be ≤ 65535`)
  if (config.adminToken !== undefined && config.adminToken.length < 16)
    throw new HubConfigError('HUB_ADMIN_TOKEN must be at least 16 characters')
  if (config.readToken !== undefined && config.readToken.length < 16)
    throw new HubConfigError('HUB_READ_TOKEN must be at least 16 characters')
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl))
    throw new HubConfigError('HUB_DATABASE_URL must be a postgres:// URL; leave it unset for SQLite')
  if (!isValidTimeZone(config.timeZone)) throw new HubConfigError(`HUB_TIME_ZONE ${config.timeZone} is not an IANA time zone`)
  return config
}

export const hubSqliteFile = (config: Pick<HubConfig, 'dataDir'>) => join(config.dataDir, 'hub.sqlite')
