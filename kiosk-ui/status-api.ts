/**
 * What the public status page asks the center: the ticket (no token, no personal data), the
 * citizen's own cancel, and a read-only socket that pushes the ticket whenever it changes.
 */
import { io, type Socket } from 'socket.io-client'
import type { PublicTicket } from '../protocol/entities.ts'
import type { ClientToServerEvents, ServerToClientEvents, WatchAuth } from '../protocol/events.ts'
import { requestJson } from '../ui-common/api-client.ts'
import { apiUrl, socketPath } from '../ui-common/base-path.ts'

export { fetchPublicTicket } from './kiosk-api.ts'

/** Cancels the citizen's own waiting ticket; ApiError TABOUR_ERR_TICKET_NOT_WAITING (409) once called. */
export function cancelMyTicket(base: string, id: string): Promise<PublicTicket> {
  return requestJson(apiUrl(base, `/tickets/${encodeURIComponent(id)}/cancel-mine`), { method: 'POST', timeoutMs: 8000 })
}

/**
 * "I am here" for a remote ticket: ApiError TABOUR_ERR_NOT_AT_CENTER (403) off the center's network,
 * ALREADY_ARRIVED (409) a second time while it waits, ALREADY_CALLED (409) once called,
 * REMOTE_PLACE_LOST (410) once it has ended.
 */
export function arriveHere(base: string, id: string): Promise<PublicTicket> {
  return requestJson(apiUrl(base, `/remote/tickets/${encodeURIComponent(id)}/arrive`), { method: 'POST', timeoutMs: 8000 })
}

/** A public socket that follows one ticket (`ticket:status`); socket.io reconnects by itself (up to 5 s apart). */
export function watchTicket(
  base: string,
  id: string,
  origin: string = location.origin,
): Socket<ServerToClientEvents, ClientToServerEvents> {
  const auth: WatchAuth = { watch: [id] }
  return io(origin, { path: socketPath(base), auth: { ...auth }, reconnectionDelayMax: 5000 })
}
