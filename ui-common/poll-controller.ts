/**
 * Asks again every so often while its host is on the page: how a card that has no push of its
 * own (the messages card, the provider's row, the hub's bundles tab and open-data page) follows
 * what changes on the server. The first ask runs once the host's own `connectedCallback` is done
 * (a microtask later), so a host that reads its URL or properties there asks with them; the
 * timer stops when the host leaves the document and starts again when it comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'

/** The clock a PollController runs on; the page's timers by default (a test passes its own). */
export interface PollTimers {
  setInterval(run: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

const PAGE_TIMERS: PollTimers = {
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
}

export class PollController implements ReactiveController {
  private handle: unknown = null
  private connected = false

  /** `ask` runs on connect and every `everyMs`; it reports its own failures (a card keeps its last figures). */
  constructor(
    host: Pick<ReactiveControllerHost, 'addController'>,
    private readonly ask: () => Promise<void> | void,
    private readonly everyMs: number,
    private readonly timers: PollTimers = PAGE_TIMERS,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.connected = true
    queueMicrotask(() => {
      if (this.connected) this.run()
    })
    this.timers.clearInterval(this.handle)
    this.handle = this.timers.setInterval(() => this.run(), this.everyMs)
  }

  hostDisconnected(): void {
    this.connected = false
    this.timers.clearInterval(this.handle)
    this.handle = null
  }

  private run(): void {
    void this.ask()
  }
}
