import type { Queue } from '../queue/queue.ts'

/**
 * Watches whether each clerk has a live console (any socket of their login) and tells the domain
 * when a held counter's clerk has been gone for queue.awayAfterSeconds (`queue.away.markAway`) or
 * is back (`markPresent`). Closing the tab, a lost network or a logout cannot ask the clerk to
 * close their counter; this is how such a counter stops shortening every estimate.
 *
 * The absence is counted from the moment the clerk's last socket ended in this process, or from
 * the start of the process for a counter already held then (its console must reconnect). A clerk
 * who never had a console in this process and whose counter was opened after the start (an API
 * client) is not judged: there is no console to miss. Nor is a clerk who acted on the counter
 * after their console left (they called or no-showed over the API: they are there); the domain
 * refuses that mark (`markAway` returns false) and the pending one is dropped, so the clerk is
 * judged again only after a console of theirs connects and leaves. Times come from the queue's
 * clock, so tests move an injected clock instead of waiting minutes.
 */
export class ConsolePresence {
  private readonly sockets = new Map<number, number>()
  private readonly goneSince = new Map<number, number>()

  constructor(
    private readonly queue: Queue,
    private readonly awayAfterMs: number,
  ) {
    const bootAt = queue.ctx.clock()
    for (const c of queue.view.heldCounters()) if (c.clerk && c.awaySince === null) this.goneSince.set(c.clerk.id, bootAt)
  }

  /** A socket of this user connected (or was recovered): their away counter is back. */
  connected(userId: number): void {
    this.sockets.set(userId, (this.sockets.get(userId) ?? 0) + 1)
    this.goneSince.delete(userId)
    this.queue.away.markPresent(userId)
  }

  /** A socket of this user ended; the absence starts when the last one does. */
  disconnected(userId: number): void {
    const left = (this.sockets.get(userId) ?? 1) - 1
    if (left > 0) return void this.sockets.set(userId, left)
    this.sockets.delete(userId)
    this.goneSince.set(userId, this.queue.ctx.clock())
  }

  /** Marks away every held counter whose clerk has been without a console for the setting's time; returns their ids. */
  sweep(): number[] {
    const now = this.queue.ctx.clock()
    const marked: number[] = []
    for (const counter of this.queue.view.heldCounters()) {
      const clerkId = counter.clerk?.id
      if (clerkId === undefined || counter.awaySince !== null || this.sockets.has(clerkId)) continue
      const since = this.goneSince.get(clerkId)
      if (since === undefined || now - since < this.awayAfterMs) continue
      if (this.queue.away.markAway(counter.id, clerkId, since)) marked.push(counter.id)
      else this.goneSince.delete(clerkId) // acted on since the console left: nothing is missing
    }
    return marked
  }

  /** How often to sweep: a quarter of the setting, between 0.1 s and 15 s. */
  static sweepEveryMs(awayAfterMs: number): number {
    return Math.min(15_000, Math.max(100, awayAfterMs / 4))
  }
}
