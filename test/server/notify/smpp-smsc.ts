/**
 * A real SMPP server for the tests, built on the `smpp` package's server side: it accepts a
 * transceiver bind, answers submit_sm with a message id, sends an SMSC delivery receipt for
 * each part, answers enquire_link, and can drop every bind and stop listening, then come back
 * on the same port.
 */
import { createRequire } from 'node:module'
import type * as Smpp from 'smpp'

const smpp = createRequire(import.meta.url)('smpp') as typeof Smpp

export interface ReceivedPart {
  destination: string
  dataCoding: number
  /** The concatenation IE (IEI 0): reference, total, sequence; null for a single SMS. */
  concat: { ref: number; total: number; seq: number } | null
  text: string
  messageId: string
}

export class TestSmsc {
  readonly parts: ReceivedPart[] = []
  binds = 0
  enquireLinks = 0
  /** Receipt state to send for each part (null: send none). */
  receiptState: string | null = 'DELIVRD'
  private server: Smpp.Server | null = null
  private nextId = 1

  private constructor(public port: number) {}

  static async start(port = 0): Promise<TestSmsc> {
    const smsc = new TestSmsc(port)
    await smsc.listen()
    return smsc
  }

  get url(): string {
    return `smpp://127.0.0.1:${this.port}`
  }

  async listen(): Promise<void> {
    const server = smpp.createServer((session) => {
      session.on('error', () => {})
      session.on('bind_transceiver', (pdu: Smpp.PDU) => {
        this.binds++
        const ok = pdu.system_id === 'tabour' && pdu.password === 'secret'
        session.send(pdu.response(ok ? {} : { command_status: smpp.ESME_RBINDFAIL }))
      })
      session.on('enquire_link', (pdu: Smpp.PDU) => {
        this.enquireLinks++
        session.send(pdu.response())
      })
      session.on('unbind', (pdu: Smpp.PDU) => {
        session.send(pdu.response())
        session.close()
      })
      session.on('submit_sm', (pdu: Smpp.PDU) => {
        const messageId = `smsc-${this.nextId++}`
        const sm = pdu.short_message as { udh?: Buffer[]; message: string }
        const ie = sm.udh?.find((u) => u[0] === 0x00)
        this.parts.push({
          destination: String(pdu.destination_addr),
          dataCoding: pdu.data_coding as number,
          concat: ie ? { ref: ie[2], total: ie[3], seq: ie[4] } : null,
          text: sm.message,
          messageId,
        })
        session.send(pdu.response({ message_id: messageId }))
        if (this.receiptState && pdu.registered_delivery)
          session.deliver_sm({
            source_addr: pdu.destination_addr,
            destination_addr: pdu.source_addr,
            esm_class: 0x04,
            short_message: `id:${messageId} sub:001 dlvrd:001 submit date:2612040300 done date:2612040301 stat:${this.receiptState} err:000 text:`,
          })
      })
    })
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()))
    const address = server.address()
    this.port = typeof address === 'object' && address ? address.port : this.port
    this.server = server
  }

  /** Drops every bind and stops listening (the SMSC went away). */
  async drop(): Promise<void> {
    const server = this.server
    this.server = null
    if (!server) return
    for (const session of [...server.sessions]) session.destroy()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  /** Every message as the handset would show it: parts joined by their concatenation reference. */
  messages(): { destination: string; text: string }[] {
    const out: { destination: string; text: string }[] = []
    const pending = new Map<string, ReceivedPart[]>()
    for (const p of this.parts) {
      if (!p.concat) {
        out.push({ destination: p.destination, text: p.text })
        continue
      }
      const key = `${p.destination}/${p.concat.ref}`
      const list = [...(pending.get(key) ?? []), p]
      if (list.length === p.concat.total) {
        pending.delete(key)
        out.push({
          destination: p.destination,
          text: list
            .sort((a, b) => a.concat!.seq - b.concat!.seq)
            .map((x) => x.text)
            .join(''),
        })
      } else pending.set(key, list)
    }
    return out
  }

  async close(): Promise<void> {
    await this.drop()
  }
}
