import type { Actor } from '../queue/actor.ts'

/**
 * A feed is the stream of events one kind of client sees, with its own consecutive `seq`:
 * staff see everything, a display sees its zone (or every zone when it has none), kiosks see
 * queue figures. Each socket is in exactly one feed room, so a gap in `seq` really is a loss.
 */
export const STAFF_FEED = 'feed:staff'
export const KIOSK_FEED = 'feed:kiosk'
export const ALL_ZONES_FEED = 'feed:display:*'
export const zoneFeed = (zone: string) => `feed:display:${zone}`
/** Counter feedback tablets (issue 21): only the asks and ratings, each tablet keeps its own counter's. */
export const FEEDBACK_FEED = 'feed:feedback'

export function feedOf(actor: Actor): string {
  if (actor.type === 'user') return STAFF_FEED
  if (actor.type === 'device' && actor.kind === 'kiosk') return KIOSK_FEED
  if (actor.type === 'device' && actor.kind === 'feedback') return FEEDBACK_FEED
  if (actor.type === 'device' && actor.zone) return zoneFeed(actor.zone)
  return ALL_ZONES_FEED
}

/** The zone a feed is limited to, or null for all zones. */
export function zoneOfFeed(feed: string): string | null {
  return feed.startsWith('feed:display:') && feed !== ALL_ZONES_FEED ? feed.slice('feed:display:'.length) : null
}

/**
 * Per-feed sequence numbers. They start at the boot time in ms, so they keep increasing across
 * restarts (unless a feed sustained more than one push per millisecond for the whole uptime).
 */
export class FeedSequences {
  private readonly seqs = new Map<string, number>()
  constructor(private readonly base: number) {}

  next(feed: string): number {
    const seq = (this.seqs.get(feed) ?? this.base) + 1
    this.seqs.set(feed, seq)
    return seq
  }

  current(feed: string): number {
    return this.seqs.get(feed) ?? this.base
  }

  /** Drops a feed nobody listens to any more (a watched ticket's); it starts again from the base. */
  forget(feed: string): void {
    this.seqs.delete(feed)
  }
}
