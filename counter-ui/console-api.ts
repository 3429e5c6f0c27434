/**
 * What the console asks the center, one small function per call (signing in and out is
 * ui-common/staff-api.ts). Each takes the server's base path and the clerk's token; failures
 * are ApiError (with the stable code) or NetworkError.
 */
import type {
  Counter,
  CounterActionResult,
  FinishOutcome,
  IssuedTicket,
  PriorityCategory,
  ReinstatableNoShow,
  ServiceWithQueue,
  Ticket,
} from '../protocol/entities.ts'
import type { ClerkStatsToday } from '../protocol/stats.ts'
import type { PublicTicket } from '../protocol/entities.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** GET /center, as the console uses it (finishOutcomes is absent on an older server). */
export interface CenterInfo {
  nameAr: string
  nameEn: string
  priorityCategories: PriorityCategory[]
  finishOutcomes?: FinishOutcome[]
  /** The call policy (`fifo`, `priority`, `sla`) and, with `priority`, when an ordinary ticket joins the priority ones: the queue panel lists a line as a call takes it (absent on an older server). */
  callPolicy?: string
  priorityAgingSeconds?: number
  /** The policy's caps on priority calls and appointments in a row (absent on an older server: the defaults). */
  maxPriorityInARow?: number
  maxAppointmentsInARow?: number
  /** How long a no-show can be undone, in minutes (0: never; absent on an older server: the confirm names no time). */
  noShowGraceMinutes?: number
  /** The center's digits setting (absent on an older server: Western). */
  digits?: 'western' | 'arabic-indic'
  /** The center's IANA time zone (the times of a ticket's history are the center's). */
  timeZone?: string
}

/** The request path of each counter action. */
export type CounterActionPath = 'open' | 'pause' | 'close' | 'call-next' | 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer'

/** Where a ticket is in a visit of several steps (its public status, GET /tickets/:id); null for a visit of one step. */
export async function fetchVisit(base: string, ticketId: string): Promise<PublicTicket['visit'] | null> {
  const ticket = await requestJson<PublicTicket>(apiUrl(base, `/tickets/${encodeURIComponent(ticketId)}`))
  return ticket.visit ?? null
}

/** A ticket as its public status page reads it now (GET /tickets/:id): status and counter, no personal data. */
export function fetchTicketStatus(base: string, ticketId: string): Promise<PublicTicket> {
  return requestJson<PublicTicket>(apiUrl(base, `/tickets/${encodeURIComponent(ticketId)}`))
}

export function fetchCenter(base: string, token: string): Promise<CenterInfo> {
  return requestJson(apiUrl(base, '/center'), { token })
}

/** The active services (GET /services), for their names before the feed's snapshot has come. */
export function fetchServices(base: string, token: string): Promise<ServiceWithQueue[]> {
  return requestJson(apiUrl(base, '/services'), { token })
}

export function fetchCounters(base: string, token: string): Promise<Counter[]> {
  return requestJson(apiUrl(base, '/counters'), { token })
}

export function fetchMyDay(base: string, token: string): Promise<ClerkStatsToday> {
  return requestJson(apiUrl(base, '/stats/me'), { token })
}

/** POST /counters/:id/<action> → the counter and its ticket as the server now holds them. */
export function counterAction(
  base: string,
  token: string,
  counterId: number,
  action: CounterActionPath,
  body: Record<string, unknown> = {},
): Promise<CounterActionResult> {
  return requestJson(apiUrl(base, `/counters/${counterId}/${action}`), { method: 'POST', token, body })
}

/** Issues a walk-in ticket; the key makes a retried request return the same ticket. */
export function issueTicket(
  base: string,
  token: string,
  body: { serviceId: number; priority?: string; lang: 'ar' | 'en' },
  idempotencyKey: string,
): Promise<IssuedTicket> {
  return requestJson(apiUrl(base, '/tickets'), { method: 'POST', token, body, headers: { 'idempotency-key': idempotencyKey } })
}

/** Today's no-shows of the clerk's services that can still be reinstated, newest first. */
export function fetchNoShows(base: string, token: string): Promise<ReinstatableNoShow[]> {
  return requestJson(apiUrl(base, '/tickets/no-shows'), { token })
}

/** Undoes a no-show: the ticket waits again at the place its issue time gives it. */
export function reinstateTicket(base: string, token: string, ticketId: string): Promise<Ticket> {
  return requestJson(apiUrl(base, `/tickets/${encodeURIComponent(ticketId)}/reinstate`), { method: 'POST', token, body: {} })
}
