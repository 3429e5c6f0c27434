/**
 * The hourly rows of one batch into hub_figures and the rollups, inside the batch's transaction.
 * A center-hour's batch is the whole truth for that hour: a newer revision of (center, day, hour)
 * replaces every row of that center-hour, those of services absent from it included (a service
 * whose letter changed mid-day would otherwise be counted under both letters), and an older or
 * equal revision changes nothing. Only the rows a batch really changes reach the rollups, as the
 * difference from what they replace (a deleted row: minus what it had added), so a resend never
 * double-counts.
 */
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { FigureLimits, HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { type Kysely, sql } from 'kysely'
import { type StatusReport, statusValues } from './centers.ts'
import { pgArrayLiteral, pgArrayLiteralOf } from './pg-array-literal.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import type { IngestFunction, MergeColumns } from './ingest-function-pg.ts'
import { applyRollupDeltas, type HourlyChange, recomputeExact } from './rollup-deltas.ts'
import type { MergeResult } from './rollup-merge-pg.ts'
import { type FigureColumn, type HourlyRow, ROLLUPS } from './rollups.ts'
import type { HubDatabase } from './schema.ts'

/** Each figure column read from a center's row (fields older centers omit are 0). */
export const FIGURE_OF: { readonly [C in FigureColumn]: (r: HourFigures) => number } = {
  issued: (r) => r.issued,
  called: (r) => r.called,
  served: (r) => r.served,
  no_show: (r) => r.noShow,
  cancelled: (r) => r.cancelled,
  transferred_in: (r) => r.transferredIn,
  transferred_out: (r) => r.transferredOut,
  wait_sum: (r) => r.waitSumSeconds,
  wait_count: (r) => r.waitCount,
  wait_max: (r) => r.waitMaxSeconds,
  wait_within_target: (r) => r.waitWithinTarget,
  wait_missed_uncalled: (r) => r.waitMissedUncalled ?? 0,
  waiting_past_target: (r) => r.waitingPastTarget ?? 0,
  service_sum: (r) => r.serviceSumSeconds,
  service_count: (r) => r.serviceCount,
  counter_open_minutes: (r) => r.counterOpenMinutes,
  open_minutes: (r) => r.openMinutes ?? 0,
  rating_count: (r) => r.ratingCount ?? 0,
  rating_score_sum: (r) => r.ratingScoreSum ?? 0,
  rating_low: (r) => r.ratingLow ?? 0,
  parked: (r) => r.parked ?? 0,
  park_resumed: (r) => r.parkResumed ?? 0,
  park_abandoned: (r) => r.parkAbandoned ?? 0,
  appointments_booked: (r) => r.appointmentsBooked ?? 0,
  appointments_cancelled: (r) => r.appointmentsCancelled ?? 0,
  appointments_checked_in: (r) => r.appointmentsCheckedIn ?? 0,
  appointment_no_shows: (r) => r.appointmentNoShows ?? 0,
  appointment_calls: (r) => r.appointmentCalls ?? 0,
  appointment_wait_sum: (r) => r.appointmentWaitSecondsSum ?? 0,
  remote_joins: (r) => r.remoteJoins ?? 0,
  remote_calls: (r) => r.remoteCalls ?? 0,
  remote_wait_sum: (r) => r.remoteWaitSecondsSum ?? 0,
  step_calls: (r) => r.stepCalls ?? 0,
  step_wait_sum: (r) => r.stepWaitSumSeconds ?? 0,
}

/** One service's row of one batch: what an hourly row of hub_figures is made from. */
interface BatchRow {
  b: HourBatch
  r: HourFigures
}

/** A figure column read from a batch's row: the figure's reader looked up once, not on every row. */
const figureReader = (figure: (r: HourFigures) => number) => (x: BatchRow) => figure(x.r)

/** The columns of an hourly row ingest writes (but received_at, the call's `now`), each read from a batch's row. */
const COLUMN_OF: Record<string, (x: BatchRow) => string | number | null> = {
  center_id: ({ b }) => b.centerId,
  day: ({ b }) => b.day,
  hour: ({ b }) => b.hour,
  service_code: ({ r }) => r.serviceCode,
  service_name_ar: ({ r }) => r.serviceNameAr,
  service_name_en: ({ r }) => r.serviceNameEn,
  national_code: ({ r }) => r.nationalCode ?? null,
  service_id: ({ r }) => r.serviceId ?? null,
  revision: ({ b }) => b.revision,
  ...Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, figureReader(FIGURE_OF[c])])),
}
const COLUMNS = Object.keys(COLUMN_OF)

/** True for a real calendar day YYYY-MM-DD (PostgreSQL stores days as DATE: 2026-02-30 would fail there). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === day
}

const UPDATE = ['service_name_ar', 'service_name_en', 'national_code', 'service_id', 'revision', ...FIGURE_COLUMNS, 'received_at']
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')
const CONFLICT = `ON CONFLICT (center_id, day, hour, service_code) DO UPDATE SET ${UPDATE} WHERE hub_figures.revision < excluded.revision`

/** What the PostgreSQL ingest function takes (ingest-function-pg.ts): COLUMNS as arrays of these types. */
export const PG_MERGE_COLUMNS: MergeColumns = {
  names: COLUMNS,
  types: ['text', 'date', 'int', 'text', 'text', 'text', 'text', 'int', 'int', ...FIGURE_COLUMNS.map(() => 'bigint')],
  conflict: CONFLICT,
}

type StoredRow = HourlyRow & { revision: number; service_id: number | null }
const rowKey = (r: { center_id: string; day: string; hour: number; service_code: string }) =>
  `${r.center_id}\u0000${r.day}\u0000${r.hour}\u0000${r.service_code}`
const hourKey = (b: { centerId: string; day: string; hour: number }) => `${b.centerId}\u0000${b.day}\u0000${b.hour}`

/**
 * The batch of each center-hour the call holds: where two batches are of the same hour, the one of
 * the higher revision (of equal ones, the first), whole, as storing them one after the other would
 * leave the hour.
 */
export function latestBatches(batches: readonly HourBatch[]): HourBatch[] {
  const byHour = new Map<string, HourBatch>()
  for (const b of batches) {
    const held = byHour.get(hourKey(b))
    if (!held || held.revision < b.revision) byHour.set(hourKey(b), b)
  }
  return [...byHour.values()]
}

/** The rows of `batches` (one per hour), references to the batches' rows, nothing copied (a day is 720 rows). */
const rowsOf = (batches: readonly HourBatch[]): BatchRow[] => batches.flatMap((b) => b.rows.map((r) => ({ b, r })))

/** SQLite: the batches of hours hub_hours holds at a lower revision or not at all (the others change nothing). */
async function newerBatches(db: Kysely<HubDatabase>, batches: readonly HourBatch[]): Promise<HourBatch[]> {
  const held = new Map<string, number>()
  for (const day of new Set(batches.map((b) => b.day))) {
    const rows = await db
      .selectFrom('hub_hours')
      .select(['hour', 'revision'])
      .where('center_id', '=', batches[0].centerId)
      .where('day', '=', day)
      .execute()
    for (const r of rows) held.set(hourKey({ centerId: batches[0].centerId, day, hour: Number(r.hour) }), Number(r.revision))
  }
  return batches.filter((b) => b.revision > (held.get(hourKey(b)) ?? 0))
}

/** SQLite: deletes the rows of each batch's hour that the batch no longer holds (its revision is newer than the hour's); how many. */
async function deleteAbsentRows(db: Kysely<HubDatabase>, batches: readonly HourBatch[]): Promise<number> {
  let deleted = 0
  for (const b of batches) {
    let q = db
      .deleteFrom('hub_figures')
      .where('center_id', '=', b.centerId)
      .where('day', '=', b.day)
      .where('hour', '=', b.hour)
      .where('revision', '<', b.revision)
    if (b.rows.length > 0)
      q = q.where(
        'service_code',
        'not in',
        b.rows.map((r) => r.serviceCode),
      )
    deleted += Number((await q.executeTakeFirstOrThrow()).numDeletedRows)
  }
  return deleted
}

/** A row as stored (SQLite: the rollup deltas are summed in process from these). */
function storedRow(x: BatchRow): StoredRow {
  const row = Object.fromEntries(COLUMNS.map((c) => [c, COLUMN_OF[c](x)]))
  return row as StoredRow
}

/** The hourly rows stored for the center-hours of `batches` (of one center; SQLite: one indexed look-up per hour costs no round trip). */
async function oldRowsOf(db: Kysely<HubDatabase>, batches: readonly HourBatch[]): Promise<Map<string, StoredRow>> {
  const hours = [...new Map(batches.map((b) => [hourKey(b), b])).values()]
  const rows: StoredRow[] = []
  for (const h of hours)
    rows.push(
      ...(
        await sql<StoredRow>`SELECT ${sql.raw(OLD_COLUMNS)} FROM hub_figures f WHERE f.center_id = ${h.centerId} AND f.day = ${h.day} AND f.hour = ${h.hour}`.execute(
          db,
        )
      ).rows,
    )
  return new Map(rows.map((r) => [rowKey({ ...r, hour: Number(r.hour) }), numeric({ ...r, hour: Number(r.hour) })]))
}
const OLD_COLUMNS = `f.center_id, f.day, f.hour, f.service_code, f.national_code, f.service_name_ar, f.service_name_en, f.revision, ${FIGURE_COLUMNS.map((c) => `f.${c}`).join(', ')}`

const valuesOf = (r: StoredRow): (string | number | null)[] => COLUMNS.map((c) => r[c as keyof StoredRow])

/** The upsert of `rows` on SQLite: multi-row VALUES, an hour's worth at a time. */
async function upsertRows(db: Kysely<HubDatabase>, rows: readonly StoredRow[], now: number): Promise<number> {
  const columns = sql.raw([...COLUMNS, 'received_at'].join(', '))
  let stored = 0
  for (let i = 0; i < rows.length; i += FigureLimits.services) {
    const tuples = rows.slice(i, i + FigureLimits.services).map((r) => sql`(${sql.join([...valuesOf(r), now])})`)
    const result = await sql`INSERT INTO hub_figures (${columns}) VALUES ${sql.join(tuples)} ${sql.raw(CONFLICT)}`.execute(db)
    stored += Number(result.numAffectedRows ?? 0)
  }
  return stored
}

/** Deferred rollups on SQLite: the rows, and a mark for each of their days when any row changed (rollup-fold.ts sums them later). */
async function upsertAndMark(
  db: Kysely<HubDatabase>,
  batches: readonly HourBatch[],
  rows: readonly StoredRow[],
  now: number,
): Promise<number> {
  const deleted = await deleteAbsentRows(db, batches)
  const changed = await upsertRows(db, rows, now)
  if (changed === 0 && deleted === 0) return 0
  // an existing mark keeps its time: the oldest change it stands for
  await db
    .insertInto('hub_rollup_marks')
    .values([...new Set(batches.map((b) => b.day))].map((day) => ({ center_id: batches[0].centerId, day, marked_at: now })))
    .onConflict((oc) => oc.columns(['center_id', 'day']).doNothing())
    .execute()
  return changed
}

/** What a call of ingest answers (HubStore.ingestHours). */
export interface IngestResult {
  stored: number
  ignored: number
  duplicate: boolean
  /** National codes of the batch the catalogue does not hold (their rows are kept, unmapped). */
  unknownNationalCodes: string[]
}

/** What a call's batches say of the center's status (centers.ts): the highest seq, the last time zone and health, how many. */
export const batchesReport = (batches: readonly HourBatch[]): StatusReport => ({
  seq: Math.max(...batches.map((b) => b.seq)),
  timeZone: batches.at(-1)!.timeZone,
  batches: batches.length,
  health: batches.findLast((b) => b.health)?.health,
})

/** The rows a call's batches hold (those not stored were ignored: older or equal revisions). */
export const countRows = (batches: readonly HourBatch[]) => batches.reduce((n, b) => n + b.rows.length, 0)

/**
 * PostgreSQL: the whole call in one round trip of the ingest function (ingest-function-pg.ts): the
 * nonce, the lock, the rows and every rollup (or the days' marks), the hours advanced, the center's
 * status and the unknown national codes; then the few rollup keys a sum cannot keep exact (inline
 * rollups only, in the caller's transaction: with deferred rollups the call is its own transaction).
 */
export async function ingestOnPostgres(
  db: Kysely<HubDatabase>,
  fn: IngestFunction,
  batches: readonly HourBatch[],
  nonce: string,
  now: number,
): Promise<IngestResult | 'replayed'> {
  const latest = latestBatches(batches)
  const rows = rowsOf(latest)
  // its duplicates (the batches that advanced no hour) are counted by the function
  const status = statusValues(latest[0].centerId, now, batchesReport(batches))
  const codes = new Set<string>()
  for (const b of batches) for (const r of b.rows) if (r.nationalCode) codes.add(r.nationalCode)
  const result = await fn.call(db, {
    center: latest[0].centerId,
    nonce,
    now,
    days: pgArrayLiteral([...new Set(latest.map((b) => b.day))]),
    hours: pgArrayLiteral([...new Set(latest.map((b) => b.hour))]),
    batchDays: pgArrayLiteralOf(latest, (b) => b.day),
    batchHours: pgArrayLiteralOf(latest, (b) => b.hour),
    batchRevisions: pgArrayLiteralOf(latest, (b) => b.revision),
    batchFinals: pgArrayLiteralOf(latest, (b) => (b.final ? 1 : 0)),
    batchSeqs: pgArrayLiteralOf(latest, (b) => b.seq),
    status: JSON.stringify(status),
    codes: pgArrayLiteral([...codes]),
    // column by column from the batches' own rows: no copy of the rows or of a column in between (a day's 720 rows × 42 columns)
    arrays: COLUMNS.map((c) => pgArrayLiteralOf(rows, COLUMN_OF[c])),
  })
  if (result === 'replayed') return result
  // json arrives parsed from node-pg; a driver that hands it back as text (another adapter) is read the same
  const exact: MergeResult['exact'] = typeof result.exact === 'string' ? JSON.parse(result.exact) : result.exact
  for (const { rollup, key } of exact) await recomputeExact(db, ROLLUPS[rollup], key)
  return {
    stored: result.stored,
    ignored: countRows(batches) - result.stored,
    duplicate: result.hoursAdvanced === 0,
    unknownNationalCodes: [...result.unknownCodes].sort(),
  }
}

/** The batch's nonce, on SQLite: taken by `remember` (false: seen before). (On PostgreSQL the ingest function takes it.) */
export interface BatchNonce {
  value: string
  remember(): Promise<boolean>
}

/** Refuses a call whose batches are of several centers (the caller's mistake) or name a day the calendar lacks (the center's). */
export function checkBatches(batches: readonly HourBatch[]): void {
  if (batches.length === 0 || new Set(batches.map((b) => b.centerId)).size > 1)
    throw new Error('ingest: the batches of one center, at least one')
  for (const b of batches)
    if (!isCalendarDay(b.day)) throw new HubError(400, HubErrorCodes.VALIDATION, `body/day: ${b.day.slice(0, 10)} is not a calendar day`)
}

/**
 * SQLite: stores the rows of one or more batches (of one center, checkBatches) and updates the
 * rollups, in the caller's transaction, after taking the batch's nonce; resolves with the number of
 * rows changed, or 'replayed' (nothing stored) when the nonce was seen before. SQLite has one
 * writer, so no lock is needed for two copies of a center's batches in flight. `deferRollups`:
 * store the rows and mark their days for the fold (rollup-fold.ts) instead of updating the rollups
 * here. (PostgreSQL: ingestOnPostgres.)
 */
export async function storeHourRows(
  db: Kysely<HubDatabase>,
  batches: readonly HourBatch[],
  now: number,
  nonce: BatchNonce,
  deferRollups = false,
): Promise<number | 'replayed'> {
  const latest = latestBatches(batches)
  if (!(await nonce.remember())) return 'replayed'
  const newer = await newerBatches(db, latest)
  if (newer.length === 0) return 0
  const stored = rowsOf(newer).map(storedRow)
  if (deferRollups) return upsertAndMark(db, newer, stored, now)
  const old = await oldRowsOf(db, newer)
  const changes: HourlyChange[] = []
  for (const next of stored) {
    const held = old.get(rowKey(next)) ?? null
    if (!held || held.revision < next.revision) changes.push({ old: held, next })
  }
  // the rows of a newer revision's hours it no longer holds leave every rollup (deleteAbsentRows deletes the same ones)
  const sent = new Set(stored.map(rowKey))
  const revisionOf = new Map(newer.map((b) => [hourKey(b), b.revision]))
  for (const held of old.values()) {
    const revision = revisionOf.get(hourKey({ centerId: held.center_id, day: held.day, hour: held.hour }))
    if (revision !== undefined && held.revision < revision && !sent.has(rowKey(held))) changes.push({ old: held, next: null })
  }
  await deleteAbsentRows(db, newer)
  const changed = await upsertRows(db, stored, now)
  await applyRollupDeltas(db, changes)
  return changed
}

/** BIGINT sums may come back as strings from a driver: the deltas need numbers. */
function numeric(r: StoredRow): StoredRow {
  const out = { ...r, revision: Number(r.revision) }
  for (const c of FIGURE_COLUMNS) out[c] = Number(r[c])
  return out
}
