import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { noShowDue, type NoShowDue } from './no-show-rules.ts'
import { callAheadArriveBy } from './remote-arrival.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'
import { recallSinceCall } from './recall-since-call.ts'

/**
 * When a called ticket may be marked a no-show (no-show-rules.ts `noShowDue`), from the ticket,
 * its event log and its phone join: what the no-show command enforces and what the clerk's
 * console is told (the staff ticket's `noShowAllowed`), so the two never disagree. Null for a
 * ticket that is not called (only a called ticket can become a no-show).
 */
export function noShowDueOf(ctx: QueueContext, t: TicketRecord): NoShowDue | null {
  const since = t.status === 'called' ? atCounterSince(t) : null
  if (since === null) return null
  // "since the call" is since it last came to the counter: its call, or its resume from parking
  // (atCounterSince), so a recall before it was parked does not excuse the wait after the resume
  const recalledSinceCall = recallSinceCall(ctx.events.forTicket(t.id)) !== undefined
  return noShowDue({
    atCounterSince: since,
    minSeconds: ctx.config.queue.minSecondsBeforeNoShow,
    recalledSinceCall,
    arriveBy: callAheadArriveBy(t, ctx.remoteJoins.get(t.id)),
  })
}
