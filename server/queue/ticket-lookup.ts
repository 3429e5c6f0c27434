/**
 * Staff find a ticket and read its history: the queries behind the ticket tools of the console
 * and the dashboard. Nothing is written; the history is read from the event log, which already
 * holds every step of a ticket with who, where and when.
 */
import type { HistoryEntry, HistoryStep, TicketMatch } from '../../protocol/ticket-tools.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { EventRecord } from '../db/repositories/events-repo.ts'
import type { QueueContext } from './queue-context.ts'
import type { QueueView } from './queue-view.ts'
import { NOT_PRINTED } from './print-failure.ts'
import { ticketDto } from '../dto.ts'
import { domainError, ErrorCodes } from '../errors.ts'
import { parseTicketQuery } from './ticket-query.ts'
import { ticketStatusUrlAt } from './ticket-link.ts'
import { waitingSince } from '../../protocol/waiting-since.ts'
// the one naming of an outcome (a configured code by its names now, a removed one by its code, none as none)
import { outcomeColumnOf } from '../reports/served-by-outcome.ts'
import { endsAsServed } from '../../protocol/finish-outcomes.ts'

/** At most this many matches: a bare number matches one ticket per service. */
const MAX_MATCHES = 20

/**
 * Today's tickets (the center's local day) matching a label typed loosely, or the one ticket a
 * status link or id names (any day: the paper in the citizen's hand is what it is). No match is
 * an empty list; a query that is neither is VALIDATION.
 */
export function searchTickets(ctx: QueueContext, view: QueueView, q: string, publicBase: string): TicketMatch[] {
  const query = parseTicketQuery(q)
  if (!query) throw domainError(ErrorCodes.VALIDATION, 'type a ticket number such as A-015, or paste its status link')
  ctx.closePastDays()
  let found: TicketRecord[]
  if (query.kind === 'id') {
    const t = ctx.tickets.get(query.id)
    found = t ? [t] : []
  } else {
    const day = ctx.dayOf(ctx.clock())
    found = ctx.tickets
      .numberedOn(day, query.number)
      .filter((t) => query.prefix === null || ctx.services.get(t.issuedServiceId)?.prefix === query.prefix)
  }
  return found.slice(0, MAX_MATCHES).map((t) => matchOf(ctx, view, t, publicBase))
}

function matchOf(ctx: QueueContext, view: QueueView, t: TicketRecord, publicBase: string): TicketMatch {
  const service = ctx.services.get(t.serviceId)!
  const counter = t.counterId === null ? undefined : ctx.counters.get(t.counterId)
  const standing = t.status === 'waiting' ? view.standing(t) : null
  return {
    ticket: ticketDto(t),
    service: { id: service.id, prefix: service.prefix, nameAr: service.nameAr, nameEn: service.nameEn },
    counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
    waitingSince: t.status === 'waiting' ? new Date(waitingSince(t)).toISOString() : null,
    position: standing?.position ?? null,
    estimatedWaitSeconds: standing?.estimatedWaitSeconds ?? null,
    kioskId: t.issuedByType === 'device' ? t.issuedById : null,
    statusUrl: ticketStatusUrlAt(publicBase, t.id, t.lang),
    ...(t.status === 'done'
      ? {
          finishedWith: outcomeColumnOf(t.outcome, ctx.config.queue.finishOutcomes),
          endedAsServed: endsAsServed(t.outcome, ctx.config.queue.finishOutcomes),
        }
      : {}),
  }
}

const STEPS: Record<string, HistoryStep> = {
  'ticket.issued': 'issued',
  'ticket.called': 'called',
  'ticket.recalled': 'recalled',
  'ticket.started': 'started',
  'ticket.transferred': 'transferred',
  'ticket.no_show': 'no_show',
  'ticket.reinstated': 'reinstated',
  'ticket.cancelled': 'cancelled',
  'ticket.finished': 'finished',
  'ticket.next_step': 'next_step',
  [NOT_PRINTED]: 'not_printed',
}

/** A ticket's timeline, oldest first, or TICKET_NOT_FOUND. */
export function ticketHistory(ctx: QueueContext, ticketId: string): { ticket: TicketRecord; entries: HistoryEntry[] } {
  const ticket = ctx.tickets.get(ticketId)
  if (!ticket) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
  const entries = ctx.events
    .forTicket(ticketId)
    .filter((e) => e.type in STEPS)
    .map((e) => entryOf(ctx, e))
  return { ticket, entries }
}

function entryOf(ctx: QueueContext, e: EventRecord): HistoryEntry {
  const counter = e.counterId ? ctx.counters.get(e.counterId) : undefined
  return {
    step: STEPS[e.type],
    at: new Date(e.at).toISOString(),
    by: actorOf(ctx, e),
    counter: counter ? { number: counter.number, name: counter.name } : null,
    details: detailsOf(ctx, e),
    ...(e.type === 'ticket.finished' ? { finishedWith: outcomeColumnOf(stringOf(e.data?.outcome), ctx.config.queue.finishOutcomes) } : {}),
  }
}

const stringOf = (v: unknown): string | null => (typeof v === 'string' ? v : null)

function actorOf(ctx: QueueContext, e: EventRecord): HistoryEntry['by'] {
  if (e.userId) {
    const user = ctx.users.get(e.userId)
    return { kind: 'user', name: user ? user.displayName || user.username : `#${e.userId}` }
  }
  if (e.deviceId) return { kind: 'device', name: ctx.devices.get(e.deviceId)?.name ?? `#${e.deviceId}` }
  return null
}

/** The few details a clerk reads in a step; the rest of the event's data stays in the log. */
function detailsOf(ctx: QueueContext, e: EventRecord): Record<string, string | number> {
  const data = e.data ?? {}
  const out: Record<string, string | number> = {}
  // a ticket not printed: the printer's problem code (its `detail`, the driver's English, stays in the log)
  for (const key of ['reason', 'note', 'outcome', 'recallCount', 'problem'] as const) {
    const value = data[key]
    if (typeof value === 'string' || typeof value === 'number') out[key] = value
  }
  if (e.type === 'ticket.transferred' || e.type === 'ticket.next_step') {
    // a transfer to a counter keeps its service: naming it read as a move to another line (walk s55)
    const sameService = data.toServiceId === data.fromServiceId
    const to = typeof data.toServiceId === 'number' && !sameService ? ctx.services.get(data.toServiceId) : undefined
    if (to) Object.assign(out, { toServiceAr: to.nameAr, toServiceEn: to.nameEn })
    const toCounter = typeof data.toCounterId === 'number' ? ctx.counters.get(data.toCounterId) : undefined
    if (toCounter) out.toCounter = toCounter.number
  }
  return out
}
