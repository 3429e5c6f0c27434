import type { Server } from 'socket.io'
import type { Queue } from '../queue/queue.ts'
import type { QueueView } from '../queue/queue-view.ts'
import type { DomainEvent } from '../queue/domain-events.ts'
import type { ClientToServerEvents, QueueFigures, ServerToClientEvents } from '../../protocol/events.ts'
import { counterDto, publicCounterDto, staffTicketDto, ticketDto } from '../dto.ts'
import { calledTicket } from './snapshot.ts'
import { ALL_ZONES_FEED, FEEDBACK_FEED, type FeedSequences, KIOSK_FEED, STAFF_FEED, zoneFeed } from './feeds.ts'
import { feedbackAskOf } from './feedback-ask.ts'
import type { Ticket } from '../queue/types.ts'
import { type PublicTicketCenter, publicTicketOf } from '../public-ticket.ts'
import { ticketFeed, ticketOfFeed } from './ticket-watch.ts'
import { DomainError } from '../errors.ts'
import { type CallFold, CallFolds } from './call-fold.ts'

type Io = Server<ClientToServerEvents, ServerToClientEvents>
type EventName = keyof ServerToClientEvents

/**
 * Turns committed domain events into socket.io pushes, each feed getting its own `seq`.
 * Pushes go through rooms (never socket.emit) so connection state recovery can replay them.
 */
export class Broadcaster {
  /** Runs no SQL of its own: what a push needs beyond its event comes from the queue's read models (`queue.view`). */
  constructor(
    private readonly io: Io,
    private readonly queue: Queue,
    readonly seqs: FeedSequences,
    private readonly center: PublicTicketCenter,
  ) {}

  /** The calls of each commit, folded into one push per display (server/realtime/call-fold.ts). */
  private readonly folds = new CallFolds((zone) => this.publicZoneFeeds(zone))

  /**
   * Each commit's figures by service, built once for all its pushes: a commit whose events name a
   * service twice (a transfer's two lines) plays the line forward once (a commit is a fresh array).
   */
  private readonly figuresOfCommit = new WeakMap<readonly DomainEvent[], Map<number, QueueFigures | null>>()

  /** @param commit every event of the same commit, in order (DomainEvents.on gives it). */
  handle(event: DomainEvent, commit: readonly DomainEvent[]): void {
    let figures = this.figuresOfCommit.get(commit)
    if (!figures) this.figuresOfCommit.set(commit, (figures = new Map()))
    // the feeds first: a call's push to the displays waits for nothing else (issue 22)
    this.sendToFeeds(event, this.folds.of(commit), figures)
    this.sendToWatchers(event)
  }

  /** What each watched ticket's room was last told (and its people ahead), so a change that does not move it pushes nothing. */
  private readonly lastTicketPush = new Map<string, { json: string; position: number }>()

  /**
   * Pushes `ticket:status` to the sockets watching one ticket: after a change only when what they
   * see changed, always when `socketId` (a socket that just connected) is given, to that socket.
   */
  pushTicket(ticketId: string, socketId?: string): void {
    let ticket: ReturnType<typeof publicTicketOf>
    try {
      ticket = publicTicketOf(this.queue.view, this.center, ticketId)
    } catch (err) {
      if (err instanceof DomainError) return // gone (a purge): nothing to tell
      throw err
    }
    const feed = ticketFeed(ticketId)
    const json = JSON.stringify(ticket)
    if (socketId === undefined && this.lastTicketPush.get(ticketId)?.json === json) return
    this.lastTicketPush.set(ticketId, { json, position: ticket.position })
    // a new socket gets the room's current seq, so its next push is consecutive
    if (socketId !== undefined) this.io.to(socketId).emit('ticket:status', { seq: this.seqs.current(feed), ticket })
    else this.io.to(feed).emit('ticket:status', { seq: this.seqs.next(feed), ticket })
  }

  /**
   * Public watchers of the tickets an event may have moved: the ticket itself (issued, called,
   * finished, cancelled, transferred) and every watched ticket of a service whose line changed;
   * a counter opening or closing changes every estimate. Computed after the commit, so a page
   * never shows "1 ahead" for a ticket that is itself being called.
   */
  private sendToWatchers(event: DomainEvent): void {
    const watched = this.watchedTickets()
    // forget rooms nobody watches any more
    if (this.lastTicketPush.size > watched.length) {
      const live = new Set(watched)
      for (const id of this.lastTicketPush.keys()) {
        if (live.has(id)) continue
        this.lastTicketPush.delete(id)
        this.seqs.forget(ticketFeed(id))
      }
    }
    if (watched.length === 0) return
    let affected: string[]
    switch (event.type) {
      case 'ticket:issued':
      case 'ticket:updated':
      case 'ticket:called':
        affected = watched.filter((id) => id === event.ticket.id)
        break
      case 'ticket:rated': // rated elsewhere (the tablet, the keypad): its page stops offering the faces
        affected = watched.filter((id) => id === event.rating.ticketId)
        break
      case 'queue:updated': {
        // a line's change moves the lines its counters also serve (a priority ticket of A issued
        // ahead of a ticket of B at the counter both share: walk 2026-12-05, finding 1); pushTicket
        // then sends only to the rooms whose ticket's place or wait did change
        const services = this.queue.view.linkedServices(event.serviceIds)
        affected = watched.filter((id) => {
          try {
            const { ticket } = this.queue.view.publicTicket(id)
            return services.has(ticket.serviceId) || ticket.targetCounterId !== null
          } catch {
            return false
          }
        })
        break
      }
      case 'counter:updated':
      case 'settings:changed': // the center's digits or name are on every status page
        affected = watched
        break
      default:
        return
    }
    for (const id of affected) this.pushTicket(id)
  }

  /**
   * Pushes each watched ticket in line whose people ahead changed since its page was told, with no
   * event: the call order moves with the clock (a counter's weights let a later ticket of a line it
   * weighs more overtake an older one, a booked slot falls due, an ordinary ticket ages), so a quiet
   * hall's page kept "1 ahead" while the line said 2 (walk s52). Run every realtime.orderCheckSeconds
   * (socket-server.ts): one play of the line serves every waiting ticket (QueueView's memo), and only
   * the rooms whose place moved are sent anything. The estimate alone, which moves every second, is
   * not pushed so: the page asks again half a minute after its latest news (kiosk-ui/ticket-status.ts).
   */
  pushOrderChanges(): void {
    for (const id of this.watchedTickets()) {
      const told = this.lastTicketPush.get(id)
      if (!told) continue
      let ticket: ReturnType<QueueView['publicTicket']>['ticket']
      try {
        ticket = this.queue.view.publicTicket(id).ticket
      } catch (err) {
        if (err instanceof DomainError) continue // gone (a purge)
        throw err
      }
      if (ticket.status !== 'waiting' && ticket.status !== 'remote') continue
      if (this.queue.view.standing(ticket).position !== told.position) this.pushTicket(id)
    }
  }

  /** The tickets some public socket watches now (their rooms exist only while someone is in them). */
  private watchedTickets(): string[] {
    const ids: string[] = []
    for (const room of this.io.of('/').adapter.rooms.keys()) {
      const id = ticketOfFeed(room)
      if (id !== null) ids.push(id)
    }
    return ids
  }

  private sendToFeeds(event: DomainEvent, fold: CallFold | null, figures: Map<number, QueueFigures | null>): void {
    switch (event.type) {
      case 'ticket:issued':
        return this.send([STAFF_FEED], 'ticket:issued', { ticket: ticketDto(event.ticket) })
      case 'ticket:updated':
        this.send([STAFF_FEED], 'ticket:updated', { ticket: staffTicketDto(event.ticket, this.queue.view) })
        this.endRecall(event.ticket)
        return this.askForFeedback(event.ticket)
      case 'ticket:rated':
        return this.send([STAFF_FEED, FEEDBACK_FEED], 'feedback:rated', {
          ticketId: event.rating.ticketId,
          counterId: event.rating.counterId,
          score: event.rating.score,
        })
      case 'ticket:called': {
        const call = calledTicket(event.ticket, event.counter, event.recall, event.at)
        // displays first (the call is theirs to show): one push that carries the counter the
        // commit's counter push would have, and its lines' lengths (CallBoard): a count each, not
        // the figures, whose estimate plays the whole line forward (the staff's queue push does that)
        const counter = fold?.counters.get(event.counter.id) ?? event.counter
        const services = (fold?.serviceIds ?? []).map((serviceId) => this.queue.view.waitingFigure(serviceId))
        this.send(this.publicZoneFeeds(event.counter.zone), 'ticket:called', {
          ...call,
          board: { counter: publicCounterDto(counter), services },
        })
        // staff get the called ticket whole: a console that did not make the call (the keypad did) shows what its answer would
        return this.send([STAFF_FEED], 'ticket:called', { ...call, current: staffTicketDto(event.ticket, this.queue.view) })
      }
      case 'counter:updated':
        // staff see who works the counter; displays only what is written over it (a called counter's is in the call)
        this.send([STAFF_FEED], 'counter:updated', { counter: counterDto(event.counter) })
        if (fold?.counters.has(event.counter.id)) return
        return this.send(this.publicZoneFeeds(event.counter.zone), 'counter:updated', { counter: publicCounterDto(event.counter) })
      case 'device:status':
        // staff see every device; kiosks need to know when their printer failed (boards and keypads are not theirs)
        return this.send(event.status.printer ? [STAFF_FEED, KIOSK_FEED] : [STAFF_FEED], 'device:status', {
          deviceId: event.deviceId,
          status: event.status,
        })
      case 'queue:updated':
        return this.send(
          // the display feeds a call of this commit reached have these figures in the call already
          [STAFF_FEED, KIOSK_FEED, ...this.displayFeeds()].filter((feed) => !fold?.feeds.has(feed)),
          'queue:updated',
          // every line a counter shares with a changed one: a ticket of C moves the estimate of F
          // at the counter that serves both (walk 2026-12-05: the F tile kept its old wait a minute)
          { services: this.figuresOf([...this.queue.view.linkedServices(event.serviceIds)], figures) },
        )
      case 'center:updated':
        // the news line: staff and every display feed (a zoned display shows it too)
        return this.send([STAFF_FEED, ...this.displayFeeds()], 'center:updated', { news: event.news })
      case 'settings:changed':
        // staff too: a console shows the categories, the digits and (from a hub bundle) the finish outcomes
        return this.send([STAFF_FEED, KIOSK_FEED, ...this.displayFeeds()], 'config:changed', { deviceId: null })
      case 'finish-outcomes:changed':
        // only consoles offer them (and the dashboard's reports name them)
        return this.send([STAFF_FEED], 'config:changed', { deviceId: null })
      case 'device:changed':
        // a kiosk's own config (ask priority, ask phone…) or a display's (voice, media) takes effect
        // without a reload; serial lines follow it too. Staff too: the dashboard's device health card
        // reads the devices again (a revoked kiosk said "OK" until the next minute's refresh; consoles
        // ignore a push that names a device)
        return this.send([STAFF_FEED, KIOSK_FEED, ...this.displayFeeds()], 'config:changed', { deviceId: event.deviceId })
      case 'device:paired':
        // the admin's devices table (only staff list devices)
        return this.send([STAFF_FEED], 'device:paired', { deviceId: event.deviceId })
      case 'ticket:reprint':
      case 'access:revoked':
        // not pushed: the printer reprints; the socket server ends revoked sockets
        return
    }
  }

  /** A ticket just served at a counter: that counter's feedback tablet asks for a rating (server/realtime/feedback-ask.ts). */
  private askForFeedback(ticket: Ticket): void {
    const ask = feedbackAskOf(ticket)
    if (ask) this.send([FEEDBACK_FEED], 'feedback:ask', { ask })
  }

  /** Tells a new connection where its feed's `seq` stands (through the adapter, to its own room, so recovery sees it). */
  welcome(socketId: string, feed: string): void {
    this.io.to(socketId).emit('feed:joined', { seq: this.seqs.current(feed), feed })
  }

  private send<E extends EventName>(feeds: string[], name: E, payload: Omit<Parameters<ServerToClientEvents[E]>[0], 'seq'>): void {
    for (const feed of new Set(feeds)) {
      const args = [{ seq: this.seqs.next(feed), ...payload }] as unknown as Parameters<ServerToClientEvents[E]>
      this.io.to(feed).emit(name, ...args)
    }
  }

  /**
   * A recalled ticket now served: its counter's displays drop the "Recall" pill (its one push;
   * a ticket never recalled sends none, so a Start costs the displays nothing, issue 22).
   */
  private endRecall(ticket: Ticket): void {
    if (ticket.status !== 'serving' || ticket.recallCount === 0 || ticket.counterId === null) return
    const counter = this.queue.view.counters().find((c) => c.id === ticket.counterId)
    if (counter) this.send(this.publicZoneFeeds(counter.zone), 'ticket:started', { ticketId: ticket.id })
  }

  /** Every display's feed: the all-zones one and each zone's. */
  private displayFeeds(): string[] {
    return [ALL_ZONES_FEED, ...this.knownZones().map(zoneFeed)]
  }

  private publicZoneFeeds(zone: string): string[] {
    return [ALL_ZONES_FEED, zoneFeed(zone)]
  }

  private knownZones(): string[] {
    return this.queue.view.knownZones()
  }

  /** @param known the commit's figures so far: a service's are built at its first push and reused by the others. */
  private figuresOf(serviceIds: readonly number[], known: Map<number, QueueFigures | null>): QueueFigures[] {
    return serviceIds
      .map((id) => (known.has(id) ? known.get(id)! : known.set(id, this.figures(id)).get(id)!))
      .filter((f): f is QueueFigures => f !== null)
  }

  private figures(serviceId: number): QueueFigures | null {
    const q = this.queue.view.serviceQueue(serviceId)
    return (
      q && {
        serviceId,
        waiting: q.waiting,
        sentToCounters: q.sentToCounters ?? [],
        estimatedWaitSeconds: q.estimatedWaitSeconds,
        ahead: q.ahead,
        staffed: q.staffed,
        available: q.available,
        issuedToday: q.issuedToday,
        checkIn: q.checkIn,
        active: q.active,
      }
    )
  }
}
