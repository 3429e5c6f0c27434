import type { Queue } from '../queue/queue.ts'
import type { Actor } from '../queue/actor.ts'
import type { CounterActionResult } from '../queue/counter-actions.ts'
import type { UsersRepo } from '../db/repositories/users-repo.ts'
import { DomainError } from '../errors.ts'
import { NakReason, type KeyCode } from '../../drivers/serial/index.ts'
import { isRatingKey, rateByKey } from './keypad-rating.ts'
import { REASONS, type PressOutcome } from './keypad-answers.ts'

export type { PressOutcome }

/**
 * Runs one keypad key at its counter through the same CounterActions the console's routes call,
 * acting as the clerk who holds the counter open: the domain checks the counter's state, the
 * clerk and the ticket's lifecycle exactly as for a click. A keypad never opens a counter, so a
 * press on a closed one is refused, and so is one for a clerk whose account was disabled.
 */
export class KeypadPress {
  constructor(
    private readonly queue: Queue,
    private readonly users: UsersRepo,
  ) {}

  run(counterId: number, key: KeyCode): PressOutcome {
    const counter = this.queue.ctx.counters.get(counterId)
    if (!counter) return { ok: false, reason: NakReason.FAILED, message: `counter ${counterId} does not exist` }
    // a rating key is the citizen's, not the clerk's: it needs nobody at the counter (keypad-rating.ts)
    if (isRatingKey(key)) return rateByKey(this.queue, counter, key)
    const user = counter.clerk && this.users.get(counter.clerk.id)
    if (!user?.active) return { ok: false, reason: NakReason.CLOSED, message: `counter ${counter.number} is not open` }
    const actor: Actor = { type: 'user', id: user.id, role: user.role, username: user.username }
    try {
      const result = this.act(actor, counterId, key)
      // the label still at the counter; '' after finish/no-show, or when nobody was waiting
      return { ok: true, label: result.counter.currentTicketId && result.ticket ? result.ticket.label : '' }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      return { ok: false, reason: REASONS[err.code] ?? NakReason.FAILED, message: err.message }
    }
  }

  private act(actor: Actor, counterId: number, key: KeyCode): CounterActionResult {
    const counters = this.queue.counters
    switch (key) {
      case 'N':
        return counters.callNext(actor, counterId)
      case 'R':
        return counters.recall(actor, counterId)
      case 'S':
        return counters.start(actor, counterId)
      case 'F':
        return counters.finish(actor, counterId, null, null)
      case 'X':
        return counters.noShow(actor, counterId)
      default:
        throw new Error(`key ${key} is not a counter action`)
    }
  }
}
