/**
 * The queue domain's vocabulary. Plain data only: no database handles, no Fastify, no sockets,
 * so the pure functions of this folder (numbering, call policy, lifecycle, wait estimate) can be
 * unit-tested without I/O.
 */

/** Ticket statuses and actions; the legal moves between them are in protocol/ticket-lifecycle.ts (shared with the UIs). */
export type { TicketStatus, TicketAction } from '../../protocol/ticket-lifecycle.ts'

export type CounterState = 'closed' | 'open' | 'paused'

/** `none` is the ordinary queue; any other code is a priority category from the config. */
export type PriorityCode = string
export const NO_PRIORITY: PriorityCode = 'none'

export type CallPolicyName = 'fifo' | 'priority' | 'sla'

/** A waiting ticket as the call policy sees it: just what ordering needs. */
export interface CallCandidate {
  ticketId: string
  serviceId: number
  /** `none` or a priority category code. */
  priority: PriorityCode
  /** Epoch ms the ticket started waiting for ordering purposes (issue time, or transfer time when transfers do not keep it). */
  queuedAt: number
  /** The service's target wait (SLA), seconds. */
  targetWaitSeconds: number
  /** The weight this counter gives the ticket's service (>= 0). 0 = served only when nothing else waits. */
  weight: number
  /** True when the ticket was transferred to this very counter; such tickets go before all others. */
  targetedHere: boolean
  /** Per service per day sequence number; the final tie-breaker. */
  number: number
}

export interface CallPolicyParams {
  /** Anti-starvation: after this many priority tickets in a row at a counter, an ordinary ticket goes next if one waits. Default 3. */
  maxPriorityInARow: number
  /** Ageing: an ordinary ticket that has waited this long is treated as priority. Default 1800 s. */
  priorityAgingSeconds: number
}

export interface CallContext {
  now: number
  policy: CallPolicyName
  params: CallPolicyParams
  /** How many priority tickets this counter has called in a row just before this call. */
  priorityStreak: number
}
