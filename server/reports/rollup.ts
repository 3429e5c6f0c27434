/**
 * Folds the event log into the report rollups (tables report_day and report_hour, migration 4)
 * before a report reads them: only the events after the last one folded, so a live center pays
 * for a handful of rows per report, and the first report after an upgrade pays once for the
 * history. The rollups are derived data: `rebuild` empties them and folds everything again (a
 * change of time zone re-cuts the hours). What each event adds:
 * - ticket.issued/called/finished/no_show/cancelled/transferred: one to its count;
 * - finished and next_step (the two that count as served): one to their finish outcome's count
 *   in report_outcome_day (migration 28; the code as written in the event, '' for none), so
 *   "served" breaks down by outcome exactly (finish-outcomes.ts);
 * - called: its `waitedSeconds` (sum, max, the list for percentiles) and `withinTarget`;
 * - finished: its `serviceSeconds`; for a ticket parked since its call, every stay at the counter
 *   replayed from the event log (server/queue/service-time.ts), since a finish written before
 *   the parked-time fix gave only the stay after the resume: old and new days fold alike;
 * - next_step (a finished step of a visit with several steps): counted as served, with its
 *   service seconds as a finish's, in its own service, counter and clerk (the desk served the
 *   citizen; the visit as a whole is counted by GET /stats/steps);
 * - reinstated (an undone no-show, no-show-undo.ts): takes its no-show back out of the buckets
 *   the no-show was counted in; the call after it counts nothing but the clerk's busy time;
 * - cancelled: `cancelled_at_closing` too when the center's closing cancelled it (closing-cancellation.ts);
 *   `missed` when the ticket had waited past its target (its `withinTarget` is false):
 *   a miss of the target nobody called (older events without wait data count as nothing);
 * - finished/no_show/transferred/next_step/parked: the time since the ticket came to the counter
 *   (its call, or its resume after a park), busy time of the clerk; the time parked is nobody's.
 * Keys: the event's local day (as written), its local hour in the center's zone, its service,
 * counter and user (0 for none). One exception: the day's close (a `ticket.cancelled` of reason
 * `day_closed`, written at the next day's first use) counts in the ticket's own day (its data.day),
 * in that day's last hour (the hour before its `closedAt`, the day's end; local 23:00 for older
 * events without it): the day that left the ticket uncalled, not the next, owns the cancellation
 * and its missed target.
 * FOLD_VERSION names these rules: when they change, the stored rollups are folded again from the
 * event log at the next refresh, as after a change of time zone.
 */
import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { cachedLocalHour } from './sql-functions.ts'
import { addDays, dayStartMs } from '../../protocol/center-clock.ts'
import { noStays, replayStay, type Stays, staysOf, timesAt } from '../queue/service-time.ts'
import { callAfterUndoSql } from './no-show-undo.ts'
import { endedByClosing } from '../queue/closing-cancellation.ts'
import { EVENT_ROW_COLUMNS, type EventRow } from '../db/repositories/events-repo.ts'

/**
 * The fold's rules; 2: an undone no-show and the call after it (no-show-undo.ts); 3: served per finish outcome; 4: the closing's
 * cancellations apart; 5: the day's close counted in the ticket's own day.
 */
const FOLD_VERSION = '5'
/** Every table the fold writes: emptied together whenever it folds from the first event. */
const EMPTY_ROLLUPS = 'DELETE FROM report_day; DELETE FROM report_hour; DELETE FROM report_outcome_day'

const TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.finished',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.next_step',
  // a park ends a stay at the counter and a resume starts one: busy time only, no count
  'ticket.parked',
  'ticket.resumed',
  // an undone no-show: its no-show is taken back
  'ticket.reinstated',
] as const
const FOLD_GENERATION = 'foldGeneration'

const COLUMN: Record<string, 'issued' | 'called' | 'served' | 'no_show' | 'cancelled' | 'transferred'> = {
  'ticket.issued': 'issued',
  'ticket.called': 'called',
  'ticket.finished': 'served',
  'ticket.no_show': 'no_show',
  'ticket.cancelled': 'cancelled',
  'ticket.transferred': 'transferred',
  // a finished step of a visit (server/queue/visit-steps.ts) was served at its desk: its service, counter and clerk count it
  'ticket.next_step': 'served',
}

interface Bucket {
  issued: number
  called: number
  served: number
  no_show: number
  cancelled: number
  cancelled_at_closing: number
  transferred: number
  wait_sum: number
  wait_max: number | null
  within: number
  missed: number
  svc_sum: number
  busy_ms: number
  waits: string
  svcs: string
}

const emptyBucket = (): Bucket => ({
  issued: 0,
  called: 0,
  served: 0,
  no_show: 0,
  cancelled: 0,
  cancelled_at_closing: 0,
  transferred: 0,
  wait_sum: 0,
  wait_max: null,
  within: 0,
  missed: 0,
  svc_sum: 0,
  busy_ms: 0,
  waits: '',
  svcs: '',
})

const SETS = `issued = issued + excluded.issued, called = called + excluded.called, served = served + excluded.served,
  no_show = no_show + excluded.no_show, cancelled = cancelled + excluded.cancelled,
  cancelled_at_closing = cancelled_at_closing + excluded.cancelled_at_closing, transferred = transferred + excluded.transferred,
  wait_sum = wait_sum + excluded.wait_sum, wait_max = MAX(COALESCE(wait_max, excluded.wait_max), COALESCE(excluded.wait_max, wait_max)),
  within = within + excluded.within, missed = missed + excluded.missed, svc_sum = svc_sum + excluded.svc_sum, busy_ms = busy_ms + excluded.busy_ms,
  waits = waits || excluded.waits, svcs = svcs || excluded.svcs`
const VALUES =
  'issued, called, served, no_show, cancelled, cancelled_at_closing, transferred, wait_sum, wait_max, within, missed, svc_sum, busy_ms, waits, svcs'
/** Events folded per transaction: the first fold of months of history must not hold the write lock for long. */
const BATCH = 20_000

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * Brings the rollups up to the newest event (and re-cuts them when the zone changed). With
 * `maxBatches`, stops after that many batches of BATCH events and answers false when more
 * remain (the server's start-up fold gives the event loop back between batches).
 */
export function refreshRollups(db: Database.Database, timeZone: string, maxBatches = Infinity): boolean {
  const state = (key: string) => reportState(db, key)
  const setState = (key: string, value: string) =>
    db.prepare('INSERT INTO report_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value)
  const latest = (db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM events').get() as { id: number }).id
  const current = state('timeZone') === timeZone && state('foldVersion') === FOLD_VERSION
  if (current && Number(state('lastEventId') ?? 0) >= latest) return true
  if (!current) {
    db.transaction(() => {
      db.exec(EMPTY_ROLLUPS)
      setState('lastEventId', '0')
      setState('timeZone', timeZone)
      setState('foldVersion', FOLD_VERSION)
    }).immediate()
  }
  let cursor = Number(state('lastEventId') ?? 0)
  // folding from the start (a first fold, a change of zone, a rebuild, a migration that emptied the
  // rollups): every day's figures may come out otherwise than before; foldGeneration tells readers
  if (cursor === 0) setState(FOLD_GENERATION, randomUUID())
  {
    const read = db.prepare(
      `SELECT ${EVENT_ROW_COLUMNS}
       FROM events WHERE id > ? AND id <= ? AND type IN (${TYPES.map(() => '?').join(', ')}) ORDER BY id LIMIT ${BATCH}`,
    )
    const upDay = db.prepare(
      `INSERT INTO report_day (day, service_id, counter_id, user_id, ${VALUES}) VALUES (?, ?, ?, ?, ${VALUES.split(', ')
        .map(() => '?')
        .join(', ')}) ON CONFLICT DO UPDATE SET ${SETS}`,
    )
    const upHour = db.prepare(
      `INSERT INTO report_hour (day, hour, service_id, ${VALUES}) VALUES (?, ?, ?, ${VALUES.split(', ')
        .map(() => '?')
        .join(', ')}) ON CONFLICT DO UPDATE SET ${SETS}`,
    )
    const upOutcome = db.prepare(
      `INSERT INTO report_outcome_day (day, service_id, counter_id, user_id, outcome, served) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET served = served + excluded.served`,
    )
    const afterUndo = db.prepare(`SELECT ${callAfterUndoSql('e')} AS again FROM events e WHERE e.id = ?`).pluck()
    const undoneNoShow = db.prepare(
      `SELECT ${EVENT_ROW_COLUMNS}
       FROM events WHERE ticket_id = ? AND id < ? AND type = 'ticket.no_show' ORDER BY id DESC LIMIT 1`,
    )
    const foldBatch = db.transaction((): boolean => {
      const rows = read.all(cursor, latest, ...TYPES) as EventRow[]
      if (rows.length === 0) return false
      const days = new Map<string, Bucket>()
      const hours = new Map<string, Bucket>()
      // served per day key and finish outcome ('' for none): day|service|counter|user|outcome → count
      const outcomes = new Map<string, number>()
      // each ticket's stays at the counter since its call; one whose call came before the batch is replayed from the log
      const stays = new Map<string, Stays>()
      const staysBefore = (e: EventRow): Stays => {
        let s = stays.get(e.ticketId!)
        if (!s) stays.set(e.ticketId!, (s = e.type === 'ticket.called' ? noStays() : staysOf(db, e.ticketId!, e.id)))
        return s
      }
      /** The day and hour buckets an event counts in (the day's close: its ticket's day, see countedIn). */
      const bucketsOf = (e: EventRow, data?: Record<string, unknown> | null): [Bucket, Bucket] => {
        const { day, at } = countedIn(e, data, timeZone)
        const dayKey = `${day}|${e.serviceId ?? 0}|${e.counterId ?? 0}|${e.userId ?? 0}`
        const hourKey = `${day}|${cachedLocalHour(at, timeZone)}|${e.serviceId ?? 0}`
        let d = days.get(dayKey)
        if (!d) days.set(dayKey, (d = emptyBucket()))
        let h = hours.get(hourKey)
        if (!h) hours.set(hourKey, (h = emptyBucket()))
        return [d, h]
      }
      for (const e of rows) {
        cursor = e.id
        if (e.type === 'ticket.resumed') {
          if (e.ticketId) replayStay(staysBefore(e), e)
          continue
        }
        if (e.type === 'ticket.reinstated') {
          // the no-show is taken back where it was counted (its day, hour, counter and clerk)
          const noShow = e.ticketId ? (undoneNoShow.get(e.ticketId, e.id) as EventRow | undefined) : undefined
          if (noShow) for (const b of bucketsOf(noShow)) b.no_show--
          continue
        }
        const cancelData = e.type === 'ticket.cancelled' ? (JSON.parse(e.data || 'null') as Record<string, unknown> | null) : undefined
        const [d, h] = bucketsOf(e, cancelData)
        const again = e.type === 'ticket.called' && afterUndo.get(e.id) === 1
        const column = again ? undefined : COLUMN[e.type]
        if (column) {
          d[column]++
          h[column]++
        }
        if (e.type === 'ticket.cancelled') {
          if (cancelData?.withinTarget === false) {
            d.missed++
            h.missed++
          }
          if (endedByClosing(cancelData?.reason)) {
            d.cancelled_at_closing++
            h.cancelled_at_closing++
          }
        }
        if (e.type === 'ticket.called' || e.type === 'ticket.finished' || e.type === 'ticket.next_step') {
          const data = JSON.parse(e.data) as Record<string, unknown>
          if (e.type === 'ticket.called') {
            if (e.ticketId) replayStay(staysBefore(e), e)
            const w = again ? null : num(data.waitedSeconds)
            if (w !== null) {
              for (const b of [d, h]) {
                b.wait_sum += w
                b.wait_max = b.wait_max === null ? w : Math.max(b.wait_max, w)
                b.waits += `${w},`
              }
            }
            if (data.withinTarget === true && !again) {
              d.within++
              h.within++
            }
          } else {
            const outcomeKey = `${e.day}|${e.serviceId ?? 0}|${e.counterId ?? 0}|${e.userId ?? 0}|${typeof data.outcome === 'string' ? data.outcome : ''}`
            outcomes.set(outcomeKey, (outcomes.get(outcomeKey) ?? 0) + 1)
            const parked = e.ticketId ? staysBefore(e) : noStays()
            const s = parked.parks > 0 ? timesAt(parked, e.at).serviceSeconds : num(data.serviceSeconds)
            if (s !== null) {
              for (const b of [d, h]) {
                b.svc_sum += s
                b.svcs += `${s},`
              }
            }
          }
        }
        if (
          (e.type === 'ticket.finished' ||
            e.type === 'ticket.no_show' ||
            e.type === 'ticket.transferred' ||
            e.type === 'ticket.next_step' ||
            e.type === 'ticket.parked') &&
          e.ticketId
        ) {
          const s = staysBefore(e)
          if (s.arrival !== null && e.at > s.arrival) {
            d.busy_ms += e.at - s.arrival
            h.busy_ms += e.at - s.arrival
          }
          // a park keeps the ticket's stays for its resume; an end closes them
          if (e.type === 'ticket.parked') replayStay(s, e)
          else stays.delete(e.ticketId)
        }
      }
      const values = (b: Bucket) => [
        b.issued,
        b.called,
        b.served,
        b.no_show,
        b.cancelled,
        b.cancelled_at_closing,
        b.transferred,
        b.wait_sum,
        b.wait_max,
        b.within,
        b.missed,
        b.svc_sum,
        b.busy_ms,
        b.waits,
        b.svcs,
      ]
      for (const [k, b] of days) {
        const [day, s, c, u] = k.split('|')
        upDay.run(day, Number(s), Number(c), Number(u), ...values(b))
      }
      for (const [k, b] of hours) {
        const [day, hour, s] = k.split('|')
        upHour.run(day, Number(hour), Number(s), ...values(b))
      }
      for (const [k, n] of outcomes) {
        // the outcome is last and may itself hold a '|': split off the four keys before it
        const [day, s, c, u] = k.split('|', 4)
        const outcome = k.slice([day, s, c, u].join('|').length + 1)
        upOutcome.run(day, Number(s), Number(c), Number(u), outcome, n)
      }
      if (rows.length < BATCH) cursor = latest
      setState('lastEventId', String(cursor))
      return rows.length === BATCH
    })
    // one transaction per batch: another process (a backup, the CLI) gets the lock in between
    let batches = 0
    while (foldBatch.immediate()) {
      if (++batches >= maxBatches) return false
    }
    if (Number(state('lastEventId') ?? 0) < latest) setState('lastEventId', String(latest))
  }
  return true
}

/**
 * The day and instant an event counts at: its own, but for the day's close (`ticket.cancelled`,
 * reason `day_closed`, written on a later day) the ticket's own day and the last moment of it
 * (`closedAt`, the day's end, less 1 ms; the end of the local calendar day for events written
 * before closedAt was).
 */
export function countedIn(
  e: Pick<EventRow, 'day' | 'at'>,
  data: Record<string, unknown> | null | undefined,
  timeZone: string,
): { day: string; at: number } {
  if (data?.reason !== 'day_closed' || typeof data.day !== 'string' || !(data.day < e.day)) return { day: e.day, at: e.at }
  const end = num(data.closedAt) ?? dayStartMs(addDays(data.day, 1), timeZone)
  return { day: data.day, at: Math.min(end, e.at) - 1 }
}

/**
 * An id that changes whenever the rollups are folded again from the first event, so a reader that
 * keeps figures derived from them (the upstream outbox) knows to check every day once more; null
 * before any fold.
 */
export function foldGeneration(db: Database.Database): string | null {
  return reportState(db, FOLD_GENERATION) ?? null
}

/** One of the fold's own facts (its zone, rules, last event, generation) in report_state. */
function reportState(db: Database.Database, key: string): string | undefined {
  return (db.prepare('SELECT value FROM report_state WHERE key = ?').get(key) as { value: string } | undefined)?.value
}

/** Folds whatever is pending a batch at a time, yielding to the event loop in between (server start). */
export async function foldInBackground(db: Database.Database, timeZone: () => string): Promise<void> {
  while (db.open && !refreshRollups(db, timeZone(), 1)) await new Promise((r) => setImmediate(r))
}

/** Empties the rollups; the next refresh folds the whole event log again. */
export function rebuildRollups(db: Database.Database, timeZone: string): void {
  db.transaction(() => {
    db.exec(`${EMPTY_ROLLUPS}; DELETE FROM report_state WHERE key = 'lastEventId'`)
  })()
  refreshRollups(db, timeZone)
}
