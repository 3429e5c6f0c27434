/**
 * The plain types the repositories read and write, below the domain: the queue imports them
 * (server/queue/types.ts re-exports them under the domain's vocabulary); nothing here imports
 * the queue, so the dependency runs one way, queue → db.
 */
export type { TicketStatus } from '../../protocol/ticket-lifecycle.ts'

export type CounterState = 'closed' | 'open' | 'paused'

/** `none` is the ordinary queue; any other code is a priority category from the config. */
export type PriorityCode = string

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
  /** A checked-in appointment's slot start (epoch ms); absent for every other ticket (appointment-blend.ts). */
  slotStart?: number
}
