/**
 * The plain types the repositories read and write, below the domain: the queue imports them
 * (server/queue/types.ts re-exports them under the domain's vocabulary); nothing here imports
 * the queue, so the dependency runs one way, queue → db.
 */
export type { TicketStatus } from '../../protocol/ticket-lifecycle.ts'

export type CounterState = 'closed' | 'open' | 'paused'

/** What the call policy reads (protocol/call-candidate.ts: the console orders its lines by the same rules). */
export type { CallCandidate, PriorityCode } from '../../protocol/call-candidate.ts'
