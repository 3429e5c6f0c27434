import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { arrive } from '../../../server/queue/remote-arrival.ts'
import { turnIsNear } from '../../../protocol/turn-near.ts'
import { whatsappTemplateBody } from '../../../server/notify/whatsapp-provider.ts'

/**
 * Which text tells a citizen that their turn is near (server/notify/message-scanner.ts issuedNear),
 * on the real scanner and SQLite: a ticket near at its issue (`messages.aheadAt` people or fewer
 * ahead, and soon) never gets the few-ahead text, so its "ticket taken" says so; one issued a
 * person further gets the few-ahead text once it is near. Exactly one of the two, never both.
 * And the words fit where the citizen is: a phone joiner not checked in is told to head to the
 * center, a citizen in the building to stay close to the counters, as their status pages say.
 */
describe('the turn near at issue, and where the citizen is told to go', () => {
  let center: TestCenter
  afterEach(() => center?.close())

  /** A minute a ticket (every estimate within turnNearMinutes), aheadAt 3; A is the kiosk's, B call-ahead from a phone, C check-in. */
  const SMS = { provider: 'http', aheadAt: 3, http: { url: 'http://127.0.0.1:9/sms', body: { text: '{text}' }, idField: 'id' } } as const
  // nothing answers: the messages are queued (the scanner's doing) and never sent
  const WHATSAPP = {
    provider: 'whatsapp',
    aheadAt: 3,
    whatsapp: { baseUrl: 'http://127.0.0.1:9', phoneNumberId: '1234567890', token: 'wa-token' },
  } as const

  async function setup(messages: typeof SMS | typeof WHATSAPP = SMS) {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({
      clock,
      config: {
        queue: { defaultServiceSeconds: 60, turnNearMinutes: 15 },
        messages,
        remoteJoin: {
          services: [
            { prefix: 'B', mode: 'call-ahead', arriveMinutes: 10 },
            { prefix: 'C', mode: 'check-in', arriveMinutes: 10 },
          ],
        },
      },
    })
    const [a, b, c] = [
      await center.createService({ prefix: 'A' }),
      await center.createService({ prefix: 'B' }),
      await center.createService({ prefix: 'C' }),
    ]
    const counters = [] as { id: number; clerk: string }[]
    for (const [n, service] of [a, b, c].entries()) {
      const counter = await center.createCounter({ number: n + 1, name: `Desk ${n + 1}`, serviceIds: [service.id] })
      counters.push({ id: counter.id, clerk: await center.openCounterAs(`clerk${n + 1}`, counter.id) })
    }
    const kiosk = (await center.createDevice('kiosk')).token
    let phone = 1001234560
    const consenting = async (serviceId: number) => {
      const res = await center.request('POST', '/api/v1/tickets', {
        token: kiosk,
        body: { serviceId, phone: `+20${phone++}`, messagesOptIn: true, lang: 'en' },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; label: string; position: number }
    }
    let address = 1
    const joined = async (serviceId: number) => {
      const res = await center.app.inject({
        method: 'POST',
        url: '/api/v1/remote/join',
        payload: { serviceId, phone: `0${phone++}`, lang: 'en' },
        remoteAddress: `203.0.113.${address++}`,
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json() as { id: string; label: string }
    }
    const callNext = async (i: number) => {
      const r = await center.action(counters[i]!.clerk, counters[i]!.id, 'call-next')
      expect(r.statusCode, r.body).toBe(200)
    }
    /** Every text queued so far for a ticket, after a scan at the center's now: "kind: body". */
    const textsOf = (ticketId: string) => {
      center.app.tabour.messages!.scanner.scan(clock.now)
      return center.app.tabour.db
        .prepare('SELECT kind, body FROM message_outbox WHERE ticket_id = ? ORDER BY id')
        .all(ticketId)
        .map((r: any) => `${r.kind}: ${r.body}`)
    }
    const page = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
    /** The WhatsApp template messages queued for a ticket: the template and its body parameters, as the Cloud API gets them. */
    const templatesOf = (ticketId: string) =>
      center.app.tabour.db
        .prepare('SELECT kind, phone, lang, params FROM message_outbox WHERE ticket_id = ? ORDER BY id')
        .all(ticketId)
        .map((r: any) => {
          const { template } = whatsappTemplateBody({ ...r, params: JSON.parse(r.params) }, {})
          return `${template.name}: ${template.components[0]!.parameters.map((p) => p.text).join(' | ')}`
        })
    return { a, b, c, kiosk, consenting, joined, callNext, textsOf, page, templatesOf }
  }

  it('aheadAt-1 and aheadAt ahead at issue: "ticket taken" says near, no few-ahead follows; aheadAt+1: the few-ahead text, once', async () => {
    const s = await setup()
    await center.issue(s.kiosk, { serviceId: s.a.id })
    await center.issue(s.kiosk, { serviceId: s.a.id })
    const [p, q, r] = [await s.consenting(s.a.id), await s.consenting(s.a.id), await s.consenting(s.a.id)]
    expect([p.position, q.position, r.position]).toEqual([2, 3, 4])
    const taken = (t: { label: string }, ahead: number, near: boolean) =>
      `ticket_taken: Your ticket ${t.label} at Citizen Service Technology Center. ${ahead} people are ahead of you. ${near ? 'Almost your turn' : 'Follow your turn'}: http`
    expect(s.textsOf(p.id)).toEqual([expect.stringContaining(taken(p, 2, true))])
    expect(s.textsOf(q.id)).toEqual([expect.stringContaining(taken(q, 3, true))])
    expect(s.textsOf(r.id)).toEqual([expect.stringContaining(taken(r, 4, false))])
    // the status page (the phone page the ticket's link opens) says what the texts say: near at 3 ahead, not at 4
    // (it counted near from 2 while the texts counted from messages.aheadAt: "your turn is near" by SMS, not on the page)
    expect([turnIsNear(await s.page(p.id)), turnIsNear(await s.page(q.id)), turnIsNear(await s.page(r.id))]).toEqual([true, true, false])
    // the line moves: R is now aheadAt ahead, near, and told so; P and Q, told at issue, get nothing more
    await s.callNext(0)
    expect(await s.page(r.id)).toMatchObject({ position: 3 })
    expect(turnIsNear(await s.page(r.id))).toBe(true)
    expect(s.textsOf(r.id)).toEqual([
      expect.stringContaining(taken(r, 4, false)),
      `ticket_ahead: Ticket ${r.label}: 3 people ahead of you, about 4 minutes. Please stay close to the counters.`,
    ])
    // once: later scans add nothing, to anyone
    for (const t of [p, q]) expect(s.textsOf(t.id), t.label).toHaveLength(1)
    expect(s.textsOf(r.id)).toHaveLength(2)
  })

  /**
   * WhatsApp's approved `tabour_ticket_taken` has {label} {center} {ahead} {link}: it cannot say
   * "Almost your turn", and the few-ahead message was skipped as if it had (s50: an SMS citizen near
   * at issue was told, a WhatsApp one never). On WhatsApp the few-ahead message follows at once.
   */
  it('on WhatsApp, a turn near at issue is told by the approved few-ahead template right after "ticket taken", once', async () => {
    const s = await setup(WHATSAPP)
    await center.issue(s.kiosk, { serviceId: s.a.id })
    const near = await s.consenting(s.a.id)
    for (let i = 0; i < 2; i++) await center.issue(s.kiosk, { serviceId: s.a.id })
    const far = await s.consenting(s.a.id)
    expect([near.position, far.position]).toEqual([1, 4])
    // its record says what its message says, the templates' words (s53: it was the SMS text): "Follow your turn", then
    // the near message
    expect(s.textsOf(near.id)).toEqual([
      expect.stringContaining('People ahead of you: 1. Follow your turn at http'),
      `ticket_ahead: Your turn is near ${near.label}: people ahead of you: 1, expected wait in minutes: 1. Please be ready.`,
    ])
    // the templates get exactly their approved parameters
    expect(s.templatesOf(near.id)).toEqual([
      expect.stringMatching(new RegExp(`^tabour_ticket_taken: ${near.label} \\| Citizen Service Technology Center \\| 1 \\| http`)),
      `tabour_ticket_ahead: ${near.label} | 1 | 1`,
    ])
    // once: later scans add nothing
    expect(s.textsOf(near.id)).toHaveLength(2)
    // not near at issue: only "ticket taken", until the line moves
    expect(s.textsOf(far.id)).toEqual([expect.stringContaining('People ahead of you: 4. Follow your turn at http')])
    await s.callNext(0)
    expect(s.textsOf(far.id)).toEqual([
      expect.stringContaining('Follow your turn'),
      expect.stringMatching(/^ticket_ahead: .*: people ahead of you: 3,/),
    ])

    // s52: a held phone join (check-in mode, not checked in) got `tabour_ticket_taken`, "4 people are ahead of you.
    // Follow your turn", where its SMS says to check in on arrival: it goes as its own approved template, which says so
    for (let i = 0; i < 4; i++) await center.issue(s.kiosk, { serviceId: s.c.id })
    const held = await s.joined(s.c.id)
    expect(await s.page(held.id)).toMatchObject({ status: 'remote', position: 4 })
    const heldTaken = (t: { label: string }) =>
      new RegExp(
        `^ticket_taken: Your ticket ${t.label} at Citizen Service Technology Center: follow it at http\\S+ and check in when you arrive\\.$`,
      )
    const heldTemplate = (t: { label: string }) =>
      new RegExp(`^tabour_ticket_taken_held: ${t.label} \\| Citizen Service Technology Center \\| http[^|]+$`)
    expect(s.textsOf(held.id)).toEqual([expect.stringMatching(heldTaken(held))])
    expect(s.templatesOf(held.id)).toEqual([expect.stringMatching(heldTemplate(held))])
    // its turn near as the line moves: the approved few-ahead message, as for any WhatsApp citizen
    await s.callNext(2)
    expect(s.textsOf(held.id)).toHaveLength(2)
    expect(s.templatesOf(held.id)).toEqual([expect.stringMatching(heldTemplate(held)), `tabour_ticket_ahead: ${held.label} | 3 | 4`])
    // near already at its join: the held template, and the few-ahead message at once (the template cannot say "head there")
    const nearHeld = await s.joined(s.c.id)
    expect(await s.page(nearHeld.id)).toMatchObject({ status: 'remote', position: 3 })
    expect(s.textsOf(nearHeld.id)).toEqual([
      expect.stringMatching(heldTaken(nearHeld)),
      expect.stringMatching(/^ticket_ahead: .*: people ahead of you: 3,/),
    ])
    expect(s.templatesOf(nearHeld.id)).toEqual([
      expect.stringMatching(heldTemplate(nearHeld)),
      expect.stringMatching(new RegExp(`^tabour_ticket_ahead: ${nearHeld.label} \\| 3 \\| `)),
    ])
  })

  /**
   * Walk s52: a citizen who joined from their phone (check-in mode) and is away learned only on the
   * page, which they were not looking at, that their turn had come and by when to check in.
   */
  it('a held place whose turn comes is texted the deadline its page shows, once; a checked-in or call-ahead joiner is not', async () => {
    const s = await setup()
    const held = await s.joined(s.c.id)
    const walkIn = await s.consenting(s.c.id)
    // the walk-in queued after it is called: the held place's turn has come, its page says until when
    await s.callNext(2)
    const page = await s.page(held.id)
    expect(page).toMatchObject({ status: 'remote', remote: { arriveBy: '2026-03-10T08:10:00.000Z' } })
    const turnCame = `ticket_turn_came: Your turn has come ${held.label}: please check in at the center before 10:10 AM, or your place is lost.`
    expect(s.textsOf(held.id)).toEqual([expect.stringContaining('Please head to the center and check in: http'), turnCame])
    // it is worth nothing after the deadline: it expires then
    expect(center.app.tabour.db.prepare(`SELECT expires_at AS at FROM message_outbox WHERE kind = 'ticket_turn_came'`).get()).toEqual({
      at: Date.parse('2026-03-10T08:10:00Z'),
    })
    // once: a later scan adds nothing
    expect(s.textsOf(held.id).filter((t) => t.startsWith('ticket_turn_came'))).toHaveLength(1)
    expect(s.textsOf(walkIn.id).some((t) => t.startsWith('ticket_turn_came'))).toBe(false)
    // a call-ahead joiner waits like a walk-in: its turn is its call, no "check in before"
    const callAhead = await s.joined(s.b.id)
    await center.issue(s.kiosk, { serviceId: s.b.id })
    await s.callNext(1)
    expect(s.textsOf(callAhead.id).some((t) => t.startsWith('ticket_turn_came'))).toBe(false)
  })

  it('a phone joiner not checked in is told to head to the center as its turn nears; one in the building, to stay close to the counters', async () => {
    const s = await setup()
    // call-ahead (waiting from the start): 1 ahead at its join, near: its "ticket taken" says so
    await center.issue(s.kiosk, { serviceId: s.b.id })
    const near = await s.joined(s.b.id)
    expect(s.textsOf(near.id)).toEqual([expect.stringContaining('1 person is ahead of you. Almost your turn: http')])
    // check-in (a held place, status remote): 4 ahead at its join, then near as the line moves: the few-ahead text, "head to the center"
    for (let i = 0; i < 4; i++) await center.issue(s.kiosk, { serviceId: s.c.id })
    const held = await s.joined(s.c.id)
    expect(await s.page(held.id)).toMatchObject({ status: 'remote', position: 4 })
    // its "ticket taken" says to check in on arrival, not "4 people are ahead of you" as a fact (walk of 2026-12-07)
    const heldTaken = `ticket_taken: Your ticket ${held.label} at Citizen Service Technology Center. Check in when you arrive: http`
    expect(s.textsOf(held.id)).toEqual([expect.stringContaining(heldTaken)])
    await s.callNext(2)
    expect(s.textsOf(held.id)).toEqual([
      expect.stringContaining(heldTaken),
      `ticket_ahead: Ticket ${held.label}: 3 people ahead of you, about 4 minutes. Please head to the center now.`,
    ])
    // near already at its join: told to head to the center now (no few-ahead text will follow)
    const nearHeld = await s.joined(s.c.id)
    expect(await s.page(nearHeld.id)).toMatchObject({ status: 'remote', position: 3 })
    expect(s.textsOf(nearHeld.id)).toEqual([expect.stringContaining('Please head to the center and check in: http')])
    // a call-ahead joiner who checked in before its turn neared is in the building: "stay close to the counters"
    for (let i = 0; i < 2; i++) await center.issue(s.kiosk, { serviceId: s.b.id })
    const arrived = await s.joined(s.b.id)
    arrive(center.app.tabour.queue.ctx, arrived.id, 'phone')
    await s.callNext(1)
    expect(s.textsOf(arrived.id)).toEqual([
      expect.stringContaining('4 people are ahead of you. Follow your turn: http'),
      expect.stringMatching(/^ticket_ahead: .*: 3 people ahead of you, .* Please stay close to the counters\.$/),
    ])
  })
})
