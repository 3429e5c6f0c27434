import { appointmentStreakOf } from '../../protocol/appointment-blend.ts'
import type { QueueContext } from './queue-context.ts'

/**
 * How many appointments this counter has just called in a row, counted up to the cap
 * (queue.maxAppointmentsInARow: past it the count changes nothing). One reading for the call,
 * whose rule f stops at the cap (protocol/appointment-blend.ts), and for the staff counter the
 * console plays the call forward from: its "next" labels are the tickets the call takes.
 */
export function appointmentStreakAt(ctx: Pick<QueueContext, 'bookings' | 'config'>, counterId: number): number {
  return appointmentStreakOf(ctx.bookings.recentOriginsAt(counterId, ctx.config.queue.maxAppointmentsInARow))
}
