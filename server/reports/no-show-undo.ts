/**
 * What an undone no-show (server/queue/ticket-reinstatement.ts) leaves in the figures, in one
 * place for every reading of the event log (the rollups, the live misses, the per-ticket reports):
 * - it is not a no-show: the citizen came back and went on in line, so no figure counts it;
 * - the call after it is not a new call: the citizen's wait in that line ended at the first call
 *   (a hit or a miss of the target then), so the second call, like a recall, adds no call, no
 *   wait and nothing to "within target". A wait is one stretch in one service's line, from
 *   joining it (issue, check-in, transfer, next step of a visit) to the first call from it.
 * Both are SQL conditions on an events row so a report can filter in its query; the fold reads
 * them per event (rollup.ts). Each is 1 or 0, never NULL, so `NOT` works on it.
 */

/** True when the `ticket.no_show` row `alias` was undone: the next no-show or reinstatement of its ticket is a reinstatement. */
export const undoneNoShowSql = (alias: string): string =>
  `COALESCE((SELECT u.type FROM events u WHERE u.ticket_id = ${alias}.ticket_id AND u.id > ${alias}.id
     AND u.type IN ('ticket.no_show', 'ticket.reinstated') ORDER BY u.id LIMIT 1) = 'ticket.reinstated', 0)`

/** True when the `ticket.called` row `alias` is the call after an undone no-show: its ticket's previous call or reinstatement is a reinstatement. */
export const callAfterUndoSql = (alias: string): string =>
  `COALESCE((SELECT p.type FROM events p WHERE p.ticket_id = ${alias}.ticket_id AND p.id < ${alias}.id
     AND p.type IN ('ticket.called', 'ticket.reinstated') ORDER BY p.id DESC LIMIT 1) = 'ticket.reinstated', 0)`

/** True when the waiting ticket `alias` (a tickets row) is back in line after an undone no-show, its wait already counted at its first call. */
export const backAfterUndoSql = (alias: string): string =>
  `COALESCE((SELECT b.type FROM events b WHERE b.ticket_id = ${alias}.id
     AND b.type IN ('ticket.transferred', 'ticket.reinstated', 'ticket.next_step') ORDER BY b.id DESC LIMIT 1) = 'ticket.reinstated', 0)`
