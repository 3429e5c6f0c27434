/**
 * One uPlot chart inside a lit element (the dashboard's hour chart, the hub's trend): redrawn by
 * the host's `redraw` when the element is resized, and released, chart and observer, when the
 * element leaves the document. The host decides what to draw; `show` puts a new chart in place of
 * the last one, `clear` takes it away.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit'
import uPlot from 'uplot'

export class UplotController implements ReactiveController {
  private plot: uPlot | null = null
  private observer: ResizeObserver | null = null

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly redraw: () => void,
  ) {
    host.addController(this)
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.redraw())
    this.observer.observe(this.host)
  }

  hostDisconnected(): void {
    this.observer?.disconnect()
    this.observer = null
    this.clear()
  }

  /** Draws `data` with `options` into `target`, replacing the chart drawn before. */
  show(options: uPlot.Options, data: uPlot.AlignedData, target: HTMLElement): void {
    this.clear()
    this.plot = new uPlot(options, data, target)
  }

  /** Removes the chart (nothing to draw, or no room). */
  clear(): void {
    this.plot?.destroy()
    this.plot = null
  }
}
