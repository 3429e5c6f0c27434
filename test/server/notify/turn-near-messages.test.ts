import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { waitText } from '../../../protocol/messages/ticket.ts'

/**
 * The "few ahead" text (ticket_ahead) against the status page, on a center clock the test moves:
 * it words the estimate as the page does (walk s47: "about 1 minute" in the text, "less than a
 * minute" on the page, for one estimate at one moment), and it goes only when the turn is near by
 * the page's rule, few ahead AND soon (protocol/turn-near.ts), never "stay close" 80 minutes early.
 */
describe('the few-ahead text message', () => {
  let center: TestCenter
  afterEach(() => center?.close())

  /** A center queueing texts (the provider need not answer: the body is written when queued), one counter of A. */
  async function setup(serviceMinutes: number) {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: {
        queue: { defaultServiceSeconds: serviceMinutes * 60, turnNearMinutes: 15 },
        messages: { provider: 'http', aheadAt: 3, http: { url: 'http://127.0.0.1:9/sms', body: { text: '{text}' }, idField: 'id' } },
      },
    })
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, name: 'Reception', serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    for (let i = 0; i < 4; i++) await center.issue(kiosk, { serviceId: a.id })
    const res = await center.request('POST', '/api/v1/tickets', {
      token: kiosk,
      body: { serviceId: a.id, phone: '+201001234567', messagesOptIn: true, lang: 'en' },
    })
    expect(res.statusCode, res.body).toBe(201)
    const ticket = res.json() as { id: string; label: string }
    const scanner = center.app.tabour.messages!.scanner
    const step = async (action: string) => {
      const r = await center.action(clerk, counter.id, action, action === 'finish' ? {} : undefined)
      expect(r.statusCode, r.body).toBe(200)
    }
    /** The few-ahead texts queued so far, after a scan at the center's now. */
    const aheadTexts = () => {
      scanner.scan(clock.now)
      return center.app.tabour.db
        .prepare("SELECT body FROM message_outbox WHERE kind = 'ticket_ahead'")
        .all()
        .map((r: any) => r.body as string)
    }
    const page = async () => (await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json()
    return { clock, ticket, step, aheadTexts, page }
  }

  it('words the estimate as the status page does: "less than a minute" when the page says so', async () => {
    const s = await setup(60)
    // an hour a ticket: never near until the counter, free, has nobody ahead of A-005
    for (let i = 0; i < 4; i++) {
      await s.step('call-next')
      await s.step('start')
      expect(s.aheadTexts(), `after call ${i + 1}`).toEqual([])
      s.clock.advance(3600)
      await s.step('finish')
    }
    const shown = await s.page()
    expect(shown).toMatchObject({ status: 'waiting', position: 0, estimatedWaitSeconds: 0 })
    expect(s.aheadTexts()).toEqual([
      `Ticket ${s.ticket.label}: nobody ahead of you, ${waitText(shown.estimatedWaitSeconds, 'en')}. Please stay close to the counters.`,
    ])
    expect(waitText(shown.estimatedWaitSeconds, 'en')).toBe('less than a minute')
  })

  it('is not sent at few ahead while the estimate is long, and goes once the clock brings it within turnNearMinutes', async () => {
    const s = await setup(20)
    await s.step('call-next')
    // 3 ahead, 80 minutes away: few ahead, not near (the page says no "Your turn is near" either)
    expect(await s.page()).toMatchObject({ position: 3, estimatedWaitSeconds: 80 * 60 })
    expect(s.aheadTexts()).toEqual([])
    for (let i = 0; i < 3; i++) {
      await s.step('start')
      s.clock.advance(1200)
      await s.step('finish')
      await s.step('call-next')
      expect(s.aheadTexts(), `after call ${i + 2}`).toEqual([])
    }
    // nobody ahead, 20 minutes: still not near; six minutes into the service before it (started: a
    // ticket called and not started holds its counter a mean from now), with no event in the line, it is
    expect(await s.page()).toMatchObject({ position: 0, estimatedWaitSeconds: 20 * 60 })
    await s.step('start')
    s.clock.advance(360)
    const shown = await s.page()
    expect(shown.estimatedWaitSeconds).toBe(14 * 60)
    expect(s.aheadTexts()).toEqual([`Ticket ${s.ticket.label}: nobody ahead of you, about 14 minutes. Please stay close to the counters.`])
    // once: later scans add nothing
    s.clock.advance(60)
    expect(s.aheadTexts()).toHaveLength(1)
  })

  it('is not sent because the service before ran past its mean: its counter is still busy (s52)', async () => {
    const s = await setup(5)
    await s.step('call-next')
    await s.step('start')
    // 3 ahead, 20 minutes: few ahead, not near
    expect(await s.page()).toMatchObject({ position: 3, estimatedWaitSeconds: 20 * 60 })
    // ten minutes into A-001's service, twice the mean: a mean is still to go (service-time-left.ts),
    // not "counter free now" and "3 ahead, about 15 minutes"
    s.clock.advance(600)
    expect(await s.page()).toMatchObject({ position: 3, estimatedWaitSeconds: 20 * 60 })
    expect(s.aheadTexts()).toEqual([])
  })
})
