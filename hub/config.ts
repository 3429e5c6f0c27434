/** The hub's settings, all from the environment (the hub is one small process per country). */
import { isIP } from 'node:net'
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
  /**
   * HUB_TRUST_PROXY: the reverse proxies (TLS terminators) in front of the hub, whose
   * X-Forwarded-For names the real caller: a number of hops, or a comma list of addresses and
   * CIDR ranges. Unset = none, and every request comes from its socket's address. Behind a proxy
   * without it, every citizen of the open-data page shares the proxy's one rate-limit allowance.
   */
  trustProxy?: number | string
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
    trustProxy: trustedProxies(env.HUB_TRUST_PROXY),
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

/**
 * A hop count or a list of addresses/CIDR ranges; never "true" (trusting any X-Forwarded-For
 * lets every caller choose its own address, and with it its own rate-limit bucket).
 */
function trustedProxies(raw: string | undefined): number | string | undefined {
  if (raw === undefined || raw.trim() === '') return undefined
  if (/^\d+$/.test(raw.trim())) {
    const hops = Number(raw.trim())
    if (hops < 1) throw new HubConfigError('HUB_TRUST_PROXY must be a number of proxies ≥ 1, or their addresses')
    return hops
  }
  const entries = raw.split(',').map((e) => e.trim())
  const bad = entries.find((e) => {
    const [address, bits, extra] = e.split('/')
    const family = isIP(address ?? '')
    if (family === 0 || extra !== undefined) return true
    return bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  })
  if (bad !== undefined)
    throw new HubConfigError(
      `HUB_TRUST_PROXY must be a number of proxies, or addresses and CIDR ranges separated by commas (got ${bad || 'an empty entry'})`,
    )
  return entries.join(',')
}

export const hubSqliteFile = (config: Pick<HubConfig, 'dataDir'>) => join(config.dataDir, 'hub.sqlite')
