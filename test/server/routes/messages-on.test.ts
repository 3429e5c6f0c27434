import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { APPOINTMENT_DEFAULTS } from '../../../protocol/appointments.ts'
import { rows } from './route-helpers.ts'

/**
 * Screens promise texts only when the center can send them: GET /center, /remote/services and
 * /appointments/services carry `messagesOn` (config messages.provider other than 'none'), and a
 * kiosk's consent (or a phone join's number) is recorded only then.
 */
const APPOINTMENTS = { enabled: true, slotMinutes: 30, bookAheadDays: 14, serviceMinutes: 10 }

describe('messagesOn follows the config', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  for (const [provider, on] of [
    ['none', false],
    ['http', true],
  ] as const) {
    it(`provider ${provider}: every screen's flag is ${on}, and a ticked consent is ${on ? '' : 'not '}recorded`, async () => {
      center = await TestCenter.start({
        config: {
          // a dead provider is enough: the flag says the center is set up to send, not that a message went
          messages: { provider, http: { url: 'http://127.0.0.1:9/send' } },
          remoteJoin: { services: [{ prefix: 'A', mode: 'call-ahead', arriveMinutes: 5 }] },
        },
      })
      const admin = await center.admin()
      const service = await center.createService({ prefix: 'A' })
      await center.createCounter({ number: 1, serviceIds: [service.id] })
      const put = await center.request('PUT', `/api/v1/appointments/settings/${service.id}`, {
        token: admin,
        body: { ...APPOINTMENT_DEFAULTS, ...APPOINTMENTS },
      })
      expect(put.statusCode, put.body).toBe(200)
      const kiosk = (await center.createDevice('kiosk')).token

      expect((await center.request('GET', '/api/v1/center', { token: kiosk })).json().messagesOn).toBe(on)
      expect((await center.request('GET', '/api/v1/remote/services')).json().center.messagesOn).toBe(on)
      const bookable = (await center.request('GET', '/api/v1/appointments/services')).json() as { messagesOn: boolean }[]
      expect(bookable.map((s) => s.messagesOn)).toEqual([on])

      const issued = await center.request('POST', '/api/v1/tickets', {
        token: kiosk,
        body: { serviceId: service.id, phone: '01033334444', messagesOptIn: true, lang: 'ar' },
      })
      expect(issued.statusCode, issued.body).toBe(201)
      expect(rows(center, 'SELECT ticket_id FROM message_consent')).toEqual(on ? [{ ticket_id: issued.json().id }] : [])

      // a phone join gives its number "so we can text you" (said only while on): that is its consent; without a number, none
      const joined = await center.app.inject({
        method: 'POST',
        url: '/api/v1/remote/join',
        payload: { serviceId: service.id, phone: '01055556666' },
        remoteAddress: '203.0.113.9',
      })
      expect(joined.statusCode, joined.body).toBe(201)
      const bare = await center.app.inject({
        method: 'POST',
        url: '/api/v1/remote/join',
        payload: { serviceId: service.id },
        remoteAddress: '203.0.113.9',
      })
      expect(bare.statusCode, bare.body).toBe(201)
      expect(rows(center, 'SELECT ticket_id FROM message_consent ORDER BY rowid')).toEqual(
        on ? [{ ticket_id: issued.json().id }, { ticket_id: joined.json().id }] : [],
      )
    })
  }
})
