import { localHour, dayCount, isRealDay } from '../../protocol/center-clock.ts'
import {
  FEEDBACK_REASONS,
  LOW_SCORE_MAX,
  type FeedbackAlert,
  type FeedbackFigure,
  type FeedbackLive,
  type FeedbackReport,
} from '../../protocol/feedback.ts'
import type { NamedRating, RatingRecord } from '../db/repositories/ratings-repo.ts'
import type { FeedbackSettings } from '../queue/feedback/ratings.ts'
import type { QueueContext } from '../queue/queue-context.ts'
import type { Ratings } from '../queue/feedback/ratings.ts'
import { ErrorCodes, domainError } from '../errors.ts'
import { MAX_REPORT_DAYS } from './reports.ts'

/** Count, sum, average, low scores (≤ LOW_SCORE_MAX) and their share, and how often each reason was given, of some ratings. */
export function figureOf(ratings: readonly Pick<RatingRecord, 'score' | 'reasons'>[]): FeedbackFigure {
  const reasons: Record<string, number> = Object.fromEntries(FEEDBACK_REASONS.map((r) => [r.code, 0]))
  let scoreSum = 0
  let low = 0
  for (const r of ratings) {
    scoreSum += r.score
    if (r.score <= LOW_SCORE_MAX) low++
    for (const code of r.reasons) reasons[code] = (reasons[code] ?? 0) + 1
  }
  const count = ratings.length
  return {
    count,
    scoreSum,
    average: count === 0 ? null : round2(scoreSum / count),
    low,
    lowShare: count === 0 ? null : round2(low / count),
    reasons,
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100

function groupBy<K, R>(ratings: readonly NamedRating[], key: (r: NamedRating) => K | null, row: (k: K, first: NamedRating) => R) {
  const groups = new Map<K, NamedRating[]>()
  for (const r of ratings) {
    const k = key(r)
    if (k === null) continue
    const list = groups.get(k)
    if (list) list.push(r)
    else groups.set(k, [r])
  }
  return [...groups.entries()].map(([k, list]) => ({ ...row(k, list[0]), ...figureOf(list) }))
}

/** The report of ratings given on local days from..to: total, by service, counter, clerk and local hour (sorted by id / number / hour). */
export function feedbackReport(ratings: readonly NamedRating[], from: string, to: string, timeZone: string): FeedbackReport {
  return {
    from,
    to,
    total: figureOf(ratings),
    byService: groupBy(
      ratings,
      (r) => r.serviceId,
      (serviceId, r) => ({ serviceId, nameAr: r.serviceNameAr, nameEn: r.serviceNameEn }),
    ).sort((a, b) => a.serviceId - b.serviceId),
    byCounter: byCounter(ratings),
    byClerk: groupBy(
      ratings,
      (r) => r.clerkId,
      (clerkId, r) => ({ clerkId, username: r.clerkUsername ?? String(clerkId) }),
    ).sort((a, b) => a.clerkId - b.clerkId),
    byHour: groupBy(
      ratings,
      (r) => localHour(r.at, timeZone),
      (hour) => ({ hour }),
    ).sort((a, b) => a.hour - b.hour),
  }
}

function byCounter(ratings: readonly NamedRating[]): FeedbackReport['byCounter'] {
  return groupBy(
    ratings,
    (r) => r.counterId,
    (counterId, r) => ({ counterId, number: r.counterNumber ?? 0, name: r.counterName ?? '' }),
  ).sort((a, b) => a.number - b.number)
}

/**
 * Counters whose ratings of the last `alertWindowMinutes` average below `alertBelowAverage`,
 * once they have at least `alertMinRatings` of them: the manager's alert on the live view.
 */
export function feedbackAlerts(recent: readonly NamedRating[], settings: FeedbackSettings): FeedbackAlert[] {
  return byCounter(recent)
    .filter((c) => c.count >= settings.alertMinRatings && c.average !== null && c.average < settings.alertBelowAverage)
    .map((c) => ({
      counterId: c.counterId,
      number: c.number,
      name: c.name,
      count: c.count,
      average: c.average!,
      threshold: settings.alertBelowAverage,
      windowMinutes: settings.alertWindowMinutes,
    }))
}

/** The feedback queries of the routes: a range report and the live card's figures. */
export class FeedbackFigures {
  constructor(
    private readonly ctx: QueueContext,
    private readonly ratings: Ratings,
  ) {}

  report(from: string, to: string): FeedbackReport {
    if (!isRealDay(from)) throw domainError(ErrorCodes.VALIDATION, `querystring/from ${from} is not a date`)
    if (!isRealDay(to)) throw domainError(ErrorCodes.VALIDATION, `querystring/to ${to} is not a date`)
    if (to < from) throw domainError(ErrorCodes.VALIDATION, 'querystring/to must not be before from')
    if (dayCount(from, to) > MAX_REPORT_DAYS)
      throw domainError(ErrorCodes.VALIDATION, `querystring/to a report covers at most ${MAX_REPORT_DAYS} days`)
    return feedbackReport(this.ratings.repo.namedBetweenDays(from, to), from, to, this.ctx.config.timeZone)
  }

  /** Today's figures by counter, and the counters whose recent ratings raise the alert. */
  live(): FeedbackLive {
    const now = this.ctx.clock()
    const today = this.ctx.dayOf(now)
    const ratings = this.ratings.repo.namedBetweenDays(today, today)
    const settings = this.ratings.settings
    return {
      today: figureOf(ratings),
      byCounter: byCounter(ratings),
      alerts: feedbackAlerts(this.ratings.repo.namedSince(now - settings.alertWindowMinutes * 60_000), settings),
    }
  }
}
