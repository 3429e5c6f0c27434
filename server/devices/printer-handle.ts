import type { PrinterConfig } from '../../protocol/device-config.ts'
import type { TicketPrinter } from '../../drivers/printer/index.ts'

/** One kiosk's printer as the server uses it: queue a ticket, watch the status, close. */
export type PrinterHandle = Pick<TicketPrinter, 'print' | 'watch' | 'close'>

/** Opens a kiosk's printer from its config; tests swap in their own. */
export type PrinterFactory = (config: PrinterConfig) => PrinterHandle
