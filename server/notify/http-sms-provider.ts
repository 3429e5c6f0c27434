/**
 * A generic HTTP SMS gateway (the Egyptian aggregators' JSON APIs): one POST per message whose
 * body is the configured template with {to}, {text}, {key}, {lang} and {unicode} filled in,
 * with a bearer token or basic auth, and the message id read from the answer at `idField`.
 * The idempotency key goes in the Idempotency-Key header too, for gateways that honour it.
 */
import type { Config } from '../config.ts'
import { smsEncodingOf } from '../../protocol/sms-segments.ts'
import { postJson, pathValue } from './http-json.ts'
import { HealthTracker, ProviderError, type MessageProvider, type OutgoingMessage, type Receipt, type SendResult } from './provider.ts'

export type HttpSmsConfig = Config['messages']['http']

/** The body template with every string's placeholders filled (objects and arrays are walked; other values kept). */
export function fillTemplate(template: unknown, values: Record<string, string>): unknown {
  if (typeof template === 'string') return template.replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all)
  if (Array.isArray(template)) return template.map((v) => fillTemplate(v, values))
  if (template && typeof template === 'object')
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]))
  return template
}

export class HttpSmsProvider implements MessageProvider {
  readonly name = 'http' as const
  private readonly tracker = new HealthTracker('http')

  constructor(
    private readonly cfg: HttpSmsConfig & { url: string },
    private readonly timeoutMs: number,
  ) {}

  private authorization(): Record<string, string> {
    if (this.cfg.token) return { authorization: `Bearer ${this.cfg.token}` }
    if (this.cfg.username)
      return { authorization: `Basic ${Buffer.from(`${this.cfg.username}:${this.cfg.password ?? ''}`).toString('base64')}` }
    return {}
  }

  async send(m: OutgoingMessage): Promise<SendResult> {
    const body = fillTemplate(this.cfg.body, {
      to: m.phone,
      text: m.body,
      key: m.idempotencyKey,
      lang: m.lang,
      unicode: smsEncodingOf(m.body) === 'ucs2' ? '1' : '0',
    })
    try {
      const { json } = await postJson(this.cfg.url, { ...this.authorization(), 'idempotency-key': m.idempotencyKey }, body, this.timeoutMs)
      const id = pathValue(json, this.cfg.idField)
      if (id === undefined) throw new ProviderError('garbage', `the gateway's answer has no ${this.cfg.idField}`)
      this.tracker.up()
      return { providerMessageIds: [id] }
    } catch (err) {
      if (err instanceof ProviderError && err.failure !== 'refused') this.tracker.down(err.message)
      else this.tracker.up()
      throw err
    }
  }

  onReceipt(_listener: (receipt: Receipt) => void): void {
    // an aggregator's delivery reports arrive by its own callback; none is wired for the generic gateway
  }

  health() {
    return this.tracker.get()
  }

  async close(): Promise<void> {}
}
