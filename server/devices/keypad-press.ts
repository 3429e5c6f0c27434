import type { Queue } from '../queue/queue.ts'
import type { Actor } from '../queue/actor.ts'
import type { CounterActionResult } from '../queue/counter-actions.ts'
import type { UsersRepo } from '../db/repositories/users-repo.ts'
import { ErrorCodes, DomainError } from '../errors.ts'
import { NakReason, type KeyCode } from '../../drivers/serial/index.ts'

export type PressOutcome = { ok: true; label: string } | { ok: false; reason: NakReason; message: string }

/** How a domain refusal is told to a keypad (one letter; the dashboard gets the message). */
const REASONS: Partial<Record<string, NakReason>> = {
  [ErrorCodes.COUNTER_NOT_OPEN]: NakReason.CLOSED,
  [ErrorCodes.NOT_YOUR_COUNTER]: NakReason.CLOSED,
  [ErrorCodes.COUNTER_BUSY]: NakReason.BUSY,
  [ErrorCodes.COUNTER_IDLE]: NakReason.IDLE,
  [ErrorCodes.ILLEGAL_TRANSITION]: NakReason.STATE,
}

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
    }
  }
}
