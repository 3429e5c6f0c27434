import type { Db } from '../db/connection.ts'
import type { Config } from '../config.ts'
import { QueueContext, type Clock } from './queue-context.ts'
import { QueueView } from './queue-view.ts'
import { TicketIssuer } from './ticket-issuer.ts'
import { CounterActions } from './counter-actions.ts'
import { DomainEvents } from './domain-events.ts'
import { DeviceStatus } from './device-status.ts'
import { requestReprint } from './ticket-reprint.ts'
import { recordNotPrinted } from './print-failure.ts'
import type { PrinterProblem } from '../../protocol/printer-problem.ts'
import { cancelTicket, type CancelCause } from './ticket-cancellation.ts'
import { searchTickets, ticketHistory } from './ticket-lookup.ts'
import type { HistoryEntry, TicketMatch } from '../../protocol/ticket-tools.ts'
import { cancelByCitizen } from './citizen-cancellation.ts'
import { reinstatableNoShows, reinstateTicket, type ReinstatableNoShow } from './ticket-reinstatement.ts'
import { Sessions } from './sessions.ts'
import { CounterAway } from './counter-away.ts'
import { Appointments } from './appointments.ts'
import type { Actor } from './actor.ts'
import { defaultFeedbackSettings, Ratings } from './feedback/ratings.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import { TicketParking } from './ticket-parking.ts'
import { abandonOverdueRemote } from './remote-arrival.ts'

/**
 * The queue domain in one object: issuing, counter actions, read models, and the domain
 * events stream. Routes, realtime and devices talk to this; it talks only to the database.
 */
export class Queue {
  readonly ctx: QueueContext
  readonly view: QueueView
  readonly issuer: TicketIssuer
  readonly counters: CounterActions
  readonly events: DomainEvents
  /** Devices report their health here; it goes out as `device:status`. */
  readonly deviceStatus: DeviceStatus
  /** Staff logins and logouts. */
  readonly sessions: Sessions
  /** Counters whose clerk has no live console: marked away and back, closed by a manager. */
  readonly away: CounterAway
  /** Citizen ratings of served tickets (issue 21): tablet, keypad, status page. */
  readonly ratings: Ratings
  /** Parking a ticket, resuming it, and the sweep that abandons overdue ones; see ticket-parking.ts. */
  readonly parking: TicketParking
  /** Booking slots, booking, check-in (issue 19). */
  readonly appointments: Appointments

  constructor(
    db: Db,
    config: Pick<Config, 'timeZone' | 'queue'> & Partial<Pick<Config, 'feedback' | 'messages' | 'remoteJoin'>>,
    clock: Clock,
    onListenerError?: (err: unknown) => void,
  ) {
    this.events = new DomainEvents(onListenerError)
    this.ctx = new QueueContext(db, config, clock, this.events)
    this.view = new QueueView(this.ctx)
    this.issuer = new TicketIssuer(this.ctx, this.view)
    this.counters = new CounterActions(this.ctx)
    this.deviceStatus = new DeviceStatus(this.ctx)
    this.sessions = new Sessions(this.ctx)
    this.away = new CounterAway(this.ctx)
    this.ratings = new Ratings(this.ctx, config.feedback ?? defaultFeedbackSettings())
    this.parking = new TicketParking(this.ctx)
    this.ctx.beforeUse.push((now) => this.parking.sweep(now))
    // a held place whose time ran out is ended before anything reads it (docs/remote-join.md)
    this.ctx.beforeUse.push(() => abandonOverdueRemote(this.ctx))
    this.appointments = new Appointments(this.ctx, this.issuer)
  }

  /** Cancels a waiting ticket (staff) with a reason; see ticket-cancellation.ts. */
  cancel(actor: Actor, ticketId: string, cause: CancelCause): TicketRecord {
    return cancelTicket(this.ctx, actor, ticketId, cause)
  }

  /** Today's tickets matching a loosely typed label, or the one a status link names; see ticket-lookup.ts. */
  search(q: string, publicBase: string): TicketMatch[] {
    return searchTickets(this.ctx, this.view, q, publicBase)
  }

  /** A ticket's timeline from the event log, oldest first. */
  history(ticketId: string): { ticket: TicketRecord; entries: HistoryEntry[] } {
    return ticketHistory(this.ctx, ticketId)
  }

  /** Cancels a waiting ticket from its public status page; see citizen-cancellation.ts. */
  cancelByCitizen(ticketId: string): TicketRecord {
    return cancelByCitizen(this.ctx, ticketId)
  }

  /** Undoes a no-show within the grace window; see ticket-reinstatement.ts. */
  reinstate(actor: Actor, ticketId: string): TicketRecord {
    return reinstateTicket(this.ctx, actor, ticketId)
  }

  /** Today's no-shows the actor may still reinstate, newest first. */
  reinstatableNoShows(actor: Actor): ReinstatableNoShow[] {
    return reinstatableNoShows(this.ctx, actor)
  }

  /** Writes in a ticket's log that its paper did not come out (print-failure.ts). */
  notPrinted(ticketId: string, deviceId: number, problem: PrinterProblem | null, detail: string): void {
    recordNotPrinted(this.ctx, ticketId, deviceId, problem, detail)
  }

  /** Prints a ticket again on its kiosk's printer (or `deviceId`'s); see ticket-reprint.ts. */
  reprint(ticketId: string, deviceId: number | undefined, publicBase: string): { deviceId: number } {
    return requestReprint(this.ctx, this.view, ticketId, deviceId, publicBase)
  }
}
