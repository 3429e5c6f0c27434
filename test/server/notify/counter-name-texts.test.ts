import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { countSegments } from '../../../protocol/sms-segments.ts'

/**
 * A counter named in both languages («تراخيص · Permits», as the demo seeds them and a bilingual
 * center's signs read) is called in each text in the ticket's own language
 * (protocol/name-in-language.ts): the English text carried «تراخيص · Permits» whole, which also
 * made it UCS-2 (70 characters a part instead of 160). A one-language name goes as it is.
 */
describe("the called text's counter name", () => {
  let center: TestCenter
  afterEach(() => center?.close())

  it('is the part in the ticket language; a name in one language is sent whole', async () => {
    center = await TestCenter.start({
      config: { messages: { provider: 'http', http: { url: 'http://127.0.0.1:9/sms', body: { text: '{text}' }, idField: 'id' } } },
    })
    const a = await center.createService({ prefix: 'A' })
    const bilingual = await center.createCounter({ number: 1, name: 'تراخيص · Permits', serviceIds: [a.id] })
    const arabicOnly = await center.createCounter({ number: 2, name: 'الجوازات', serviceIds: [a.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const issue = async (lang: 'ar' | 'en') => {
      const res = await center.request('POST', '/api/v1/tickets', {
        token: kiosk,
        body: { serviceId: a.id, phone: '+201001234567', messagesOptIn: true, lang },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; label: string }
    }
    const [en, ar, enAtArabicOnly] = [await issue('en'), await issue('ar'), await issue('en')]
    const clerk1 = await center.openCounterAs('clerk1', bilingual.id)
    expect((await center.action(clerk1, bilingual.id, 'call-next')).statusCode).toBe(200)
    expect((await center.action(clerk1, bilingual.id, 'no-show')).statusCode).toBe(200)
    expect((await center.action(clerk1, bilingual.id, 'call-next')).statusCode).toBe(200)
    const clerk2 = await center.openCounterAs('clerk2', arabicOnly.id)
    expect((await center.action(clerk2, arabicOnly.id, 'call-next')).statusCode).toBe(200)
    center.app.tabour.messages!.scanner.scan(Date.now())
    const called = (id: string) =>
      (
        center.app.tabour.db.prepare("SELECT body FROM message_outbox WHERE kind = 'ticket_called' AND ticket_id = ?").get(id) as {
          body: string
        }
      ).body
    expect(called(en.id)).toBe(`It's your turn ${en.label}: please go to counter 1 (Permits).`)
    expect(countSegments(called(en.id))).toMatchObject({ encoding: 'gsm7', segments: 1 })
    expect(called(ar.id)).toBe(`حان دورك ${ar.label}: توجّه إلى الشباك 1 (تراخيص).`)
    expect(called(enAtArabicOnly.id)).toBe(`It's your turn ${enAtArabicOnly.label}: please go to counter 2 (الجوازات).`)
  })
})
