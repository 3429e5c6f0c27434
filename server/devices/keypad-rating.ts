import type { Queue } from '../queue/queue.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import { DomainError } from '../errors.ts'
import { NakReason, type KeyCode } from '../../drivers/serial/index.ts'
import { RATING_KEYS } from '../../protocol/feedback.ts'
import { REASONS, type PressOutcome } from './keypad-answers.ts'

type RatingKey = (typeof RATING_KEYS)[number]

/** Whether a key is one of the rating keys `1`…`5` (drivers/serial/README.md). */
export const isRatingKey = (key: KeyCode): key is RatingKey => (RATING_KEYS as readonly string[]).includes(key)

/**
 * A rating key: the score of the ticket that left the keypad's counter last, through the same
 * Ratings command as the tablet and the status page (one per ticket, only a served one, within
 * the window). Anonymous: it acts as nobody (`system`), only the source says `keypad`. The ACK
 * carries the label still at the counter, so a board or keypad display is not blanked by it.
 */
export function rateByKey(queue: Queue, counter: CounterRecord, key: RatingKey): PressOutcome {
  try {
    queue.ratings.rateLastAt({ type: 'system' }, counter.id, Number(key), 'keypad')
  } catch (err) {
    if (!(err instanceof DomainError)) throw err
    return { ok: false, reason: REASONS[err.code] ?? NakReason.FAILED, message: err.message }
  }
  const current = counter.currentTicketId ? queue.ctx.tickets.get(counter.currentTicketId) : undefined
  return { ok: true, label: current?.label ?? '' }
}
