import { Value } from '@sinclair/typebox/value'
import { ConfigSchema, type Config } from '../../config.ts'
import type { QueueContext } from '../queue-context.ts'
import type { Actor } from '../actor.ts'
import { actorIds } from '../actor.ts'
import { ErrorCodes, domainError, fieldError } from '../../errors.ts'
import { RatingsRepo, type RatingRecord, type RatingSourceName } from '../../db/repositories/ratings-repo.ts'
import { FEEDBACK_REASON_CODES, LOW_SCORE_MAX, MAX_SCORE, MIN_SCORE } from '../../../protocol/feedback.ts'

/** The feedback settings (config `feedback`). */
export type FeedbackSettings = Config['feedback']

/** The schema's defaults, for a queue built without a whole config (tests, tools). */
export const defaultFeedbackSettings = (): FeedbackSettings => Value.Create(ConfigSchema.properties.feedback) as FeedbackSettings

/** What a rating says; who gave it is only the source (and the tablet or keypad), never a person. */
export interface RatingInput {
  score: number
  reasons?: readonly string[]
  source: RatingSourceName
  /** A tablet is bound to one counter: it may rate only tickets finished there. Default: any counter (status page). */
  boundCounterId?: number
}

/**
 * Citizen ratings (issue 21): one per served ticket, within `feedback.windowMinutes` of its
 * finish, anonymous (the ticket's service, counter, clerk and outcome are copied; the phone is
 * not). A rating is a domain command: its row, its event-log row `ticket.rated` and the
 * `ticket:rated` event, all or nothing.
 */
export class Ratings {
  readonly repo: RatingsRepo

  constructor(
    private readonly ctx: QueueContext,
    readonly settings: FeedbackSettings,
  ) {
    this.repo = new RatingsRepo(ctx.db)
  }

  /** Rates `ticketId`; refuses with a stable code (see protocol/error-codes.ts, the feedback part). */
  rate(actor: Actor, ticketId: string, input: RatingInput): RatingRecord {
    const reasons = checkScore(input.score, input.reasons ?? [])
    return this.ctx.write((tx) => {
      const t = this.ctx.tickets.get(ticketId)
      if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, `ticket ${ticketId.slice(0, 64)} does not exist`)
      if (input.boundCounterId !== undefined && t.counterId !== input.boundCounterId) {
        throw domainError(ErrorCodes.FEEDBACK_OTHER_COUNTER, `${t.label} was not served at this tablet's counter`)
      }
      if (t.status !== 'done' || t.finishedAt === null)
        throw domainError(ErrorCodes.TICKET_NOT_SERVED, `${t.label} has not been served (${t.status})`)
      if (this.repo.get(t.id)) throw domainError(ErrorCodes.RATING_EXISTS, `${t.label} has already been rated`)
      if (tx.now - t.finishedAt > this.settings.windowMinutes * 60_000) {
        throw domainError(ErrorCodes.RATING_WINDOW_CLOSED, `${t.label} finished more than ${this.settings.windowMinutes} minutes ago`)
      }
      const ids = actorIds(actor)
      const rating: RatingRecord = {
        ticketId: t.id,
        serviceId: t.serviceId,
        counterId: t.counterId,
        clerkId: t.clerkId,
        outcome: t.outcome,
        score: input.score,
        reasons,
        source: input.source,
        deviceId: ids.deviceId,
        finishedAt: t.finishedAt,
        at: tx.now,
        day: tx.day,
      }
      this.repo.insert(rating)
      // no user id: a rating is anonymous even when a keypad acts at a clerk's counter
      tx.log({
        type: 'ticket.rated',
        ticketId: t.id,
        counterId: t.counterId,
        serviceId: t.serviceId,
        deviceId: ids.deviceId,
        data: { score: input.score, reasons, source: input.source },
      })
      tx.emit({ type: 'ticket:rated', rating })
      return rating
    })
  }

  /** Rates the ticket that left `counterId` last (a keypad's rating keys); NOTHING_TO_RATE when none did. */
  rateLastAt(actor: Actor, counterId: number, score: number, source: RatingSourceName): RatingRecord {
    const last = this.repo.lastFinishedAt(counterId)
    if (!last) throw domainError(ErrorCodes.NOTHING_TO_RATE, `no ticket has finished at counter ${counterId} yet`)
    return this.rate(actor, last.id, { score, source, boundCounterId: counterId })
  }

  /** Whether `ticketId` may be rated now: open, already rated, its window closed, or not served (404 when unknown). */
  stateOf(ticketId: string): 'open' | 'rated' | 'closed' | 'not-served' {
    const t = this.ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, `ticket ${ticketId.slice(0, 64)} does not exist`)
    if (this.repo.get(t.id)) return 'rated'
    if (t.status !== 'done' || t.finishedAt === null) return 'not-served'
    return this.ctx.clock() - t.finishedAt > this.settings.windowMinutes * 60_000 ? 'closed' : 'open'
  }

  /**
   * The ticket a counter's tablet should ask about now: the last one that left the counter, if
   * it was served, is not rated, and finished within the tablet's idle time (a tablet reloaded
   * long after does not ask for a citizen who has gone). Null otherwise.
   */
  openAsk(counterId: number): { ticketId: string; label: string; finishedAt: number } | null {
    const last = this.repo.lastFinishedAt(counterId)
    const t = last && this.ctx.tickets.get(last.id)
    if (t?.status !== 'done' || t.finishedAt === null || this.repo.get(t.id)) return null
    if (this.ctx.clock() - t.finishedAt > this.settings.tabletIdleSeconds * 1000) return null
    return { ticketId: t.id, label: t.label, finishedAt: t.finishedAt }
  }
}

/** Checks a score and its reasons (the HTTP schema checks them too; a keypad or a script reaches here directly). */
function checkScore(score: number, reasons: readonly string[]): string[] {
  if (!Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE) {
    const reason = score < MIN_SCORE ? 'minimum' : 'maximum'
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field: 'score', reason: Number.isInteger(score) ? reason : 'type', limit: reason === 'minimum' ? MIN_SCORE : MAX_SCORE },
      `score must be an integer from ${MIN_SCORE} to ${MAX_SCORE}`,
    )
  }
  const unknown = reasons.find((r) => !FEEDBACK_REASON_CODES.includes(r))
  if (unknown !== undefined) {
    throw domainError(ErrorCodes.UNKNOWN_REASON, `reason ${unknown.slice(0, 32)} is not one of ${FEEDBACK_REASON_CODES.join(', ')}`)
  }
  if (reasons.length > 0 && score > LOW_SCORE_MAX) {
    throw fieldError(
      ErrorCodes.VALIDATION,
      { field: 'reasons', reason: 'not-allowed' },
      `reasons go with a low score (${LOW_SCORE_MAX} or less)`,
    )
  }
  return [...new Set(reasons)]
}
