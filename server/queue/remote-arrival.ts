/**
 * A remote ticket's citizen arrives, or never does (issue 19; joining is remote-join.ts).
 *
 * Where an arrived check-in ticket stands: at the place of its join time (queued_at is left as
 * it was). Holding that place is what joining from a phone promises, and the wait it skipped was
 * spent travelling, not ahead of anyone present: those who came after the join were told their
 * "people ahead" without it, and it enters ahead of them the moment it arrives, which their page
 * shows at once (a live count, never a promise). One that arrives after its turn came (someone
 * queued after it was called in its line: RemoteJoinsRepo.turnCameAt) is therefore next, if it arrives within its service's
 * `arriveMinutes` of that turn; after that the place is lost: the ticket ends `abandoned`
 * (event `ticket.abandoned`, reason `turn_passed`), and so does any still unarrived when its day
 * is over (reason `day_closed`), where the calendar closes the day (`dailyClose`). Reports count both as abandoned, not as no-shows.
 *
 * A `call-ahead` ticket waits like a walk-in from the start; its arrival is only recorded. Once
 * called, its counter waits `arriveMinutes` for it: a clerk cannot mark it a no-show sooner,
 * recall or not, so the page's "the counter waits for you until HH:MM" is true.
 */
import type { QueueContext } from './queue-context.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { RemoteJoinRecord } from '../db/repositories/remote-joins-repo.ts'
import { actorIds, type Actor } from './actor.ts'
import { arrivedStatus } from '../../protocol/remote-join.ts'
import { isTerminal } from '../../protocol/ticket-lifecycle.ts'
import { domainError, ErrorCodes } from '../errors.ts'

/** How the arrival was told: "I am here" on the phone inside the center, the kiosk's scanner, or a clerk. */
export type ArrivalWay = 'phone' | 'scan' | 'clerk'

/**
 * Checks a remote ticket in. Codes: TICKET_NOT_FOUND, NOT_REMOTE_TICKET (a walk-in),
 * REMOTE_PLACE_LOST (ended: served, a no-show, cancelled or abandoned; checked in or not),
 * ALREADY_CALLED (checked in and called, served now, or parked), ALREADY_ARRIVED (checked in and
 * waiting). The ending is asked first: a finished ticket scanned again at the kiosk was told
 * "you are already checked in, watch the screen for your number" (walk of 2026-12-06).
 * Publishes `ticket:updated` and `queue:updated` (the line of present people changed).
 */
export function arrive(ctx: QueueContext, ticketId: string, way: ArrivalWay, actor: Actor = { type: 'system' }): TicketRecord {
  // a place already lost is ended first: ctx.write runs the checks before use (abandonOverdueRemote among them)
  return ctx.write((tx) => {
    const t = ctx.tickets.get(ticketId)
    if (!t) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
    const join = ctx.remoteJoins.get(t.id)
    if (!join) throw domainError(ErrorCodes.NOT_REMOTE_TICKET, `ticket ${t.label} was not joined from a phone: it is in the line already`)
    if (isTerminal(t.status)) throw domainError(ErrorCodes.REMOTE_PLACE_LOST, `ticket ${t.label} is ${t.status}: nothing to check in`)
    if (join.arrivedAt !== null)
      throw t.status === 'waiting'
        ? domainError(ErrorCodes.ALREADY_ARRIVED, `ticket ${t.label} checked in already`)
        : domainError(ErrorCodes.ALREADY_CALLED, `ticket ${t.label} checked in already and is ${t.status}`)
    const next = join.mode === 'check-in' ? arrivedStatus(t.status) : t.status
    if (next === null) throw domainError(ErrorCodes.REMOTE_PLACE_LOST, `ticket ${t.label} is ${t.status}, not holding a place`)
    // a check-in ticket starts waiting in the center now (wait-facts.ts), in the place of its join time
    if (next !== t.status) ctx.tickets.update(t.id, { status: next, rejoinedAt: tx.now })
    ctx.remoteJoins.markArrived(t.id, tx.now)
    const turnCameAt = join.mode === 'check-in' ? ctx.remoteJoins.turnCameAt(t.id) : null
    tx.log({
      type: 'ticket.arrived',
      ticketId: t.id,
      serviceId: t.serviceId,
      ...actorIds(actor),
      data: {
        way,
        mode: join.mode,
        joinedAt: join.joinedAt,
        ...(turnCameAt === null ? {} : { afterTurnSeconds: Math.round((tx.now - turnCameAt) / 1000) }),
      },
    })
    const updated = ctx.tickets.get(t.id)!
    tx.emit({ type: 'ticket:updated', ticket: updated })
    tx.emit({ type: 'queue:updated', serviceIds: [t.serviceId] })
    return updated
  })
}

/** Contexts whose sweep is running: its own write runs the checks before use again, which must not sweep twice. */
const sweeping = new WeakSet<QueueContext>()

/**
 * Ends the check-in tickets whose place is gone (see the file's comment) as `abandoned`, each
 * with its log row, in one transaction; nothing is written when none is due. Run before every
 * change and read of the queue (QueueContext.beforeUse, like the parking sweep: a status page
 * read after the place was lost says so, not "remote"), and by the center once a minute
 * (server/routes/remote/index.ts) for a quiet center.
 */
export function abandonOverdueRemote(ctx: QueueContext): number {
  if (sweeping.has(ctx) || !ctx.remoteJoins.anyHeld()) return 0
  const now = ctx.clock()
  // the day's close ends an earlier day's places only where it closes the line (a center with no daily close runs on)
  const closedBefore = ctx.calendar().dailyClose ? ctx.dayOf(now) : null
  if (ctx.remoteJoins.overdue(closedBefore, now).length === 0) return 0
  sweeping.add(ctx)
  try {
    return abandonNow(ctx, closedBefore)
  } finally {
    sweeping.delete(ctx)
  }
}

function abandonNow(ctx: QueueContext, closedBefore: string | null): number {
  return ctx.write((tx) => {
    const due = ctx.remoteJoins.overdue(closedBefore, tx.now)
    for (const r of due) {
      ctx.tickets.update(r.ticketId, { status: 'abandoned', finishedAt: tx.now })
      tx.log({
        type: 'ticket.abandoned',
        ticketId: r.ticketId,
        serviceId: r.serviceId,
        data: { reason: closedBefore !== null && r.day < closedBefore ? 'day_closed' : 'turn_passed', joinedAt: r.joinedAt },
      })
      tx.emit({ type: 'ticket:updated', ticket: ctx.tickets.get(r.ticketId)! })
    }
    if (due.length > 0) tx.emit({ type: 'queue:updated', serviceIds: [...new Set(due.map((r) => r.serviceId))] })
    return due.length
  })
}

/**
 * Until when the counter waits for a called call-ahead ticket's citizen (epoch ms): its
 * service's arriveMinutes from the (latest) call, while they have not checked in; null for every
 * other ticket. A clerk cannot mark it a no-show sooner, recall or not (the page promised the time).
 */
export function callAheadArriveBy(t: Pick<TicketRecord, 'status' | 'calledAt'>, join: RemoteJoinRecord | undefined): number | null {
  if (join?.mode !== 'call-ahead' || join.arrivedAt !== null || t.status !== 'called' || t.calledAt === null) return null
  return t.calledAt + join.arriveMinutes * 60_000
}

/** Ticket ids are 128 random bits in base64url: 22 characters. */
const BARE_ID = /^[A-Za-z0-9_-]{22}$/
/** A status link as printed or shown (server/queue/ticket-link.ts): `…/t/<id>`, with or without a prefix, query or slash. */
const STATUS_LINK = /^https?:\/\/[^\s/]+(?:\/[^\s?#]*)?\/t\/([A-Za-z0-9_-]{22})\/?(?:[?#]\S*)?$/

/** The ticket id in a scanned status link or bare code, or null. */
export function ticketIdInScan(scannedText: string): string | null {
  const text = scannedText.trim()
  if (BARE_ID.test(text)) return text
  return STATUS_LINK.exec(text)?.[1] ?? null
}

/**
 * For the kiosk's scanner (its route keeps a list of resolvers): when the scanned text is a
 * remote ticket's status link (or its bare code), checks it in and returns the ticket; null when
 * the text is anything else (not a link, an unknown ticket, a walk-in ticket), so the next
 * resolver may try. A remote ticket that cannot check in throws its code (see `arrive`).
 */
export function arriveByScan(ctx: QueueContext, scannedText: string, actor: Actor = { type: 'system' }): TicketRecord | null {
  const id = ticketIdInScan(scannedText)
  if (id === null || !ctx.remoteJoins.get(id)) return null
  return arrive(ctx, id, 'scan', actor)
}
