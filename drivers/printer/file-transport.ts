import { constants } from 'node:fs'
import { access, open, type FileHandle } from 'node:fs/promises'
import type { PrinterTransport, TransportOptions } from './transport.ts'
import { HEALTHY, type PrinterStatus } from './printer-status.ts'
import { describeError, TransportError } from './transport-error.ts'
import { Mutex } from 'async-mutex'

// How long to wait before writing again when the device's buffer is full (EAGAIN).
const BUSY_RETRY_MS = 20

/**
 * A printer behind a device file (`/dev/usb/lp0`), written with node:fs. Not
 * node-thermal-printer's file interface: it keeps retrying a write after reporting failure,
 * so a late retry can print a ticket twice. Opened non-blocking, so a printer that stops
 * taking data (paper out, jammed) makes the write time out instead of parking a libuv thread
 * forever. Status cannot be read this way: `queryStatus` reports the device file's presence
 * only, with `statusAvailable: false`.
 */
export class FileTransport implements PrinterTransport {
  /** One conversation at a time, in call order: a status query sent mid-job would be taken as job bytes. */
  private readonly lane = new Mutex()
  private closed = false
  private readonly writeTimeoutMs: number

  /** Defaults: write timeout 15000 ms. */
  constructor(
    readonly path: string,
    options: TransportOptions = {},
  ) {
    this.writeTimeoutMs = options.writeTimeoutMs ?? 15_000
  }

  write(data: Buffer): Promise<void> {
    return this.lane.runExclusive(async () => {
      const handle = await this.open()
      try {
        await this.writeAll(handle, data)
      } finally {
        await handle.close().catch(() => {})
      }
    })
  }

  /** Healthy with `statusAvailable: false` when the device is there and writable, else rejects `unreachable`. */
  queryStatus(): Promise<PrinterStatus> {
    return this.lane.runExclusive(async () => {
      if (this.closed) throw new TransportError('closed', `printer ${this.path}: transport closed`)
      try {
        await access(this.path, constants.W_OK)
      } catch (err) {
        throw new TransportError('unreachable', `printer ${this.path} unreachable: ${describeError(err)}`, { cause: err })
      }
      return { ...HEALTHY, statusAvailable: false }
    })
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private async open(): Promise<FileHandle> {
    if (this.closed) throw new TransportError('closed', `printer ${this.path}: transport closed`)
    try {
      // O_APPEND: on a regular file (tests, spooling) jobs accumulate instead of overwriting.
      return await open(this.path, constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK)
    } catch (err) {
      throw new TransportError('unreachable', `printer ${this.path} unreachable: ${describeError(err)}`, { cause: err })
    }
  }

  private async writeAll(handle: FileHandle, data: Buffer): Promise<void> {
    const deadline = Date.now() + this.writeTimeoutMs
    let offset = 0
    while (offset < data.length) {
      if (this.closed) throw new TransportError('write-failed', `printer ${this.path}: closed after ${offset} of ${data.length} bytes`)
      if (Date.now() >= deadline) {
        throw new TransportError(
          'write-failed',
          `printer ${this.path} did not take the job within ${this.writeTimeoutMs} ms (${offset} of ${data.length} bytes sent)`,
        )
      }
      try {
        const { bytesWritten } = await handle.write(data, offset, data.length - offset)
        offset += bytesWritten
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') {
          throw new TransportError('write-failed', `printer ${this.path}: ${describeError(err)} after ${offset} of ${data.length} bytes`, {
            cause: err,
          })
        }
        await new Promise((r) => setTimeout(r, BUSY_RETRY_MS))
      }
    }
  }
}
