import { connect, type Socket } from 'node:net'
import type { PrinterTransport, TransportOptions } from './transport.ts'
import { decodeStatus, STATUS_QUERIES, type PrinterStatus, type StatusBytes } from './printer-status.ts'
import { describeError, TransportError } from './transport-error.ts'
import { Mutex } from 'async-mutex'
import { ByteReader } from './byte-reader.ts'

/**
 * A network printer on a raw TCP port (9100). One connection per job and per status query:
 * most printers serve a single connection at a time, and a connection held open would lock
 * out the printer's own web page and other tools.
 */
export class TcpTransport implements PrinterTransport {
  /** One conversation at a time, in call order: a status query sent mid-job would be taken as job bytes. */
  private readonly lane = new Mutex()
  private readonly sockets = new Set<Socket>()
  private closed = false
  private readonly connectTimeoutMs: number
  private readonly writeTimeoutMs: number
  private readonly statusTimeoutMs: number
  private readonly closeGraceMs: number

  /** Defaults: connect 3000 ms, write 15000 ms, 1000 ms per status byte, 2000 ms close grace. */
  constructor(
    readonly host: string,
    readonly port: number,
    options: TransportOptions = {},
  ) {
    this.connectTimeoutMs = options.connectTimeoutMs ?? 3000
    this.writeTimeoutMs = options.writeTimeoutMs ?? 15_000
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000
    this.closeGraceMs = options.closeGraceMs ?? 2000
  }

  write(data: Buffer): Promise<void> {
    return this.lane.runExclusive(async () => this.send(await this.open(), data))
  }

  queryStatus(): Promise<PrinterStatus> {
    return this.lane.runExclusive(async () => {
      const socket = await this.open()
      const reader = new ByteReader()
      socket.on('data', (chunk: Buffer) => reader.push(chunk))
      socket.on('error', (err) =>
        reader.fail(
          new TransportError('no-reply', `${this.name} lost the connection during a status query: ${describeError(err)}`, { cause: err }),
        ),
      )
      socket.on('close', () =>
        reader.fail(new TransportError('no-reply', `${this.name} closed the connection before answering a status query`)),
      )
      try {
        const bytes: Partial<StatusBytes> = {}
        for (const query of STATUS_QUERIES) {
          socket.write(query.bytes)
          bytes[query.key] = await reader.next(
            this.statusTimeoutMs,
            () => new TransportError('no-reply', `${this.name} did not answer DLE EOT ${query.bytes[2]} within ${this.statusTimeoutMs} ms`),
          )
        }
        try {
          return decodeStatus(bytes as StatusBytes)
        } catch (err) {
          throw new TransportError('bad-reply', `${this.name}: ${describeError(err)}`, { cause: err })
        }
      } finally {
        socket.destroy()
        this.sockets.delete(socket)
      }
    })
  }

  async close(): Promise<void> {
    this.closed = true
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
  }

  private get name(): string {
    return `printer tcp://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`
  }

  /** Connects, or rejects `unreachable`: refused, no route, DNS failure or no answer within the connect timeout. */
  private open(): Promise<Socket> {
    if (this.closed) return Promise.reject(new TransportError('closed', `${this.name}: transport closed`))
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port })
      this.sockets.add(socket)
      const fail = (why: string, cause?: unknown) => {
        clearTimeout(timer)
        socket.destroy()
        this.sockets.delete(socket)
        reject(new TransportError('unreachable', `${this.name} unreachable: ${why}`, { cause }))
      }
      const timer = setTimeout(() => fail(`no connection within ${this.connectTimeoutMs} ms`), this.connectTimeoutMs)
      socket.once('error', (err) => fail(describeError(err), err))
      socket.once('connect', () => {
        clearTimeout(timer)
        socket.removeAllListeners('error')
        // send/queryStatus attach their own handlers; this one keeps a late error from crashing the process
        socket.on('error', () => {})
        socket.setNoDelay(true)
        resolve(socket)
      })
    })
  }

  /**
   * Writes the job, half-closes, and waits for the printer to close its side. An error or
   * reset before that means the printer may hold part of the job: `write-failed`, never
   * `unreachable`, so the job is not sent twice. A printer that keeps the connection open is
   * taken as done after `closeGraceMs`, once every byte has been flushed.
   */
  private send(socket: Socket, data: Buffer): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let flushed = false
      let settled = false
      const finish = (err?: TransportError) => {
        if (settled) return
        settled = true
        clearTimeout(deadline)
        clearTimeout(grace)
        socket.destroy()
        this.sockets.delete(socket)
        if (err) reject(err)
        else resolve()
      }
      const failed = (why: string, cause?: unknown) =>
        finish(new TransportError('write-failed', `${this.name}: ${why}; part of the job may have printed`, { cause }))
      const deadline = setTimeout(() => failed(`job not sent within ${this.writeTimeoutMs} ms`), this.writeTimeoutMs)
      let grace: NodeJS.Timeout | undefined
      socket.on('error', (err) => failed(describeError(err), err))
      socket.on('data', () => {}) // some printers send status unasked; reading keeps the window open
      socket.on('end', () => {
        if (!flushed) failed('the printer closed the connection mid-job')
      })
      socket.on('close', () => (flushed ? finish() : failed('connection closed mid-job')))
      socket.write(data, (err) => {
        if (err) return failed(describeError(err), err)
        flushed = true
        socket.end()
        grace = setTimeout(() => finish(), this.closeGraceMs)
      })
    })
  }
}
