/**
 * SMPP 3.4 to an operator's SMSC, through the `smpp` package: one transceiver bind that sends
 * (submit_sm) and receives delivery receipts (deliver_sm with the receipt esm_class) on the same
 * link, enquire_link every `enquireLinkSeconds`, and a new bind with backoff whenever the link
 * drops. Arabic goes as UCS-2 (data_coding 8); a text longer than one SMS goes in parts with a
 * concatenation header (UDH IEI 0, 8-bit reference), each part asking for its receipt. At most
 * `window` submits await their answer and at most `perSecond` leave each second, as operators
 * require. A submit whose answer never comes (the link dropped) counts as down: the outbox
 * tries the whole message again.
 */
import { createRequire } from 'node:module'
import type * as Smpp from 'smpp'
import type { Config } from '../config.ts'
import { backoffDelay } from '../../protocol/backoff.ts'
import { countSegments, smsEncodingOf, splitUcs2 } from '../../protocol/sms-segments.ts'
import { HealthTracker, ProviderError, type MessageProvider, type OutgoingMessage, type Receipt, type SendResult } from './provider.ts'

// the package is CommonJS and sets its constants in a loop, which ESM's named-export detection does not see
const smpp = createRequire(import.meta.url)('smpp') as typeof Smpp

export type SmppConfig = Config['messages']['smpp']

/** SMSC answers that mean "not now": retried. Everything else non-zero refuses this message for good. */
const TRANSIENT_STATUS = new Set([0x08 /* system error */, 0x14 /* queue full */, 0x58 /* throttled */, 0x45 /* submit failed */])

const RECEIPT_STATE: Record<string, Receipt['status'] | undefined> = {
  DELIVRD: 'delivered',
  EXPIRED: 'expired',
  UNDELIV: 'failed',
  REJECTD: 'failed',
  DELETED: 'failed',
}
/** message_state TLV values (SMPP 3.4 §5.2.28): 2 delivered, 3 expired, 4 deleted, 5 undeliverable, 8 rejected. */
const TLV_STATE: Record<number, Receipt['status'] | undefined> = { 2: 'delivered', 3: 'expired', 4: 'failed', 5: 'failed', 8: 'failed' }

/** The parts of `text` and their data_coding: GSM-7 (0) in 160 / 153, else UCS-2 (8) in 70 / 67. */
export function smsParts(text: string): { dataCoding: 0 | 8; parts: string[] } {
  const count = countSegments(text)
  if (smsEncodingOf(text) === 'ucs2') return { dataCoding: 8, parts: count.segments <= 1 ? [text] : splitUcs2(text, 67) }
  if (count.segments <= 1) return { dataCoding: 0, parts: [text] }
  const parts: string[] = []
  let part = ''
  let units = 0
  for (const ch of text) {
    const width = '^{}\\[~]|€\f'.includes(ch) ? 2 : 1
    if (units + width > 153) {
      parts.push(part)
      part = ''
      units = 0
    }
    part += ch
    units += width
  }
  if (part) parts.push(part)
  return { dataCoding: 0, parts }
}

/** The receipted message id and its final state in a receipt deliver_sm (TLVs, else the receipt text of SMPP 3.4 Appendix B). */
export function readReceipt(pdu: Smpp.PDU): Receipt | null {
  const sm = pdu.short_message as { message?: unknown } | undefined
  const text = typeof sm?.message === 'string' ? sm.message : Buffer.isBuffer(sm?.message) ? sm.message.toString('latin1') : ''
  const id = typeof pdu.receipted_message_id === 'string' ? pdu.receipted_message_id : /\bid:(\S+)/i.exec(text)?.[1]
  const tlvState = typeof pdu.message_state === 'number' ? TLV_STATE[pdu.message_state] : undefined
  const status = tlvState ?? RECEIPT_STATE[/\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? '']
  return id && status ? { providerMessageId: id, status } : null
}

export class SmppProvider implements MessageProvider {
  readonly name = 'smpp' as const
  private readonly tracker = new HealthTracker('smpp')
  private session: Smpp.Session | null = null
  private bound = false
  private closed = false
  private reconnects = 0
  private reconnectTimer: NodeJS.Timeout | null = null
  private listener: (r: Receipt) => void = () => {}
  /** Submits sent and not answered: rejected as down when the link drops. */
  private readonly inFlight = new Set<(err: ProviderError) => void>()
  private readonly windowWaiters: (() => void)[] = []
  private nextSlotAt = 0
  private reference = 0

  constructor(
    private readonly cfg: SmppConfig & { url: string; systemId: string },
    private readonly timeoutMs: number,
  ) {
    this.connect()
  }

  /** True while bound as a transceiver. */
  get isBound(): boolean {
    return this.bound
  }

  private connect(): void {
    if (this.closed) return
    const session = smpp.connect({ url: this.cfg.url, auto_enquire_link_period: Math.round(this.cfg.enquireLinkSeconds * 1000) })
    this.session = session
    session.on('connect', () => {
      session.bind_transceiver(
        { system_id: this.cfg.systemId, password: this.cfg.password ?? '', system_type: this.cfg.systemType, interface_version: 0x34 },
        (pdu) => {
          if (pdu.command_status === 0 && this.session === session) {
            this.bound = true
            this.reconnects = 0
            this.tracker.up()
          } else {
            this.tracker.down(`bind refused (status ${pdu.command_status})`)
            session.destroy()
          }
        },
      )
    })
    session.on('deliver_sm', (pdu: Smpp.PDU) => {
      session.send(pdu.response())
      // esm_class bits 2-5 name the message type; 0x04 is an SMSC delivery receipt
      if (((pdu.esm_class as number) & 0x3c) !== 0x04) return
      const receipt = readReceipt(pdu)
      if (receipt) this.listener(receipt)
    })
    session.on('enquire_link', (pdu: Smpp.PDU) => session.send(pdu.response()))
    session.on('unbind', (pdu: Smpp.PDU) => {
      session.send(pdu.response())
      session.close()
    })
    session.on('error', (err: Error) => this.tracker.down(err.message))
    session.on('close', () => {
      if (this.session !== session) return
      this.bound = false
      this.session = null
      this.tracker.down(this.tracker.get().lastError ?? 'link closed')
      for (const reject of [...this.inFlight]) reject(new ProviderError('down', 'the SMPP link dropped before the SMSC answered'))
      this.inFlight.clear()
      this.scheduleReconnect()
    })
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return
    const delay = backoffDelay(this.reconnects++, {
      baseMs: this.cfg.reconnectMinSeconds * 1000,
      maxMs: this.cfg.reconnectMaxSeconds * 1000,
    })
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      this.connect()
    }, delay)
  }

  /** Waits for a place in the window and for the next slot of the rate. */
  private async slot(): Promise<void> {
    while (this.inFlight.size >= this.cfg.window) await new Promise<void>((resolve) => this.windowWaiters.push(resolve))
    const now = Date.now()
    const at = Math.max(now, this.nextSlotAt)
    this.nextSlotAt = at + 1000 / this.cfg.perSecond
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now))
  }

  private submit(options: Record<string, unknown>): Promise<string> {
    return new Promise((resolve, reject) => {
      const session = this.session
      if (!session || !this.bound) {
        reject(new ProviderError('down', 'not bound to the SMSC'))
        return
      }
      const done = (err: ProviderError | null, id?: string) => {
        if (!this.inFlight.delete(fail)) return
        clearTimeout(timer)
        this.windowWaiters.shift()?.()
        if (err) reject(err)
        else resolve(id!)
      }
      const fail = (err: ProviderError) => done(err)
      const timer = setTimeout(() => done(new ProviderError('down', 'the SMSC did not answer the submit in time')), this.timeoutMs)
      this.inFlight.add(fail)
      const sent = session.submit_sm(options, (pdu) => {
        if (pdu.command_status !== 0) {
          const failure = TRANSIENT_STATUS.has(pdu.command_status) ? 'down' : 'refused'
          done(new ProviderError(failure, `the SMSC answered submit_sm with status 0x${pdu.command_status.toString(16)}`))
          return
        }
        const id = typeof pdu.message_id === 'string' ? pdu.message_id.trim() : ''
        if (!id) done(new ProviderError('garbage', 'the SMSC accepted the submit without a message_id'))
        else done(null, id)
      })
      if (!sent) done(new ProviderError('down', 'the SMPP link is not writable'))
    })
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    if (!this.bound) throw new ProviderError('down', this.tracker.get().lastError ?? 'not bound to the SMSC')
    const { dataCoding, parts } = smsParts(m.body)
    const alphanumeric = /[^0-9]/.test(this.cfg.sourceAddr)
    const reference = (this.reference = (this.reference + 1) & 0xff)
    const ids: string[] = []
    for (let i = 0; i < parts.length; i++) {
      await this.slot()
      const udh = parts.length > 1 ? Buffer.from([0x05, 0x00, 0x03, reference, parts.length, i + 1]) : undefined
      ids.push(
        await this.submit({
          source_addr: this.cfg.sourceAddr,
          source_addr_ton: alphanumeric ? 5 : 1,
          source_addr_npi: alphanumeric ? 0 : 1,
          destination_addr: m.phone,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          registered_delivery: 1,
          data_coding: dataCoding,
          short_message: udh ? { udh, message: parts[i] } : parts[i],
        }),
      )
    }
    return { providerMessageIds: ids }
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listener = listener
  }

  health() {
    return this.tracker.get()
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = null
    const session = this.session
    this.session = null
    this.bound = false
    if (!session) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => session.destroy(() => resolve()), 1000)
      session.unbind({}, () => {
        clearTimeout(timer)
        session.destroy(() => resolve())
      })
      if (!session.socket.writable) {
        clearTimeout(timer)
        session.destroy()
        resolve()
      }
    })
  }
}
