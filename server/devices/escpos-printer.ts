import type { PrinterConfig } from '../../protocol/device-config.ts'
import type { TicketPrinter } from '../../drivers/printer/ticket-printer.ts'
import type { PrinterFactory, PrinterHandle } from './printer-handle.ts'
import { holdTicketJobWorker, ticketJobWorker } from './ticket-job-worker.ts'

/** The driver, imported once, at the first printer a center opens; the canvas (Skia, the fonts, ~35 MB) loads only in the renderer thread. */
let driver: Promise<typeof import('../../drivers/printer/ticket-printer.ts')> | null = null
const loadDriver = () => (driver ??= import('../../drivers/printer/ticket-printer.ts'))

/**
 * The production printer: the ESC/POS driver (raster ticket, native QR, DLE EOT status polling).
 * The driver loads when the first printer is opened, not with the server: a center without a
 * printer never loads the canvas. Jobs queued while it loads wait for it; if it cannot load, each
 * job fails and the status reads unreachable, both naming why.
 */
export const openEscPosPrinter: PrinterFactory = (config) => new LoadingPrinter(config)

class LoadingPrinter implements PrinterHandle {
  private readonly printer: Promise<TicketPrinter>
  private readonly release = holdTicketJobWorker()

  constructor(config: PrinterConfig) {
    // the renderer thread starts and registers its fonts when the printer opens (at start for a
    // configured kiosk): a missing font shows at once in the printer's status, naming the file
    this.printer = Promise.all([loadDriver(), ticketJobWorker().whenReady()]).then(([m]) =>
      m.openTicketPrinter(config, { buildJob: (content, options) => ticketJobWorker().build(content, options) }),
    )
    // a failed load is reported by print and watch; it must not be an unhandled rejection meanwhile
    this.printer.catch(() => {})
  }

  print(...[content, done = () => {}]: Parameters<PrinterHandle['print']>): void {
    this.printer.then(
      (p) => p.print(content, done),
      (err: Error) => done({ outcome: 'failed', reason: `the printer driver did not load: ${err.message}` }),
    )
  }

  watch(...[changed, answered]: Parameters<PrinterHandle['watch']>): void {
    this.printer.then(
      (p) => p.watch(changed, answered),
      (err: Error) =>
        changed({
          reachable: false,
          online: false,
          coverOpen: false,
          paperNearEnd: false,
          paperOut: false,
          error: false,
          detail: `the printer driver did not load: ${err.message}`,
        }),
    )
  }

  async close(): Promise<void> {
    await this.printer.then(
      (p) => p.close(),
      () => {},
    )
    // after the close: a printer reopened with a new config holds the thread first, so it is not restarted
    this.release()
  }
}
