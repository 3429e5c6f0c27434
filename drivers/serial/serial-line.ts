import type { SerialPort } from 'serialport'
import type { BindingInterface } from './serialport-types.ts'
import { FrameDecoder, type FrameErrorKind } from './frame-decoder.ts'
import type { Frame } from './frame.ts'
import { backoffDelay } from '../../protocol/backoff.ts'

/** A serialport binding: the OS one (default), or serialport's mock binding in tests. */
export type SerialBinding = BindingInterface

/** What a line reports about itself; pushed on every change that matters to staff. */
export interface LineStatus {
  path: string
  open: boolean
  /** Why the port is not open (or last failed); cleared once it opens again. */
  lastError?: string
  /** Epoch ms of the last good frame received. */
  lastFrameAt?: number
  /** Frames rejected since the line was created (garbage, bad checksum, cut short, too long). */
  badFrames: number
  lastBadFrame?: { kind: FrameErrorKind; at: number }
}

export interface SerialLineOptions {
  baudRate: number
  /** Default: the OS binding serialport detects. */
  binding?: SerialBinding
  /** First reopen delay after a failure; doubles up to maxBackoffMs. Default 500 ms. */
  minBackoffMs?: number
  /** Longest delay between reopen attempts. Default 10000 ms. */
  maxBackoffMs?: number
  /** Epoch-ms clock for the timestamps in the status. Default Date.now. */
  clock?: () => number
}

type Listener<T> = (value: T) => void

/** serialport (and its native binding), imported when the first line opens: a center without LED boards or keypads never loads it. */
let serialport: Promise<typeof SerialPort> | null = null
const loadSerialPort = () => {
  serialport ??= import('serialport').then((m) => m.SerialPort)
  return serialport
}

/**
 * One serial port path, kept open: when it cannot be opened or goes away (a USB adapter
 * unplugged, a pty's far side gone) it is reopened with exponential backoff, forever, until
 * closed. Incoming bytes are split into frames; bad bytes are counted and dropped. Writes while
 * the port is down are refused (write returns false) rather than queued: boards are repainted
 * from the current state on `open`, which is always more correct than replaying stale frames.
 */
export class SerialLine {
  private port: SerialPort | null = null
  private timer: NodeJS.Timeout | null = null
  private attempt = 0
  private started = false
  private closed = false
  private readonly decoder = new FrameDecoder()
  private current: LineStatus
  private readonly frameListeners = new Set<Listener<Frame>>()
  private readonly statusListeners = new Set<Listener<LineStatus>>()
  private readonly openListeners = new Set<Listener<void>>()
  private readonly clock: () => number

  constructor(
    readonly path: string,
    private readonly options: SerialLineOptions,
  ) {
    this.clock = options.clock ?? Date.now
    this.current = { path, open: false, badFrames: 0 }
  }

  get baudRate(): number {
    return this.options.baudRate
  }

  get status(): LineStatus {
    return { ...this.current }
  }

  onFrame(listener: Listener<Frame>): () => void {
    this.frameListeners.add(listener)
    return () => this.frameListeners.delete(listener)
  }

  onStatus(listener: Listener<LineStatus>): () => void {
    this.statusListeners.add(listener)
    return () => this.statusListeners.delete(listener)
  }

  /** Called after every successful (re)open: the moment to repaint what the devices show. */
  onOpen(listener: Listener<void>): () => void {
    this.openListeners.add(listener)
    return () => this.openListeners.delete(listener)
  }

  /** Starts opening the port in the background; safe to call more than once. */
  start(): void {
    if (this.started || this.closed) return
    this.started = true
    this.open()
  }

  /** Sends bytes if the port is open; false when it is down (nothing is queued). */
  write(bytes: Buffer): boolean {
    const port = this.port
    if (!port?.isOpen) return false
    port.write(bytes, (err) => err && this.lost(port, err))
    return true
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const port = this.port
    this.port = null
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()))
  }

  private open(): void {
    this.timer = null
    if (this.closed) return
    loadSerialPort().then(
      (SerialPortClass) => this.openWith(SerialPortClass),
      (err: Error) => this.failed(err),
    )
  }

  private openWith(SerialPortClass: typeof SerialPort): void {
    if (this.closed) return
    // SerialPort's options spread over its default binding, so a given binding (the mock) wins
    const port = new SerialPortClass({
      path: this.path,
      baudRate: this.options.baudRate,
      autoOpen: false,
      ...(this.options.binding ? { binding: this.options.binding } : {}),
    } as ConstructorParameters<typeof SerialPort>[0])
    // without an 'error' listener an unplug mid-write would throw from the stream and crash the server
    port.on('error', (err) => this.lost(port, err))
    port.open((err) => {
      if (err) return this.failed(err)
      if (this.closed) return void port.close(() => {})
      this.port = port
      this.attempt = 0
      this.decoder.reset()
      port.on('data', (chunk: Buffer) => this.received(chunk))
      port.on('close', (disconnect: Error | null) => this.lost(port, disconnect ?? new Error('port closed')))
      this.update({ open: true, lastError: undefined })
      for (const listener of this.openListeners) listener()
    })
  }

  private received(chunk: Buffer): void {
    let bad: FrameErrorKind | null = null
    for (const result of this.decoder.push(chunk)) {
      if (result.ok) {
        this.current.lastFrameAt = this.clock()
        for (const listener of this.frameListeners) listener(result.frame)
      } else {
        this.current.badFrames++
        bad = result.error
      }
    }
    if (bad) this.update({ lastBadFrame: { kind: bad, at: this.clock() } })
  }

  /** The open port failed or went away: forget it and try again later. */
  private lost(port: SerialPort, err: Error): void {
    if (this.port !== port) return
    this.port = null
    if (port.isOpen) port.close(() => {})
    this.failed(err)
  }

  private failed(err: Error): void {
    if (this.closed) return
    const message = err.message || String(err)
    // a retry failing the same way is not news: report only what changed
    if (this.current.open || this.current.lastError !== message) this.update({ open: false, lastError: message })
    const delay = backoffDelay(this.attempt, {
      baseMs: this.options.minBackoffMs ?? 500,
      maxMs: this.options.maxBackoffMs ?? 10_000,
      jitter: 0,
    })
    this.attempt = Math.min(this.attempt + 1, 30)
    this.timer = setTimeout(() => this.open(), delay)
    // a pending reopen must not keep a process alive that is otherwise done
    this.timer.unref()
  }

  private update(changes: Partial<LineStatus>): void {
    this.current = { ...this.current, ...changes }
    if (this.current.lastError === undefined) delete this.current.lastError
    const snapshot = this.status
    for (const listener of this.statusListeners) listener(snapshot)
  }
}
