import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { until } from './fake-gateway.ts'
import { TestSmsc } from './smpp-smsc.ts'
import type { SmppProvider } from '../../../server/notify/smpp-provider.ts'

/**
 * The SMPP provider against a real SMPP server (the `smpp` package's server side on loopback),
 * through a whole center: long Arabic texts in UCS-2 parts that join back to the same text,
 * receipts that move the message to delivered, enquire_link, and an SMSC that drops the bind
 * and comes back without a message lost or sent twice.
 */
describe('messages over SMPP 3.4', () => {
  let smsc: TestSmsc
  let center: TestCenter
  let kiosk: string
  let serviceId: number

  const outbox = () =>
    center.app.tabour.db.prepare('SELECT id, kind, status, phone, body FROM message_outbox ORDER BY id').all() as {
      id: number
      kind: string
      status: string
      phone: string
      body: string
    }[]
  const issue = async (phone: string) => {
    const res = await center.request('POST', '/api/v1/tickets', {
      token: kiosk,
      body: { serviceId, phone, messagesOptIn: true, lang: 'ar' },
    })
    expect(res.statusCode).toBe(201)
  }
  const provider = () => center.app.tabour.messages!.provider as SmppProvider

  beforeAll(async () => {
    smsc = await TestSmsc.start()
    center = await TestCenter.start({
      config: {
        publicUrl: 'http://tabour.local:8080',
        messages: {
          provider: 'smpp',
          aheadAt: 0,
          scanSeconds: 0.05,
          retryMinSeconds: 0.05,
          retryMaxSeconds: 0.2,
          smpp: {
            url: smsc.url,
            systemId: 'tabour',
            password: 'secret',
            enquireLinkSeconds: 0.1,
            reconnectMinSeconds: 0.05,
            reconnectMaxSeconds: 0.2,
            perSecond: 500,
          },
        },
      },
    })
    serviceId = (await center.createService({ prefix: 'A' })).id
    kiosk = (await center.createDevice('kiosk')).token
    await until('bound', () => provider().isBound)
  })
  afterAll(async () => {
    await center?.close()
    await smsc?.close()
  })

  it('sends a long Arabic text as UCS-2 parts that join back to the same text, and its receipts make it delivered', async () => {
    await issue('01001234567')
    await until('delivered', () => outbox()[0]?.status === 'delivered')
    const [message] = outbox()
    expect(message.body.length).toBeGreaterThan(70)
    expect(smsc.parts.length).toBe(Math.ceil(message.body.length / 67))
    expect(smsc.parts.every((p) => p.dataCoding === 8 && p.concat !== null && p.destination === '201001234567')).toBe(true)
    expect(smsc.messages()).toEqual([{ destination: '201001234567', text: message.body }])
    const parts = center.app.tabour.db.prepare('SELECT status FROM message_parts WHERE message_id = ?').all(message.id) as {
      status: string
    }[]
    expect(parts.map((p) => p.status)).toEqual(parts.map(() => 'delivered'))
    await until('enquire_link', () => smsc.enquireLinks > 0)
    expect(provider().health()).toMatchObject({ provider: 'smpp', up: true })
  })

  it('a receipt saying undeliverable makes the message failed', async () => {
    smsc.receiptState = 'UNDELIV'
    await issue('01001234568')
    await until('failed', () => outbox().at(-1)?.status === 'failed')
    smsc.receiptState = 'DELIVRD'
  })

  it('the SMSC dropping the bind and coming back loses and duplicates nothing', async () => {
    const before = smsc.messages().length
    const binds = smsc.binds
    await smsc.drop()
    await until('unbound', () => !provider().isBound)
    expect(provider().health().up).toBe(false)
    for (let i = 0; i < 5; i++) await issue(`0100000000${i}`)
    await until('five queued and tried', () => outbox().filter((m) => m.status === 'queued').length === 5)
    await smsc.listen()
    await until('all delivered', () => outbox().every((m) => m.status === 'delivered' || m.status === 'failed'), 15_000)
    expect(smsc.binds).toBeGreaterThan(binds)
    const after = smsc.messages().slice(before)
    expect(after.map((m) => m.destination).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `20100000000${i}`))
    for (const m of after) expect(outbox().find((o) => o.phone === m.destination)!.body).toBe(m.text)
  })
})
