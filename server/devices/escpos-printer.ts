import { openTicketPrinter } from '../../drivers/printer/index.ts'
import type { PrinterFactory } from './printer-handle.ts'

/** The production printer: the ESC/POS driver (raster ticket, native QR, DLE EOT status polling). */
export const openEscPosPrinter: PrinterFactory = (config) => openTicketPrinter(config)
