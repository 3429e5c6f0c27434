import { Type, type Static } from '@sinclair/typebox'
import { CenterNews } from './center.ts'
import { Counter, ServiceWithQueue } from './entities.ts'
import { Timestamp } from './common.ts'
import { MAX_LISTED_CALLS } from './listed-calls.ts'

/** A call as displays show it (`ticket:called`, a snapshot's recent calls, the HTTP board). */
export const CalledTicket = Type.Object({
  ticket: Type.Object({ id: Type.String(), label: Type.String(), serviceId: Type.Integer() }),
  counter: Type.Object({ id: Type.Integer(), number: Type.Integer(), name: Type.String(), zone: Type.String() }),
  /** When it was called, or last recalled: the board's and the voice's key for the call (callKey). */
  at: Timestamp,
  /**
   * The clerk recalled it (the board's "Recall" mark). In a snapshot too: true from the recall
   * until the ticket is started (`ticket:started` drops it live), so a display that connects after
   * the recall shows the same board as one that saw it (server/queue QueueView.boardCall).
   */
  recall: Type.Boolean(),
})
export type CalledTicket = Static<typeof CalledTicket>

/**
 * GET /devices/me/snapshot: what a display's socket answers to `snapshot` (events.ts Snapshot),
 * over HTTP, so the display's page can carry its board (issue 22). `seq` is the feed's position
 * when it was built: a socket whose `feed:joined` says the same seq has missed nothing since.
 */
export const BoardSnapshot = Type.Object({
  seq: Type.Integer(),
  feed: Type.String(),
  /** The server's clock when it was built (epoch ms), as the socket's snapshot says it. */
  serverTime: Type.Optional(Type.Integer()),
  services: Type.Array(ServiceWithQueue),
  /** The display's zone's counters (all when it has none), without clerks or pause reasons. */
  counters: Type.Array(Counter),
  /** The latest calls still at one of those counters, newest first. */
  recentCalls: Type.Array(CalledTicket),
  /** Today's calls since gone from one of those counters, the last to leave first. */
  pastCalls: Type.Array(CalledTicket, { maxItems: MAX_LISTED_CALLS }),
  news: CenterNews,
})
export type BoardSnapshot = Static<typeof BoardSnapshot>
