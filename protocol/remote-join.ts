/**
 * Joining a service's line from a phone (the virtual queue): the wire shapes shared by the
 * center (server/queue/remote-join.ts, server/routes/remote/) and the join and status pages
 * (kiosk-ui/join/, kiosk-ui/ticket-status.ts). Pure data, no server imports.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, literalUnion } from './common.ts'
import { ClosingNote } from './closing-note.ts'
import type { TicketStatus } from './ticket-lifecycle.ts'

/**
 * How a remote ticket waits for its citizen: `check-in` holds a place in status `remote` and is
 * never called until the citizen arrives ("I am here" inside the center, or the kiosk's scanner);
 * `call-ahead` waits like any ticket from the start and is called when its turn comes, the page
 * telling the citizen how long they have to get there.
 */
export const RemoteMode = literalUnion(['check-in', 'call-ahead'])
export type RemoteMode = Static<typeof RemoteMode>

/** What the status page of a remote ticket adds to the public ticket. */
export const RemoteFacts = Type.Object({
  mode: RemoteMode,
  /** check-in: minutes after its turn before an unarrived ticket is abandoned; call-ahead: minutes the counter waits after the call. */
  arriveMinutes: Type.Integer(),
  /** When the citizen said "I am here" or scanned in; null until then. */
  arrivedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The deadline in force, if any: check-in, its turn came + arriveMinutes (then the place is lost); call-ahead, the call + arriveMinutes (the counter waits until then). */
  arriveBy: Nullable(Type.String({ format: 'date-time' })),
  /** The center's time zone, so the page writes those times as the center's clocks show them. */
  timeZone: Type.String(),
})
export type RemoteFacts = Static<typeof RemoteFacts>

/** A service as the join page lists it: whether it takes a remote join now, and if not why. */
export const RemoteService = Type.Object({
  id: Type.Integer(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  mode: RemoteMode,
  arriveMinutes: Type.Integer(),
  /** People waiting in the center now (remote tickets not yet arrived are not counted). */
  waiting: Type.Integer(),
  /**
   * People ahead of a place taken now (ServiceWithQueue.ahead): what the kiosk's tile and the
   * ticket's status page say, counting the other lines' tickets its counters call first.
   */
  ahead: Type.Integer(),
  /** The wait of a ticket taken now; null when no open counter serves the service. */
  estimatedWaitSeconds: Nullable(Type.Integer()),
  /**
   * Null when a join is possible now; else the reason the page shows. `cap`: the day's share of
   * phone joins is taken (the kiosk still sells); `dailyCap`: the service's own daily cap is
   * reached (no new ticket today anywhere, kiosk included).
   */
  closedReason: Nullable(literalUnion(['closed', 'cap', 'dailyCap', 'unstaffed', 'inactive'])),
  /** When it opens next (ISO), when closed by its hours. */
  opensAt: Nullable(Type.String()),
  /** What the page says about the closing (the kiosk's words): tickets stopped, the wait runs past closing, last ticket or closing within the half hour; null: nothing. */
  closing: Nullable(ClosingNote),
})
export type RemoteService = Static<typeof RemoteService>

export const RemoteServicesReply = Type.Object({
  center: Type.Object({
    nameAr: Type.String(),
    nameEn: Type.String(),
    digits: literalUnion(['western', 'arabic-indic']),
    /** The center's time zone: opening times are written as its clocks show them. */
    timeZone: Type.String(),
    /** The center sends messages (config messages.provider set): the phone field promises texts only then. */
    messagesOn: Type.Boolean(),
  }),
  services: Type.Array(RemoteService),
  /** The server's instant these were computed at (ISO): the page says "opens today / tomorrow" from it, not from the phone's clock. */
  at: Type.String(),
  /** How often the join page reads this again (config remoteJoin.pageRefreshSeconds); absent on an older server: 10. */
  refreshSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
})
export type RemoteServicesReply = Static<typeof RemoteServicesReply>

/** An Egyptian mobile number as typed: 01xxxxxxxxx, or +20 / 0020 then 1xxxxxxxxx; spaces and dashes are dropped first. */
export const MOBILE_PATTERN = '^(\\+20|0020|0)1[0125][0-9]{8}$'

export const RemoteJoinBody = Type.Object(
  {
    serviceId: Type.Integer({ minimum: 1 }),
    /** Optional: the SMS slice sends "ticket taken" and "you are next" to it. */
    phone: Type.Optional(Type.String({ pattern: MOBILE_PATTERN, maxLength: 16 })),
    lang: Type.Optional(literalUnion(['ar', 'en'])),
  },
  { additionalProperties: false },
)
export type RemoteJoinBody = Static<typeof RemoteJoinBody>

export const RemoteJoinReply = Type.Object({
  id: Type.String(),
  label: Type.String(),
  /** The ticket's status page: the join page opens it, and it is what the citizen keeps. */
  statusUrl: Type.String(),
})
export type RemoteJoinReply = Static<typeof RemoteJoinReply>

/** A day's joins from a phone (GET /api/v1/remote/figures), from the event log (server/reports/remote-figures.ts). */
export const RemoteFigures = Type.Object({
  day: Type.String(),
  joined: Type.Integer(),
  arrived: Type.Integer(),
  /** Places lost: not checked in within the time after their turn, or still held when the day ended. */
  abandoned: Type.Integer(),
  cancelled: Type.Integer(),
  served: Type.Integer(),
  noShow: Type.Integer(),
})
export type RemoteFigures = Static<typeof RemoteFigures>

/** The status a remote ticket takes when its citizen arrives: a held place (`remote`) joins the line; null for anything else. */
export function arrivedStatus(from: TicketStatus): TicketStatus | null {
  return from === 'remote' ? 'waiting' : null
}
