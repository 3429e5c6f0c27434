/**
 * Group commit: the ingest calls that arrive while others are being stored share one transaction
 * (PostgreSQL, deferred rollups: ingest-group-pg.ts). One BEGIN, one upsert, one bookkeeping
 * statement of each kind and one COMMIT (one WAL flush) for the whole group, instead of six round
 * trips and a flush per call; under many senders the per-call statements, not the rows, were half
 * of each call's time. Each caller still gets its own answer, and only once the group committed.
 *
 * A group never holds two calls of one center (each center's rows, hours and status are then one
 * row each of the group's statements, and two copies of a center's backlog keep the order the
 * solo path gives them); the second waits for the next group. A group that fails is retried call
 * by call, each alone in its own transaction (a group of one): a bad batch is refused alone, with
 * the error it gets on its own, and the rest are stored.
 */

/** One caller's call, and how to answer it. */
interface Waiting<C, R> {
  call: C
  center: string
  resolve: (r: R) => void
  reject: (err: unknown) => void
}

export interface GroupCommitOptions {
  /** Most calls in one group (default 32). 1: every call alone, as without group commit. */
  maxCalls?: number
  /** Groups being stored at once (default 4: the database works on several while the hub builds the next; not 1 backend for a many-core server). */
  maxInFlight?: number
}

export class GroupCommit<C, R> {
  private readonly waiting: Waiting<C, R>[] = []
  private inFlight = 0
  private scheduled = false
  private readonly maxCalls: number
  private readonly maxInFlight: number

  /**
   * `store`: stores the calls in one transaction and answers each, in order (throws: nothing of
   * them stored). `centerOf`: the center a call is of.
   */
  constructor(
    private readonly store: (calls: readonly C[]) => Promise<R[]>,
    private readonly centerOf: (call: C) => string,
    options: GroupCommitOptions = {},
  ) {
    this.maxCalls = Math.max(1, options.maxCalls ?? 32)
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 4)
  }

  /** Stores `call` in the next group; resolves with its own answer once its group committed. */
  submit(call: C): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ call, center: this.centerOf(call), resolve, reject })
      this.schedule()
    })
  }

  /** Starts a group on the next microtask: the calls submitted in the same tick join it. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.length === 0) return
    this.scheduled = true
    queueMicrotask(() => {
      this.scheduled = false
      this.startGroups()
    })
  }

  private startGroups(): void {
    while (this.inFlight < this.maxInFlight && this.waiting.length > 0) {
      const group = this.take()
      this.inFlight++
      void this.run(group).finally(() => {
        this.inFlight--
        this.schedule()
      })
    }
  }

  /** The oldest waiting calls, at most one per center and maxCalls in all; the others keep their place. */
  private take(): Waiting<C, R>[] {
    const group: Waiting<C, R>[] = []
    const centers = new Set<string>()
    const kept: Waiting<C, R>[] = []
    for (const w of this.waiting) {
      if (group.length < this.maxCalls && !centers.has(w.center)) {
        group.push(w)
        centers.add(w.center)
      } else kept.push(w)
    }
    this.waiting.splice(0, this.waiting.length, ...kept)
    return group
  }

  private async run(group: readonly Waiting<C, R>[]): Promise<void> {
    try {
      const answers = await this.store(group.map((w) => w.call))
      group.forEach((w, i) => w.resolve(answers[i]!))
    } catch (err) {
      if (group.length === 1) return group[0]!.reject(err)
      // nothing of the group was stored: each call alone, so only a bad one is refused (with its own error)
      await Promise.all(
        group.map(async (w) => {
          try {
            const [answer] = await this.store([w.call])
            w.resolve(answer!)
          } catch (alone) {
            w.reject(alone)
          }
        }),
      )
    }
  }
}
