/**
 * What the kiosk and the status page ask the center, one small function per call (the center
 * and the kiosk's own record: ui-common/device-api.ts). Each takes the server's base path (the
 * center may be embedded under a prefix) and, where needed, the kiosk's device token. Failures are ApiError (with the stable code) or NetworkError.
 */
import type { IssuedTicket, PublicTicket, ServiceWithQueue } from '../protocol/entities.ts'
import type { ServiceGroup } from '../protocol/service-menu.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** POST /tickets answers this; `statusUrl`, when the server sends it, is what its printed QR carries. */
/**
 * A ticket the kiosk shows. `counter`: the counter that called it, for a place joined from a phone
 * whose turn came before its citizen scanned it here (booking-check-in.ts); absent on a new ticket.
 */
export type IssuedTicketReply = Omit<IssuedTicket, 'printing'> & {
  printing?: IssuedTicket['printing']
  statusUrl?: string
  counter?: { number: number; name: string } | null
}

/** What the kiosk sends to issue a ticket. */
export interface IssueRequest {
  serviceId: number
  priority?: string
  phone?: string
  /** The citizen agreed to messages about this ticket at `phone`. */
  messagesOptIn?: boolean
  lang: 'ar' | 'en'
}

/** The active services with their live figures. */
export function fetchServices(base: string, token: string): Promise<ServiceWithQueue[]> {
  return requestJson(apiUrl(base, '/services'), { token })
}

/** The kiosk menu's service groups (issue 21). */
export function fetchServiceGroups(base: string, token: string): Promise<ServiceGroup[]> {
  return requestJson(apiUrl(base, '/service-groups'), { token })
}

/**
 * Issues a ticket. `idempotencyKey` is one per tap session and is sent again on a retry, so
 * the server returns the same ticket instead of making a second one.
 */
export function issueTicket(base: string, token: string, body: IssueRequest, idempotencyKey: string): Promise<IssuedTicketReply> {
  return requestJson(apiUrl(base, '/tickets'), {
    method: 'POST',
    token,
    body,
    headers: { 'idempotency-key': idempotencyKey },
    timeoutMs: 8000,
  })
}

/** The public status of a ticket (no token, no personal data). */
export function fetchPublicTicket(base: string, id: string): Promise<PublicTicket> {
  return requestJson(apiUrl(base, `/tickets/${encodeURIComponent(id)}`))
}
