import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'

/**
 * A center whose messages go to a generic HTTP SMS gateway (a real loopback server): what a
 * ticket's life sends, with the configured body template and auth, and what happens when the
 * gateway is down, answers garbage, or the number is not a mobile.
 */
describe('messages through an HTTP SMS gateway', () => {
  let gateway: FakeGateway
  let center: TestCenter
  let kiosk: string
  let serviceId: number
  let counterId: number
  let clerk: string

  const outbox = () =>
    center.app.tabour.db
      .prepare('SELECT id, kind, status, phone, body, attempts, last_error AS lastError FROM message_outbox ORDER BY id')
      .all() as {
      id: number
      kind: string
      status: string
      phone: string | null
      body: string
      attempts: number
      lastError: string | null
    }[]
  const issue = async (phone: string, messagesOptIn = true, lang: 'ar' | 'en' = 'ar') => {
    const res = await center.request('POST', '/api/v1/tickets', { token: kiosk, body: { serviceId, phone, messagesOptIn, lang } })
    expect(res.statusCode).toBe(201)
    return res.json() as { id: string; label: string }
  }

  beforeAll(async () => {
    gateway = await FakeGateway.start()
    center = await TestCenter.start({
      config: {
        publicUrl: 'http://tabour.local:8080',
        messages: {
          provider: 'http',
          aheadAt: 1,
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          retryMaxSeconds: 0.2,
          http: {
            url: `${gateway.url}/sms/send`,
            username: 'center7',
            password: 'gateway-pass',
            body: { messages: [{ to: '{to}', text: '{text}', ref: '{key}' }], sender: 'Tabour' },
            idField: 'id',
          },
        },
      },
    })
    const service = await center.createService({ prefix: 'A' })
    serviceId = service.id
    const counter = await center.createCounter({ number: 4, name: 'Passports', serviceIds: [serviceId] })
    counterId = counter.id
    clerk = await center.openCounterAs('clerk1', counterId)
    kiosk = (await center.createDevice('kiosk')).token
  })
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('texts the ticket taken, "N ahead" and the call, in Arabic, with basic auth and the template filled in', async () => {
    await issue('01001234567', true)
    const second = await issue('01112223334', true)
    await issue('01223334445', false) // no consent: never texted
    await until('two "taken" messages', () => gateway.requests.length === 2)
    // due messages go out together, so the two may reach the gateway in either order
    const taken = (label: string) => gateway.requests.find((r) => r.body.messages[0].text.includes(label))!
    const first = taken('A-001')
    expect(first.headers.authorization).toBe(`Basic ${Buffer.from('center7:gateway-pass').toString('base64')}`)
    expect(first.body.sender).toBe('Tabour')
    expect(first.body.messages[0].to).toBe('201001234567')
    expect(first.body.messages[0].text).toContain('تذكرتك A-001')
    expect(first.body.messages[0].text).toContain('http://tabour.local:8080/t/')
    expect(first.headers['idempotency-key']).toBe(first.body.messages[0].ref)
    // A-002 started with one ahead (aheadAt 1): "taken" says so, no "N ahead" later
    expect(taken('A-002').body.messages[0].text).toContain('أمامك شخص واحد')

    expect((await center.action(clerk, counterId, 'call-next')).statusCode).toBe(200)
    await until('the call message', () => gateway.requests.length === 3)
    expect(gateway.requests[2].body.messages[0].text).toBe('حان دورك A-001: توجّه إلى الشباك 4 (Passports).')
    await until('accepted', () => outbox().every((m) => m.status === 'accepted'))
    expect(outbox().map((m) => m.kind)).toEqual(['ticket_taken', 'ticket_taken', 'ticket_called'])
    expect(second.label).toBe('A-002')
  })

  it('keeps messages queued while the gateway is down or answers garbage, with the stable code, and sends each once after', async () => {
    gateway.mode = 'down'
    await issue('01001230000', true)
    await until('a failed attempt', () => (outbox().at(-1)?.attempts ?? 0) >= 2)
    expect(outbox().at(-1)).toMatchObject({ status: 'queued', lastError: expect.stringContaining('TABOUR_ERR_MESSAGE_PROVIDER_DOWN') })
    gateway.mode = 'garbage'
    const before = gateway.requests.length
    await until('garbage answered', () => gateway.requests.length > before && outbox().at(-1)!.lastError!.includes('GARBAGE'))
    expect(outbox().at(-1)).toMatchObject({ status: 'queued', lastError: expect.stringContaining('TABOUR_ERR_MESSAGE_PROVIDER_GARBAGE') })
    gateway.mode = 'up'
    await until('accepted', () => outbox().at(-1)!.status === 'accepted')
    const last = outbox().at(-1)!
    const sentWithItsKey = gateway.requests.filter((r) => r.body.messages[0].to === '201001230000')
    // the garbage answers reached the gateway too; it was given the same key every time, so it can tell
    expect(new Set(sentWithItsKey.map((r) => r.headers['idempotency-key'])).size).toBe(1)
    expect(last.lastError).toBeNull()
  })

  it('records an invalid number as failed with TABOUR_ERR_INVALID_PHONE and a refusal as failed, never retried', async () => {
    await issue('123456789', true)
    await until('recorded', () => outbox().some((m) => m.phone === '123456789'))
    expect(outbox().find((m) => m.phone === '123456789')).toMatchObject({
      status: 'failed',
      attempts: 0,
      lastError: expect.stringContaining('TABOUR_ERR_INVALID_PHONE'),
    })
    gateway.mode = 'refuse'
    await issue('01009998887', true)
    await until('refused', () => outbox().some((m) => m.phone === '201009998887' && m.status === 'failed'))
    expect(outbox().find((m) => m.phone === '201009998887')!.lastError).toContain('TABOUR_ERR_MESSAGE_REFUSED')
    gateway.mode = 'up'
  })
})
