import type { PrinterConfig } from '../../protocol/device-config.ts'
import type { TicketPrinter } from '../../drivers/printer/index.ts'
import type { PrinterFactory, PrinterHandle } from './printer-handle.ts'

/** The driver, imported once, at the first printer a center opens: Skia, the fonts and node-thermal-printer weigh ~35 MB. */
let driver: Promise<typeof import('../../drivers/printer/index.ts')> | null = null
const loadDriver = () => {
  // the fonts are registered here, when the printer opens (at start for a configured kiosk): a
  // missing font file shows at once in the printer's status, naming the file, not at the first ticket
  driver ??= import('../../drivers/printer/index.ts').then((m) => {
    m.registerTicketFonts()
    return m
  })
  return driver
}

/**
 * The production printer: the ESC/POS driver (raster ticket, native QR, DLE EOT status polling).
 * The driver loads when the first printer is opened, not with the server: a center without a
 * printer never loads the canvas. Jobs queued while it loads wait for it; if it cannot load, each
 * job fails and the status reads unreachable, both naming why.
 */
export const openEscPosPrinter: PrinterFactory = (config) => new LoadingPrinter(config)

class LoadingPrinter implements PrinterHandle {
  private readonly printer: Promise<TicketPrinter>

  constructor(config: PrinterConfig) {
    this.printer = loadDriver().then((m) => m.openTicketPrinter(config))
    // a failed load is reported by print and watch; it must not be an unhandled rejection meanwhile
    this.printer.catch(() => {})
  }

  print(...[content, done = () => {}]: Parameters<PrinterHandle['print']>): void {
    this.printer.then(
      (p) => p.print(content, done),
      (err: Error) => done({ outcome: 'failed', reason: `the printer driver did not load: ${err.message}` }),
    )
  }

  watch(changed: Parameters<PrinterHandle['watch']>[0]): void {
    this.printer.then(
      (p) => p.watch(changed),
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
  }
}
