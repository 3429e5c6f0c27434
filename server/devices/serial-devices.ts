import type { FastifyBaseLogger } from 'fastify'
import type { Queue } from '../queue/queue.ts'
import type { DomainEvent } from '../queue/domain-events.ts'
import type { DevicesRepo } from '../db/repositories/devices-repo.ts'
import type { BoardConfig, KeypadConfig, SerialStatusReport } from '../../protocol/device-config.ts'
import type { Device } from '../../protocol/entities.ts'
import {
  BOARD_PROTOCOLS,
  DEFAULT_BOARD_PROTOCOL,
  encodeAck,
  encodeNak,
  LinePool,
  parseKeyPress,
  NakReason,
  type BoardShow,
  type Frame,
  type SerialBinding,
  type SerialLine,
} from '../../drivers/serial/index.ts'
import { boardShowFor } from './board-show.ts'
import { KeypadPress } from './keypad-press.ts'

/** Serial options the app takes from its deps. */
export interface SerialDeviceOptions {
  /** Default: the OS binding. Tests pass MockBinding. */
  binding?: SerialBinding
  /** Reopen backoff after an unplug; defaults 500 ms doubling to 10 s. */
  minBackoffMs?: number
  maxBackoffMs?: number
}

export const DEFAULT_BAUD_RATE = 9600

interface Attached {
  device: Device
  /** The config it was attached with, to notice edits. */
  key: string
  config: BoardConfig | KeypadConfig
  line: SerialLine
  /** Why this device's own settings are not in force (a baud rate another device set first). */
  conflict?: string
  /** Boards: what it shows now. */
  shown?: BoardShow
  /** Keypads: the last press answered, to answer a resent one without acting twice. */
  last?: { seq: string; key: string; answer: Buffer }
  lastKey?: SerialStatusReport['lastKey']
  detach: (() => void)[]
}

const isWired = (d: Device) => (d.kind === 'board' || d.kind === 'keypad') && !d.revoked && typeof d.config.path === 'string'

/**
 * Binds LED counter boards and call keypads to the queue. Boards are repainted from the
 * queue's domain events and after every reopen of their line; keypad presses become counter
 * actions through KeypadPress. Each port path is opened once (LinePool), however many boards
 * and keypads share its bus. `sync()` re-reads the devices table: call it after a device is
 * created, edited or revoked. Faults and recoveries go out as `device:status` `{serial: …}`.
 * With no board or keypad configured nothing is opened.
 */
export class SerialDevices {
  private readonly attached = new Map<number, Attached>()
  private readonly pool: LinePool
  private readonly devices: DevicesRepo
  private readonly press: KeypadPress
  private readonly stopListening: () => void

  constructor(
    private readonly queue: Queue,
    private readonly log: FastifyBaseLogger,
    options: SerialDeviceOptions = {},
  ) {
    this.devices = queue.ctx.devices
    this.press = new KeypadPress(queue, queue.ctx.users)
    this.pool = new LinePool({ ...options, clock: queue.ctx.clock })
    this.stopListening = queue.events.on((event) => this.onDomainEvent(event))
    this.sync()
  }

  /** Opens what was added, closes what was removed or revoked, reattaches what was edited. */
  sync(): void {
    const wanted = new Map(
      this.devices
        .list()
        .filter(isWired)
        .map((d) => [d.id, d]),
    )
    for (const [id, a] of this.attached) {
      const device = wanted.get(id)
      if (!device || JSON.stringify(device.config) !== a.key) this.detach(id)
    }
    for (const [id, device] of wanted) if (!this.attached.has(id)) this.attach(device)
  }

  /** Port paths open or being reopened now (none when no board or keypad is wired). */
  get paths(): string[] {
    return this.pool.paths
  }

  async close(): Promise<void> {
    this.stopListening()
    for (const a of this.attached.values()) for (const off of a.detach) off()
    this.attached.clear()
    await this.pool.close()
  }

  private attach(device: Device): void {
    const config = device.config as BoardConfig | KeypadConfig
    const baudRate = config.baudRate ?? DEFAULT_BAUD_RATE
    const line = this.pool.acquire(config.path, baudRate)
    const a: Attached = { device, key: JSON.stringify(device.config), config, line, detach: [] }
    if (line.baudRate !== baudRate)
      a.conflict = `${config.path} is already open at ${line.baudRate} baud; this device's ${baudRate} is ignored`
    this.attached.set(device.id, a)
    a.detach.push(line.onStatus(() => this.publish(a)))
    if (device.kind === 'board') {
      a.detach.push(line.onOpen(() => this.paint(a, this.currentShow(a.config.counterId), true)))
      this.paint(a, this.currentShow(config.counterId), true)
    } else {
      a.detach.push(line.onFrame((frame) => this.onFrame(a, frame)))
    }
    if (a.conflict) this.log.warn({ deviceId: device.id }, a.conflict)
    if (line.status.open || a.conflict) this.publish(a)
  }

  private detach(id: number): void {
    const a = this.attached.get(id)
    if (!a) return
    this.attached.delete(id)
    for (const off of a.detach) off()
    void this.pool.release(a.line)
  }

  private boardsAt(counterId: number): Attached[] {
    return [...this.attached.values()].filter((a) => a.device.kind === 'board' && a.config.counterId === counterId)
  }

  private onDomainEvent(event: DomainEvent): void {
    if (event.type === 'ticket:called') {
      // a call or recall always goes out, flashing, even when the label is already shown
      for (const a of this.boardsAt(event.counter.id)) this.paint(a, { text: event.ticket.label, flash: true }, true)
    } else if (event.type === 'counter:updated') {
      // follows every call too: repainting the same label steady would cut the flash short
      for (const a of this.boardsAt(event.counter.id)) this.paint(a, this.currentShow(event.counter.id), false)
    } else if (event.type === 'device:changed') {
      // a board or keypad was added, edited or revoked: its line opens, reattaches or closes now
      this.sync()
    }
  }

  private currentShow(counterId: number): BoardShow {
    const counter = this.queue.ctx.counters.get(counterId)
    const ticket = counter?.currentTicketId ? this.queue.ctx.tickets.get(counter.currentTicketId) : undefined
    return boardShowFor(counter, ticket?.label ?? null)
  }

  /** Sends `show` unless the board already shows that text (or `always`); a line that is down is repainted when it reopens. */
  private paint(a: Attached, show: BoardShow, always: boolean): void {
    if (!always && a.shown?.text === show.text) return
    a.shown = show
    const protocol = BOARD_PROTOCOLS[(a.config as BoardConfig).protocol ?? DEFAULT_BOARD_PROTOCOL]
    a.line.write(protocol.encode(a.config.address, show))
  }

  private onFrame(a: Attached, frame: Frame): void {
    if (frame.address !== a.config.address) return
    const press = parseKeyPress(frame)
    // frames that are not presses (a board's echo on a shared bus) are not ours to answer
    if (press === null) return
    if ('bad' in press)
      return this.answer(a, press.seq, '?', encodeNak(a.config.address, press.seq, NakReason.UNKNOWN_KEY), { ok: false, reason: press.bad })
    if (a.last && a.last.seq === press.seq && a.last.key === press.key) {
      // the keypad missed our answer and sent the same press again: answer, do not act twice
      a.line.write(a.last.answer)
      return
    }
    let outcome
    try {
      outcome = this.press.run(a.config.counterId, press.key)
    } catch (err) {
      this.log.error({ err, deviceId: a.device.id }, 'keypad press failed')
      outcome = { ok: false as const, reason: NakReason.FAILED, message: 'internal error' }
    }
    const bytes = outcome.ok
      ? encodeAck(a.config.address, press.seq, outcome.label)
      : encodeNak(a.config.address, press.seq, outcome.reason)
    this.answer(a, press.seq, press.key, bytes, outcome.ok ? { ok: true } : { ok: false, reason: outcome.message })
  }

  private answer(a: Attached, seq: string, key: string, bytes: Buffer, result: { ok: boolean; reason?: string }): void {
    a.last = { seq, key, answer: bytes }
    a.line.write(bytes)
    a.lastKey = { key, ...result, at: new Date(this.queue.ctx.clock()).toISOString() }
    this.publish(a)
  }

  private report(a: Attached): SerialStatusReport {
    const s = a.line.status
    const iso = (ms: number) => new Date(ms).toISOString()
    const lastError = s.lastError ?? a.conflict
    return {
      port: s.path,
      open: s.open,
      ...(lastError ? { lastError } : {}),
      ...(s.lastFrameAt ? { lastFrameAt: iso(s.lastFrameAt) } : {}),
      badFrames: s.badFrames,
      ...(s.lastBadFrame ? { lastBadFrame: { kind: s.lastBadFrame.kind, at: iso(s.lastBadFrame.at) } } : {}),
      ...(a.lastKey ? { lastKey: a.lastKey } : {}),
      at: iso(this.queue.ctx.clock()),
    }
  }

  private publish(a: Attached): void {
    this.queue.deviceStatus.report(a.device.id, { serial: this.report(a) })
  }
}
