/**
 * A ticket's times at the counter since its latest call, in one place for the finish, transfer
 * and next step (their `serviceSeconds` and `handlingSeconds`), the report rollups and the shift
 * report. A park (ticket-parking.ts) ends a stay at the counter and a resume starts the next:
 * - service time (time at the counter): every stay, from its call or resume to its park or end;
 * - handling time: every serving span, from the stay's `ticket.started` (its call or resume when
 *   the clerk never pressed start) to its park or end.
 * The time parked is neither. Past stays are replayed from the event log's timestamps, not from
 * the seconds a `ticket.parked` row wrote (a few written between migration 21 and the fix of
 * a2df349 counted from the first call), so old and new days fold alike.
 */
import type { Db } from '../db/connection.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { atCounterSince } from '../../protocol/at-counter-since.ts'

/** The event types that open, mark or close a stay at a counter. */
const STAY_EVENT_TYPES = ['ticket.called', 'ticket.resumed', 'ticket.started', 'ticket.parked'] as const

/** One row of the event log that opens, marks or closes a stay. */
export interface StayEvent {
  type: string
  at: number
}

/** Where a ticket stands after replaying its stays since its latest call. */
export interface Stays {
  /** Epoch ms the current stay began (the call or the latest resume); null while parked or before any call. */
  arrival: number | null
  /** Epoch ms serving began in the current stay (`ticket.started`); null when not pressed. */
  startedAt: number | null
  /** Parks since the latest call. */
  parks: number
  /** Whole seconds of the stays the parks ended. */
  parkedStaySeconds: number
  /** Whole seconds of serving in the stays the parks ended. */
  parkedHandlingSeconds: number
}

const wholeSeconds = (ms: number) => Math.max(0, Math.round(ms / 1000))

export const noStays = (): Stays => ({ arrival: null, startedAt: null, parks: 0, parkedStaySeconds: 0, parkedHandlingSeconds: 0 })

/** Applies one event to `s` (in place) and returns it; events of other types leave it as it is. */
export function replayStay(s: Stays, e: StayEvent): Stays {
  switch (e.type) {
    case 'ticket.called':
      Object.assign(s, noStays(), { arrival: e.at })
      break
    case 'ticket.resumed':
      s.arrival = e.at
      s.startedAt = null
      break
    case 'ticket.started':
      if (s.arrival !== null && s.startedAt === null) s.startedAt = e.at
      break
    case 'ticket.parked':
      if (s.arrival !== null) {
        s.parkedStaySeconds += wholeSeconds(e.at - s.arrival)
        s.parkedHandlingSeconds += wholeSeconds(e.at - (s.startedAt ?? s.arrival))
      }
      s.parks++
      s.arrival = null
      s.startedAt = null
      break
  }
  return s
}

/** Service and handling seconds of every stay when the current one ends at `at`. */
export function timesAt(s: Stays, at: number): { serviceSeconds: number; handlingSeconds: number } {
  return {
    serviceSeconds: s.parkedStaySeconds + (s.arrival === null ? 0 : wholeSeconds(at - s.arrival)),
    handlingSeconds: s.parkedHandlingSeconds + (s.arrival === null ? 0 : wholeSeconds(at - (s.startedAt ?? s.arrival))),
  }
}

const statements = new WeakMap<Db, ReturnType<Db['prepare']>>()

/**
 * The stay events of a ticket from its latest call before event `beforeId` (exclusive; omit for
 * all), in order. Through index events_ticket: a ticket has a handful of rows.
 */
function stayEventsOf(db: Db, ticketId: string, beforeId = Number.MAX_SAFE_INTEGER): StayEvent[] {
  let st = statements.get(db)
  if (!st) {
    st = db.prepare(
      `SELECT type, at FROM events
       WHERE ticket_id = @id AND id < @before AND type IN (${STAY_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})
         AND id >= COALESCE((SELECT MAX(id) FROM events WHERE ticket_id = @id AND id < @before AND type = 'ticket.called'), 0)
       ORDER BY id`,
    )
    statements.set(db, st)
  }
  return st.all({ id: ticketId, before: beforeId }) as StayEvent[]
}

/** Replays a ticket's stays from the event log up to event `beforeId` (exclusive). */
export function staysOf(db: Db, ticketId: string, beforeId?: number): Stays {
  return stayEventsOf(db, ticketId, beforeId).reduce(replayStay, noStays())
}

/**
 * Whole seconds the stays a park ended served, since the ticket's latest call: what the current
 * stay adds to. A ticket not resumed since its call (most) had none: the log is not read.
 */
export function earlierStaySeconds(db: Db, t: Pick<TicketRecord, 'id' | 'calledAt' | 'resumedAt'>): number {
  return resumedSinceCall(t) ? staysOf(db, t.id).parkedStaySeconds : 0
}

/** Whether the ticket's current stay at a counter began with a resume, not its call: it had stays before. */
function resumedSinceCall(t: Pick<TicketRecord, 'calledAt' | 'resumedAt'>): boolean {
  const since = atCounterSince(t)
  return since !== null && since !== t.calledAt
}

/**
 * Service and handling seconds of the ticket at `now`: the stays its parks ended, from the event
 * log, and the current one from the ticket as it is (atCounterSince, startedAt); 0 if never called.
 * A ticket not resumed since its call (most finishes) had no earlier stay: the log is not read.
 */
export function counterTimesSoFar(db: Db, t: TicketRecord, now: number): { serviceSeconds: number; handlingSeconds: number } {
  const since = atCounterSince(t)
  const earlier = resumedSinceCall(t) ? staysOf(db, t.id) : noStays()
  return timesAt({ ...earlier, arrival: since, startedAt: since === null ? null : t.startedAt }, now)
}
