/**
 * The hourly rows of one batch into hub_figures and the rollups, inside the batch's transaction.
 * Each (center, day, hour, service) row keeps the highest revision it was sent; only the rows a
 * batch really changes reach the rollups, as the difference from what they replace, so a resend
 * never double-counts.
 */
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { FigureLimits, HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import type { SqlDriver } from './driver.ts'
import { pgArrayLiteral } from './pg-array-literal.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { applyRollupDeltas, type HourlyChange, recomputeExact } from './rollup-deltas.ts'
import { type MergeResult, mergeSql } from './rollup-merge-pg.ts'
import { type FigureColumn, type HourlyRow, ROLLUPS } from './rollups.ts'

/** The figure columns of a center's row, by column name (fields older centers omit are 0). */
function figuresOf(r: HourFigures): Record<FigureColumn, number> {
  return {
    issued: r.issued,
    called: r.called,
    served: r.served,
    no_show: r.noShow,
    cancelled: r.cancelled,
    transferred_in: r.transferredIn,
    transferred_out: r.transferredOut,
    wait_sum: r.waitSumSeconds,
    wait_count: r.waitCount,
    wait_max: r.waitMaxSeconds,
    wait_within_target: r.waitWithinTarget,
    wait_missed_uncalled: r.waitMissedUncalled ?? 0,
    service_sum: r.serviceSumSeconds,
    service_count: r.serviceCount,
    counter_open_minutes: r.counterOpenMinutes,
    open_minutes: r.openMinutes ?? 0,
    rating_count: r.ratingCount ?? 0,
    rating_score_sum: r.ratingScoreSum ?? 0,
    rating_low: r.ratingLow ?? 0,
    parked: r.parked ?? 0,
    park_resumed: r.parkResumed ?? 0,
    park_abandoned: r.parkAbandoned ?? 0,
    appointments_booked: r.appointmentsBooked ?? 0,
    appointments_cancelled: r.appointmentsCancelled ?? 0,
    appointments_checked_in: r.appointmentsCheckedIn ?? 0,
    appointment_no_shows: r.appointmentNoShows ?? 0,
    appointment_calls: r.appointmentCalls ?? 0,
    appointment_wait_sum: r.appointmentWaitSecondsSum ?? 0,
    remote_joins: r.remoteJoins ?? 0,
    remote_calls: r.remoteCalls ?? 0,
    remote_wait_sum: r.remoteWaitSecondsSum ?? 0,
    step_calls: r.stepCalls ?? 0,
    step_wait_sum: r.stepWaitSumSeconds ?? 0,
  }
}

/** True for a real calendar day YYYY-MM-DD (PostgreSQL stores days as DATE: 2026-02-30 would fail there). */
export function isCalendarDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m) return false
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return date.toISOString().slice(0, 10) === day
}

const COLUMNS = [
  'center_id',
  'day',
  'hour',
  'service_code',
  'service_name_ar',
  'service_name_en',
  'national_code',
  'service_id',
  'revision',
  ...FIGURE_COLUMNS,
  'received_at',
]
/** PostgreSQL array types of COLUMNS, for the unnest() form of the upsert. */
const PG_TYPES = ['text', 'date', 'int', 'text', 'text', 'text', 'text', 'int', 'int', ...FIGURE_COLUMNS.map(() => 'bigint'), 'bigint']
const UPDATE = ['service_name_ar', 'service_name_en', 'national_code', 'service_id', 'revision', ...FIGURE_COLUMNS, 'received_at']
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')
const CONFLICT = `ON CONFLICT (center_id, day, hour, service_code) DO UPDATE SET ${UPDATE} WHERE hub_figures.revision < excluded.revision`
const OLD_COLUMNS = `f.center_id, f.day, f.hour, f.service_code, f.national_code, f.service_name_ar, f.service_name_en, f.revision, ${FIGURE_COLUMNS.map((c) => `f.${c}`).join(', ')}`

type StoredRow = HourlyRow & { revision: number; service_id: number | null }
const rowKey = (r: { center_id: string; day: string; hour: number; service_code: string }) =>
  `${r.center_id}\u0000${r.day}\u0000${r.hour}\u0000${r.service_code}`
const hourKey = (b: { centerId: string; day: string; hour: number }) => `${b.centerId}\u0000${b.day}\u0000${b.hour}`

/**
 * The rows of several batches as one set: where two batches hold the same (center, day, hour,
 * service), the row of the higher revision (of equal ones, the first), as storing the batches one
 * after the other would leave it.
 */
function mergedRows(batches: readonly HourBatch[]): StoredRow[] {
  const byKey = new Map<string, StoredRow>()
  for (const b of batches)
    for (const r of b.rows) {
      const row: StoredRow = {
        center_id: b.centerId,
        day: b.day,
        hour: b.hour,
        service_code: r.serviceCode,
        national_code: r.nationalCode ?? null,
        service_name_ar: r.serviceNameAr,
        service_name_en: r.serviceNameEn,
        service_id: r.serviceId ?? null,
        revision: b.revision,
        ...figuresOf(r),
      }
      const key = rowKey(row)
      const held = byKey.get(key)
      if (!held || held.revision < row.revision) byKey.set(key, row)
    }
  return [...byKey.values()]
}

/** The hourly rows stored for the center-hours of `batches` (of one center; SQLite: one indexed look-up per hour costs no round trip). */
async function oldRowsOf(d: SqlDriver, batches: readonly HourBatch[]): Promise<Map<string, StoredRow>> {
  const hours = [...new Map(batches.map((b) => [hourKey(b), b])).values()]
  const rows: StoredRow[] = []
  for (const h of hours)
    rows.push(
      ...(await d.all<StoredRow>(`SELECT ${OLD_COLUMNS} FROM hub_figures f WHERE f.center_id = ? AND f.day = ? AND f.hour = ?`, [
        h.centerId,
        h.day,
        h.hour,
      ])),
    )
  return new Map(rows.map((r) => [rowKey({ ...r, hour: Number(r.hour) }), numeric({ ...r, hour: Number(r.hour) })]))
}

const valuesOf = (r: StoredRow, now: number): (string | number | null)[] => [
  r.center_id,
  r.day,
  r.hour,
  r.service_code,
  r.service_name_ar,
  r.service_name_en,
  r.national_code,
  r.service_id,
  r.revision,
  ...FIGURE_COLUMNS.map((c) => r[c]),
  now,
]

/** The upsert of `rows` on SQLite: multi-row VALUES, an hour's worth at a time. */
async function upsertRows(d: SqlDriver, rows: readonly StoredRow[], now: number): Promise<number> {
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`
  let stored = 0
  for (let i = 0; i < rows.length; i += FigureLimits.services) {
    const chunk = rows.slice(i, i + FigureLimits.services)
    stored += await d.run(
      `INSERT INTO hub_figures (${COLUMNS.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${CONFLICT}`,
      chunk.flatMap((r) => valuesOf(r, now)),
    )
  }
  return stored
}

const MERGE_SQL = mergeSql(COLUMNS, PG_TYPES, CONFLICT)

/** PostgreSQL: the rows and every rollup in one statement (rollup-merge-pg.ts), then the few keys a sum cannot keep exact. */
async function mergeRows(d: SqlDriver, rows: readonly StoredRow[], now: number): Promise<number> {
  const values = rows.map((r) => valuesOf(r, now))
  const arrays = COLUMNS.map((_, i) => pgArrayLiteral(values.map((v) => v[i])))
  const [result] = await d.all<MergeResult>(MERGE_SQL, [
    ...arrays,
    rows[0].center_id,
    pgArrayLiteral([...new Set(rows.map((r) => r.day))]),
    pgArrayLiteral([...new Set(rows.map((r) => r.hour))]),
  ])
  // json arrives parsed from node-pg; a driver that hands it back as text (another adapter) is read the same
  const exact: MergeResult['exact'] = typeof result.exact === 'string' ? JSON.parse(result.exact) : result.exact
  for (const { rollup, key } of exact) await recomputeExact(d, ROLLUPS[rollup], key)
  return Number(result.stored)
}

/**
 * Stores the rows of one or more batches (of one center) and updates the rollups, in the caller's transaction;
 * resolves with the number of rows changed. The same few statements whatever the number of
 * hours: a center's backlog of a day costs what one hour costs.
 */
export async function storeHourRows(d: SqlDriver, batches: readonly HourBatch[], now: number): Promise<number> {
  if (new Set(batches.map((b) => b.centerId)).size > 1) throw new Error('storeHourRows: the batches of one center')
  for (const b of batches)
    if (!isCalendarDay(b.day)) throw new HubError(400, HubErrorCodes.VALIDATION, `body/day: ${b.day.slice(0, 10)} is not a calendar day`)
  const rows = mergedRows(batches)
  if (rows.length === 0) return 0
  // two copies of a center's batches in flight must not both take the old rows as their base: one lock per center, so
  // batches of one center are stored one after the other (and never deadlock on its rollup rows)
  if (d.dialect === 'postgres') {
    await d.all('SELECT pg_advisory_xact_lock(hashtext(?))', [batches[0].centerId])
    return mergeRows(d, rows, now)
  }
  const old = await oldRowsOf(d, batches)
  const changes: HourlyChange[] = []
  for (const next of rows) {
    const held = old.get(rowKey(next)) ?? null
    if (!held || held.revision < next.revision) changes.push({ old: held, next })
  }
  const stored = await upsertRows(d, rows, now)
  await applyRollupDeltas(d, changes)
  return stored
}

/** BIGINT sums may come back as strings from a driver: the deltas need numbers. */
function numeric(r: StoredRow): StoredRow {
  const out = { ...r, revision: Number(r.revision) }
  for (const c of FIGURE_COLUMNS) out[c] = Number(r[c])
  return out
}
