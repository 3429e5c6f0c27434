import type { QueueContext } from './queue-context.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import { ParkingRepo, type ParkingRow } from '../db/repositories/parking-repo.ts'
import { nextBusinessDayStartMs } from '../../protocol/center-clock.ts'
import { parkDeadlineInForce } from './parking-rules.ts'

/**
 * The park clock and the pauses of the counter that parked a ticket (parking-rules.ts): the clock
 * stands still while that counter is paused, within the park's business day.
 */

/** The end of the business day a ticket was parked in: a pause stops its clock until then at most. */
function stopsUntil(ctx: QueueContext, parkedAt: number): number {
  return nextBusinessDayStartMs(parkedAt, ctx.config.timeZone, ctx.calendar().businessDayStartsAt)
}

/** A parked ticket's deadline in force at `now` (epoch ms): later than the stored one while its counter is paused. */
export function parkDeadlineNow(ctx: QueueContext, p: ParkingRow, now: number): number {
  return parkDeadlineInForce(p.deadlineAt, p.parkedAt, p.counterPausedAt, now, stopsUntil(ctx, p.parkedAt))
}

/**
 * Opens or closes `counter` at `now` (CountersRepo.setState, which clears a pause): the one way a
 * counter leaves a pause (the clerk resumes or closes, a manager takes it over or closes it away),
 * so none of them forgets that the tickets it parked keep the time it was paused.
 */
export function openOrCloseCounter(
  ctx: QueueContext,
  counter: CounterRecord,
  state: 'open' | 'closed',
  clerkId: number | null,
  now: number,
): void {
  keepPausedParkTime(ctx, counter, now)
  ctx.counters.setState(counter.id, state, clerkId)
}

/** A paused counter leaves its pause at `now`: the stored deadline of each ticket it parked moves later by the time paused. */
function keepPausedParkTime(ctx: QueueContext, counter: CounterRecord, now: number): void {
  if (counter.state !== 'paused') return
  const repo = new ParkingRepo(ctx.db)
  for (const p of repo.ofCounter(counter.id)) {
    const deadlineAt = parkDeadlineNow(ctx, p, now)
    if (deadlineAt !== p.deadlineAt) repo.setDeadline(p.ticketId, deadlineAt)
  }
}
