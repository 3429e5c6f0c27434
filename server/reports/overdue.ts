/**
 * The live part of the "within target" definition (figures.ts): tickets still waiting whose
 * current wait (since their issue, or the transfer, reinstatement, next step or check-in arrival
 * that put them back in line: server/queue/wait-facts.ts, the start their call will record) has
 * already passed their service's target. They are misses that can no longer become hits, so
 * today's figures count them at once instead of showing 100 % over a line nobody calls.
 */
import type Database from 'better-sqlite3'
import { localDay, localHour } from '../../protocol/center-clock.ts'
import { waitingSinceSql } from '../queue/wait-facts.ts'
import { backAfterUndoSql } from './no-show-undo.ts'

/** Seconds the waiting ticket `alias` has waited in its present line at @now, rounded as the call records them (wait-facts.ts). */
export const waitedSecondsSql = (alias: string): string => `MAX(0, ROUND((@now - ${waitingSinceSql(alias)}) / 1000.0))`

/**
 * Whether the waiting ticket `t` of service `s` is a live miss at @now: past its target, and not back
 * in line after an undone no-show (its first call already counted its wait). The cheap comparison
 * first, so the event look-up runs only for tickets past their target.
 */
export const liveMissSql = (t: string, s: string): string =>
  `(${waitedSecondsSql(t)} > ${s}.target_wait_seconds AND NOT ${backAfterUndoSql(t)})`

const OVERDUE_SQL = `
  SELECT t.service_id AS serviceId, COUNT(*) AS n
  FROM tickets t JOIN services s ON s.id = t.service_id
  WHERE t.status = 'waiting' AND ${liveMissSql('t', 's')}
  GROUP BY t.service_id`

/** Waiting tickets past their target at `now`, by service id. */
export function overdueByService(db: Database.Database, now: number): Map<number, number> {
  const rows = db.prepare(OVERDUE_SQL).all({ now }) as { serviceId: number; n: number }[]
  return new Map(rows.map((r) => [r.serviceId, r.n]))
}

/** The sum of a by-service map. */
export const totalOf = (byService: Map<number, number>): number => [...byService.values()].reduce((a, b) => a + b, 0)

/** Where the live misses belong in a report over days: today's row, the current hour's row, each service's row. */
export function overdueKeys(now: number, timeZone: string): { day: string; hour: number } {
  return { day: localDay(now, timeZone), hour: localHour(now, timeZone) }
}
