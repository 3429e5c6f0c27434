import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'
import { countSegments } from '../../../protocol/sms-segments.ts'

/**
 * The preview's SMS parts are the sent text's: its link starts with the center's publicUrl, as the
 * sent link does, not with a placeholder host (a long publicUrl counted one part on the dashboard
 * and sent two). And the dashboard is told what the links start with.
 */
describe("a message preview's link is the center's real one", () => {
  // a ministry's address for a center is long: it costs a part the placeholder host did not
  const publicUrl = 'https://citizen-services.cairo.gov.eg/centers/nasr-city-east-technology-center'
  const placeholder = 'https://tabour.example'
  let gateway: FakeGateway
  let center: TestCenter
  let admin: string

  beforeAll(async () => {
    gateway = await FakeGateway.start()
    center = await TestCenter.start({
      config: {
        publicUrl,
        messages: { provider: 'http', aheadAt: 0, scanSeconds: 0.05, retryMinSeconds: 0.05, http: { url: `${gateway.url}/send` } },
      },
    })
    admin = await center.admin()
  })
  afterAll(async () => {
    await center?.close()
    await gateway?.close()
  })

  it('counts the parts of the text as sent, in Arabic and English (?lang=en in the link)', async () => {
    const texts = { ar: 'رقمك {label}. تابع دورك: {link}', en: `Your number is {label}. ${'Follow your turn here. '.repeat(3)}{link}` }
    const service = await center.createService({ prefix: 'A' })
    const kiosk = (await center.createDevice('kiosk')).token
    for (const lang of ['ar', 'en'] as const) {
      const saved = await center.request('PUT', `/api/v1/messages/templates/ticket_taken/${lang}`, {
        token: admin,
        body: { text: texts[lang] },
      })
      expect(saved.statusCode).toBe(200)
      const { preview, segments } = saved.json() as { preview: string; segments: ReturnType<typeof countSegments> }

      const res = await center.request('POST', '/api/v1/tickets', {
        token: kiosk,
        body: { serviceId: service.id, phone: '01001234567', messagesOptIn: true, lang },
      })
      expect(res.statusCode).toBe(201)
      await until(`sent ${lang}`, () => gateway.requests.some((r) => (r.body.text as string).startsWith(lang === 'ar' ? 'رقمك' : 'Your')))
      const sent = gateway.requests.find((r) => (r.body.text as string).startsWith(lang === 'ar' ? 'رقمك' : 'Your'))!.body.text as string
      expect(sent).toMatch(new RegExp(`^.+ ${publicUrl.replaceAll('.', '\\.')}/t/[\\w-]{22}${lang === 'en' ? '\\?lang=en' : ''}$`))
      // the label A-001 is as long as the sample's A-017: the same characters, the same parts
      expect(segments).toEqual(countSegments(sent))
      expect(segments.segments).toBe(2)
      expect(preview).toContain(`${publicUrl}/t/`)
      // what the dashboard counted before, with the placeholder host: one part where two are sent
      expect(countSegments(preview.replace(publicUrl, placeholder).replace('?lang=en', '')).segments).toBe(1)
    }
  })

  it('tells the dashboard what the links start with', async () => {
    const today = (await center.request('GET', '/api/v1/messages/today', { token: admin })).json()
    expect(today.links).toEqual({ base: publicUrl, publicUrl: true })
  })
})
