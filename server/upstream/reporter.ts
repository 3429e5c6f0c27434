/**
 * The upstream reporter: scans the event log into the outbox and sends the outbox to the
 * national hub, oldest first, signed with the center's secret. While the hub is unreachable or
 * refuses, it retries the oldest batch with exponential backoff and jitter; a batch leaves the
 * outbox only when the hub acknowledges its seq. After a restart it simply carries on from the
 * outbox. A heartbeat with the center's health goes out every `heartbeatSeconds`.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import {
  CenterOwnName,
  MAX_BACKLOG_BATCHES,
  signedHeaders,
  UpstreamPaths,
  type CenterHealth,
  type HourBacklog,
  type HourBatch,
} from '../../protocol/upstream.ts'
import { Outbox, type OutboxBatch } from './outbox.ts'
import { NationalServicesRepo } from '../db/repositories/national-services-repo.ts'
import { NationalCatalogue } from '../../protocol/national-catalogue.ts'
import { Value } from '@sinclair/typebox/value'
import { TABOUR_VERSION } from '../version.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import type { BundleReport } from '../../protocol/config-bundle.ts'
import type { LiveLines } from './live-queues.ts'

export type UpstreamConfig = Config['upstream']

/**
 * The heartbeat's `centerName`: the name the center's own screens say now. A config file's name
 * longer than the wire allows is left out rather than cut (a cut name is not its name), and the
 * hub then says nothing about it; sending it would have the whole heartbeat refused.
 */
export const heartbeatCenterName = (name: Config['centerName']): { centerName?: CenterOwnName } =>
  Value.Check(CenterOwnName, name) ? { centerName: { ar: name.ar, en: name.en } } : {}

/** The reporter runs only with all three of url, centerId and secret. */
export function upstreamEnabled(c: UpstreamConfig): c is UpstreamConfig & { url: string; centerId: string; secret: string } {
  return Boolean(c.url && c.centerId && c.secret)
}

export interface ReporterStats {
  sent: number
  /** Batches parked as dead letters since start. */
  parked: number
  failures: number
  lastError: string | null
  lastAckAt: number | null
}

export interface ReporterDeps {
  db: Db
  /** Read at each heartbeat: an admin's rename in the settings is applied onto this object (server/config/center-settings.ts). */
  config: Pick<Config, 'timeZone' | 'upstream' | 'centerName'>
  /**
   * How many devices are faulty now, as the dashboard's device list says (server/reports/device-health.ts):
   * counted from this process's device:status events alone, a display muted before a restart was
   * not counted until it spoke again, though its stored report (migration 35) still said so.
   */
  faultyDevices: () => number
  log: FastifyBaseLogger
  /** The center's clock: which hour it is (tests move it). Timers always use real time. */
  clock: () => number
  /** Default: global fetch. */
  fetch?: typeof fetch
  /** The last backup's outcome, for the hub's fleet view; absent or null when backups are off or none ran. */
  lastBackup?: () => { ok: boolean; at: number } | null
  /** Whether scheduled backups are on (backup.dir set): the heartbeat says when they are off. */
  backupsEnabled?: () => boolean
  /** Open data: each national service's line now, and each of its own services' (server/upstream/live-queues.ts); absent = the heartbeat carries none. */
  liveQueues?: () => LiveLines
  /** The hub's configuration bundles: reported on each heartbeat, fetched and applied when the answer offers a newer one. */
  bundles?: BundleReceiver
}

/** What the reporter needs of server/config/config-bundle-commands.ts. */
export interface BundleReceiver {
  report(): BundleReport
  wants(version: number): boolean
  receive(received: unknown, version: number, pinnedKey: string | undefined): { outcome: 'applied' | 'refused' }
}

/** Why a post was not acknowledged, and how long the hub asked us to wait (Retry-After), if it did. */
interface Refusal {
  error: string
  retryAfterMs?: number
  /** The hub's HTTP status, when it answered. */
  status?: number
  /** The hub's message (which field it refused). */
  detail?: string
}

/** Hub answers that no retry can change (a malformed or oversized batch): the batch is parked. */
const PERMANENT_REFUSALS = new Set([400, 413])

/** A Retry-After header in ms from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMsOf(header: string | null, now: number): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // an HTTP date names its day and zone (`Wed, 02 Dec 2026 10:00:30 GMT`); Date.parse alone would read "-5" as a year
  const at = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

export class UpstreamReporter {
  readonly outbox: Outbox
  readonly stats: ReporterStats = { sent: 0, parked: 0, failures: 0, lastError: null, lastAckAt: null }
  private readonly cfg: UpstreamConfig & { url: string; centerId: string; secret: string }
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = true
  /** Due batches go several to a request (the hub's backlog route) until a hub answers 404 for it (an older hub). */
  private backlogs = true
  private abort: AbortController | null = null
  private nextScanAt = 0
  /** Set by nextRound: the next round scans even before nextScanAt. */
  private scanNextRound = false
  private nextHeartbeatAt = 0
  private waiters: (() => void)[] = []

  constructor(private readonly deps: ReporterDeps) {
    if (!upstreamEnabled(deps.config.upstream))
      throw new Error('upstream reporting needs upstream.url, upstream.centerId and upstream.secret')
    this.cfg = deps.config.upstream as typeof this.cfg
    this.outbox = new Outbox(deps.db, () => deps.config.timeZone)
  }

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.schedule(0)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.abort?.abort()
    await this.running
    for (const w of this.waiters.splice(0)) w()
  }

  /** Resolves after the next complete round (scan + send) — for tests and the CLI. */
  nextRound(): Promise<void> {
    // the next round scans whatever its timing: a timer may fire a millisecond before nextScanAt,
    // and a round without a scan would let a caller (drain, the CLI) miss what was just written
    this.scanNextRound = true
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** `bundles`: the heartbeat passes the report it sends anyway, so the bundle rows are read once. */
  health(bundles: BundleReport | undefined = this.deps.bundles?.report()): CenterHealth {
    // the fleet's configuration column is one thing: the hub's bundle this center runs (absent: none). The
    // catalogue's hash used to fill it when no bundle ran, so the column mixed bundle numbers and hashes
    const bundle = bundles?.running
    const configVersion = bundle ? String(bundle) : undefined
    const backup = this.deps.lastBackup?.() ?? null
    const countersOpen = (this.deps.db.prepare(`SELECT COUNT(*) AS n FROM counters WHERE state = 'open'`).get() as { n: number }).n
    const devicesFaulty = this.deps.faultyDevices()
    return {
      at: this.deps.clock(),
      countersOpen,
      devicesFaulty,
      version: TABOUR_VERSION,
      outboxPending: this.outbox.pending(),
      heartbeatSeconds: this.cfg.heartbeatSeconds,
      ...(configVersion ? { configVersion } : {}),
      ...(backup ? { lastBackupAt: backup.at, lastBackupOk: backup.ok } : {}),
      ...(this.deps.backupsEnabled ? { backupsOff: !this.deps.backupsEnabled() } : {}),
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(
      () => {
        this.timer = null
        this.running = this.round().finally(() => {
          this.running = null
        })
      },
      Math.max(0, ms),
    )
  }

  private async round(): Promise<void> {
    let wait = this.cfg.scanSeconds * 1000
    try {
      const now = Date.now()
      if (now >= this.nextScanAt || this.scanNextRound) {
        this.scanNextRound = false
        this.outbox.scan(this.deps.clock())
        this.nextScanAt = now + this.cfg.scanSeconds * 1000
      }
      wait = await this.sendDue()
      if (!this.stopped && Date.now() >= this.nextHeartbeatAt) {
        this.nextHeartbeatAt = Date.now() + this.cfg.heartbeatSeconds * 1000
        await this.heartbeat()
      }
    } catch (err) {
      this.deps.log.error({ err }, 'upstream reporter round failed')
    }
    const untilScan = this.nextScanAt - Date.now()
    const untilBeat = this.nextHeartbeatAt - Date.now()
    for (const w of this.waiters.splice(0)) w()
    this.schedule(Math.min(wait, untilScan, untilBeat))
  }

  /** Sends due batches oldest first; returns how long to wait before the next attempt. */
  private async sendDue(): Promise<number> {
    // after a refused backlog, the rest of this round goes one at a time (a malformed batch is then parked alone)
    let singly = !this.backlogs
    for (;;) {
      if (this.stopped) return Infinity
      // one read of the outbox's head: its first batch decides the wait, the due ones after it join a backlog
      const head = this.outbox.head(singly ? 1 : MAX_BACKLOG_BATCHES)
      const batch = head[0]
      if (!batch) return Infinity
      const wait = batch.nextAttemptAt - Date.now()
      if (wait > 0) return wait
      if (!singly) {
        const now = Date.now()
        const due: OutboxBatch[] = []
        for (const b of head) {
          if (b.nextAttemptAt > now) break
          due.push(b)
        }
        if (due.length > 1) {
          const refused = await this.sendBacklog(due)
          if (this.stopped) return Infinity
          if (refused === null) {
            this.delivered(due)
            continue
          }
          // a hub without the backlog route (older) never gets one again; any other refusal: one at a time this round
          if (refused.status === 404) this.backlogs = false
          singly = true
        }
      }
      const error = await this.send(batch)
      // closing: the database may be gone; an ack not recorded only means a harmless resend
      if (this.stopped) return Infinity
      if (error === null) {
        this.delivered([batch])
        continue
      }
      this.stats.failures++
      this.stats.lastError = error.error
      if (error.status !== undefined && PERMANENT_REFUSALS.has(error.status)) {
        this.outbox.park(batch.id, `${error.error}${error.detail ? `: ${error.detail}` : ''}`, Date.now())
        this.stats.parked++
        this.deps.log.error(
          { seq: batch.id, day: batch.day, hour: batch.hour, error: error.error, detail: error.detail },
          'upstream batch refused by the hub as malformed: parked (kept in upstream_outbox), going on with the next',
        )
        continue
      }
      // a hub that says when to come back (429/503 with Retry-After) is believed, within our own ceiling
      const delay = error.retryAfterMs !== undefined ? this.retryAfterDelay(error.retryAfterMs) : this.backoffMs(batch.attempts + 1)
      this.outbox.failed(batch.id, error.error, Date.now() + delay)
      if (batch.attempts === 0 || batch.attempts % 10 === 0)
        this.deps.log.warn(
          { seq: batch.id, day: batch.day, hour: batch.hour, attempts: batch.attempts + 1, error: error.error, retryInMs: delay },
          'upstream batch not delivered; will retry',
        )
      return delay
    }
  }

  /** The hub acknowledged these batches: out of the outbox, and counted. */
  private delivered(batches: readonly OutboxBatch[]): void {
    for (const b of batches) this.outbox.acknowledge(b.id)
    this.stats.sent += batches.length
    this.stats.lastAckAt = Date.now()
  }

  /** Exponential backoff with "equal jitter" for attempt n (from 1): between half and all of min × 2^(n-1), capped at max. */
  backoffMs(attempt: number): number {
    return backoffDelay(attempt - 1, { baseMs: this.cfg.retryMinSeconds * 1000, maxMs: this.cfg.retryMaxSeconds * 1000, jitter: 0.5 })
  }

  /** What the hub asked for, plus up to a second of jitter (centers refused together do not return together), capped at retryMaxSeconds. */
  retryAfterDelay(retryAfterMs: number): number {
    return Math.min(this.cfg.retryMaxSeconds * 1000, retryAfterMs + Math.round(Math.random() * 1000))
  }

  private batchBody(b: OutboxBatch): HourBatch {
    return {
      centerId: this.cfg.centerId,
      seq: b.id,
      day: b.day,
      hour: b.hour,
      timeZone: this.deps.config.timeZone,
      revision: b.revision,
      final: b.final,
      generatedAt: b.createdAt,
      rows: b.rows,
      health: this.health(),
    }
  }

  /** Posts one signed body; null when acknowledged, else why not (and when the hub asked to be tried again). */
  // biome-ignore lint/suspicious/noExplicitAny: the hub's JSON answer is untrusted and read defensively
  private async post(path: string, seq: number, body: unknown, acknowledged: (json: any) => boolean): Promise<Refusal | null> {
    const text = JSON.stringify(body)
    const parts = { path, centerId: this.cfg.centerId, timestamp: Date.now(), nonce: randomBytes(16).toString('hex'), seq, body: text }
    this.abort = new AbortController()
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.cfg.timeoutSeconds * 1000)])
    try {
      const res = await (this.deps.fetch ?? fetch)(this.cfg.url.replace(/\/+$/, '') + path, {
        method: 'POST',
        headers: signedHeaders(this.cfg.secret, parts),
        body: text,
        signal,
      })
      const answer = await res.text()
      // biome-ignore lint/suspicious/noExplicitAny: the hub's JSON answer is untrusted and read defensively
      let json: any = null
      try {
        json = JSON.parse(answer)
      } catch {
        // not JSON
      }
      if (res.status === 200 && acknowledged(json)) return null
      const error = `hub answered ${res.status}${json?.code ? ` ${json.code}` : ''}`
      const retryAfterMs = res.status === 429 || res.status === 503 ? retryAfterMsOf(res.headers.get('retry-after'), Date.now()) : undefined
      const answered = { error, status: res.status, ...(json?.message ? { detail: String(json.message).slice(0, 300) } : {}) }
      return retryAfterMs === undefined ? answered : { ...answered, retryAfterMs }
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } }
      return { error: e.cause?.code ?? e.name ?? String(err) }
    } finally {
      this.abort = null
    }
  }

  private send(b: OutboxBatch): Promise<Refusal | null> {
    return this.post(UpstreamPaths.batches, b.id, this.batchBody(b), (json) => this.acknowledges(json, b.id))
  }

  /** Whether the hub's answer acknowledges `seq`; logs the national codes it did not know (batch and backlog answer alike). */
  // biome-ignore lint/suspicious/noExplicitAny: the hub's JSON answer is untrusted and read defensively
  private acknowledges(json: any, seq: number): boolean {
    if (json?.ack !== seq) return false
    if (Array.isArray(json.unknownNationalCodes))
      this.deps.log.warn(
        { code: 'HUB_ERR_UNKNOWN_NATIONAL_CODE', unknownNationalCodes: json.unknownNationalCodes.slice(0, 20), seq },
        'the hub does not know some national service codes of this center: those services count as unmapped until fixed',
      )
    return true
  }

  /** Several due batches in one request (UpstreamPaths.backlog): acknowledged together by the last seq. */
  private sendBacklog(batches: OutboxBatch[]): Promise<Refusal | null> {
    const last = batches[batches.length - 1]!
    const health = this.health()
    const body: HourBacklog = {
      centerId: this.cfg.centerId,
      // the health once, with the last hour
      batches: batches.map((b) => {
        const { health: _, ...withoutHealth } = this.batchBody(b)
        return b === last ? { ...withoutHealth, health } : withoutHealth
      }),
    }
    return this.post(UpstreamPaths.backlog, last.id, body, (json) => this.acknowledges(json, last.id))
  }

  private async heartbeat(): Promise<void> {
    const catalogue = new NationalServicesRepo(this.deps.db)
    const version = catalogue.version()
    const bundles = this.deps.bundles
    const report = bundles?.report()
    const live = this.deps.liveQueues?.()
    const body = {
      centerId: this.cfg.centerId,
      health: this.health(report),
      ...(version ? { catalogueVersion: version } : {}),
      ...(report ? { configBundle: report } : {}),
      ...(live ? { live: live.live, localLive: live.local } : {}),
      ...heartbeatCenterName(this.deps.config.centerName),
    }
    let offered: number | null = null
    const error = await this.post(UpstreamPaths.heartbeat, 0, body, (json) => {
      if (json?.ok !== true) return false
      const v = json.configBundle?.version
      if (Number.isSafeInteger(v) && v > 0) offered = v
      // the hub sends its national catalogue when ours is not the current one; a malformed one is ignored (the old stays)
      if (json.catalogue !== undefined && !this.stopped) {
        if (Value.Check(NationalCatalogue, json.catalogue)) catalogue.replace(json.catalogue)
        else this.deps.log.warn('the hub sent a national catalogue that does not match the schema: kept the one held')
      }
      return true
    })
    if (error) this.deps.log.debug({ error: error.error }, 'upstream heartbeat not delivered')
    if (offered !== null && bundles?.wants(offered) && !this.stopped) await this.fetchBundle(bundles, offered)
  }

  /** Fetches an offered bundle, applies or refuses it, and has the next round's heartbeat say which at once. */
  private async fetchBundle(bundles: BundleReceiver, version: number): Promise<void> {
    let received: unknown = null
    const error = await this.post(UpstreamPaths.configBundle, 0, { centerId: this.cfg.centerId, version }, (json) => {
      received = json
      return json !== null && typeof json === 'object'
    })
    // not reached (offline again, or the hub withdrew it): the next heartbeat offers it again
    if (error || this.stopped) {
      if (error) this.deps.log.warn({ version, error: error.error }, 'configuration bundle not fetched; will retry on a later heartbeat')
      return
    }
    const result = bundles.receive(received, version, this.cfg.hubPublicKey)
    if (result.outcome === 'applied') this.deps.log.info({ version }, 'configuration bundle applied')
    else this.deps.log.warn({ version, ...result }, 'configuration bundle refused')
    this.nextHeartbeatAt = 0
  }
}
