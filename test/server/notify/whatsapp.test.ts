import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakeGateway, type GatewayRequest } from './fake-gateway.ts'
import { ticketTakenAndCalled } from './ticket-taken-and-called.ts'
import { receiptsOf, whatsappTemplateBody } from '../../../server/notify/whatsapp-provider.ts'
import { readFileSync } from 'node:fs'
import { fillTemplate, placeholdersOf } from '../../../server/notify/templates.ts'
import {
  CITIZEN_MESSAGES,
  CITIZEN_PLACEHOLDERS,
  MESSAGE_KINDS,
  WHATSAPP_PARAMETERS,
  WHATSAPP_VARIANTS,
} from '../../../protocol/messages/citizen.ts'

/**
 * A local stand-in for the WhatsApp Cloud API that checks each request the way the API
 * documents it (POST /{phone-number-id}/messages, a bearer token, a template message with its
 * language and body parameters) and answers as the API does (contacts + messages[0].id), or with
 * the API's error shape when the request is wrong.
 */
function cloudApiAnswer(req: GatewayRequest): { status: number; body: unknown } {
  const wrong = (message: string) => ({ status: 400, body: { error: { message, type: 'OAuthException', code: 100 } } })
  if (req.path !== '/v21.0/1234567890/messages') return wrong(`unknown path ${req.path}`)
  if (req.headers.authorization !== 'Bearer wa-token')
    return { status: 401, body: { error: { message: 'Invalid OAuth access token', code: 190 } } }
  if (req.headers['content-type'] !== 'application/json') return wrong('content-type')
  const b = req.body
  if (b?.messaging_product !== 'whatsapp' || b.recipient_type !== 'individual' || b.type !== 'template')
    return wrong('not a template message')
  if (!/^[1-9][0-9]{7,14}$/.test(b.to)) return wrong('to must be digits with the country code')
  const t = b.template
  if (typeof t?.name !== 'string' || !/^[a-z0-9_]+$/.test(t.name) || typeof t.language?.code !== 'string')
    return wrong('template name/language')
  const body = t.components?.find((c: { type: string }) => c.type === 'body')
  if (!body?.parameters.every((p: { type: string; text: unknown }) => p.type === 'text' && typeof p.text === 'string' && p.text.length > 0))
    return wrong('body parameters')
  return {
    status: 200,
    body: { messaging_product: 'whatsapp', contacts: [{ input: b.to, wa_id: b.to }], messages: [{ id: `wamid.${b.to}.${Date.now()}` }] },
  }
}

describe('messages through the WhatsApp Cloud API', () => {
  let api: FakeGateway
  let center: TestCenter

  beforeAll(async () => {
    api = await FakeGateway.start()
    api.answer = cloudApiAnswer
    center = await TestCenter.start({
      config: {
        messages: {
          provider: 'whatsapp',
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          retryMaxSeconds: 0.2,
          whatsapp: {
            baseUrl: `${api.url}/v21.0`,
            phoneNumberId: '1234567890',
            token: 'wa-token',
            templates: { ticket_called: 'tabour_called_v2' },
          },
        },
      },
    })
  })
  afterAll(async () => {
    await center?.close()
    await api?.close()
  })

  it('sends each kind as its approved template with the parameters in order; a status webhook makes it delivered', async () => {
    const rows = await ticketTakenAndCalled(center)
    // the notifier sends what is due together, so the two may reach the API in either order
    expect(api.requests.map((r) => r.body.template.name).sort()).toEqual(['tabour_called_v2', 'tabour_ticket_taken'])
    const called = api.requests.find((r) => r.body.template.name === 'tabour_called_v2')!.body
    expect(called.template.language).toEqual({ code: 'en' })
    expect(called.template.components[0].parameters).toEqual([
      { type: 'text', text: 'B-001' },
      { type: 'text', text: '2' },
      { type: 'text', text: 'Civil registry' },
    ])
    // the Cloud API's status webhook, as Meta sends it, for the call's message (its part may have
    // been stored before or after the ticket-taken one's: they are accepted as the API answers)
    const wamid = (
      center.app.tabour.db
        .prepare(
          `SELECT p.provider_message_id AS id FROM message_parts p JOIN message_outbox m ON m.id = p.message_id WHERE m.kind = 'ticket_called'`,
        )
        .get() as { id: string }
    ).id
    const webhook = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: { statuses: [{ id: wamid, status: 'delivered', timestamp: '1796356215', recipient_id: '201001234567' }] },
            },
          ],
        },
      ],
    }
    expect(receiptsOf(webhook)).toEqual([{ providerMessageId: wamid, status: 'delivered' }])
    const provider = center.app.tabour.messages!.provider as import('../../../server/notify/whatsapp-provider.ts').WhatsAppProvider
    expect(provider.statusWebhook(webhook)).toBe(1)
    expect(rows()).toEqual([
      { kind: 'ticket_taken', status: 'accepted' },
      { kind: 'ticket_called', status: 'delivered' },
    ])
  })
})

// an approved template's parameters are fixed: {wait}, added for SMS texts since, is never sent to one
it('the approved tabour_ticket_ahead gets its three parameters, not the SMS-only {wait}', () => {
  const m = {
    kind: 'ticket_ahead',
    lang: 'en',
    phone: '201001234567',
    params: { label: 'A-017', ahead: 2, minutes: 12, wait: 'about 12 minutes' },
  }
  const body = whatsappTemplateBody(m as unknown as Parameters<typeof whatsappTemplateBody>[0], {})
  expect(body.template.components[0]!.parameters.map((p) => p.text)).toEqual(['A-017', '2', '12'])
})

// s49: the SMS texts gained placeholders since the templates were approved ({near}, {wait}, {where}, {time}, {counter});
// a template is sent with exactly its approved parameters, in order, whatever the message carries for its SMS text and
// whatever name `messages.whatsapp.templates` gives it (Meta refuses a template sent with more or fewer, and the message is lost)
it.each(MESSAGE_KINDS)('a WhatsApp %s carries exactly its approved parameters, never an SMS-only placeholder', (kind) => {
  // every placeholder the kind's SMS text may use, each with a value nothing else has
  const params = Object.fromEntries(CITIZEN_PLACEHOLDERS[kind].map((name) => [name, `<${name}>`]))
  const smsOnly = CITIZEN_PLACEHOLDERS[kind].filter((name) => !WHATSAPP_PARAMETERS[kind].includes(name))
  for (const templates of [{}, { [kind]: `tabour_${kind}_renamed` }]) {
    const m = { id: 1, idempotencyKey: 'k', kind, lang: 'ar', phone: '201001234567', body: 'sms text', params }
    const body = whatsappTemplateBody(m as Parameters<typeof whatsappTemplateBody>[0], templates)
    const sent = body.template.components[0]!.parameters.map((p) => p.text)
    expect(sent).toEqual(WHATSAPP_PARAMETERS[kind].map((name) => `<${name}>`))
    for (const name of smsOnly) expect(JSON.stringify(body)).not.toContain(`<${name}>`)
  }
})

/**
 * s52: a place joined from a phone in check-in mode, not checked in, is not called before its citizen checks in; its SMS
 * says so, and WhatsApp sent `tabour_ticket_taken` (the people ahead, "Follow your turn"). It goes as its own approved
 * template, `tabour_ticket_taken_held`, whose words say to check in on arrival, with their three parameters in order.
 */
describe("a held phone join's WhatsApp template", () => {
  const held = WHATSAPP_VARIANTS.ticket_taken_held
  const message = (params: Record<string, string | number>) =>
    ({ id: 1, idempotencyKey: 'k', kind: 'ticket_taken', lang: 'ar', phone: '201001234567', body: 'sms text', params }) as const
  const params = { label: 'C-005', center: 'مركز الدقي', ahead: 4, link: 'https://dokki.example/t/x', near: 'no', held: 'yes' }

  it('is tabour_ticket_taken_held (or the name the config gives it) with {label} {center} {link}; a place not held, the kind’s own', () => {
    const body = whatsappTemplateBody(message(params), {})
    expect(body.template.name).toBe('tabour_ticket_taken_held')
    expect(body.template.components[0]!.parameters.map((p) => p.text)).toEqual(['C-005', 'مركز الدقي', 'https://dokki.example/t/x'])
    expect(whatsappTemplateBody(message(params), { ticket_taken_held: 'held_v2' }).template.name).toBe('held_v2')
    const notHeld = whatsappTemplateBody(message({ ...params, held: 'no' }), {})
    expect(notHeld.template.name).toBe('tabour_ticket_taken')
    expect(notHeld.template.components[0]!.parameters).toHaveLength(4)
  })

  it.each(['ar', 'en'] as const)(
    'its %s body says what the SMS says, names its parameters in order, and starts and ends with words',
    (lang) => {
      expect(placeholdersOf(held[lang])).toEqual(held.parameters)
      // Meta refuses a template whose body starts or ends with a parameter
      expect(held[lang]).toMatch(/^[^{].*[^}]$/)
      for (const name of held.parameters) expect(CITIZEN_PLACEHOLDERS[held.kind]).toContain(name)
      // the SMS text's own words for a held place
      const sms = fillTemplate(CITIZEN_MESSAGES.ticket_taken[lang], lang, { ...params, near: 'no', held: 'yes' }, 'western')
      const checkIn = lang === 'ar' ? 'سجّل وصولك حين تصل' : 'check in when you arrive'
      expect(sms.toLowerCase()).toContain(checkIn)
      expect(held[lang]).toContain(checkIn)
      // docs/messages.md gives it as it is submitted to Meta, its parameters numbered
      const submitted = held[lang].replace(/\{(\w+)\}/g, (_, name: string) => `{{${held.parameters.indexOf(name as never) + 1}}}`)
      expect(readFileSync(new URL('../../../docs/messages.md', import.meta.url), 'utf8')).toContain(submitted)
    },
  )
})
