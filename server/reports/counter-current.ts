/**
 * What a counter is doing now, for the manager's live view: its current ticket, whether the
 * citizen is called (on the way) or being served, and since when. A ticket called long ago and
 * never started, or served for far longer than the service takes, is what a manager walks over
 * to ask about (walk 2026-12-06: C-002 "called" 9 min 42 s, A-003 "serving" over 25 min, neither shown).
 */
import type { CounterCurrentTicket } from '../../protocol/stats.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'

/**
 * Since the call or a resume after parking while called (the console's "called N min ago"),
 * since the start while served; null for no ticket or one no longer at a counter.
 */
export function counterCurrent(t: TicketRecord | undefined): CounterCurrentTicket | null {
  if (!t || (t.status !== 'called' && t.status !== 'serving')) return null
  const since = t.status === 'serving' ? t.startedAt : atCounterSince(t)
  if (since === null) return null
  return { ticketId: t.id, label: t.label, status: t.status, since: new Date(since).toISOString() }
}
