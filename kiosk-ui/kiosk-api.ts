/**
 * What the kiosk and the status page ask the center, one small function per call. Each takes
 * the server's base path (the center may be embedded under a prefix) and, where needed, the
 * kiosk's device token. Failures are ApiError (with the stable code) or NetworkError.
 */
import type { CenterInfo } from '../protocol/center.ts'
import type { Device, IssuedTicket, PublicTicket, ServiceWithQueue } from '../protocol/entities.ts'
import { ApiError, requestJson } from '../ui-common/api-client.ts'
import { apiUrl } from '../ui-common/base-path.ts'

/** POST /tickets answers this; `statusUrl`, when the server sends it, is what its printed QR carries. */
export type IssuedTicketReply = Omit<IssuedTicket, 'printing'> & { printing?: IssuedTicket['printing']; statusUrl?: string }

/** What the kiosk sends to issue a ticket. */
export interface IssueRequest {
  serviceId: number
  priority?: string
  phone?: string
  lang: 'ar' | 'en'
}

/** The center's name and priority categories. */
export function fetchCenter(base: string, token: string): Promise<CenterInfo> {
  return requestJson(apiUrl(base, '/center'), { token })
}

/** The active services with their live figures. */
export function fetchServices(base: string, token: string): Promise<ServiceWithQueue[]> {
  return requestJson(apiUrl(base, '/services'), { token })
}

/** The kiosk's own device record (its config); null when the server has no such route yet (404). */
export async function fetchOwnDevice(base: string, token: string): Promise<Device | null> {
  try {
    return await requestJson<Device>(apiUrl(base, '/devices/me'), { token })
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null
    throw err
  }
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
