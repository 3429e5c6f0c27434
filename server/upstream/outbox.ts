/**
 * The outbox: every local hour with activity becomes a batch; while the hour runs its figure is
 * revised (a new revision replaces an unsent older one), and once it is over a final revision
 * goes out. Rows stay until the hub acknowledges them, so nothing is lost to a dead link, a
 * restart or a week offline. Scanning and queueing happen in one transaction with the read
 * position, so a crash can neither skip nor repeat work.
 */
import { createHash } from 'node:crypto'
import type { Db } from '../db/connection.ts'
import type { HourFigures } from '../../protocol/upstream.ts'
import { addDays, daysBetween, localDay } from '../../protocol/center-clock.ts'
import { foldGeneration, refreshRollups } from '../reports/rollup.ts'
import { hourKeyOf, keyText } from './hours.ts'
import { dayFigures, registerHourFunction } from './hourly-figures.ts'

export interface OutboxBatch {
  id: number
  day: string
  hour: number
  revision: number
  final: boolean
  rows: HourFigures[]
  createdAt: number
  attempts: number
  nextAttemptAt: number
}

export interface ScanResult {
  /** Batches queued by this scan. */
  queued: number
  days: string[]
}

const STATE_EVENT = 'lastEventId'
const STATE_SCANNED = 'scannedThrough'
/** The rollups' fold generation the sent figures came from (server/reports/rollup.ts foldGeneration). */
const STATE_FOLD = 'foldGeneration'
/** Days already sent still to check again after a re-fold: those before this day, newest first. */
const STATE_RECHECK = 'recheckBefore'
/** Days checked again per scan after a re-fold: a center's whole history at once would hold the write lock for long. */
export const RECHECK_DAYS_PER_SCAN = 7

export class Outbox {
  /** @param zone the center's IANA zone, read at every scan (an admin can change it live in the center settings). */
  constructor(
    private readonly db: Db,
    private readonly zone: () => string,
  ) {
    registerHourFunction(db, zone)
  }

  private get timeZone(): string {
    return this.zone()
  }

  private state(key: string): string | null {
    return (this.db.prepare('SELECT value FROM upstream_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null
  }

  private setState(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO upstream_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }

  /**
   * Recomputes the days touched since the last scan (new events, or hours that went by) and
   * queues a new revision of every hour whose figures changed or that has just closed.
   */
  scan(now: number): ScanResult {
    const timeZone = this.timeZone
    return this.db
      .transaction(() => {
        const lastEventId = Number(this.state(STATE_EVENT) ?? 0)
        const scannedRaw = this.state(STATE_SCANNED)
        const maxId = (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM events').get() as { n: number }).n
        const days = new Set<string>(
          (
            this.db
              .prepare(scannedRaw === null ? 'SELECT DISTINCT day FROM events' : 'SELECT DISTINCT day FROM events WHERE id > ?')
              .all(...(scannedRaw === null ? [] : [lastEventId])) as { day: string }[]
          ).map((r) => r.day),
        )
        // the day's close counts in the cancelled ticket's own day, an earlier one (server/reports/rollup.ts countedIn)
        if (scannedRaw !== null) {
          const closed = this.db
            .prepare(
              `SELECT DISTINCT json_extract(data, '$.day') AS day FROM events
               WHERE id > ? AND type = 'ticket.cancelled' AND json_extract(data, '$.reason') = 'day_closed'`,
            )
            .all(lastEventId) as { day: unknown }[]
          for (const { day } of closed) if (typeof day === 'string') days.add(day)
        }
        // hours that went by close (and open counters accrue time) even without new events
        const since = scannedRaw === null ? now : Math.min(Number(scannedRaw), now)
        for (const day of daysBetween(localDay(since, timeZone), localDay(now, timeZone))) days.add(day)
        for (const day of this.daysToRecheck(timeZone)) days.add(day)

        const current = keyText(hourKeyOf(now, timeZone))
        let queued = 0
        const sorted = [...days].sort()
        for (const day of sorted) {
          const figures = dayFigures(this.db, timeZone, day, now)
          const known = new Map(
            (
              this.db.prepare('SELECT hour, revision, final, fingerprint FROM upstream_hours WHERE day = ?').all(day) as {
                hour: number
                revision: number
                final: number
                fingerprint: string
              }[]
            ).map((r) => [r.hour, r]),
          )
          const hours = [...new Set([...figures.keys(), ...known.keys()])].sort((a, b) => a - b)
          for (const hour of hours) {
            const key = keyText({ day, hour })
            if (key > current) continue // an event stamped ahead of the clock (a clock step back): its hour comes later
            const rows = figures.get(hour) ?? []
            const final = key < current
            const fingerprint = createHash('sha256').update(JSON.stringify(rows)).digest('hex')
            const prev = known.get(hour)
            if (prev && prev.fingerprint === fingerprint && (prev.final === 1 || !final)) continue
            if (!prev && rows.length === 0) continue
            const revision = (prev?.revision ?? 0) + 1
            // an unsent older revision of this hour is superseded (one in flight may still arrive: the hub keeps the higher revision)
            this.db.prepare('DELETE FROM upstream_outbox WHERE day = ? AND hour = ?').run(day, hour)
            this.db
              .prepare('INSERT INTO upstream_outbox (day, hour, revision, final, figures, created_at) VALUES (?, ?, ?, ?, ?, ?)')
              .run(day, hour, revision, final ? 1 : 0, JSON.stringify(rows), now)
            this.db
              .prepare(
                `INSERT INTO upstream_hours (day, hour, revision, final, fingerprint) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (day, hour) DO UPDATE SET revision = excluded.revision, final = excluded.final, fingerprint = excluded.fingerprint`,
              )
              .run(day, hour, revision, final ? 1 : 0, fingerprint)
            queued++
          }
        }
        this.setState(STATE_EVENT, String(maxId))
        this.setState(STATE_SCANNED, String(now))
        return { queued, days: sorted }
      })
      .immediate()
  }

  /**
   * Days sent before the rollups were folded again from the log (migration 24 emptied them; a
   * change of zone or a rebuild does too): their figures can differ without any new event of
   * theirs, and the hub keeps what it was sent until a higher revision comes. After a re-fold
   * every day sent is checked once more, RECHECK_DAYS_PER_SCAN a scan, newest first; the
   * fingerprints leave unchanged hours alone, and a changed one goes out as its next revision.
   */
  private daysToRecheck(timeZone: string): string[] {
    refreshRollups(this.db, timeZone)
    const generation = foldGeneration(this.db) ?? ''
    if (generation !== this.state(STATE_FOLD)) {
      const newest = (this.db.prepare('SELECT MAX(day) AS day FROM upstream_hours').get() as { day: string | null }).day
      if (newest !== null) this.setState(STATE_RECHECK, addDays(newest, 1))
      this.setState(STATE_FOLD, generation)
    }
    const before = this.state(STATE_RECHECK)
    if (!before) return []
    const days = (
      this.db
        .prepare('SELECT DISTINCT day FROM upstream_hours WHERE day < ? ORDER BY day DESC LIMIT ?')
        .all(before, RECHECK_DAYS_PER_SCAN) as {
        day: string
      }[]
    ).map((r) => r.day)
    this.setState(STATE_RECHECK, days.length < RECHECK_DAYS_PER_SCAN ? '' : days.at(-1)!)
    return days
  }

  /** The `limit` oldest unacknowledged batches that are not parked, oldest first. */
  head(limit: number): OutboxBatch[] {
    const sql = 'SELECT * FROM upstream_outbox WHERE parked_at IS NULL ORDER BY id LIMIT ?'
    // biome-ignore lint/suspicious/noExplicitAny: raw SQLite rows, mapped field by field below
    const rows = this.db.prepare(sql).all(limit) as Record<string, any>[]
    return rows.map((r) => ({
      id: r.id,
      day: r.day,
      hour: r.hour,
      revision: r.revision,
      final: r.final === 1,
      rows: JSON.parse(r.figures),
      createdAt: r.created_at,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at,
    }))
  }

  /** Batches still to send (parked ones not counted). */
  pending(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM upstream_outbox WHERE parked_at IS NULL').get() as { n: number }).n
  }

  /** Batches the hub refused for good, kept aside (the metric tabour_upstream_parked_batches). */
  parked(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM upstream_outbox WHERE parked_at IS NOT NULL').get() as { n: number }).n
  }

  /**
   * The hub refused the batch as malformed: retrying cannot help, and it would hold up every
   * later batch. It stays in the outbox, parked with the hub's answer, for an operator to read.
   */
  park(id: number, error: string, at: number): void {
    this.db.prepare('UPDATE upstream_outbox SET parked_at = ?, last_error = ? WHERE id = ?').run(at, error.slice(0, 500), id)
  }

  /** The hub acknowledged it: gone for good. */
  acknowledge(id: number): void {
    this.db.prepare('DELETE FROM upstream_outbox WHERE id = ?').run(id)
  }

  failed(id: number, error: string, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE upstream_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?')
      .run(error.slice(0, 500), nextAttemptAt, id)
  }
}
