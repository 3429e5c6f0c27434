import type { DomainEvent } from '../queue/domain-events.ts'
import type { Counter } from '../queue/types.ts'

/**
 * How one commit's calls reach the displays (issue 22): a call used to send every display of
 * its zone three pushes (`ticket:called`, `counter:updated`, `queue:updated`), and at 400
 * displays the two extra pushes were most of the delay. Now the call's own push carries the
 * counter and the figures its commit changed (protocol/events.ts CallBoard), and those display
 * feeds skip the commit's `counter:updated` of the called counter and its `queue:updated`.
 * Staff and kiosk feeds, and displays of other zones, get what they got before.
 */
export interface CallFold {
  /** The counters called in this commit, each with its latest state in the commit. */
  readonly counters: ReadonlyMap<number, Counter>
  /** Every service of the commit's `queue:updated` events, in order, once each. */
  readonly serviceIds: readonly number[]
  /** The display feeds some call of this commit reaches: they get the figures inside the call. */
  readonly feeds: ReadonlySet<string>
}

/** What a commit folds into its calls, or null when it calls nobody (nothing is folded). */
export function foldCalls(commit: readonly DomainEvent[], displayFeedsOf: (zone: string) => string[]): CallFold | null {
  const counters = new Map<number, Counter>()
  const feeds = new Set<string>()
  for (const event of commit) {
    if (event.type !== 'ticket:called') continue
    counters.set(event.counter.id, event.counter)
    for (const feed of displayFeedsOf(event.counter.zone)) feeds.add(feed)
  }
  if (counters.size === 0) return null
  const serviceIds = new Set<number>()
  for (const event of commit) {
    // the commit's last word on a called counter is what the board shows (the events carry the state as of their emit)
    if (event.type === 'counter:updated' && counters.has(event.counter.id)) counters.set(event.counter.id, event.counter)
    if (event.type === 'queue:updated') for (const id of event.serviceIds) serviceIds.add(id)
  }
  return { counters, serviceIds: [...serviceIds], feeds }
}

/** Remembers each commit's fold while its events are handled one by one (a commit is a fresh array). */
export class CallFolds {
  private readonly byCommit = new WeakMap<readonly DomainEvent[], CallFold | null>()

  constructor(private readonly displayFeedsOf: (zone: string) => string[]) {}

  of(commit: readonly DomainEvent[]): CallFold | null {
    let fold = this.byCommit.get(commit)
    if (fold === undefined) {
      fold = foldCalls(commit, this.displayFeedsOf)
      this.byCommit.set(commit, fold)
    }
    return fold
  }
}
