import { join, resolve } from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../config.ts'
import type { Db } from '../db/connection.ts'
import type { Clock } from '../queue/queue-context.ts'
import { addDays, localDay, localTime, localTimeMs } from '../../protocol/center-clock.ts'
import { backupDatabase, backupDayOf, backupFileName, listBackups, pruneBackups } from './backup.ts'

/** The outcome of one scheduled (or requested) backup. */
export interface BackupOutcome {
  ok: boolean
  /** When it finished, epoch ms. */
  at: number
  file: string | null
  bytes: number | null
  durationMs: number
  error: string | null
}

/** How often the scheduler looks at the clock. A minute: cheap, and immune to DST and clock jumps. */
export const TICK_MS = 60_000

/**
 * Nightly online backups into `backup.dir`, keeping the newest `backup.keep`. Every minute it
 * asks: is it past `atLocalTime` in the center's time zone, and is there no backup of today yet?
 * So a box that was off at 02:30 backs up when it comes back, a DST night runs once, and a
 * restart does not back up twice (today's file in the folder counts).
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<BackupOutcome> | null = null
  private last: BackupOutcome | null = null
  private lastDay: string | null = null
  readonly dir: string | null

  constructor(
    private readonly db: Db,
    private readonly config: Config,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {
    this.dir = config.backup.dir ? resolve(config.backup.dir) : null
    if (this.dir) {
      const newest = listBackups(this.dir)[0]
      this.lastDay = newest ? backupDayOf(newest.name) : null
      // what the dashboard shows after a restart, until tonight's run
      if (newest) this.last = { ok: true, at: newest.modifiedAt, file: newest.file, bytes: newest.bytes, durationMs: 0, error: null }
    }
  }

  get enabled(): boolean {
    return this.dir !== null
  }

  start(): void {
    if (!this.dir || this.timer) return
    this.timer = setInterval(() => void this.tick(), TICK_MS)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => {})
  }

  /** The last outcome (a failure included), or null when none ran and no backup is in the folder. */
  lastOutcome(): BackupOutcome | null {
    return this.last
  }

  /** Whether a backup is due now: past today's time and none made today. */
  due(now = this.clock()): boolean {
    if (!this.dir) return false
    const today = localDay(now, this.config.timeZone)
    return this.lastDay !== today && localTime(now, this.config.timeZone) >= this.config.backup.atLocalTime
  }

  /** Runs a backup if one is due; resolves with its outcome, or null when nothing was due. */
  async tick(): Promise<BackupOutcome | null> {
    if (this.running || !this.due()) return null
    return this.runNow()
  }

  /** Backs up now (whatever the hour) and prunes; never throws: a failure is logged and kept as the last outcome. */
  runNow(): Promise<BackupOutcome> {
    if (!this.dir) return Promise.reject(new Error('scheduled backups are off (backup.dir is not set)'))
    this.running ??= this.run(this.dir).finally(() => {
      this.running = null
    })
    return this.running
  }

  /** The next time a backup will run, epoch ms (exact across DST changes), or null when off. */
  nextRunAt(now = this.clock()): number | null {
    if (!this.dir) return null
    if (this.due(now)) return now
    // not due: either today's backup is done (tomorrow's time is next) or today's time is still to come
    const { timeZone, backup } = this.config
    const today = localDay(now, timeZone)
    return localTimeMs(this.lastDay === today ? addDays(today, 1) : today, backup.atLocalTime, timeZone)
  }

  private async run(dir: string): Promise<BackupOutcome> {
    const started = this.clock()
    const file = join(dir, backupFileName(started, this.config.timeZone))
    let outcome: BackupOutcome
    try {
      const result = await backupDatabase(this.db, file)
      const removed = pruneBackups(dir, this.config.backup.keep)
      outcome = { ok: true, at: this.clock(), file, bytes: result.bytes, durationMs: result.durationMs, error: null }
      this.log.info({ file, bytes: result.bytes, pages: result.pages, durationMs: result.durationMs, removed }, 'scheduled backup done')
    } catch (err) {
      outcome = {
        ok: false,
        at: this.clock(),
        file: null,
        bytes: null,
        durationMs: this.clock() - started,
        error: err instanceof Error ? err.message : String(err),
      }
      this.log.error({ err, dir }, 'scheduled backup failed')
    }
    // a failed night is not retried every minute: tomorrow's run (or `tabour backup`) tries again
    this.lastDay = localDay(started, this.config.timeZone)
    this.last = outcome
    return outcome
  }
}
