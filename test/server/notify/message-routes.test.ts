import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'
import { Outbox } from '../../../server/upstream/outbox.ts'
import { eraseExpiredNumbers } from '../../../server/notify/number-retention.ts'

/**
 * The admin's templates (edit, refuse an unknown placeholder, preview with segments), the
 * dashboard's figures and log (numbers masked except for admins), and the numbers' privacy:
 * erased when the day is over, never in what goes upstream.
 */
describe('message templates, figures and privacy through the API', () => {
  let gateway: FakeGateway
  let center: TestCenter
  let admin: string
  let manager: string
  const clock = new TestClock(Date.parse('2026-12-03T09:00:00Z'))

  beforeAll(async () => {
    gateway = await FakeGateway.start()
    center = await TestCenter.start({
      clock,
      config: {
        messages: { provider: 'http', aheadAt: 0, scanSeconds: 0.05, retryMinSeconds: 0.05, http: { url: `${gateway.url}/send` } },
      },
    })
    admin = await center.admin()
    manager = (await center.createUser('manager1', 'manager')).token
  })
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('refuses an unknown placeholder with 422 TABOUR_ERR_MESSAGE_PLACEHOLDER, stores a valid edit and sends it', async () => {
    const bad = await center.request('PUT', '/api/v1/messages/templates/ticket_called/ar', {
      token: admin,
      body: { text: 'دورك {label} عند {desk}' },
    })
    expect(bad.statusCode).toBe(422)
    expect(bad.json()).toMatchObject({ code: 'TABOUR_ERR_MESSAGE_PLACEHOLDER', message: expect.stringContaining('{desk}') })
    expect(
      (await center.request('PUT', '/api/v1/messages/templates/ticket_called/ar', { token: manager, body: { text: '{label}' } }))
        .statusCode,
    ).toBe(403)
    const ok = await center.request('PUT', '/api/v1/messages/templates/ticket_taken/ar', {
      token: admin,
      body: { text: 'رقمك {label}. تابع: {link}' },
    })
    expect(ok.statusCode).toBe(200)
    // no publicUrl: the link starts with the center's own address, as the sent one (below)
    expect(ok.json()).toMatchObject({
      edited: true,
      preview: expect.stringMatching(/^رقمك A-017\. تابع: http:\/\/127\.0\.0\.1:\d+\/t\/Xk3q9VbT2mNcR8wLpZ4hYg$/),
      segments: { encoding: 'ucs2', segments: 1 },
    })
    const list = (await center.request('GET', '/api/v1/messages/templates', { token: admin })).json() as {
      kind: string
      lang: string
      edited: boolean
    }[]
    expect(list).toHaveLength(22) // eleven kinds, each in Arabic and English
    expect(list.filter((t) => t.edited)).toEqual([expect.objectContaining({ kind: 'ticket_taken', lang: 'ar' })])
    const preview = await center.request('POST', '/api/v1/messages/preview', {
      token: admin,
      body: { kind: 'ticket_ahead', lang: 'en', text: '{label}: {ahead} ahead, ~{minutes} min. '.repeat(7) },
    })
    expect(preview.json().segments).toMatchObject({ encoding: 'gsm7', segments: 2, perSegment: 153 })
    const broken = await center.request('POST', '/api/v1/messages/preview', {
      token: admin,
      body: { kind: 'ticket_ahead', lang: 'en', text: '{label' },
    })
    expect(broken.json().code).toBe('TABOUR_ERR_MESSAGE_TEMPLATE')
    // with Arabic-Indic digits the Arabic preview writes its figures, date and time as the sent text will
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: 'arabic-indic' } })).statusCode).toBe(200)
    const arPreview = async (kind: string) =>
      (
        await center.request('POST', '/api/v1/messages/preview', {
          token: admin,
          body: {
            kind,
            lang: 'ar',
            text: (list as unknown as { kind: string; lang: string; text: string }[]).find((t) => t.kind === kind && t.lang === 'ar')!.text,
          },
        })
      ).json().preview as string
    expect(await arPreview('ticket_called')).toBe('حان دورك A-017: توجّه إلى الشباك ٤ (الجوازات).')
    expect(await arPreview('appointment_booked')).toMatch(
      /الأحد، ٦ ديسمبر ١٠:٣٠ ص\. لإدارته: http:\/\/127\.0\.0\.1:\d+\/b\/K7Q2-M9XC-4TBW-8HDR/,
    )
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits: null } })).statusCode).toBe(200)

    const service = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const res = await center.request('POST', '/api/v1/tickets', {
      token: kiosk,
      body: { serviceId: service.id, phone: '01001234567', messagesOptIn: true },
    })
    expect(res.statusCode).toBe(201)
    await until('sent', () => gateway.requests.length === 1)
    expect(gateway.requests[0].body.text).toMatch(/^رقمك A-001\. تابع: http:\/\/.+\/t\//)
    const { links } = (await center.request('GET', '/api/v1/messages/today', { token: admin })).json()
    expect(links).toEqual({ base: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), publicUrl: false })
    expect(gateway.requests[0].body.text).toContain(`${links.base}/t/`)
  })

  it("shows today's figures by kind and provider, and the log with numbers masked for managers, whole for admins", async () => {
    await until(
      'accepted',
      () => center.app.tabour.db.prepare(`SELECT 1 FROM message_outbox WHERE status = 'accepted'`).get() !== undefined,
    )
    const today = (await center.request('GET', '/api/v1/messages/today', { token: manager })).json()
    expect(today).toMatchObject({ day: '2026-12-03', provider: 'http', health: { up: true, pending: 0 }, reminderHoursBefore: 24 })
    expect(today.counts).toEqual([{ kind: 'ticket_taken', provider: 'http', status: 'accepted', count: 1 }])
    const seenByManager = (await center.request('GET', '/api/v1/messages', { token: manager })).json()
    const seenByAdmin = (await center.request('GET', '/api/v1/messages', { token: admin })).json()
    expect(seenByManager[0].phone).toBe('•••••••••567')
    expect(seenByAdmin[0].phone).toBe('201001234567')
    const clerk = (await center.createUser('clerk1')).token
    expect((await center.request('GET', '/api/v1/messages', { token: clerk })).statusCode).toBe(403)
  })

  it('never puts a number in what goes upstream, and erases the numbers once the day is over', async () => {
    const db = center.app.tabour.db
    new Outbox(db, () => center.config.timeZone).scan(clock.now)
    const upstream = JSON.stringify(db.prepare('SELECT * FROM upstream_outbox').all())
    expect(upstream).toContain('"issued\\":1')
    expect(upstream).not.toMatch(/1001234567/)

    // the ticket is still waiting: its number stays, even after the day
    clock.set('2026-12-04T09:00:00Z')
    expect(eraseExpiredNumbers(db, clock.now, center.config.timeZone, 0)).toEqual({ tickets: 0, messages: 0 })
    db.prepare(`UPDATE tickets SET status = 'cancelled'`).run()
    expect(eraseExpiredNumbers(db, clock.now, center.config.timeZone, 1)).toEqual({ tickets: 0, messages: 0 })
    expect(eraseExpiredNumbers(db, clock.now, center.config.timeZone, 0)).toEqual({ tickets: 1, messages: 1 })
    expect(db.prepare('SELECT phone FROM tickets').all()).toEqual([{ phone: null }])
    expect(db.prepare('SELECT phone, status FROM message_outbox').all()).toEqual([{ phone: null, status: 'accepted' }])
  })
})

/**
 * Walk s52: the dashboard's messages card said «متصل» (connected) while every message failed with
 * "provider answered 404": a refusal is an answer, so `up` stayed true. The day's figures now say
 * when the latest messages the provider answered all failed, how many, with what and when.
 */
describe("the provider's state beside a run of refusals", () => {
  let gateway: FakeGateway
  let center: TestCenter
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('an answering provider that refuses every message is reported failing; the next accepted one ends the run', async () => {
    gateway = await FakeGateway.start()
    center = await TestCenter.start({
      config: {
        messages: { provider: 'http', aheadAt: 0, scanSeconds: 0.05, retryMinSeconds: 0.05, http: { url: `${gateway.url}/send` } },
      },
    })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    const db = center.app.tabour.db
    const issue = async (phone: string) =>
      expect(
        (await center.request('POST', '/api/v1/tickets', { token: kiosk, body: { serviceId: service.id, phone, messagesOptIn: true } }))
          .statusCode,
      ).toBe(201)
    const count = (status: string) =>
      (db.prepare('SELECT COUNT(*) AS n FROM message_outbox WHERE status = ?').get(status) as { n: number }).n
    const health = async () => (await center.request('GET', '/api/v1/messages/today', { token: admin })).json().health

    gateway.answer = () => ({ status: 404, body: { error: { message: 'no such route' } } })
    await issue('01001234561')
    await issue('01001234562')
    await until('both refused', () => count('failed') === 2)
    const failing = await health()
    expect(failing).toMatchObject({
      up: true,
      failing: { count: 2, lastError: expect.stringContaining('provider answered 404'), at: expect.any(Number) },
    })

    gateway.answer = () => ({ status: 200, body: { id: 'm-1' } })
    await issue('01001234563')
    await until('accepted', () => count('accepted') === 1)
    expect((await health()).failing).toBeUndefined()
  })
})
