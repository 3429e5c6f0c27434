import type Database from 'better-sqlite3'
import type { QueueContext, WriteScope } from './queue-context.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { openOrCloseCounter } from './park-clock.ts'

const MAY_CLOSE_AWAY = new Set(['manager', 'admin'])

/**
 * The time (epoch ms) of the latest action on a counter or by its clerk: a row of the event log for
 * the counter (a call, a no-show, a pause, a keypad's press…) or by the clerk (a reinstatement
 * carries no counter), leaving out the presence rows themselves and a login or logout (a session,
 * not work at the counter). Read from the newest row back, so it stops at the counter's latest one.
 */
const LAST_ACTION_SQL = `SELECT at FROM events
  WHERE (counter_id = @counterId OR user_id = @clerkId)
    AND type NOT IN ('counter.away', 'counter.back', 'clerk.logged_in', 'clerk.logged_out')
  ORDER BY id DESC LIMIT 1`

/**
 * Counters whose clerk is away: an open or paused counter whose clerk has had no live console for
 * queue.awayAfterSeconds (the realtime layer watches the sockets and calls `markAway` /
 * `markPresent`). An away counter stays open under its clerk (nothing is taken from them) but
 * leaves staffing and the estimates (staffing.ts), shows as away on the dashboard, and a manager
 * may close it. Each change is an event-log row (`counter.away`, `counter.back`, and
 * `counter.closed` with `by: manager`), written with the state in one transaction.
 */
export class CounterAway {
  constructor(private readonly ctx: QueueContext) {}

  /**
   * Marks a held counter away since `since` (epoch ms, when its clerk's console left) and returns
   * true; does nothing and returns false if it is closed, already away, held by someone else now,
   * or was acted on after `since`. A clerk who calls, starts or no-shows over the API after the
   * tab closed is at the counter: marking it away dated before those actions would take a working
   * counter out of every estimate and off a no-show's list of counters to go back to.
   */
  markAway(counterId: number, clerkId: number, since: number): boolean {
    return this.ctx.write((tx) => {
      const counter = this.ctx.counters.get(counterId)
      if (!counter || counter.state === 'closed' || counter.clerk?.id !== clerkId || counter.awaySince !== null) return false
      if ((this.lastActionAt(counter.id, clerkId) ?? since) > since) return false
      this.ctx.counters.setAwaySince(counter.id, since)
      tx.log({ type: 'counter.away', counterId: counter.id, userId: clerkId, data: { since: new Date(since).toISOString() } })
      this.changed(tx, counter.id)
      return true
    })
  }

  /** LAST_ACTION_SQL for this counter and clerk; null when neither has a row. */
  private lastActionAt(counterId: number, clerkId: number): number | null {
    this.lastAction ??= this.ctx.db.prepare(LAST_ACTION_SQL)
    const row = this.lastAction.get({ counterId, clerkId }) as { at: number } | undefined
    return row?.at ?? null
  }
  private lastAction: Database.Statement | undefined

  /** The clerk's console is back: their counter (if away) is present again. */
  markPresent(clerkId: number): void {
    const counter = this.ctx.counters.findByClerk(clerkId)
    if (!counter || counter.awaySince === null) return
    this.ctx.write((tx) => {
      const now = this.ctx.counters.get(counter.id)
      if (!now || now.awaySince === null || now.clerk?.id !== clerkId) return
      this.ctx.counters.setAwaySince(now.id, null)
      tx.log({ type: 'counter.back', counterId: now.id, userId: clerkId })
      this.changed(tx, now.id)
    })
  }

  /**
   * A manager closes an away counter: COUNTER_NOT_AWAY when its clerk is present (they close it
   * themselves), COUNTER_BUSY while it holds a ticket (take the counter over to finish it first).
   */
  closeAway(actor: Actor, counterId: number): CounterRecord {
    if (actor.type !== 'user' || !MAY_CLOSE_AWAY.has(actor.role))
      throw domainError(ErrorCodes.FORBIDDEN, 'only a manager closes an away counter')
    return this.ctx.write((tx) => {
      const counter = this.ctx.counters.get(counterId)
      if (!counter) throw domainError(ErrorCodes.COUNTER_NOT_FOUND, `counter ${counterId} does not exist`)
      if (counter.state === 'closed' || counter.awaySince === null) {
        throw domainError(ErrorCodes.COUNTER_NOT_AWAY, `counter ${counter.number} is not away: its clerk closes it`)
      }
      if (counter.currentTicketId) {
        throw domainError(ErrorCodes.COUNTER_BUSY, `counter ${counter.number} holds a ticket: take the counter over to finish it first`)
      }
      openOrCloseCounter(this.ctx, counter, 'closed', null, tx.now)
      this.ctx.counters.resetStreaks(counter.id)
      tx.log({
        type: 'counter.closed',
        counterId: counter.id,
        ...actorIds(actor),
        data: { by: 'manager', reason: 'away', clerkId: counter.clerk?.id ?? null },
      })
      return this.changed(tx, counter.id)
    })
  }

  /** Queues the pushes: the counter, and every line it serves (staffing and estimates moved). */
  private changed(tx: WriteScope, counterId: number): CounterRecord {
    const counter = this.ctx.counters.get(counterId)!
    tx.emit({ type: 'counter:updated', counter })
    tx.emit({ type: 'queue:updated', serviceIds: counter.services.map((s) => s.serviceId) })
    return counter
  }
}
