import type { TicketRecord } from '../db/repositories/tickets-repo.ts'

/**
 * Since when the ticket has been at its counter this time: its call, or its resume after being
 * parked, whichever is later. `calledAt` keeps the first call of the line (the wait the console
 * and the reports give: issue → call, never the time parked), `resumedAt` the return from
 * parking (docs/parking.md); service and handling times, the no-show guard and a free-at estimate
 * count from here. Null when the ticket has not been called.
 */
export function atCounterSince(t: Pick<TicketRecord, 'calledAt' | 'resumedAt'>): number | null {
  if (t.calledAt === null) return null
  return t.resumedAt != null && t.resumedAt > t.calledAt ? t.resumedAt : t.calledAt
}
