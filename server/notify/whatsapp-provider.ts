/**
 * WhatsApp Business Cloud API: a business may start a conversation only with an approved
 * template, so each kind is sent as the template `templates[kind]` (default `tabour_<kind>`) in
 * the citizen's language, its body parameters in the order WHATSAPP_PARAMETERS lists them (the
 * placeholders as approved; one added since is for SMS texts only), or as the variant whose words
 * are true of the message (WHATSAPP_VARIANTS: a held phone join's "ticket taken"), named likewise:
 * `POST {baseUrl}/{phoneNumberId}/messages` with a bearer token and
 * `{ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'template', template: { name, language: { code }, components: [{ type: 'body', parameters: [{ type: 'text', text }] }] } }`;
 * the answer's `messages[0].id` (a wamid) is the message id. Status webhooks
 * (`entry[].changes[].value.statuses[]`) become receipts through `receiptsOf`.
 */
import type { Config } from '../config.ts'
import { whatsappTemplateOf } from '../../protocol/messages/citizen.ts'
import { postJson } from './http-json.ts'
import { HealthTracker, ProviderError, type MessageProvider, type OutgoingMessage, type Receipt, type SendResult } from './provider.ts'

export type WhatsAppConfig = Config['messages']['whatsapp']

/** The request body for one template message. */
export function whatsappTemplateBody(m: OutgoingMessage, templates: Record<string, string>) {
  const template = whatsappTemplateOf(m.kind, m.params)
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: m.phone,
    type: 'template',
    template: {
      name: templates[template.name] ?? `tabour_${template.name}`,
      language: { code: m.lang },
      components: [
        {
          type: 'body',
          parameters: template.parameters.map((name) => ({ type: 'text', text: String(m.params[name] ?? '') })),
        },
      ],
    },
  }
}

const STATUS: Record<string, Receipt['status'] | undefined> = { delivered: 'delivered', read: 'delivered', failed: 'failed' }

/** The delivery receipts in a status webhook's body (sent is not a receipt; read counts as delivered). */
export function receiptsOf(body: unknown): Receipt[] {
  const out: Receipt[] = []
  // biome-ignore lint/suspicious/noExplicitAny: a webhook body is untrusted and read defensively
  const entries = (body as any)?.entry
  if (!Array.isArray(entries)) return out
  for (const entry of entries)
    for (const change of Array.isArray(entry?.changes) ? entry.changes : [])
      for (const s of Array.isArray(change?.value?.statuses) ? change.value.statuses : []) {
        const status = STATUS[s?.status]
        if (status && typeof s.id === 'string') out.push({ providerMessageId: s.id, status })
      }
  return out
}

export class WhatsAppProvider implements MessageProvider {
  readonly name = 'whatsapp' as const
  private readonly tracker = new HealthTracker('whatsapp')
  private listener: (r: Receipt) => void = () => {}

  constructor(
    private readonly cfg: WhatsAppConfig & { phoneNumberId: string; token: string },
    private readonly timeoutMs: number,
  ) {}

  async send(m: OutgoingMessage): Promise<SendResult> {
    const url = `${this.cfg.baseUrl.replace(/\/+$/, '')}/${this.cfg.phoneNumberId}/messages`
    try {
      const { json } = await postJson(
        url,
        { authorization: `Bearer ${this.cfg.token}` },
        whatsappTemplateBody(m, this.cfg.templates),
        this.timeoutMs,
      )
      const id = json?.messages?.[0]?.id
      if (typeof id !== 'string' || id.length === 0) throw new ProviderError('garbage', 'the Cloud API answer has no messages[0].id')
      this.tracker.up()
      return { providerMessageIds: [id] }
    } catch (err) {
      if (err instanceof ProviderError && err.failure !== 'refused') this.tracker.down(err.message)
      else this.tracker.up()
      throw err
    }
  }

  /** Feeds a status webhook's body in (the route that receives it calls this). */
  statusWebhook(body: unknown): number {
    const receipts = receiptsOf(body)
    for (const r of receipts) this.listener(r)
    return receipts.length
  }

  onReceipt(listener: (receipt: Receipt) => void): void {
    this.listener = listener
  }

  health() {
    return this.tracker.get()
  }

  async close(): Promise<void> {}
}
