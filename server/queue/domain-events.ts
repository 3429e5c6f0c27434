import { EventEmitter } from 'node:events'
import type { Counter, Standing, Ticket } from './types.ts'
import type { CenterNews } from '../../protocol/center.ts'
import type { DeviceHealthReport } from '../../protocol/device-health.ts'
import type { RatingRecord } from '../db/repositories/ratings-repo.ts'
import type { Lang } from '../../protocol/common.ts'

/**
 * What the domain tells the rest of the server after a change has been committed. The realtime
 * broadcaster turns them into socket.io pushes (it is the only thing that pushes); the printer
 * and serial bindings, metrics, reports and the upstream reporter subscribe too. They are
 * published only after the transaction commits, synchronously, so nobody is told about a
 * rolled-back change, and the caller of a command can ask a binding what it did (printing) as
 * soon as the command returns.
 *
 * They carry the domain's own types (`Ticket`, `Counter`: records already mapped from their
 * rows, read-only) and plain values, never a database row or handle: a listener acts on the
 * state as of the commit without a query of its own, and would not notice if a table changed.
 */
export type DomainEvent =
  | {
      type: 'ticket:issued'
      ticket: Ticket
      /** People ahead and the estimate when it was issued (what the paper prints; null estimate: unknown). */
      standing: Standing
      /** The public status page the QR links to; null when the issuer gave no public address (nothing to print). */
      statusUrl: string | null
    }
  /** Staff asked to print a ticket again on a kiosk's printer; the printer binding does it. */
  | {
      type: 'ticket:reprint'
      ticket: Ticket
      deviceId: number
      standing: Standing
      statusUrl: string
    }
  /**
   * A call, a recall (`recall`) or a parked ticket's return to its counter. `waitedSeconds`: the wait in
   * the line this call ended, as its event row records it (wait-facts.ts); only on a call from a line
   * that ends a wait (not the call after an undone no-show: wait-ending-call.ts).
   */
  | { type: 'ticket:called'; ticket: Ticket; counter: Counter; recall: boolean; at: number; waitedSeconds?: number }
  | { type: 'ticket:updated'; ticket: Ticket }
  | { type: 'counter:updated'; counter: Counter }
  | { type: 'queue:updated'; serviceIds: number[] }
  /** A device's health changed (a printer ran out of paper, a job failed). */
  | { type: 'device:status'; deviceId: number; status: DeviceHealthReport }
  /** The displays' news line changed. */
  | { type: 'center:updated'; news: CenterNews }
  /** The center's settings changed and are applied (published after the config took them, so a listener reads the new values). */
  | { type: 'settings:changed' }
  /** A manager replaced the finish outcomes (server/config/finish-outcome-commands.ts): consoles load the center again. */
  | { type: 'finish-outcomes:changed' }
  /** A device was created, edited, re-coded or revoked: serial lines open or close to match. */
  | { type: 'device:changed'; deviceId: number }
  /**
   * A device traded its pairing code for a token: the dashboard's devices table stops saying "not
   * paired yet" (its config did not change, so serial lines and screens have nothing to follow).
   */
  | { type: 'device:paired'; deviceId: number }
  /** A user's or device's tokens were revoked (new password, disabled account, revoked device): its sockets end now. */
  | { type: 'access:revoked'; subject: 'user' | 'device'; id: number }
  /** A webhook subscription was created, edited, paused, resumed or deleted, or a delivery queued again: the dispatcher looks again. */
  | { type: 'webhook:changed'; subscriptionId: number }
  /** A citizen rated a served ticket (issue 21; server/queue/feedback/ratings.ts). */
  | { type: 'ticket:rated'; rating: Readonly<RatingRecord> }
  /** A booking was made, moved, cancelled or used to check in (issue 19); notifications (reminders) subscribe. */
  | {
      type: 'appointment:booked' | 'appointment:moved' | 'appointment:cancelled' | 'appointment:checked_in'
      booking: { code: string; serviceId: number; slotStart: number; name: string; phone: string; lang: Lang }
    }

export class DomainEvents {
  private readonly emitter = new EventEmitter()

  /** @param onListenerError where a failing listener is reported; the change it reports on is already committed, so it must not fail the request. */
  constructor(private readonly onListenerError: (err: unknown, event: DomainEvent) => void = () => {}) {
    // every socket server, device binding and test may subscribe; none of them is a leak
    this.emitter.setMaxListeners(0)
  }

  /**
   * `commit` is every event of the same commit, in order (the broadcaster folds a call's pushes into one).
   * `first`: before every listener subscribed without it, whatever the order of subscription (the
   * realtime broadcaster: a call's push to the displays waits for no printer, board, message or outbox).
   */
  on(listener: (event: DomainEvent, commit: readonly DomainEvent[]) => void, options: { first?: boolean } = {}): () => void {
    if (options.first) this.emitter.prependListener('event', listener)
    else this.emitter.on('event', listener)
    return () => this.emitter.off('event', listener)
  }

  emit(events: DomainEvent[]): void {
    for (const event of events) {
      for (const listener of this.emitter.listeners('event') as ((e: DomainEvent, commit: readonly DomainEvent[]) => void)[]) {
        try {
          listener(event, events)
        } catch (err) {
          this.onListenerError(err, event)
        }
      }
    }
  }
}
