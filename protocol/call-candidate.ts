/**
 * What the call policy (protocol/call-policy.ts) decides from: a waiting ticket as ordering sees it
 * and the counter's context. Plain data, shared by the server, which calls by it, and the clerk's
 * console, which lists each line's next tickets in the order a call takes them.
 */

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
  /** A checked-in appointment's slot start (epoch ms); absent for every other ticket (protocol/appointment-blend.ts). */
  slotStart?: number
}

export const NO_PRIORITY: PriorityCode = 'none'

export type CallPolicyName = 'fifo' | 'priority' | 'sla'

export interface CallPolicyParams {
  /** Anti-starvation: after this many priority tickets in a row at a counter, an ordinary ticket goes next if one waits. Default 3. */
  maxPriorityInARow: number
  /** Ageing: an ordinary ticket that has waited this long is treated as priority. Default 1800 s. */
  priorityAgingSeconds: number
  /** Rule f: at most this many appointments in a row at a counter while another ticket waits. Default 2. */
  maxAppointmentsInARow?: number
}

export interface CallContext {
  now: number
  policy: CallPolicyName
  params: CallPolicyParams
  /** How many priority tickets this counter has called in a row just before this call. */
  priorityStreak: number
  /** How many appointment tickets this counter has called in a row just before this call (rule f). Default 0. */
  appointmentStreak?: number
}
