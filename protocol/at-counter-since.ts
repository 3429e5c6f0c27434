/**
 * Since when the ticket has been at its counter this time: its call, or its resume after being
 * parked, whichever is later. `calledAt` keeps the first call of the line (the wait the console
 * and the reports give: issue → call, never the time parked), `resumedAt` the return from
 * parking (docs/parking.md); service and handling times, the no-show guard and a free-at estimate
 * count from here, on the server and on the clerk's console. Epoch ms; null when the ticket has not
 * been called.
 */
export function atCounterSince(t: { calledAt: number | null; resumedAt?: number | null }): number | null {
  if (t.calledAt === null) return null
  return t.resumedAt != null && t.resumedAt > t.calledAt ? t.resumedAt : t.calledAt
}
