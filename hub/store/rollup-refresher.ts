/**
 * Deferred rollups' refresher: every `intervalMs` folds the marked days into the rollups
 * (HubStore.foldRollups, rollup-fold.ts) until none waits, one fold after the other (never two at
 * once). A failed fold is reported and retried next time: its marks stay (the fold is one
 * transaction). stop() waits for a fold in flight, so the store can close after it.
 */
export class RollupRefresher {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopped = false

  /** `fold`: one fold, resolving with the marks it folded (0: nothing left). */
  constructor(
    private readonly fold: () => Promise<number>,
    private readonly intervalMs: number,
    private readonly onError: (err: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false
    this.schedule()
  }

  /** Stops the timer and waits for a fold in flight (it commits or rolls back whole). */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  private schedule(): void {
    if (this.stopped) return
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = null
        this.schedule()
      })
    }, this.intervalMs)
    this.timer.unref()
  }

  /** Folds until nothing is left (or the refresher stops): a backlog is drained in one tick, a fold's worth at a time. */
  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.fold()) > 0) {}
    } catch (err) {
      this.onError(err)
    }
  }
}
