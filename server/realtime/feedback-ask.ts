import type { Ticket } from '../queue/types.ts'
import type { FeedbackAsk } from '../../protocol/feedback.ts'

/** The ask a `ticket:updated` makes of its counter's feedback tablet: only a ticket just served (done) at a counter. */
export function feedbackAskOf(ticket: Ticket): FeedbackAsk | null {
  if (ticket.status !== 'done' || ticket.counterId === null || ticket.finishedAt === null) return null
  return { counterId: ticket.counterId, ticketId: ticket.id, label: ticket.label, finishedAt: new Date(ticket.finishedAt).toISOString() }
}
