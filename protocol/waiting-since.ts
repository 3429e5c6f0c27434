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
