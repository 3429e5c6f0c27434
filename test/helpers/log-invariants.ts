import type { Database } from 'better-sqlite3'
import { nextStatus, reinstatedStatus, type TicketAction, type TicketStatus } from '../../protocol/ticket-lifecycle.ts'
import type { EventRecord } from '../../server/db/repositories/events-repo.ts'
import type { TicketRecord } from '../../server/db/repositories/tickets-repo.ts'

/**
 * The invariants a center's final event log must satisfy, whatever load (or crash) produced it:
 * every transition legal per protocol/ticket-lifecycle.ts, replayed from `ticket.issued`; a
 * ticket held by at most one counter at a time and acted on only by that counter; no counter
 * holding two tickets at once; nothing finished that was not called and started first; numbers
 * 1..n per issuing service per local day with the sequence at n and issue times in number
 * order; and the tickets and counters tables equal to what the log replays to. `readLog` takes
 * it from the database, `logViolations` says what is wrong (empty when nothing is).
 */
/** A ticket event as the checker reads it (the log's own columns). */
export type LogEvent = Required<Pick<EventRecord, 'id' | 'at' | 'day' | 'type'>> & {
  ticketId: string | null
  counterId: number | null
  serviceId: number | null
}

export type LogTicket = Pick<
  TicketRecord,
  'id' | 'serviceId' | 'issuedServiceId' | 'day' | 'number' | 'label' | 'status' | 'counterId' | 'issuedAt'
>

export interface EventLog {
  events: LogEvent[]
  tickets: LogTicket[]
  /** Every counter and the ticket it holds now. */
  counters: { id: number; currentTicketId: string | null }[]
  /** ticket_sequences: the last number handed out per service per local day. */
  sequences: { serviceId: number; day: string; lastNumber: number }[]
}

/** The log, the tickets, the counters and the sequences as they are in `db` now. */
export function readLog(db: Database): EventLog {
  return {
    events: db
      .prepare(
        `SELECT id, at, day, type, ticket_id AS ticketId, counter_id AS counterId, service_id AS serviceId
         FROM events WHERE type LIKE 'ticket.%' ORDER BY id`,
      )
      .all() as LogEvent[],
    tickets: db
      .prepare(
        `SELECT id, service_id AS serviceId, issued_service_id AS issuedServiceId, day, number, label, status,
                counter_id AS counterId, issued_at AS issuedAt FROM tickets`,
      )
      .all() as LogTicket[],
    counters: db.prepare('SELECT id, current_ticket_id AS currentTicketId FROM counters').all() as EventLog['counters'],
    sequences: db
      .prepare('SELECT service_id AS serviceId, day, last_number AS lastNumber FROM ticket_sequences')
      .all() as EventLog['sequences'],
  }
}

/** The lifecycle action each ticket event records (`ticket.issued` starts the ticket instead). */
const ACTION_OF: Readonly<Record<string, TicketAction>> = {
  'ticket.called': 'call',
  'ticket.recalled': 'recall',
  'ticket.started': 'start',
  'ticket.finished': 'finish',
  'ticket.no_show': 'no_show',
  'ticket.transferred': 'transfer',
  // a finished step of a visit sends the ticket on by the transfer move (server/queue/visit-steps.ts)
  'ticket.next_step': 'transfer',
  'ticket.cancelled': 'cancel',
  'ticket.parked': 'park',
  'ticket.resumed': 'resume',
  'ticket.abandoned': 'abandon',
}

interface Replayed {
  status: TicketStatus
  /** The counter holding the ticket while it is called or serving. */
  holder: number | null
  called: boolean
  started: boolean
}

/** Every broken invariant, one line each naming the ticket, counter or event; [] when the log is sound. */
export function logViolations(log: EventLog): string[] {
  const out: string[] = []
  const tickets = new Map(log.tickets.map((t) => [t.id, t]))
  const name = (id: string) => `${tickets.get(id)?.label ?? '?'} (${id})`
  const replay = new Map<string, Replayed>()
  const holding = new Map<number, string>() // counter → the ticket it holds

  for (const e of log.events) {
    const where = `event ${e.id} ${e.type}`
    if (e.ticketId === null) {
      out.push(`${where} names no ticket`)
      continue
    }
    if (!tickets.has(e.ticketId)) out.push(`${where} names ${e.ticketId}, which is not in the tickets table`)
    const r = replay.get(e.ticketId)
    if (e.type === 'ticket.issued') {
      if (r) out.push(`${where}: ${name(e.ticketId)} issued twice`)
      else replay.set(e.ticketId, { status: 'waiting', holder: null, called: false, started: false })
      continue
    }
    if (e.type === 'ticket.reinstated') {
      // the undo of a no-show (protocol/ticket-lifecycle.ts reinstatedStatus): the ticket waits again, at no counter
      const back = r ? reinstatedStatus(r.status) : null
      if (!r) out.push(`${where}: ${name(e.ticketId)} acted on before it was issued`)
      else if (back === null) out.push(`${where}: ${name(e.ticketId)} reinstated from ${r.status}`)
      else Object.assign(r, { status: back, holder: null, called: false, started: false })
      continue
    }
    const action = ACTION_OF[e.type]
    if (!action) {
      out.push(`${where}: unknown ticket event`)
      continue
    }
    if (!r) {
      out.push(`${where}: ${name(e.ticketId)} acted on before it was issued`)
      continue
    }
    const to = nextStatus(r.status, action)
    if (to === null) {
      out.push(`${where}: ${name(e.ticketId)} ${action} is illegal from ${r.status}`)
      continue
    }
    // a resume calls a parked ticket to the resuming counter, like a call
    if (action === 'call' || action === 'resume') {
      if (e.counterId === null) out.push(`${where}: ${name(e.ticketId)} called by no counter`)
      else {
        const other = holding.get(e.counterId)
        if (other !== undefined) out.push(`${where}: counter ${e.counterId} called ${name(e.ticketId)} while holding ${name(other)}`)
        holding.set(e.counterId, e.ticketId)
      }
      r.holder = e.counterId
      r.called = true
      r.started = false
    } else if (r.holder !== null) {
      // the ticket is at a counter: only that counter acts on it (a transfer is logged by the counter that sends it)
      if (e.counterId !== r.holder)
        out.push(`${where}: ${name(e.ticketId)} is at counter ${r.holder} but counter ${e.counterId} acted on it`)
    }
    if (action === 'start') r.started = true
    if (action === 'finish' && !(r.called && r.started)) out.push(`${where}: ${name(e.ticketId)} finished without a call and a start`)
    if (to !== 'called' && to !== 'serving' && r.holder !== null) {
      if (holding.get(r.holder) === e.ticketId) holding.delete(r.holder)
      r.holder = null
    }
    r.status = to
  }

  // the tables are what the log replays to
  for (const t of log.tickets) {
    const r = replay.get(t.id)
    if (!r) {
      out.push(`${name(t.id)} has no ticket.issued event`)
      continue
    }
    if (r.status !== t.status) out.push(`${name(t.id)} is ${t.status} in the table but ${r.status} in the log`)
    if (r.holder !== null && t.counterId !== r.holder)
      out.push(`${name(t.id)} is at counter ${t.counterId} in the table but ${r.holder} in the log`)
  }
  const current = new Map(log.counters.filter((c) => c.currentTicketId !== null).map((c) => [c.id, c.currentTicketId!]))
  for (const [counterId, ticketId] of holding) {
    if (current.get(counterId) !== ticketId)
      out.push(`counter ${counterId} holds ${current.get(counterId) ?? 'nothing'} but the log says ${name(ticketId)}`)
  }
  for (const [counterId, ticketId] of current) {
    if (!holding.has(counterId)) out.push(`counter ${counterId} holds ${name(ticketId)} but the log says it holds nothing`)
  }

  // numbers 1..n per issuing service per local day, in issue order, and the sequence at n
  const lines = new Map<string, LogTicket[]>()
  for (const t of log.tickets) {
    const key = `${t.issuedServiceId}/${t.day}`
    lines.set(key, [...(lines.get(key) ?? []), t])
  }
  const lastNumber = new Map(log.sequences.map((s) => [`${s.serviceId}/${s.day}`, s.lastNumber]))
  for (const [key, line] of lines) {
    line.sort((a, b) => a.number - b.number)
    line.forEach((t, i) => {
      if (t.number !== i + 1) out.push(`service/day ${key}: expected number ${i + 1}, found ${t.number} (${t.label})`)
      if (i > 0 && t.issuedAt < line[i - 1].issuedAt) out.push(`service/day ${key}: ${t.label} was issued before ${line[i - 1].label}`)
    })
    if (new Set(line.map((t) => t.label)).size !== line.length) out.push(`service/day ${key}: a label is used twice`)
    if (lastNumber.get(key) !== line.length) out.push(`service/day ${key}: sequence at ${lastNumber.get(key)} for ${line.length} tickets`)
  }
  for (const [key, n] of lastNumber) if (!lines.has(key)) out.push(`service/day ${key}: sequence at ${n} but no ticket`)
  return out
}

/** Totals of a log, for summary lines. */
export function logCounts(log: EventLog): Record<string, number> {
  const counts: Record<string, number> = { tickets: log.tickets.length }
  for (const e of log.events) counts[e.type] = (counts[e.type] ?? 0) + 1
  return counts
}
