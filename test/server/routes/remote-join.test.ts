import { appointmentErrorKey, appointmentText } from '../../../protocol/messages/appointments.ts'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../../protocol/error-codes.ts'
import { DEFAULT_CALENDAR, type CenterCalendar } from '../../../protocol/calendar.ts'
import { joinErrorKey, joinText } from '../../../protocol/messages/join.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, rows } from './route-helpers.ts'

/**
 * The remote-join routes (server/routes/remote/): bad input gets a stable code and loses or
 * writes nothing — a join outside the hours, over the service's remote cap, over the phone's and
 * the address's limits, a forged ticket link, "I am here" from outside the center's network,
 * arriving twice.
 */
const REMOTE = '/api/v1/remote'
const WIFI = '192.168.1.20'
const OUTSIDE = '203.0.113.9'

describe('joining the line from a phone over the API', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(remoteJoin: Record<string, unknown> = {}, clock = new TestClock()) {
    center = await TestCenter.start({
      clock,
      config: {
        remoteJoin: {
          services: [
            { prefix: 'A', mode: 'check-in', dailyCap: 3, arriveMinutes: 10 },
            { prefix: 'B', mode: 'call-ahead', arriveMinutes: 5 },
          ],
          ...remoteJoin,
        },
      },
    })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const walkInOnly = await center.createService({ prefix: 'C' })
    const counter = await center.createCounter({ number: 4, name: 'Counter 4', serviceIds: [a.id, b.id, walkInOnly.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    return { a, b, walkInOnly, counter, kiosk, clock }
  }

  /** A request from a given client address (inject's default is 127.0.0.1). */
  const from = (address: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    center.app.inject({ method, url, payload: payload as object, remoteAddress: address })

  const join = (body: Record<string, unknown>, address = OUTSIDE) => from(address, 'POST', `${REMOTE}/join`, body)
  const ticketCount = () => rows<{ n: number }>(center, 'SELECT count(*) AS n FROM tickets')[0]!.n

  it('joins a check-in service: status remote, origin remote, phone kept, the status link answered, events published', async () => {
    const { a, kiosk } = await setUp()
    const before = await center.issue(kiosk, { serviceId: a.id })
    const issued: string[] = []
    center.app.tabour.queue.events.on((e) => issued.push(e.type))
    const res = await join({ serviceId: a.id, phone: '01012345678', lang: 'en' })
    expect(res.statusCode, res.body).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ label: 'A-002' })
    // joined in English: the link opens the status page in English (the ticket's language)
    expect(body.statusUrl).toMatch(new RegExp(`/t/${body.id}\\?lang=en$`))
    expect(issued).toEqual(expect.arrayContaining(['ticket:issued', 'queue:updated']))
    const [row] = rows<{ status: string; origin: string; phone: string; lang: string }>(
      center,
      'SELECT status, origin, phone, lang FROM tickets WHERE id = ?',
      body.id,
    )
    expect(row).toEqual({ status: 'remote', origin: 'remote', phone: '+201012345678', lang: 'en' })
    const log = rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.issued' AND ticket_id = ?", body.id)
    expect(JSON.parse(log[0]!.data)).toMatchObject({ origin: 'remote', position: 1 })
    const status = (await center.request('GET', `/api/v1/tickets/${body.id}`)).json()
    expect(status).toMatchObject({
      status: 'remote',
      position: 1,
      remote: { mode: 'check-in', arriveMinutes: 10, arrivedAt: null, arriveBy: null },
    })
    expect(JSON.stringify(status)).not.toContain('1012345678')
    // the walk-in issued before is still first, and nobody counts the held place as present
    const walkIn = (await center.request('GET', `/api/v1/tickets/${before.id}`)).json()
    expect(walkIn.position).toBe(0)
  })

  it('lists only the services that take remote joins, with the poster link', async () => {
    const { a, b } = await setUp()
    const res = await from(OUTSIDE, 'GET', `${REMOTE}/services`)
    expect(res.statusCode).toBe(200)
    const list = res.json()
    expect(list.services.map((s: { id: number }) => s.id)).toEqual([a.id, b.id])
    expect(list.services[0]).toMatchObject({ mode: 'check-in', closedReason: null, waiting: 0 })
    expect(list.joinUrl).toMatch(/\/join\/ar\/$/)
  })

  it("says the people ahead of a place taken now, the kiosk tile's figure and the ticket's next (not the line's length)", async () => {
    const { a, walkInOnly, counter, kiosk, clock } = await setUp()
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // the counter is busy with one ticket; a C ticket waits before any A one: the shared counter calls it first
    await center.issue(kiosk, { serviceId: walkInOnly.id })
    await center.action(clerk, counter.id, 'call-next')
    await center.issue(kiosk, { serviceId: walkInOnly.id })
    // a minute later (the test clock stands still otherwise: a tie in queued time is ordered by number)
    clock.advance(60)
    const listed = (await from(OUTSIDE, 'GET', `${REMOTE}/services`)).json().services.find((s: { id: number }) => s.id === a.id)
    const tile = (await center.request('GET', '/api/v1/services', { token: kiosk })).json().find((s: { id: number }) => s.id === a.id)
    // A's own line is empty; one C ticket is called before a new A place
    expect(listed).toMatchObject({ waiting: 0, ahead: 1 })
    expect(listed.ahead).toBe(tile.ahead)
    const joined = (await join({ serviceId: a.id, phone: '01012345678' })).json()
    expect((await center.request('GET', `/api/v1/tickets/${joined.id}`)).json().position).toBe(listed.ahead)
    // the page's sentence for that figure, both languages
    expect(joinText('join.aheadNow', 'en', { n: 1 })).toBe('1 person ahead of you now')
    expect(joinText('join.aheadNow', 'ar', { n: 2 })).toBe('أمامك شخصان الآن')
  })

  it('refuses a join outside the opening hours (SERVICE_CLOSED) and takes no number', async () => {
    // Tuesday 10 March 2026, 20:00 in Cairo: after a 08:00–15:00 day
    const { a } = await setUp({}, new TestClock(Date.parse('2026-03-10T18:00:00Z')))
    const admin = await center.admin()
    const h = [{ open: '08:00', close: '15:00' }]
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] } }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    const refused = await join({ serviceId: a.id })
    expectError(refused, 422, ErrorCodes.SERVICE_CLOSED)
    // why and when it opens, as facts the join page words (s42): it guessed "closed" even past a last ticket
    expect(refused.json()).toMatchObject({ closedReason: 'closed', opensAt: '2026-03-11T06:00:00.000Z', at: '2026-03-10T18:00:00.000Z' })
    const listed = (await from(OUTSIDE, 'GET', `${REMOTE}/services`)).json().services[0]
    expect(listed).toMatchObject({ closedReason: 'closed', opensAt: '2026-03-11T06:00:00.000Z' })
    expect(ticketCount()).toBe(0)
    expect(rows(center, 'SELECT * FROM ticket_sequences')).toEqual([])
  })

  it('refuses over the remote cap, the phone limit and the address limit with stable codes; refusals take no number', async () => {
    const { a, b, walkInOnly, kiosk } = await setUp({ perPhonePerDay: 2, perAddressPerHour: 3 })
    expect((await join({ serviceId: a.id, phone: '01000000001' }, '198.51.100.1')).statusCode).toBe(201)
    expect((await join({ serviceId: b.id, phone: '+201000000001' }, '198.51.100.2')).statusCode).toBe(201)
    // the same number written another way is the same number
    expectError(await join({ serviceId: a.id, phone: '00201000000001' }, '198.51.100.3'), 429, ErrorCodes.REMOTE_PHONE_LIMIT)
    expect((await join({ serviceId: a.id }, '198.51.100.4')).statusCode).toBe(201)
    expect((await join({ serviceId: a.id }, '198.51.100.4')).statusCode).toBe(201)
    expectError(await join({ serviceId: a.id }, '198.51.100.5'), 422, ErrorCodes.REMOTE_JOIN_CAP)
    expect((await from(OUTSIDE, 'GET', `${REMOTE}/services`)).json().services[0].closedReason).toBe('cap')
    // the kiosk still sells A: the cap is of remote joins only
    const walkIn = await center.issue(kiosk, { serviceId: a.id })
    expect(walkIn.label).toBe('A-004')
    for (let i = 0; i < 3; i++) expect((await join({ serviceId: b.id }, '198.51.100.9')).statusCode).toBe(201)
    expectError(await join({ serviceId: b.id }, '198.51.100.9'), 429, ErrorCodes.REMOTE_ADDRESS_LIMIT)
    expectError(await join({ serviceId: walkInOnly.id }), 422, ErrorCodes.REMOTE_JOIN_OFF)
    expectError(await join({ serviceId: 999 }), 404, ErrorCodes.SERVICE_NOT_FOUND)
    expectError(await join({ serviceId: a.id, phone: '12345' }), 400, ErrorCodes.VALIDATION)
    // nothing lost, nothing extra: 7 joins and 1 walk-in, and the numbers run on without gaps
    expect(ticketCount()).toBe(8)
    expect(rows(center, 'SELECT count(*) AS n FROM remote_joins')).toEqual([{ n: 7 }])
    const bLabels = rows<{ label: string }>(center, 'SELECT label FROM tickets WHERE service_id = ? ORDER BY number', b.id)
    expect(bLabels.map((r) => r.label)).toEqual(['B-001', 'B-002', 'B-003', 'B-004'])
  })

  it("tells the service's own daily cap (no ticket anywhere today) from the phone joins' share (kiosk still sells)", async () => {
    const { b, kiosk } = await setUp()
    const admin = await center.admin()
    expect((await center.request('PATCH', `/api/v1/services/${b.id}`, { token: admin, body: { dailyCap: 1 } })).statusCode).toBe(200)
    await center.issue(kiosk, { serviceId: b.id })
    const listed = (await from(OUTSIDE, 'GET', `${REMOTE}/services`)).json().services
    expect(listed.find((s: { id: number }) => s.id === b.id).closedReason).toBe('dailyCap')
    expectError(await join({ serviceId: b.id }), 422, ErrorCodes.SERVICE_DAILY_CAP)
    // the words the page shows for each: only the phone share sends the citizen to the kiosk
    expect(joinText(joinErrorKey(ErrorCodes.SERVICE_DAILY_CAP), 'ar')).toBe(
      'نفدت تذاكر هذه الخدمة لليوم، من الهاتف ومن جهاز التذاكر في المركز. يمكنك الانضمام في يوم عمل آخر.',
    )
    expect(joinText(joinErrorKey(ErrorCodes.SERVICE_DAILY_CAP), 'en')).not.toContain('you can take a ticket')
    expect(joinText(joinErrorKey(ErrorCodes.REMOTE_JOIN_CAP), 'en')).toContain("you can take a ticket at the center's kiosk")
  })

  it('"I am here": refused outside the center network, accepted on its Wi-Fi, refused a second time; a forged link is not found', async () => {
    const { a, kiosk } = await setUp()
    const remote = (await join({ serviceId: a.id })).json()
    const later = await center.issue(kiosk, { serviceId: a.id })
    const arrive = (address: string, id = remote.id) => from(address, 'POST', `${REMOTE}/tickets/${id}/arrive`)

    for (const address of [OUTSIDE, '127.0.0.1']) {
      const refused = await arrive(address)
      expectError(refused, 403, ErrorCodes.NOT_AT_CENTER)
      expect(refused.json().message).toContain('Wi-Fi')
    }
    expect(rows(center, 'SELECT status FROM tickets WHERE id = ?', remote.id)).toEqual([{ status: 'remote' }])

    const ok = await arrive(WIFI)
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ status: 'waiting', position: 0, remote: { mode: 'check-in' } })
    expect(ok.json().remote.arrivedAt).not.toBeNull()
    // it keeps the place of its join time: the walk-in who came after it now has one ahead
    expect((await center.request('GET', `/api/v1/tickets/${later.id}`)).json().position).toBe(1)

    expectError(await arrive(WIFI), 409, ErrorCodes.ALREADY_ARRIVED)
    expectError(await arrive(WIFI, 'AAAAAAAAAAAAAAAAAAAAAA'), 404, ErrorCodes.TICKET_NOT_FOUND)
    expectError(await arrive(WIFI, later.id), 409, ErrorCodes.NOT_REMOTE_TICKET)
    expect(rows(center, "SELECT count(*) AS n FROM events WHERE type = 'ticket.arrived'")).toEqual([{ n: 1 }])
  })

  it('a clerk checks a remote ticket in from the console route; a cancelled one has lost its place', async () => {
    const { a } = await setUp()
    const first = (await join({ serviceId: a.id })).json()
    const second = (await join({ serviceId: a.id })).json()
    const clerk = await center.createUser('clerk1')
    const res = await center.request('POST', `${REMOTE}/tickets/${first.id}/check-in`, { token: clerk.token })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().status).toBe('waiting')
    expect(rows<{ user_id: number }>(center, "SELECT user_id FROM events WHERE type = 'ticket.arrived'")).toEqual([{ user_id: clerk.id }])
    // the citizen cancels the held place from the status page, then tries to arrive
    const cancelled = await center.request('POST', `/api/v1/tickets/${second.id}/cancel-mine`)
    expect([cancelled.statusCode, cancelled.json().status]).toEqual([200, 'cancelled'])
    expectError(await from(WIFI, 'POST', `${REMOTE}/tickets/${second.id}/arrive`), 410, ErrorCodes.REMOTE_PLACE_LOST)
  })

  it("the kiosk's scanner checks a held place in from its status link (POST /check-in); twice, a walk-in's link or a lost place get stable codes", async () => {
    const { a, kiosk } = await setUp()
    const walkIn = await center.issue(kiosk, { serviceId: a.id })
    const held = (await join({ serviceId: a.id })).json()
    const scan = (text: string) => center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text, lang: 'en' } })
    const res = await scan(`http://center.example/t/${held.id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ outcome: 'ticket', kind: 'remote', ticket: { id: held.id, label: 'A-002', position: 1 } })
    expect(rows<{ status: string }>(center, 'SELECT status FROM tickets WHERE id = ?', held.id)[0]!.status).toBe('waiting')
    expect(rows<{ data: string }>(center, "SELECT data FROM events WHERE type = 'ticket.arrived' AND ticket_id = ?", held.id)).toHaveLength(
      1,
    )
    expectError(await scan(held.id), 409, ErrorCodes.ALREADY_ARRIVED)
    // a walk-in ticket's own link is nobody's check-in
    expectError(await scan(`http://center.example/t/${walkIn.id}`), 422, ErrorCodes.CHECK_IN_UNRECOGNISED)
    const lost = (await join({ serviceId: a.id })).json()
    await center.request('POST', `/api/v1/tickets/${lost.id}/cancel-mine`)
    expectError(await scan(lost.id), 410, ErrorCodes.REMOTE_PLACE_LOST)
    expect(rows<{ n: number }>(center, "SELECT count(*) AS n FROM events WHERE type = 'ticket.arrived'")[0]!.n).toBe(1)
  })

  it("a call-ahead place called before its citizen scans its link: the kiosk's answer says called at which counter, issued at its join", async () => {
    const { a, b, counter, kiosk, clock } = await setUp()
    const joined = (await join({ serviceId: b.id })).json()
    const joinedAt = new Date(clock.now).toISOString()
    clock.advance(300)
    const clerk = await center.openCounterAs('clerk1', counter.id)
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(joined.id)
    clock.advance(60)
    const res = await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: joined.id, lang: 'en' } })
    expect(res.statusCode, res.body).toBe(200)
    // it said status waiting (by omission), "nobody ahead, less than a minute", and the scan's time as its issue (walk of 2026-12-07, C-001)
    expect(res.json().ticket).toMatchObject({
      id: joined.id,
      status: 'called',
      counter: { number: 4, name: 'Counter 4' },
      issuedAt: joinedAt,
      position: 0,
    })
    // a held place that joins the line: waiting, no counter
    const held = (await join({ serviceId: a.id }, '198.51.100.30')).json()
    expect((await center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text: held.id } })).json().ticket).toMatchObject({
      status: 'waiting',
      counter: null,
    })
  })

  it('a checked-in ticket scanned again is told what became of it: called, or ended (served, a no-show), never "watch the screen for your number"', async () => {
    const { a, counter, kiosk } = await setUp()
    const scan = (text: string) => center.request('POST', '/api/v1/check-in', { token: kiosk, body: { text, lang: 'en' } })
    const served = (await join({ serviceId: a.id }, '198.51.100.21')).json()
    const missed = (await join({ serviceId: a.id }, '198.51.100.22')).json()
    for (const t of [served, missed]) expect((await scan(t.id)).statusCode).toBe(200)
    const clerk = await center.openCounterAs('clerk1', counter.id)
    expect((await center.action(clerk, counter.id, 'call-next')).json().ticket.id).toBe(served.id)
    expectError(await scan(served.id), 409, ErrorCodes.ALREADY_CALLED)
    await center.action(clerk, counter.id, 'start')
    expectError(await scan(served.id), 409, ErrorCodes.ALREADY_CALLED)
    await center.action(clerk, counter.id, 'finish')
    expectError(await scan(served.id), 410, ErrorCodes.REMOTE_PLACE_LOST)
    expectError(await scan(missed.id), 409, ErrorCodes.ALREADY_ARRIVED)
    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'no-show')
    expectError(await scan(missed.id), 410, ErrorCodes.REMOTE_PLACE_LOST)
    // the kiosk's words for each are true of every status they are given for
    expect(appointmentText(appointmentErrorKey(ErrorCodes.ALREADY_ARRIVED, 'checkIn.failed'), 'en')).toContain('Watch the screen')
    expect(appointmentText(appointmentErrorKey(ErrorCodes.ALREADY_CALLED, 'checkIn.failed'), 'en')).toBe(
      'Your number has already been called. Your ticket’s page on your phone says which counter to go to.',
    )
    const ended = appointmentText(appointmentErrorKey(ErrorCodes.REMOTE_PLACE_LOST, 'checkIn.failed'), 'ar')
    expect(ended).toContain('لم يعد ممكنًا تسجيل وصول هذه التذكرة')
    expect(ended).not.toContain('انتظر رقمك')
    expect(rows<{ n: number }>(center, "SELECT count(*) AS n FROM events WHERE type = 'ticket.arrived'")[0]!.n).toBe(2)
  })

  it("counts the day's joins from the event log: joined, arrived, abandoned, cancelled, served, no-shows", async () => {
    const { a, counter, clock } = await setUp({ services: [{ prefix: 'A', mode: 'check-in', arriveMinutes: 10 }] })
    const ids = []
    for (let i = 0; i < 4; i++) ids.push((await join({ serviceId: a.id }, `198.51.100.${i}`)).json().id)
    const clerk = await center.openCounterAs('clerk1', counter.id)
    // the first arrives and is served, the second is cancelled, the third arrives and is a no-show; a walk-in comes later
    expect((await from(WIFI, 'POST', `${REMOTE}/tickets/${ids[0]}/arrive`)).statusCode).toBe(200)
    expect((await center.request('POST', `/api/v1/tickets/${ids[1]}/cancel-mine`)).statusCode).toBe(200)
    expect((await from(WIFI, 'POST', `${REMOTE}/tickets/${ids[2]}/arrive`)).statusCode).toBe(200)
    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'start')
    await center.action(clerk, counter.id, 'finish')
    await center.action(clerk, counter.id, 'call-next')
    await center.action(clerk, counter.id, 'no-show')
    // the fourth never comes: a walk-in who came after it is called, and its 10 minutes pass
    const kiosk = (await center.createDevice('kiosk')).token
    await center.issue(kiosk, { serviceId: a.id })
    await center.action(clerk, counter.id, 'call-next')
    clock.advance(11 * 60)
    const res = await center.request('GET', `${REMOTE}/figures`, { token: clerk })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ day: '2026-03-10', joined: 4, arrived: 2, abandoned: 0, cancelled: 1, served: 1, noShow: 1 })
    // the sweep (every minute, and before any join or arrival) ends it; the figures say so
    expectError(await from(WIFI, 'POST', `${REMOTE}/tickets/${ids[3]}/arrive`), 410, ErrorCodes.REMOTE_PLACE_LOST)
    const after = (await center.request('GET', `${REMOTE}/figures?day=2026-03-10`, { token: clerk })).json()
    expect(after).toMatchObject({ joined: 4, abandoned: 1 })
    expect(rows(center, 'SELECT status FROM tickets WHERE id = ?', ids[3])).toEqual([{ status: 'abandoned' }])
  })
})
