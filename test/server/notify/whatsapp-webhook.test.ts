import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakeGateway } from './fake-gateway.ts'
import { ticketTakenAndCalled } from './ticket-taken-and-called.ts'

/**
 * The WhatsApp Cloud API's status webhook through the real center (issue 20): the subscription
 * handshake answers hub.challenge only to the right verify token; a status batch signed with the
 * app secret (X-Hub-Signature-256) makes its messages delivered (read counts) or failed; a
 * missing or wrong signature is 401 and changes nothing, a signed body that is not JSON is 400,
 * and a center without the WhatsApp provider answers 404.
 */
const SECRET = 'meta-app-secret'
const sign = (raw: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`
const statuses = (list: { id: string; status: string }[]) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: { statuses: list.map((s) => ({ ...s, timestamp: '1796356215' })) } }] }],
  })

describe('the WhatsApp status webhook', () => {
  let api: FakeGateway
  let center: TestCenter

  beforeAll(async () => {
    api = await FakeGateway.start()
    let n = 0
    api.answer = () => ({ status: 200, body: { messaging_product: 'whatsapp', messages: [{ id: `wamid.${++n}` }] } })
    center = await TestCenter.start({
      config: {
        messages: {
          provider: 'whatsapp',
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          whatsapp: {
            baseUrl: `${api.url}/v21.0`,
            phoneNumberId: '1234567890',
            token: 'wa-token',
            appSecret: SECRET,
            verifyToken: 'hub-check',
          },
        },
      },
    })
  })
  afterAll(async () => {
    await center?.close()
    await api?.close()
  })

  const post = (raw: string, signature?: string) =>
    center.request('POST', '/api/v1/messages/whatsapp/webhook', {
      body: raw,
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hub-signature-256': signature } : {}) },
    })

  it('answers the handshake to the right verify token only', async () => {
    const hand = (token: string) =>
      center.request('GET', `/api/v1/messages/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`)
    const ok = await hand('hub-check')
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.body).toBe('1158201444')
    const wrong = await hand('guess')
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().code).toBe('TABOUR_ERR_WHATSAPP_VERIFY_TOKEN')
  })

  it('turns signed statuses into delivered and failed; refuses a bad signature (401) and garbage (400)', async () => {
    const rows = await ticketTakenAndCalled(center)
    const [taken, called] = (
      center.app.tabour.db.prepare('SELECT provider_message_id AS id FROM message_parts ORDER BY message_id').all() as { id: string }[]
    ).map((p) => p.id)
    const batch = statuses([
      { id: taken!, status: 'failed' },
      { id: called!, status: 'read' },
    ])

    for (const signature of [undefined, 'sha256=00', sign(batch, 'another-secret'), sign(`${batch} `), 'md5=abc']) {
      const refused = await post(batch, signature)
      expect(refused.statusCode, String(signature)).toBe(401)
      expect(refused.json().code).toBe('TABOUR_ERR_WHATSAPP_SIGNATURE')
    }
    expect(rows().map((r) => r.status)).toEqual(['accepted', 'accepted'])
    const garbage = await post('{"entry": [', sign('{"entry": ['))
    expect(garbage.statusCode).toBe(400)
    // signed JSON that is not a status batch: nothing to apply, nothing breaks
    const other = await post('[1,2]', sign('[1,2]'))
    expect(other.statusCode).toBe(200)
    expect(other.json()).toEqual({ receipts: 0 })

    const accepted = await post(batch, sign(batch))
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toEqual({ receipts: 2 })
    expect(rows()).toEqual([
      { kind: 'ticket_taken', status: 'failed' },
      { kind: 'ticket_called', status: 'delivered' },
    ])
  })

  it('is off (404) on a center whose provider is not WhatsApp', async () => {
    const plain = await TestCenter.start()
    try {
      const get = await plain.request('GET', '/api/v1/messages/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1')
      expect(get.statusCode).toBe(404)
      expect(get.json().code).toBe('TABOUR_ERR_WHATSAPP_WEBHOOK_OFF')
      const raw = statuses([{ id: 'wamid.1', status: 'delivered' }])
      const posted = await plain.request('POST', '/api/v1/messages/whatsapp/webhook', {
        body: raw,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': sign(raw) },
      })
      expect(posted.statusCode).toBe(404)
      expect(posted.json().code).toBe('TABOUR_ERR_WHATSAPP_WEBHOOK_OFF')
    } finally {
      await plain.close()
    }
  })
})
