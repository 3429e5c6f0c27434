import type { Queue } from '../queue/queue.ts'
import { MAX_WATCHED_TICKETS } from '../../protocol/events.ts'
import { DomainError, ErrorCodes } from '../errors.ts'

/** The room (and `seq` feed) of one watched ticket. */
export const ticketFeed = (ticketId: string) => `feed:ticket:${ticketId}`
const PREFIX = 'feed:ticket:'

/** The ticket id of a ticket feed, or null for any other room. */
export function ticketOfFeed(room: string): string | null {
  return room.startsWith(PREFIX) ? room.slice(PREFIX.length) : null
}

/** Ticket ids are base64url (server/queue/ticket-issuer.ts). */
const TICKET_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Reads a public handshake's `auth.watch` (a ticket id or a list of up to MAX_WATCHED_TICKETS):
 * null when the handshake is not a watch (it has a `token`, which wins, or no `watch`), the ids when each is a live
 * ticket, or the DomainError to refuse it with (BAD_WATCH, TICKET_NOT_FOUND). Asks the queue,
 * never the database.
 */
export function parseWatch(auth: unknown, queue: Queue): string[] | DomainError | null {
  if (!auth || typeof auth !== 'object' || 'token' in auth) return null
  const raw = (auth as Record<string, unknown>).watch
  if (raw === undefined) return null
  const list = typeof raw === 'string' ? [raw] : raw
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_WATCHED_TICKETS) {
    return new DomainError(ErrorCodes.BAD_WATCH, `watch 1 to ${MAX_WATCHED_TICKETS} ticket ids`)
  }
  if (!list.every((id): id is string => typeof id === 'string' && TICKET_ID.test(id))) {
    return new DomainError(ErrorCodes.BAD_WATCH, 'a ticket id is a base64url string')
  }
  const ids = [...new Set(list)]
  for (const id of ids) {
    try {
      queue.view.publicTicket(id)
    } catch (err) {
      if (err instanceof DomainError) return err
      throw err
    }
  }
  return ids
}
