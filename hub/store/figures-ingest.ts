/**
 * The hourly rows of one batch into hub_figures and the rollups, inside the batch's transaction.
 * Each (center, day, hour, service) row keeps the highest revision it was sent; only the rows a
 * batch really changes reach the rollups, as the difference from what they replace, so a resend
 * never double-counts.
 */
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import type { Param, SqlDriver } from './driver.ts'
import { FIGURE_COLUMNS } from './figure-columns.ts'
import { applyRollupDeltas, type FigureColumn, type HourlyChange, type HourlyRow } from './rollups.ts'

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
const UPDATE = ['service_name_ar', 'service_name_en', 'national_code', 'service_id', 'revision', ...FIGURE_COLUMNS, 'received_at']
  .map((c) => `${c} = excluded.${c}`)
  .join(', ')

/** Stores the batch's rows and updates the rollups; resolves with the number of rows changed. */
export async function storeHourRows(d: SqlDriver, batch: HourBatch, now: number): Promise<number> {
  if (batch.rows.length === 0) return 0
  if (!isCalendarDay(batch.day))
    throw new HubError(400, HubErrorCodes.VALIDATION, `body/day: ${batch.day.slice(0, 10)} is not a calendar day`)
  // two copies of one center-hour in flight must not both take the old rows as their base
  if (d.dialect === 'postgres') await d.all('SELECT pg_advisory_xact_lock(hashtext(?))', [`${batch.centerId}|${batch.day}|${batch.hour}`])
  const oldRows = await d.all<HourlyRow & { revision: number }>(
    `SELECT center_id, day, hour, service_code, national_code, service_name_ar, service_name_en, revision, ${FIGURE_COLUMNS.join(', ')}
     FROM hub_figures WHERE center_id = ? AND day = ? AND hour = ?`,
    [batch.centerId, batch.day, batch.hour],
  )
  const oldByCode = new Map(oldRows.map((r) => [r.service_code, { ...r, day: batch.day, hour: Number(r.hour) }]))
  const changes: HourlyChange[] = []
  const params: Param[] = []
  for (const r of batch.rows) {
    const next: HourlyRow = {
      center_id: batch.centerId,
      day: batch.day,
      hour: batch.hour,
      service_code: r.serviceCode,
      national_code: r.nationalCode ?? null,
      service_name_ar: r.serviceNameAr,
      service_name_en: r.serviceNameEn,
      ...figuresOf(r),
    }
    const old = oldByCode.get(r.serviceCode) ?? null
    if (!old || Number(old.revision) < batch.revision) changes.push({ old: old && numeric(old), next })
    params.push(batch.centerId, batch.day, batch.hour, r.serviceCode, r.serviceNameAr, r.serviceNameEn)
    params.push(r.nationalCode ?? null, r.serviceId ?? null, batch.revision, ...FIGURE_COLUMNS.map((c) => next[c]), now)
  }
  const tuple = `(${COLUMNS.map(() => '?').join(', ')})`
  const stored = await d.run(
    `INSERT INTO hub_figures (${COLUMNS.join(', ')}) VALUES ${batch.rows.map(() => tuple).join(', ')}
     ON CONFLICT (center_id, day, hour, service_code) DO UPDATE SET ${UPDATE}
     WHERE hub_figures.revision < excluded.revision`,
    params,
  )
  await applyRollupDeltas(d, changes)
  return stored
}

/** BIGINT sums may come back as strings from a driver: the deltas need numbers. */
function numeric(r: HourlyRow): HourlyRow {
  const out = { ...r }
  for (const c of FIGURE_COLUMNS) out[c] = Number(r[c])
  return out
}
