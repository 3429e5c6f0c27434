/** One group's summed figures as the wire shape (FigureRow), with the derived averages and shares. */
import type { FigureRow, FigureTotals } from '../../protocol/hub-api.ts'
import { type HourCounts, zeroCounts } from '../../protocol/upstream.ts'

/** The key of a center's service that has no national code in the catalogue. */
export const unmappedKey = (centerId: string, localCode: string) => `unmapped:${centerId}:${localCode}`

/** A figure to one decimal, as the hub answers averages and shares. */
export const round1 = (n: number) => Math.round(n * 10) / 10
/** `sum / count` to one decimal; null without a count. */
export const mean1 = (sum: number, count: number): number | null => (count > 0 ? round1(sum / count) : null)

/** The mean rating of 5 from the sums, to 2 places; null without ratings. */
export const averageRating = (scoreSum: number, count: number): number | null =>
  count > 0 ? Math.round((scoreSum / count) * 100) / 100 : null

/**
 * Within target %, as the centers define it (server/reports/figures.ts): of every call and every
 * ticket that left the line uncalled after its target passed, the share called within target.
 */
export function slaPercentOf(within: number, calls: number, missedUncalled: number): number | null {
  const counted = calls + missedUncalled
  return counted > 0 ? round1((100 * within) / counted) : null
}

/** A "by service" row: a national service, or one center's unmapped service. */
// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
export function serviceFigureRow(r: Record<string, any>): FigureRow {
  if (r.key !== null && r.key !== undefined)
    return { ...figureRow(r), governorate: null, mapped: true, groupAr: r.group_ar ?? '', groupEn: r.group_en ?? '' }
  const centerId = String(r.unmapped_center)
  const localCode = String(r.local_code)
  return {
    ...figureRow({ ...r, key: unmappedKey(centerId, localCode) }),
    mapped: false,
    centerId,
    centerNameAr: String(r.center_name_ar),
    centerNameEn: String(r.center_name_en),
    localCode,
  }
}

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
export function figureRow(r: Record<string, any>): FigureRow {
  const n = (c: string) => Number(r[c] ?? 0)
  const waitCount = n('wait_count')
  const serviceCount = n('service_count')
  return {
    key: String(r.key),
    nameAr: String(r.name_ar ?? r.key),
    nameEn: String(r.name_en ?? r.key),
    governorate: r.governorate ?? null,
    issued: n('issued'),
    called: n('called'),
    served: n('served'),
    noShow: n('no_show'),
    cancelled: n('cancelled'),
    transferredIn: n('transferred_in'),
    transferredOut: n('transferred_out'),
    waitSumSeconds: n('wait_sum'),
    waitCount,
    waitMaxSeconds: n('wait_max'),
    waitWithinTarget: n('wait_within_target'),
    waitMissedUncalled: n('wait_missed_uncalled'),
    waitingPastTarget: n('waiting_past_target'),
    serviceSumSeconds: n('service_sum'),
    serviceCount,
    counterOpenMinutes: n('counter_open_minutes'),
    openMinutes: n('open_minutes'),
    ratingCount: n('rating_count'),
    ratingScoreSum: n('rating_score_sum'),
    ratingLow: n('rating_low'),
    appointmentsBooked: n('appointments_booked'),
    appointmentsCancelled: n('appointments_cancelled'),
    appointmentsCheckedIn: n('appointments_checked_in'),
    appointmentNoShows: n('appointment_no_shows'),
    appointmentCalls: n('appointment_calls'),
    appointmentWaitSecondsSum: n('appointment_wait_sum'),
    remoteJoins: n('remote_joins'),
    remoteCalls: n('remote_calls'),
    remoteWaitSecondsSum: n('remote_wait_sum'),
    stepCalls: n('step_calls'),
    stepWaitSumSeconds: n('step_wait_sum'),
    avgRating: averageRating(n('rating_score_sum'), n('rating_count')),
    parked: n('parked'),
    parkResumed: n('park_resumed'),
    parkAbandoned: n('park_abandoned'),
    avgWaitSeconds: mean1(n('wait_sum'), waitCount),
    slaPercent: slaPercentOf(n('wait_within_target'), waitCount, n('wait_missed_uncalled')),
    avgServiceSeconds: mean1(n('service_sum'), serviceCount),
    // by governorate and center only: how many centers sent any figures for the range
    ...(r.reporting_centers === undefined ? {} : { reportingCenters: n('reporting_centers') }),
  }
}

/** The sums of a set of rows (a total, a trend point), with the means and shares derived from the sums. */
export function sumRows(rows: readonly FigureRow[]): FigureTotals {
  const t = zeroCounts()
  for (const r of rows) {
    for (const k of Object.keys(t) as (keyof HourCounts)[]) t[k] = k === 'waitMaxSeconds' ? Math.max(t[k], r[k]) : t[k] + r[k]
  }
  return {
    ...t,
    avgWaitSeconds: mean1(t.waitSumSeconds, t.waitCount),
    slaPercent: slaPercentOf(t.waitWithinTarget, t.waitCount, t.waitMissedUncalled),
    avgServiceSeconds: mean1(t.serviceSumSeconds, t.serviceCount),
    avgRating: averageRating(t.ratingScoreSum, t.ratingCount),
  }
}
