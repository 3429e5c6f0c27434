/**
 * Citizen feedback (issue 21): one anonymous rating of the service just received, five faces
 * (1 very unhappy … 5 very happy), with optional reason codes on a low score. A rating is tied
 * to the ticket, its service, counter, clerk and finish outcome, never to the phone. It comes
 * from a counter's feedback tablet, a key of the call keypad, or the ticket's status page.
 */
import { Type, type Static } from '@sinclair/typebox'
import { literalUnion, Nullable, Timestamp } from './common.ts'
import { DigitStyleName } from './settings.ts'

/** The lowest and highest score (five faces). */
export const MIN_SCORE = 1
export const MAX_SCORE = 5
/** A score at or below this is low: the tablet and the status page then ask why, and reports count it as low. */
export const LOW_SCORE_MAX = 2

/**
 * Why a citizen was unhappy: a fixed list, so reports can count them. A code never changes
 * meaning and is never removed (reports and the hub group by it).
 */
export const FEEDBACK_REASONS = [
  { code: 'wait', ar: 'انتظار طويل', en: 'Long wait' },
  { code: 'staff', ar: 'تعامل الموظف', en: 'Staff manner' },
  { code: 'information', ar: 'معلومات غير واضحة', en: 'Unclear information' },
  { code: 'papers', ar: 'أوراق كثيرة أو غير متوقعة', en: 'Papers asked for' },
  { code: 'other', ar: 'سبب آخر', en: 'Something else' },
] as const
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number]['code']
export const FEEDBACK_REASON_CODES: readonly string[] = FEEDBACK_REASONS.map((r) => r.code)

/** Where a rating came from. */
export const RatingSource = literalUnion(['tablet', 'keypad', 'status_page'])
export type RatingSource = Static<typeof RatingSource>

export const Score = Type.Integer({ minimum: MIN_SCORE, maximum: MAX_SCORE, description: '1 (very unhappy) … 5 (very happy)' })
/** Reason codes as sent: checked against FEEDBACK_REASONS by the domain (TABOUR_ERR_UNKNOWN_REASON names an unknown one). */
export const Reasons = Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: FEEDBACK_REASONS.length, uniqueItems: true })

/** POST /feedback (a feedback tablet): a rating of a ticket finished at the tablet's counter. */
export const TabletRatingBody = Type.Object(
  { ticketId: Type.String({ minLength: 1, maxLength: 64 }), score: Score, reasons: Type.Optional(Reasons) },
  { additionalProperties: false },
)
export type TabletRatingBody = Static<typeof TabletRatingBody>

/** POST /feedback/tickets/:id (the public status page, no token): a rating of that ticket. */
export const PublicRatingBody = Type.Object({ score: Score, reasons: Type.Optional(Reasons) }, { additionalProperties: false })
export type PublicRatingBody = Static<typeof PublicRatingBody>

export const TicketIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** GET /feedback/tickets/:id (public): whether the status page may offer the faces (open), or why not. */
export const RatingState = Type.Object({ state: literalUnion(['open', 'rated', 'closed', 'not-served']) })
export type RatingState = Static<typeof RatingState>

/** A stored rating, as answered (no clerk, no phone). */
export const Rating = Type.Object({
  ticketId: Type.String(),
  score: Score,
  reasons: Type.Array(Type.String()),
  source: RatingSource,
  at: Timestamp,
})
export type Rating = Static<typeof Rating>

/** What a tablet is asked to show: a ticket just finished at its counter, not rated yet. */
export const FeedbackAsk = Type.Object({
  counterId: Type.Integer(),
  ticketId: Type.String(),
  label: Type.String(),
  finishedAt: Timestamp,
})
export type FeedbackAsk = Static<typeof FeedbackAsk>

/** GET /feedback/tablet: the tablet's counter, the ask still open (after a reload), and its settings. */
export const TabletState = Type.Object({
  counter: Nullable(Type.Object({ id: Type.Integer(), number: Type.Integer(), name: Type.String() })),
  ask: Nullable(FeedbackAsk),
  /** Seconds the thank-you (and an unanswered ask) stays before the tablet returns to idle. */
  idleSeconds: Type.Integer(),
  /** The center's digits: the counter's number in Arabic is written in them, as on every other screen (walk s46). */
  digits: DigitStyleName,
})
export type TabletState = Static<typeof TabletState>

/** Figures of a set of ratings. Averages and shares are null when there is no rating. */
export const FeedbackFigure = Type.Object({
  count: Type.Integer(),
  scoreSum: Type.Integer(),
  average: Nullable(Type.Number()),
  /** Ratings at or below LOW_SCORE_MAX. */
  low: Type.Integer(),
  lowShare: Nullable(Type.Number()),
  /** How often each reason code was given (every code present, 0 when never). */
  reasons: Type.Record(Type.String(), Type.Integer()),
})
export type FeedbackFigure = Static<typeof FeedbackFigure>

const Keyed = <K extends Record<string, ReturnType<typeof Type.Integer> | ReturnType<typeof Type.String>>>(keys: K) =>
  Type.Composite([Type.Object(keys), FeedbackFigure])

/** GET /feedback/report: ratings given from `from` to `to` (local days, inclusive), by service, counter, clerk and local hour. */
export const FeedbackReport = Type.Object({
  from: Type.String(),
  to: Type.String(),
  total: FeedbackFigure,
  byService: Type.Array(Keyed({ serviceId: Type.Integer(), nameAr: Type.String(), nameEn: Type.String() })),
  byCounter: Type.Array(Keyed({ counterId: Type.Integer(), number: Type.Integer(), name: Type.String() })),
  byClerk: Type.Array(Keyed({ clerkId: Type.Integer(), username: Type.String() })),
  /** The local hour (0-23) the rating was given in. */
  byHour: Type.Array(Keyed({ hour: Type.Integer() })),
})
export type FeedbackReport = Static<typeof FeedbackReport>

/** A counter whose recent ratings fell below the threshold (feedback.alert* settings). */
export const FeedbackAlert = Type.Object({
  counterId: Type.Integer(),
  number: Type.Integer(),
  name: Type.String(),
  count: Type.Integer(),
  average: Type.Number(),
  threshold: Type.Number(),
  windowMinutes: Type.Integer(),
})
export type FeedbackAlert = Static<typeof FeedbackAlert>

/** GET /feedback/live: today's figures by counter and the alerts, for the dashboard's card. */
export const FeedbackLive = Type.Object({
  today: FeedbackFigure,
  byCounter: FeedbackReport.properties.byCounter,
  alerts: Type.Array(FeedbackAlert),
})
export type FeedbackLive = Static<typeof FeedbackLive>

/** Keypad keys that rate the last ticket finished at the keypad's counter: `1` … `5` = that score. */
export const RATING_KEYS = ['1', '2', '3', '4', '5'] as const
