/**
 * One clerk's shift on one local day, for the printable shift report: their figures (the row
 * of the day's report by clerk, so the numbers match the reports view), when they held a
 * counter, and every call they made with how it ended, from the event log.
 */
import type Database from 'better-sqlite3'
import type { FinishOutcome } from '../../protocol/entities.ts'
import type { ShiftOutcome, ShiftReport, ShiftTicket } from '../../protocol/stats.ts'
import { outcomeColumnOf } from './served-by-outcome.ts'
import { toFigures } from './figures.ts'
import { rangeReport } from './range-report.ts'
import { staysOf, timesAt } from '../queue/service-time.ts'
import { callAfterUndoSql, undoneNoShowSql } from './no-show-undo.ts'

const ENDS: Record<string, ShiftOutcome> = {
  // whichever finish outcome the clerk picked: finishedWith names it (a referral is no "served")
  'ticket.finished': 'finished',
  'ticket.no_show': 'no_show',
  'ticket.transferred': 'transferred',
  // a finished step of a visit with several steps, with its finish outcome too (server/queue/visit-steps.ts)
  'ticket.next_step': 'finished',
  // parked and never resumed: the day's close cancels only waiting tickets (queue-context.ts), so a
  // parked one lives until the parking sweep abandons it at its deadline (ticket-parking.ts)
  'ticket.abandoned': 'abandoned',
}
/** The event types that end the clerk's part of a call: its ends, or a later call (a recall is not one). */
const END_TYPES = [...Object.keys(ENDS), 'ticket.called'].map((t) => `'${t}'`).join(', ')

/** The finish outcome's code written in a finish event ('' for none). */
function finishCode(data: string): string {
  const outcome = (JSON.parse(data) as { outcome?: unknown }).outcome
  return typeof outcome === 'string' ? outcome : ''
}

interface CallRow {
  id: number
  at: number
  ticketId: string
  data: string
  /** 1 for the call after an undone no-show: it ends no wait. */
  again: number
  label: string
  status: string
  prefix: string
  nameAr: string
  nameEn: string
  counterNumber: number | null
}

/** The shift of user `userId` on `day` (`finishOutcomes`: the center's list now, to name each finish); null when there is no such user. */
export function shiftReport(
  db: Database.Database,
  q: { day: string; userId: number; timeZone: string; now: number; finishOutcomes: readonly FinishOutcome[] },
): ShiftReport | null {
  const user = db.prepare('SELECT id, username, display_name AS displayName FROM users WHERE id = ?').get(q.userId) as
    | ShiftReport['user']
    | undefined
  if (!user) return null
  const report = rangeReport(db, { from: q.day, to: q.day, by: 'clerk', timeZone: q.timeZone, now: q.now })
  const figures = report.rows.find((r) => r.key === user.id) ?? { key: user.id, label: user.username, ...toFigures(undefined) }
  const calls = db
    .prepare(
      `SELECT e.id, e.at, e.ticket_id AS ticketId, e.data, ${callAfterUndoSql('e')} AS again, t.label, t.status, s.prefix, s.name_ar AS nameAr, s.name_en AS nameEn, c.number AS counterNumber
       FROM events e JOIN tickets t ON t.id = e.ticket_id JOIN services s ON s.id = e.service_id LEFT JOIN counters c ON c.id = e.counter_id
       WHERE e.day = ? AND e.type = 'ticket.called' AND e.user_id = ? ORDER BY e.id`,
    )
    .all(q.day, user.id) as CallRow[]
  const endOf = db.prepare(
    `SELECT e.id, e.type, e.at, e.data, e.type = 'ticket.no_show' AND ${undoneNoShowSql('e')} AS undone FROM events e
     WHERE e.ticket_id = ? AND e.id > ? AND e.type IN (${END_TYPES}) ORDER BY e.id LIMIT 1`,
  )
  // a ticket parked now, its deadline not reached: the latest park stands for the end until it is resumed or abandoned
  const parkOf = db.prepare(
    `SELECT id, type, at, data, 0 AS undone FROM events WHERE ticket_id = ? AND id > ? AND type = 'ticket.parked' ORDER BY id DESC LIMIT 1`,
  )
  const tickets: ShiftTicket[] = calls.map((c) => {
    const ended = endOf.get(c.ticketId, c.id) as { id: number; type: string; at: number; data: string; undone: number } | undefined
    const end = ended ?? (c.status === 'parked' ? (parkOf.get(c.ticketId, c.id) as typeof ended) : undefined)
    const outcome: ShiftOutcome = !end
      ? 'open'
      : end.undone === 1
        ? 'back_in_line'
        : end.type === 'ticket.parked'
          ? 'parked'
          : (ENDS[end.type] ?? 'open')
    const endedAt = outcome === 'open' ? null : end!.at
    const waited = (JSON.parse(c.data) as { waitedSeconds?: unknown }).waitedSeconds
    return {
      ticketId: c.ticketId,
      label: c.label,
      servicePrefix: c.prefix,
      serviceNameAr: c.nameAr,
      serviceNameEn: c.nameEn,
      counterNumber: c.counterNumber,
      calledAt: c.at,
      endedAt,
      waitedSeconds: typeof waited === 'number' && c.again !== 1 ? waited : null,
      // every stay at the counter from this call to the end, the time parked left out (service-time.ts)
      handledSeconds: endedAt === null ? null : timesAt(staysOf(db, c.ticketId, end!.id), endedAt).serviceSeconds,
      outcome,
      ...(outcome === 'finished' ? { finishedWith: outcomeColumnOf(finishCode(end!.data), q.finishOutcomes) } : {}),
    }
  })
  // counter sessions: opened (or resumed/taken over by them) until closed or taken over by someone else
  const counterEvents = db
    .prepare(
      `SELECT e.at, e.type, e.user_id AS userId, c.number FROM events e JOIN counters c ON c.id = e.counter_id
       WHERE e.day = ? AND e.type IN ('counter.opened', 'counter.closed', 'counter.taken_over') ORDER BY e.id`,
    )
    .all(q.day) as { at: number; type: string; userId: number | null; number: number }[]
  const sessions: ShiftReport['sessions'] = []
  const openAt = new Map<number, ShiftReport['sessions'][number]>()
  for (const e of counterEvents) {
    const mine = openAt.get(e.number)
    if (mine && (e.type === 'counter.closed' || (e.type === 'counter.taken_over' && e.userId !== user.id))) {
      mine.until = e.at
      openAt.delete(e.number)
    }
    if ((e.type === 'counter.opened' || e.type === 'counter.taken_over') && e.userId === user.id && !openAt.has(e.number)) {
      const s = { counterNumber: e.number, from: e.at, until: null }
      sessions.push(s)
      openAt.set(e.number, s)
    }
  }
  return { day: q.day, timeZone: q.timeZone, user, figures, sessions, tickets }
}
