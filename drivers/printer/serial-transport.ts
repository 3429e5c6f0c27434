import { SerialPort, SerialPortMock } from 'serialport'
import type { PrinterTransport, TransportOptions } from './transport.ts'
import { decodeStatus, STATUS_QUERIES, type PrinterStatus, type StatusBytes } from './printer-status.ts'
import { describeError, TransportError } from './transport-error.ts'
import { Mutex } from 'async-mutex'
import { ByteReader } from './byte-reader.ts'

type Port = SerialPort | SerialPortMock

/**
 * A printer on a serial line (RS-232 or a USB-serial adapter). The port stays open between
 * jobs (reopening toggles DTR, which resets some printers) and is reopened after an error or
 * an unplug. Status uses the same DLE EOT queries as TCP, answered on the same line.
 * A ticket raster is ~50 KB: about 50 s at 9600 baud, 4.5 s at 115200.
 */
export class SerialTransport implements PrinterTransport {
  /** One conversation at a time, in call order: a status query sent mid-job would be taken as job bytes. */
  private readonly lane = new Mutex()
  private port: Port | null = null
  private reader = new ByteReader()
  private closed = false
  private readonly connectTimeoutMs: number
  private readonly writeTimeoutMs: number
  private readonly statusTimeoutMs: number

  /** Defaults: open 3000 ms; write 15000 ms plus twice the bytes' time on the line; 1000 ms per status byte; OS binding. */
  constructor(
    readonly path: string,
    readonly baudRate: number,
    private readonly options: TransportOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000
    this.writeTimeoutMs = options.writeTimeoutMs ?? 15_000
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000
  }

  write(data: Buffer): Promise<void> {
    return this.lane.runExclusive(async () => {
      const port = await this.open()
      // 10 bits per byte on the wire (start, 8 data, stop), doubled for flow control pauses.
      const timeoutMs = this.writeTimeoutMs + Math.ceil((data.length * 10 * 1000) / this.baudRate) * 2
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`job not sent within ${timeoutMs} ms`)), timeoutMs)
        const onClose = () => done(new Error('port closed mid-job'))
        let settled = false
        const done = (err?: Error | null) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          port.off('close', onClose)
          if (!err) return resolve()
          this.drop(port)
          reject(
            new TransportError('write-failed', `${this.name}: ${describeError(err)}; part of the job may have printed`, { cause: err }),
          )
        }
        port.once('close', onClose)
        port.write(data, (err) => err && done(err))
        // drain = tcdrain: the bytes have left the UART, not merely Node's buffer
        port.drain((err) => done(err))
      })
    })
  }

  queryStatus(): Promise<PrinterStatus> {
    return this.lane.runExclusive(async () => {
      const port = await this.open()
      this.reader.discard()
      const bytes: Partial<StatusBytes> = {}
      for (const query of STATUS_QUERIES) {
        port.write(query.bytes)
        bytes[query.key] = await this.reader.next(
          this.statusTimeoutMs,
          () => new TransportError('no-reply', `${this.name} did not answer DLE EOT ${query.bytes[2]} within ${this.statusTimeoutMs} ms`),
        )
      }
      try {
        return decodeStatus(bytes as StatusBytes)
      } catch (err) {
        throw new TransportError('bad-reply', `${this.name}: ${describeError(err)}`, { cause: err })
      }
    })
  }

  async close(): Promise<void> {
    this.closed = true
    const port = this.port
    this.port = null
    this.reader.fail(new TransportError('closed', `${this.name}: transport closed`))
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
  }

  private get name(): string {
    return `printer serial:${this.path}`
  }

  /** The open port, opening it if needed; rejects `unreachable` when it cannot be opened. */
  private async open(): Promise<Port> {
    if (this.closed) throw new TransportError('closed', `${this.name}: transport closed`)
    if (this.port?.isOpen) return this.port
    const options = { path: this.path, baudRate: this.baudRate, autoOpen: false }
    const port: Port = this.options.serialBinding === 'mock' ? new SerialPortMock(options) : new SerialPort(options)
    const reader = new ByteReader()
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new TransportError('unreachable', `${this.name} unreachable: not open within ${this.connectTimeoutMs} ms`))
        port.close(() => {})
      }, this.connectTimeoutMs)
      port.open((err) => {
        clearTimeout(timer)
        if (err) reject(new TransportError('unreachable', `${this.name} unreachable: ${describeError(err)}`, { cause: err }))
        else resolve()
      })
    })
    if (this.closed) {
      port.close(() => {})
      throw new TransportError('closed', `${this.name}: transport closed`)
    }
    port.on('data', (chunk: Buffer) => reader.push(chunk))
    // Errors also reach write callbacks or 'close'; this listener keeps an unplug from crashing the process.
    port.on('error', () => this.drop(port))
    port.on('close', () => {
      reader.fail(new TransportError('no-reply', `${this.name}: port closed`))
      if (this.port === port) this.port = null
    })
    this.port = port
    this.reader = reader
    return port
  }

  /** Forgets a port after a failure, so the next call reopens it. */
  private drop(port: Port): void {
    if (this.port === port) this.port = null
    if (port.isOpen) port.close(() => {})
  }
}
