/**
 * The ticket printer driver: ticket layout → raster image (shaped Arabic) → ESC/POS bytes,
 * real-time status, transports (TCP 9100, device file, serial, memory) and a print queue.
 */
export type { TicketContent } from './ticket-content.ts'
export { registerTicketFonts, ticketFontFiles, ARABIC_FAMILY, LATIN_FAMILY } from './fonts.ts'
export { ticketText, toArabicIndic, type TicketText } from './ticket-text.ts'
export { renderTicket, ticketLayout, TICKET_WIDTH_DOTS, type LaidOutParagraph, type RenderOptions } from './render-ticket.ts'
export { buildTicketJob, MAX_QR_BYTES, type JobOptions } from './escpos-job.ts'
export { decodeStatus, STATUS_QUERIES, HEALTHY, type PrinterStatus, type StatusBytes } from './printer-status.ts'
export { TransportError, type TransportErrorCode } from './transport-error.ts'
export type { PrinterTransport, TransportOptions } from './transport.ts'
export { parsePrinterInterface, DEFAULT_BAUD_RATE, type ParsedInterface } from './printer-interface.ts'
export { openPrinterTransport } from './open-transport.ts'
export { TcpTransport } from './tcp-transport.ts'
export { FileTransport } from './file-transport.ts'
export { SerialTransport } from './serial-transport.ts'
export { MemoryTransport } from './memory-transport.ts'
export { PrintQueue, type PrintJob, type JobOutcome, type PrinterHealth, type PrintQueueOptions } from './print-queue.ts'
export {
  openTicketPrinter,
  TicketPrinter,
  type TicketPrinterConfig,
  type TicketPrinterOptions,
  type TicketJobOutcome,
  type TicketPrinterStatus,
} from './ticket-printer.ts'
