import type { PrinterStatus } from './printer-status.ts'

// The interface only: the four implementations import it, and open-transport.ts (the factory)
// imports them, so the interface and the factory live apart and nothing imports in a circle.

/**
 * A link to one printer. Calls are serialized by the transport itself. Failures reject with
 * a `TransportError` whose code says whether any byte can have reached the printer.
 */
export interface PrinterTransport {
  /** Sends one job; resolves when the bytes have left (socket ended, device written, serial drained), not when paper moves. */
  write(data: Buffer): Promise<void>
  /** Asks the printer for its real-time status (DLE EOT 1, 2, 4). */
  queryStatus(): Promise<PrinterStatus>
  /** Releases the link; later calls reject with code `closed`. */
  close(): Promise<void>
}

/** Tuning for a transport (`openPrinterTransport` passes it on); every field is optional. */
export interface TransportOptions {
  /** How long to wait for a TCP connection or a serial port to open. Default 3000 ms. */
  connectTimeoutMs?: number
  /** Longest a job may take to send. Default 15000 ms; serial adds twice the time the bytes need at the baud rate. */
  writeTimeoutMs?: number
  /** How long to wait for each status reply byte. Default 1000 ms. */
  statusTimeoutMs?: number
  /** How long a TCP transport waits for the printer to close its side after a job before calling it sent. Default 2000 ms. */
  closeGraceMs?: number
  /** serialport binding: the OS (default) or serialport's MockBinding, for tests. */
  serialBinding?: 'os' | 'mock'
}
