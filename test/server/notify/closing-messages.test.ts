import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'
import { FakeGateway, until } from './fake-gateway.ts'

/**
 * Tickets the center's closing cancels text their holders (ticket_closed), through a real HTTP
 * gateway with a controlled clock: at closing time (calendar cancel-after) and at the day's close
 * (a ticket left waiting overnight: ticket_day_closed, which says the day's line closed); only tickets that asked for messages, once each, not after a
 * restart either; a ticket its holder cancelled is told nothing.
 */
const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

describe('messages when the center closes', () => {
  let center: TestCenter | undefined
  let gateway: FakeGateway | undefined
  afterEach(async () => {
    await center?.close()
    await gateway?.close()
    center = undefined
    gateway = undefined
  })

  const messagesConfig = (url: string) => ({
    provider: 'http',
    aheadAt: 0,
    scanSeconds: 0.05,
    retryMinSeconds: 0.05,
    http: { url: `${url}/sms`, body: { to: '{to}', text: '{text}', ref: '{key}' }, idField: 'id' },
  })

  async function scene(startIso: string, cal: Partial<CenterCalendar>, dataDir?: string) {
    gateway ??= await FakeGateway.start()
    const clock = new TestClock(Date.parse(startIso))
    center = await TestCenter.start({
      clock,
      config: {
        ...(dataDir ? { dataDir } : {}),
        centerName: { ar: 'مركز الدقي', en: 'Dokki center' },
        messages: messagesConfig(gateway.url),
      },
    })
    const c = center
    const admin = await c.admin()
    const service = dataDir ? { id: 1 } : await c.createService({ prefix: 'A' })
    if (!dataDir) {
      await c.createCounter({ number: 1, serviceIds: [service.id] })
      const res = await c.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, ...cal } })
      expect(res.statusCode, res.body).toBe(200)
    }
    const kiosk = (await c.createDevice('kiosk')).token
    const issue = async (phone: string | null, lang: 'ar' | 'en' = 'ar') => {
      const body = phone ? { serviceId: service.id, phone, messagesOptIn: true, lang } : { serviceId: service.id, lang }
      const res = await c.request('POST', '/api/v1/tickets', { token: kiosk, body })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; label: string }
    }
    const status = async (id: string) => (await c.request('GET', `/api/v1/tickets/${id}`)).json().status as string
    const closedTexts = () =>
      c.app.tabour.db.prepare("SELECT phone, body, status FROM message_outbox WHERE kind = 'ticket_closed' ORDER BY id").all() as {
        phone: string
        body: string
        status: string
      }[]
    return { c, clock, admin, issue, status, closedTexts }
  }

  it('closing time (cancel-after): each consenting ticket is texted once, in its language; not after a restart; not one its holder cancelled', async () => {
    // Cairo is UTC+2 in December: open 08:00–15:00, waiting tickets cancelled 30 minutes after closing
    const s = await scene('2026-12-06T12:00:00Z', { weekly: everyDay('08:00', '15:00'), atClosing: 'cancel-after', cancelAfterMinutes: 30 })
    const arabic = await s.issue('01001234567', 'ar')
    const english = await s.issue('01112223334', 'en')
    const silent = await s.issue(null)
    const left = await s.issue('01223334445', 'en')
    expect((await s.c.request('POST', `/api/v1/tickets/${left.id}/cancel-mine`)).statusCode).toBe(200)
    s.clock.set('2026-12-06T13:31:00Z') // 15:31
    expect(await s.status(silent.id)).toBe('cancelled')
    await until('both closing messages accepted', () => s.closedTexts().filter((m) => m.status === 'accepted').length === 2)
    expect(s.closedTexts().map((m) => [m.phone, m.body])).toEqual([
      ['201001234567', `أُلغيت تذكرتك ${arabic.label}: أغلق مركز الدقي قبل أن يحين دورك. يرجى أخذ تذكرة جديدة عندما يفتح المركز مجددًا.`],
      [
        '201112223334',
        `Your ticket ${english.label} was cancelled: Dokki center closed before your turn. Please take a new ticket when the center opens again.`,
      ],
    ])
    const sent = () =>
      gateway!.requests.filter((r) => String(r.body.text).includes('closed before your turn') || String(r.body.text).includes('أغلق'))
    expect(sent()).toHaveLength(2)

    // a restart on the same data scans again from where it stopped: nothing is made or sent twice
    const dataDir = s.c.dataDir
    await s.c.app.close()
    const again = await scene('2026-12-06T13:40:00Z', {}, dataDir)
    await again.c.app.tabour.messages!.notifier.nextRound()
    await again.c.app.tabour.messages!.notifier.nextRound()
    expect(again.closedTexts()).toHaveLength(2)
    expect(sent()).toHaveLength(2)
  })

  it("the day's close (a ticket left waiting overnight) texts it too, saying the day's line closed: the center may never have", async () => {
    const s = await scene('2026-12-06T18:00:00Z', {})
    const late = await s.issue('01001234567', 'en')
    const arabic = await s.issue('01001234568', 'ar')
    s.clock.set('2026-12-07T07:00:00Z') // 09:00 the next day: the first use closes the day before
    expect(await s.status(late.id)).toBe('cancelled')
    const dayClosedTexts = () =>
      s.c.app.tabour.db.prepare("SELECT phone, body, status FROM message_outbox WHERE kind = 'ticket_day_closed' ORDER BY id").all() as {
        phone: string
        body: string
        status: string
      }[]
    await until('the closing messages accepted', () => dayClosedTexts().filter((m) => m.status === 'accepted').length === 2)
    expect(dayClosedTexts().map((m) => m.body)).toEqual([
      `Your ticket ${late.label} at Dokki center was cancelled: the day's line closed before your turn. You can take a new ticket.`,
      `أُلغيت تذكرتك ${arabic.label} في مركز الدقي: أُغلق طابور اليوم قبل أن يحين دورك. يمكنك أخذ تذكرة جديدة.`,
    ])
    expect(s.closedTexts()).toEqual([])
  })
})
