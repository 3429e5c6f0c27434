import type { PrinterTransport } from './transport.ts'
import { HEALTHY, type PrinterStatus } from './printer-status.ts'
import { TransportError } from './transport-error.ts'

/**
 * A printer in memory, for tests and demos: records every job, reports a settable status,
 * and fails on request, the way node-serialport's mock binding records writes.
 */
export class MemoryTransport implements PrinterTransport {
  /** Every job written, in order. */
  readonly writes: Buffer[] = []
  /** What `queryStatus` reports. Default healthy. */
  status: PrinterStatus = { ...HEALTHY }
  /** When false, writes and status queries reject `unreachable`. Default true. */
  reachable = true
  /** Called after each recorded write. */
  onWrite: ((data: Buffer) => void) | null = null
  private readonly failures: Error[] = []
  private closed = false

  /** Makes the next write reject with `error` (one failure per call; queued in order). */
  failNextWrite(error: Error): void {
    this.failures.push(error)
  }

  async write(data: Buffer): Promise<void> {
    this.check()
    const failure = this.failures.shift()
    if (failure) throw failure
    const copy = Buffer.from(data)
    this.writes.push(copy)
    this.onWrite?.(copy)
  }

  async queryStatus(): Promise<PrinterStatus> {
    this.check()
    return { ...this.status }
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private check(): void {
    if (this.closed) throw new TransportError('closed', 'memory printer: transport closed')
    if (!this.reachable) throw new TransportError('unreachable', 'memory printer unreachable')
  }
}
