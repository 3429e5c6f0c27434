/**
 * Bad input around webhooks gets a clear, stable code and loses nothing: URLs outside the
 * allowed hosts, plain http, unknown event types; receivers that answer garbage, hang past the
 * timeout or redirect; a host name that resolves into the LAN.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { httpTransport } from '../../../server/webhooks/webhook-sender.ts'
import { isPrivateAddress } from '../../../server/webhooks/url-policy.ts'
import { garbageServer, LOOPBACK_WEBHOOKS, Receiver } from './webhook-helpers.ts'

describe('webhook bad input', () => {
  const cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c()
  })

  it('refuses a URL outside the allowed hosts, plain http, credentials and unknown event types with stable codes, storing nothing', async () => {
    const center = await TestCenter.start({
      config: { webhooks: { ...LOOPBACK_WEBHOOKS, allowedHosts: ['127.0.0.1', '*.portal.gov.eg', '10.1.2.3'] } },
    })
    cleanups.push(() => center.close())
    const admin = await center.admin()
    const auditBefore = (await center.request('GET', '/api/v1/settings/audit?limit=100', { token: admin })).json().length
    const refused = async (url: string, eventTypes: string[], code: string) => {
      const res = await center.request('POST', '/api/v1/webhooks', { token: admin, body: { url, eventTypes } })
      expect(res.statusCode, `${url}: ${res.body}`).toBe(422)
      expect(res.json().code, url).toBe(code)
      // the refusal names its field, so the form says it next to that field (config-form's rule)
      expect(res.json().field, url).toBe(code === 'TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT' ? 'eventTypes' : 'url')
    }
    await refused('https://evil.example.com/in', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED')
    // a wildcard names subdomains, never the bare domain or a look-alike
    await refused('https://portal.gov.eg/in', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED')
    await refused('https://xportal.gov.eg/in', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED')
    await refused('https://169.254.169.254/latest', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED')
    await refused('http://crm.portal.gov.eg/in', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_HTTPS_REQUIRED')
    await refused('https://user:pw@crm.portal.gov.eg/in', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_BAD_URL')
    await refused('file:///etc/passwd', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_BAD_URL')
    await refused('not a url', ['ticket.called'], 'TABOUR_ERR_WEBHOOK_BAD_URL')
    await refused('https://crm.portal.gov.eg/in', ['ticket.exploded'], 'TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT')
    await refused('https://crm.portal.gov.eg/in', ['config.changed'], 'TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT')
    const missing = await center.request('POST', '/api/v1/webhooks', {
      token: admin,
      body: { url: 'https://crm.portal.gov.eg/in', eventTypes: [] },
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().code).toBe('TABOUR_ERR_VALIDATION')
    expect((await center.request('GET', '/api/v1/webhooks', { token: admin })).json()).toEqual([])
    expect((await center.request('GET', '/api/v1/settings/audit?limit=100', { token: admin })).json()).toHaveLength(auditBefore)

    // a listed LAN address and a wildcard subdomain over https are accepted
    const lan = await center.request('POST', '/api/v1/webhooks', {
      token: admin,
      body: { url: 'https://10.1.2.3/in', eventTypes: ['ticket.called'] },
    })
    expect(lan.statusCode, lan.body).toBe(201)
    const sub = await center.request('POST', '/api/v1/webhooks', {
      token: admin,
      body: { url: 'https://crm.portal.gov.eg/in', eventTypes: ['ticket.called', 'ticket.called'] },
    })
    expect(sub.json().eventTypes).toEqual(['ticket.called'])
    // an edit is held to the same rules
    const edit = await center.request('PATCH', `/api/v1/webhooks/${sub.json().id}`, {
      token: admin,
      body: { url: 'https://evil.example.com/' },
    })
    expect(edit.json().code).toBe('TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED')
    const missingHook = await center.request('POST', '/api/v1/webhooks/999/pause', { token: admin })
    expect([missingHook.statusCode, missingHook.json().code]).toEqual([404, 'TABOUR_ERR_WEBHOOK_NOT_FOUND'])
    const clerk = await center.createUser('clerk1')
    expect((await center.request('GET', '/api/v1/webhooks', { token: clerk.token })).statusCode).toBe(403)
  })

  it('a receiver answering garbage, hanging past the timeout or redirecting is logged with a stable code, and nothing is lost', async () => {
    const clock = new TestClock()
    const garbage = await garbageServer()
    const receiver = await new Receiver(clock.fn).start()
    const center = await TestCenter.start({ clock, config: { webhooks: { ...LOOPBACK_WEBHOOKS, timeoutSeconds: 0.3 } } })
    cleanups.push(
      () => center.close(),
      () => receiver.close(),
      () => garbage.close(),
    )
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const hook = (
      await center.request('POST', '/api/v1/webhooks', { token: admin, body: { url: garbage.url, eventTypes: ['ticket.issued'] } })
    ).json()
    const dispatcher = center.app.tabour.webhooks
    const log = async () => (await center.request('GET', `/api/v1/webhooks/${hook.id}/deliveries`, { token: admin })).json()
    await center.issue(kiosk.token, { serviceId: service.id })
    await center.issue(kiosk.token, { serviceId: service.id })
    await dispatcher.runOnce()
    expect((await log()).at(-1)).toMatchObject({ status: 'pending', attempts: 1, lastErrorCode: 'TABOUR_ERR_WEBHOOK_BAD_RESPONSE' })

    await center.request('PATCH', `/api/v1/webhooks/${hook.id}`, { token: admin, body: { url: receiver.url } })
    receiver.mode = 'hang'
    clock.advance(3600)
    await dispatcher.runOnce()
    expect((await log()).at(-1)).toMatchObject({ status: 'pending', attempts: 2, lastErrorCode: 'TABOUR_ERR_WEBHOOK_RECEIVER_TIMEOUT' })

    receiver.mode = 'redirect'
    clock.advance(3600)
    await dispatcher.runOnce()
    expect((await log()).at(-1)).toMatchObject({
      status: 'pending',
      attempts: 3,
      lastStatusCode: 302,
      lastErrorCode: 'TABOUR_ERR_WEBHOOK_REDIRECT_REFUSED',
    })

    receiver.mode = 'ok'
    clock.advance(3600)
    await dispatcher.runOnce()
    expect((await log()).map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered'])
    const labels = receiver.accepted().map((r) => JSON.parse(r.body).data.ticket.label)
    expect(labels).toEqual(['A-001', 'A-002'])
    // the hung attempt and the retry carried the same idempotency id: a receiver that stored the first drops the second
    const first = receiver.received.filter((r) => r.headers['tabour-delivery'] === receiver.accepted()[0]!.headers['tabour-delivery'])
    expect(first.length).toBeGreaterThanOrEqual(3)
  })

  it('a host name that resolves into the LAN is refused at send time unless listed by its exact name; the connection goes to the address checked', async () => {
    const receiver = await new Receiver().start()
    cleanups.push(() => receiver.close())
    const port = new URL(receiver.url).port
    const toLoopback = (_host: string, cb: (err: Error | null, a: { address: string; family: number }[]) => void) =>
      cb(null, [{ address: '127.0.0.1', family: 4 }])
    const attempt = { url: `http://hooks.portal.test:${port}/in`, body: '{}', headers: {}, timeoutMs: 2000 }

    const wildcard = httpTransport({ allowedHosts: ['*.portal.test'], httpHosts: ['hooks.portal.test'] }, toLoopback)
    expect(await wildcard(attempt)).toMatchObject({ ok: false, code: 'TABOUR_ERR_WEBHOOK_PRIVATE_ADDRESS' })
    expect(receiver.received).toHaveLength(0)
    const literal = httpTransport({ allowedHosts: ['*.portal.test'], httpHosts: [] })
    expect(await literal({ ...attempt, url: receiver.url })).toMatchObject({ ok: false, code: 'TABOUR_ERR_WEBHOOK_PRIVATE_ADDRESS' })

    const listed = httpTransport({ allowedHosts: ['hooks.portal.test'], httpHosts: ['hooks.portal.test'] }, toLoopback)
    expect(await listed(attempt)).toEqual({ ok: true, statusCode: 200 })
    expect(receiver.received).toHaveLength(1)
    expect(receiver.received[0]!.headers.host).toBe(`hooks.portal.test:${port}`)

    for (const a of [
      '127.0.0.1',
      '10.0.0.8',
      '172.20.1.1',
      '192.168.1.9',
      '169.254.169.254',
      '100.64.0.1',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '0.0.0.0',
    ])
      expect(isPrivateAddress(a), a).toBe(true)
    for (const a of ['8.8.8.8', '41.33.1.1', '172.32.0.1', '2001:4860::8888']) expect(isPrivateAddress(a), a).toBe(false)
  })
})
