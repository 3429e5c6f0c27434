/**
 * When a waiting ticket's wait in its present line began: its issue, or the latest transfer,
 * reinstatement (an undone no-show), next step of a visit or check-in arrival (a place joined from
 * a phone starts waiting in the center when its citizen arrives) that put it back in a line, which
 * the server keeps as `rejoinedAt` (center migration 32). The wait a call records, the SLA's live
 * misses, the dashboard's longest wait and "past target", and the console's longest wait all count
 * from here, on the server (server/queue/wait-facts.ts, and its SQL twin) and on the clerk's
 * console. Not the ticket's place in the line (`queuedAt`), which the call policy orders by: a
 * transfer that keeps the issue time, a reinstatement and an arrival keep an earlier place.
 * Epoch ms.
 */
export function waitingSince(t: { issuedAt: number; rejoinedAt?: number | null }): number {
  return t.rejoinedAt ?? t.issuedAt
}

/**
 * Whole seconds waited at `now` (epoch ms), rounded to the nearest: what a call records
 * (server/queue/wait-facts.ts), and so what "past its target" is decided by, by the server's live
 * figures (server/reports/overdue.ts, in SQL) and the clerk's console alike. The console shows
 * minutes rounded down (ui-common/whole-minutes.ts) but counts a line's "past target" by this, so
 * at the target's second both screens say the same.
 */
export function waitedSecondsAt(t: { issuedAt: number; rejoinedAt?: number | null }, now: number): number {
  return Math.max(0, Math.round((now - waitingSince(t)) / 1000))
}
