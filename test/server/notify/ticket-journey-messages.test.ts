import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakeGateway, until } from './fake-gateway.ts'
import { clockTime } from '../../../protocol/messages/clock-time.ts'

/**
 * What a consenting citizen is texted along a ticket's way past its first call, through a real
 * HTTP gateway: a visit of two steps (one message per call, each naming its own counter, none at
 * the step change itself; none when the counter that finished the step calls it straight back)
 * and a parked ticket resumed at another counter (told where to go now).
 */
describe('messages along a ticket', () => {
  let center: TestCenter
  let gateway: FakeGateway
  afterEach(async () => {
    await center?.close()
    await gateway?.close()
  })

  /** A center texting through the gateway; services A → B (a route of two steps), counters 1 (A) and 2 (A, B). */
  async function setup() {
    gateway = await FakeGateway.start()
    center = await TestCenter.start({
      config: {
        // the services here finish at once, which the estimates leave out (server/queue/wait-estimate.ts): a minute
        // each by default keeps a few ahead within queue.turnNearMinutes, so the "few ahead" text is due
        queue: { defaultServiceSeconds: 60 },
        messages: {
          provider: 'http',
          scanSeconds: 0.05,
          http: { url: `${gateway.url}/sms`, body: { to: '{to}', text: '{text}', ref: '{key}' }, idField: 'id' },
        },
      },
    })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, name: 'Reception', serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, name: 'Review', serviceIds: [a.id, b.id] })
    const clerks = [await center.openCounterAs('clerk1', c1.id), await center.openCounterAs('clerk2', c2.id)]
    const kiosk = (await center.createDevice('kiosk')).token
    const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>) => {
      const res = await p
      expect(res.statusCode, res.body).toBe(200)
      return res
    }
    const issue = async (serviceId: number) => {
      const res = await center.request('POST', '/api/v1/tickets', {
        token: kiosk,
        body: { serviceId, phone: '+201001234567', messagesOptIn: true, lang: 'en' },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; label: string }
    }
    /** The texts the gateway was sent, once every queued message has left the outbox. */
    const texts = async (count: number) => {
      await until(
        `${count} messages sent`,
        () => gateway.requests.length >= count && center.app.tabour.messages!.scanner.outbox.pending() === 0,
      )
      return center.app.tabour.db
        .prepare('SELECT kind, body FROM message_outbox ORDER BY id')
        .all()
        .map((r: any) => `${r.kind}: ${r.body}`)
    }
    return { a, b, c1, c2, clerks, kiosk, ok, issue, texts, admin: await center.admin() }
  }

  it('a visit of two steps: one call message per step, each with its counter, and nothing twice at the step change', async () => {
    const s = await setup()
    await s.ok(center.request('PUT', `/api/v1/services/${s.a.id}/steps`, { token: s.admin, body: { steps: [s.b.id] } }))
    const ticket = await s.issue(s.a.id)
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'call-next'))
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'start'))
    const onward = await s.ok(center.action(s.clerks[0]!, s.c1.id, 'finish', {}))
    expect(onward.json().ticket).toMatchObject({ status: 'waiting', serviceId: s.b.id })
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'call-next'))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'start'))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'finish', {}))
    expect(await s.texts(3)).toEqual([
      expect.stringMatching(/^ticket_taken: Your ticket A-001 /),
      "ticket_called: It's your turn A-001: please go to counter 1 (Reception).",
      "ticket_called: It's your turn A-001: please go to counter 2 (Review).",
    ])
    expect(gateway.requests).toHaveLength(3)
    expect(ticket.label).toBe('A-001')
  })

  it('a counter serving both steps that calls the ticket straight back (finish, then call next) texts no second "go to counter 2"', async () => {
    const s = await setup()
    await s.ok(center.request('PUT', `/api/v1/services/${s.a.id}/steps`, { token: s.admin, body: { steps: [s.b.id] } }))
    await s.issue(s.a.id)
    const [, clerk] = s.clerks
    await s.ok(center.action(clerk!, s.c2.id, 'call-next'))
    await s.ok(center.action(clerk!, s.c2.id, 'start'))
    await s.ok(center.action(clerk!, s.c2.id, 'finish', {}))
    // the citizen is still at counter 2: the next step's call there is no news
    const again = await s.ok(center.action(clerk!, s.c2.id, 'call-next'))
    expect(again.json().ticket).toMatchObject({ label: 'A-001', serviceId: s.b.id })
    // a second visit whose step is called back only after the counter served someone else: that call is texted
    await s.ok(center.action(clerk!, s.c2.id, 'start'))
    await s.ok(center.action(clerk!, s.c2.id, 'finish', {}))
    const second = await s.issue(s.a.id)
    await s.ok(center.action(clerk!, s.c2.id, 'call-next'))
    await s.ok(center.action(clerk!, s.c2.id, 'start'))
    await s.ok(center.action(clerk!, s.c2.id, 'finish', {}))
    const walkIn = (await center.request('POST', '/api/v1/tickets', { token: s.kiosk, body: { serviceId: s.b.id } })).json()
    await s.ok(center.action(clerk!, s.c2.id, 'call', { ticketId: walkIn.id }))
    await s.ok(center.action(clerk!, s.c2.id, 'start'))
    await s.ok(center.action(clerk!, s.c2.id, 'finish', {}))
    await s.ok(center.action(clerk!, s.c2.id, 'call', { ticketId: second.id }))
    expect(await s.texts(5)).toEqual([
      expect.stringMatching(/^ticket_taken: Your ticket A-001 /),
      "ticket_called: It's your turn A-001: please go to counter 2 (Review).",
      expect.stringMatching(/^ticket_taken: Your ticket A-002 /),
      "ticket_called: It's your turn A-002: please go to counter 2 (Review).",
      "ticket_called: It's your turn A-002: please go to counter 2 (Review).",
    ])
  })

  it('a visit that joins its next step far back is told "few ahead" in that line too, once', async () => {
    const s = await setup()
    await s.ok(center.request('PUT', `/api/v1/services/${s.a.id}/steps`, { token: s.admin, body: { steps: [s.b.id] } }))
    // five walk-ins of B, taken before the visit: its next step's line (issue-time placement) has them ahead
    for (let i = 0; i < 5; i++) await center.request('POST', '/api/v1/tickets', { token: s.kiosk, body: { serviceId: s.b.id } })
    const visit = await s.issue(s.a.id)
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'call-next'))
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'start'))
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'finish', {}))
    // counter 2 serves B-001 and calls B-002: three are ahead of the visit in B's line now
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'call-next'))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'start'))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'finish', {}))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'call-next'))
    expect((await center.request('GET', `/api/v1/tickets/${visit.id}`)).json()).toMatchObject({ status: 'waiting', position: 3 })
    const told = [
      expect.stringMatching(/^ticket_taken: Your ticket A-001 at .*\. Nobody is ahead of you\./),
      "ticket_called: It's your turn A-001: please go to counter 1 (Reception).",
      expect.stringMatching(/^ticket_ahead: Ticket A-001: 3 people ahead of you, (less than a minute|about \d+ minutes?)\. /),
    ]
    expect(await s.texts(3)).toEqual(told)
    // two more calls in that line: the one "few ahead" stands
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'start'))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'finish', {}))
    await s.ok(center.action(s.clerks[1]!, s.c2.id, 'call-next'))
    await center.app.tabour.messages!.notifier.nextRound()
    await center.app.tabour.messages!.notifier.nextRound()
    expect(await s.texts(3)).toEqual(told)
    const keys = center.app.tabour.db.prepare("SELECT idempotency_key AS k FROM message_outbox WHERE kind = 'ticket_ahead'").all()
    expect(keys).toEqual([{ k: `ticket_ahead:${visit.id}:step2` }])
  })

  it('a parked ticket resumed at another counter is texted that counter, as a first call is', async () => {
    const s = await setup()
    const ticket = await s.issue(s.a.id)
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'call-next'))
    await s.ok(
      center.request('POST', `/api/v1/counters/${s.c1.id}/park`, { token: s.clerks[0]!, body: { reason: 'photocopy', minutes: 10 } }),
    )
    await s.ok(center.request('POST', `/api/v1/counters/${s.c2.id}/resume-parked`, { token: s.clerks[1]!, body: { ticketId: ticket.id } }))
    expect(await s.texts(3)).toEqual([
      expect.stringMatching(/^ticket_taken: /),
      "ticket_called: It's your turn A-001: please go to counter 1 (Reception).",
      "ticket_called: It's your turn A-001: please go to counter 2 (Review).",
    ])
  })

  it('a missed turn is texted until when it can be put back in line, and where, as its status page says', async () => {
    const s = await setup()
    const ticket = await s.issue(s.a.id)
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'call-next'))
    // a recall lifts the wait before a no-show may be marked
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'recall'))
    await s.ok(center.action(s.clerks[0]!, s.c1.id, 'no-show'))
    const page = (await center.request('GET', `/api/v1/tickets/${ticket.id}`)).json()
    const until = clockTime(Date.parse(page.noShow.until), center.config.timeZone, 'en').replace('\u00a0', ' ')
    expect(page.noShow.counters[0]).toMatchObject({ number: 1 })
    expect((await s.texts(3))[2]).toBe(
      `ticket_missed: You missed your turn A-001. You can be put back in line until ${until}: ask at counter 1 or another counter serving your service.`,
    )
  })
})
