/** The hub's settings, all from the environment (the hub is one small process per country). */
import { isIP } from 'node:net'
import { join, resolve } from 'node:path'
import { type Static, Type } from '@sinclair/typebox'
import { isValidTimeZone } from '../protocol/center-clock.ts'
import { checkSettings, type Env, envNumber } from '../protocol/config-load.ts'

/**
 * Per center and route. A center sends about one batch and one heartbeat a minute; after a
 * week offline its reporter sends the backlog back to back, at most 24 × 7 = 168 hourly batches
 * (plus the running hour's revision), so a week's catch-up fits in one minute's allowance with
 * room to spare. A longer backlog is only paced: 429 + Retry-After, the reporter backs off and retries.
 */
export const DEFAULT_INGEST_PER_MINUTE = 600

/** A count or rate setting: a whole number, at least 1. */
const Count = (fallback: number) => Type.Integer({ minimum: 1, default: fallback })

/** The hub's settings; each documented with the variable that sets it (VARIABLES below) and its default. */
const HubConfigSchema = Type.Object(
  {
    /** HUB_PORT, default 8090. */
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8090 }),
    /** HUB_HOST, default 0.0.0.0. */
    host: Type.String({ default: '0.0.0.0' }),
    /** HUB_DATA_DIR, default ./hub-data: the SQLite file `hub.sqlite` lives here. */
    dataDir: Type.String({ default: './hub-data' }),
    /** HUB_DATABASE_URL: a postgres:// URL puts the hub on PostgreSQL; unset = SQLite in dataDir. */
    databaseUrl: Type.Optional(Type.String()),
    /** HUB_ADMIN_TOKEN (≥ 16 chars): bearer token of the admin API; unset = admin API off (use the CLI). */
    adminToken: Type.Optional(Type.String({ minLength: 16 })),
    /**
     * HUB_READ_TOKEN (≥ 16 chars): bearer token of the read side (figures, figures.csv, summary,
     * centers); the admin token is accepted there too. Unset = the read side is open (a warning
     * is logged at start-up).
     */
    readToken: Type.Optional(Type.String({ minLength: 16 })),
    /** HUB_INGEST_PER_MINUTE, default 600: signed requests per center (and source address) per minute, for each of batches and heartbeat. */
    ingestPerMinute: Count(DEFAULT_INGEST_PER_MINUTE),
    /** The rate-limit window in ms (60 000; not from the environment: tests shorten it). */
    ingestWindowMs: Type.Integer({ minimum: 1, default: 60_000 }),
    /** HUB_OPEN_DATA_PER_MINUTE, default 120: requests to the public open-data API and page per source address per minute. */
    openDataPerMinute: Count(120),
    /** How long one read of the store answers every open-data request, in ms (5 000; not from the environment: tests shorten it). */
    openDataCacheMs: Type.Integer({ minimum: 0, default: 5_000 }),
    /** HUB_MAX_SKEW_SECONDS, default 300: a signed request whose timestamp is further from the hub's clock is stale. */
    maxSkewSeconds: Count(300),
    /**
     * HUB_OFFLINE_MISSED_HEARTBEATS, default 3: a center is flagged offline once this many of its
     * heartbeats (at the interval it reports) have not arrived.
     */
    offlineAfterMissedHeartbeats: Count(3),
    /** HUB_OFFLINE_MINUTES, default 30: the same for a center that does not report its heartbeat interval (older versions). */
    offlineAfterMinutes: Count(30),
    /** HUB_TIME_ZONE, default Africa/Cairo: what "today" means on the national dashboard. */
    timeZone: Type.String({ default: 'Africa/Cairo' }),
    /** HUB_UI_DIR, default ./dist/ui (the vite build). */
    uiDir: Type.String({ default: './dist/ui' }),
    /**
     * HUB_ROLLUP_REFRESH_MS, default 0: 0 keeps every rollup in each batch's own transaction (the
     * views are never behind); more defers them: ingest stores the hourly rows and marks their days,
     * and a refresher folds the marks into the rollups every this many ms, many centers at once (a
     * national hub on PostgreSQL ingests several times faster; the views say how fresh they are).
     */
    rollupRefreshMs: Type.Integer({ minimum: 0, default: 0 }),
    /** HUB_LOG_LEVEL, default info. */
    logLevel: Type.String({ default: 'info' }),
    /**
     * HUB_TRUST_PROXY: the reverse proxies (TLS terminators) in front of the hub, whose
     * X-Forwarded-For names the real caller: a number of hops, or a comma list of addresses and
     * CIDR ranges (checked by trustedProxies below). Unset = none, and every request comes from its
     * socket's address. Behind a proxy without it, every citizen of the open-data page shares the
     * proxy's one rate-limit allowance.
     */
    trustProxy: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1 })])),
  },
  { additionalProperties: false },
)

export type HubConfig = Static<typeof HubConfigSchema>

/** The variable that sets each setting (the two windows are not settable: tests shorten them). */
const VARIABLES: Partial<Record<keyof HubConfig, string>> = {
  port: 'HUB_PORT',
  host: 'HUB_HOST',
  dataDir: 'HUB_DATA_DIR',
  databaseUrl: 'HUB_DATABASE_URL',
  adminToken: 'HUB_ADMIN_TOKEN',
  readToken: 'HUB_READ_TOKEN',
  ingestPerMinute: 'HUB_INGEST_PER_MINUTE',
  openDataPerMinute: 'HUB_OPEN_DATA_PER_MINUTE',
  maxSkewSeconds: 'HUB_MAX_SKEW_SECONDS',
  offlineAfterMissedHeartbeats: 'HUB_OFFLINE_MISSED_HEARTBEATS',
  offlineAfterMinutes: 'HUB_OFFLINE_MINUTES',
  timeZone: 'HUB_TIME_ZONE',
  uiDir: 'HUB_UI_DIR',
  logLevel: 'HUB_LOG_LEVEL',
  rollupRefreshMs: 'HUB_ROLLUP_REFRESH_MS',
}

export class HubConfigError extends Error {}

/**
 * The settings from the environment (HUB_*, an empty variable counts as unset), then `overrides`,
 * checked as the center checks its own (protocol/config-load.ts). Throws HubConfigError naming
 * the variable: `HUB_INGEST_PER_MINUTE must be an integer ≥ 1 (got "0")`.
 */
export function loadHubConfig(env: Env = process.env, overrides: Partial<HubConfig> = {}): HubConfig {
  const raw: Record<string, unknown> = {}
  for (const [key, name] of Object.entries(VARIABLES)) {
    const value = env[name]
    if (value !== undefined && value !== '')
      raw[key] = HubConfigSchema.properties[key as keyof HubConfig].type === 'integer' ? envNumber(value) : value
  }
  const trustProxy = trustedProxies(env.HUB_TRUST_PROXY)
  if (trustProxy !== undefined) raw.trustProxy = trustProxy
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete raw[key]
    else raw[key] = value
  }
  const { value: config, problems } = checkSettings(HubConfigSchema, raw, (path) => VARIABLES[path.slice(1) as keyof HubConfig] ?? path)
  if (problems.length > 0) throw new HubConfigError(problems.join('; '))
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl))
    throw new HubConfigError('HUB_DATABASE_URL must be a postgres:// URL; leave it unset for SQLite')
  if (!isValidTimeZone(config.timeZone)) throw new HubConfigError(`HUB_TIME_ZONE ${config.timeZone} is not an IANA time zone`)
  return { ...config, dataDir: resolve(config.dataDir), uiDir: resolve(config.uiDir) }
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
