import type { FeedbackAsk } from './feedback.ts'
import type { Counter, PublicTicket, ServiceWithQueue, Ticket } from './entities.ts'
import type { CenterNews } from './center.ts'
import type { DeviceHealthReport, PrinterStatusReport } from './device-health.ts'
import type { CalledTicket } from './board-snapshot.ts'

export type { CalledTicket }

/**
 * The socket.io contract. Every server event carries `seq`: consecutive numbers within the
 * client's feed (staff, a display zone, kiosks). A client that sees a gap, or reconnects
 * without `socket.recovered`, emits `snapshot` and replaces its state with the answer.
 */

/**
 * What a display's board needs besides the call itself, so that a call reaches every display in
 * one push (issue 22): `ticket:called` on a display feed carries it, and the display feed gets no
 * `counter:updated` or `queue:updated` for the same change. Staff keep the three separate pushes.
 */
export interface CallBoard {
  /** The calling counter as the call left it, as `counter:updated` would carry it (public: `clerk` and `pauseReason` null). */
  counter: Counter
  /**
   * How many wait in every service whose line the call moved (empty for a recall): all a board
   * shows of a service. Not the whole QueueFigures: a new ticket's estimate (and `available`, which
   * follows from it) plays the whole line forward, which the call would otherwise do before its
   * push reaches any display; kiosks and staff still get them in `queue:updated`.
   */
  services: WaitingFigure[]
}

/** One service's line length, as a display's board shows it. */
export interface WaitingFigure {
  serviceId: number
  waiting: number
  /**
   * Of `waiting`, the tickets sent to one counter (a transfer to a counter), by counter: a floor's
   * board counts them on the floor of that counter, not on every floor its line is served (walk 2026-12-05).
   */
  sentToCounters?: ServiceWithQueue['sentToCounters']
}

export interface QueueFigures extends WaitingFigure {
  /** Null when no open counter serves the service (unknown). */
  estimatedWaitSeconds: number | null
  /** People ahead of a ticket taken now (ServiceWithQueue.ahead): what the kiosk's tile says. */
  ahead: number
  /** An open or paused counter whose clerk is not away serves it. */
  staffed: boolean
  available: boolean
  /**
   * Tickets issued today (ServiceWithQueue.issuedToday): with the service's daily cap, why it is not
   * available (walk s45: the kiosk said "not available now" for a minute after the day's last ticket
   * went, until its refresh read the count that says "all taken").
   */
  issuedToday: number
  /** It takes bookings or joins from a phone (ServiceWithQueue.checkIn); pushed so check-in appears or goes without a reload. */
  checkIn: boolean
  /**
   * The service is active (absent from an older server): pushed so a screen that listed it stops
   * offering it once an admin deactivates it (the console's transfer dialog offered a deactivated
   * service until a reload, and the server refused the transfer).
   */
  active?: boolean
}

export interface Snapshot {
  seq: number
  feed: string
  /**
   * The server's clock when it built the snapshot (epoch ms; absent from an older server): a
   * staff screen counts elapsed times from it (ui-common/server-clock.ts), not from its own
   * clock, which may be off.
   */
  serverTime?: number
  services: ServiceWithQueue[]
  /**
   * Counters the client may see (a zoned display: only its zone's; a kiosk: none). On public
   * feeds (displays) `clerk` and `pauseReason` are always null: who works a counter is staff's business.
   */
  counters: Counter[]
  /** The latest calls still at a counter, newest first (what a display shows after a reload). */
  recentCalls: CalledTicket[]
  /**
   * Displays: today's calls since gone from one of `counters`, the last to leave first, so a
   * reloaded display lists the recent calls the live one does (none on other feeds).
   */
  pastCalls: CalledTicket[]
  /** The news line the displays scroll (empty strings: none). */
  news: CenterNews
  /** Staff only: the live tickets (waiting, called, serving). */
  tickets?: Ticket[]
  /** Staff and kiosks: the last report of every kiosk printer (what `device:status` last said), so a fault reported earlier is known. */
  printers?: { deviceId: number; status: PrinterStatusReport }[]
}

export interface ServerToClientEvents {
  'ticket:issued': (e: { seq: number; ticket: Ticket }) => void
  /**
   * On display feeds it carries `board` too (CallBoard): the one push a display gets for a call.
   * On the staff feed it carries `current`: the called ticket whole, as staff see it (with when a
   * no-show of it is accepted), for a console whose clerk called from the keypad.
   */
  'ticket:called': (e: { seq: number; board?: CallBoard; current?: Ticket } & CalledTicket) => void
  'ticket:updated': (e: { seq: number; ticket: Ticket }) => void
  /**
   * Display feeds of the counter's zone: a ticket that had been recalled is now being served (the
   * clerk pressed Start: its holder came), so the board drops its "Recall" pill, as a reload would
   * (a snapshot's call is a recall only until its ticket is started). Not sent for a ticket never
   * recalled: its board has no pill.
   */
  'ticket:started': (e: { seq: number; ticketId: string }) => void
  /** On display feeds `counter.clerk` and `counter.pauseReason` are always null (see Snapshot.counters). */
  'counter:updated': (e: { seq: number; counter: Counter }) => void
  'queue:updated': (e: { seq: number; services: QueueFigures[] }) => void
  'device:status': (e: { seq: number; deviceId: number; status: DeviceHealthReport }) => void
  /** Staff: a device just paired with its code (the dashboard's devices table stops saying "not paired yet"). */
  'device:paired': (e: { seq: number; deviceId: number }) => void
  /** A center-wide setting the displays show changed (the news line), to staff and every display feed. */
  'center:updated': (e: { seq: number; news: CenterNews }) => void
  /**
   * Kiosks and displays: something their screens follow changed, so they load their config and the
   * center again without a reload (walk finding 10): `deviceId` null for the center's settings (call
   * policy, digits, language, categories, name), else the device whose own config was edited (every
   * other device ignores it). Staff feed: `deviceId` null for the center's settings and its
   * finish outcomes (consoles load GET /center again), else a device added, edited, given a code,
   * revoked or reactivated (the dashboard reads the devices again; consoles ignore it).
   */
  'config:changed': (e: { seq: number; deviceId: number | null }) => void
  /**
   * The first push on every new (not recovered) connection: the feed's current `seq` (the next
   * event carries `seq + 1`). It also gives socket.io's connection state recovery the offset it
   * needs: without one received broadcast, a dropped client cannot be recovered.
   */
  'feed:joined': (e: { seq: number; feed: string }) => void
  /**
   * A public watch socket's one event: a watched ticket as GET /tickets/:id returns it, pushed at
   * connect and whenever its status, position or estimate may have changed. `seq` counts per ticket.
   */
  'ticket:status': (e: { seq: number; ticket: PublicTicket }) => void
  /** Feedback tablets (their own feed): a ticket was just served at `ask.counterId`; the tablet of that counter asks for a rating. */
  'feedback:ask': (e: { seq: number; ask: FeedbackAsk }) => void
  /** Staff and feedback tablets: a ticket was rated (the tablet of its counter stops asking; the dashboard's figures move). */
  'feedback:rated': (e: { seq: number; ticketId: string; counterId: number | null; score: number }) => void
}

/**
 * The handshake of a public, read-only socket (the status page): no token (a `token` wins over `watch`), only the ids of the
 * tickets to watch (at most MAX_WATCHED_TICKETS). An unknown id is refused with
 * TABOUR_ERR_TICKET_NOT_FOUND, a bad or too long list with TABOUR_ERR_BAD_WATCH.
 */
export interface WatchAuth {
  watch: string[]
}

/** How many tickets one public socket may watch (a family's tickets, not a scraper's). */
export const MAX_WATCHED_TICKETS = 5

/**
 * The answer to `snapshot` when a device asks too often (config deviceLimits): the HTTP error
 * shape with status 429, code TABOUR_ERR_RATE_LIMITED, and the seconds to wait.
 */
export interface SnapshotRefusal {
  statusCode: 429
  code: 'TABOUR_ERR_RATE_LIMITED'
  error: string
  message: string
  retryAfterSeconds: number
}

/** True when a `snapshot` answer is a refusal rather than a snapshot. */
export const isSnapshotRefusal = (answer: Snapshot | SnapshotRefusal): answer is SnapshotRefusal =>
  'code' in answer && answer.statusCode === 429

export interface ClientToServerEvents {
  snapshot: (ack: (answer: Snapshot | SnapshotRefusal) => void) => void
}

/** The error `data` a refused connection carries (`connect_error` → err.data.code). */
export interface ConnectErrorData {
  code: string
}
