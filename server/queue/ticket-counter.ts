import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { QueueContext } from './queue-context.ts'

/**
 * The counter a ticket stands at: the one that called it, while it is called or being served;
 * undefined otherwise (a finished or waiting ticket keeps its last counter id on the row, which is
 * not where the citizen should go).
 */
export function counterOfTicket(ctx: Pick<QueueContext, 'counters'>, t: TicketRecord): CounterRecord | undefined {
  const atCounter = t.counterId !== null && (t.status === 'called' || t.status === 'serving')
  return atCounter ? ctx.counters.get(t.counterId!) : undefined
}
