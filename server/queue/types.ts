/**
 * The queue domain's vocabulary. Plain data only: no database handles, no Fastify, no sockets,
 * so the pure functions of this folder (numbering, call policy, lifecycle, wait estimate) can be
 * unit-tested without I/O.
 */

/** Ticket statuses and actions; the legal moves between them are in protocol/ticket-lifecycle.ts (shared with the UIs). */
export type { TicketStatus, TicketAction } from '../../protocol/ticket-lifecycle.ts'

/** What the repositories store is typed below the domain (server/db/records.ts), so the dependency runs queue → db only. */
export type { CallCandidate, CounterState, PriorityCode } from '../db/records.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'

/**
 * A ticket as the domain hands it on (in domain events, to bindings): the repository's record,
 * already mapped from its row (camel-cased fields, epoch-ms times, no SQL column names or JSON
 * strings), read-only because every listener of an event sees the same object.
 */
export type Ticket = Readonly<TicketRecord>
/** A counter as the domain hands it on, with its services and clerk; read-only, as Ticket. */
export type Counter = Readonly<CounterRecord>

/** Where a ticket stands: people ahead and the estimate (null: unknown, no open counter serves its service). */
export interface Standing {
  position: number
  estimatedWaitSeconds: number | null
}

export { NO_PRIORITY, type CallContext, type CallPolicyName, type CallPolicyParams } from '../../protocol/call-candidate.ts'
