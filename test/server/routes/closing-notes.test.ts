import { afterEach, describe, expect, it } from 'vitest'
import { closingCalendar } from '../../helpers/closing-calendar.ts'
import { DEFAULT_CALENDAR } from '../../../protocol/calendar.ts'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'

/**
 * The phone pages say what the kiosk says about the closing (protocol/closing-note.ts): the join
 * page's services (GET /remote/services) and a ticket's status (GET /tickets/:id) carry the note
 * the page words: tickets stopping within the half hour, tickets stopped, the wait running past
 * closing (refused, or a warning), the closing within the half hour.
 */
// Sunday 6 December 2026 in Cairo (UTC+2): open 08:00–15:00, service A's last ticket 10 minutes before
const at = (hhmm: string) => Date.parse(`2026-12-06T${hhmm}:00+02:00`)
const iso = (hhmm: string) => new Date(at(hhmm)).toISOString()

describe('closing notes on the join page and the ticket status', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  async function setUp(clock: TestClock) {
    center = await TestCenter.start({
      clock,
      config: {
        remoteJoin: {
          services: [
            { prefix: 'A', mode: 'call-ahead', arriveMinutes: 5 },
            { prefix: 'B', mode: 'call-ahead', arriveMinutes: 5 },
          ],
        },
      },
    })
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    const cal = closingCalendar(a.id, b.id)
    const put = await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
    expect(put.statusCode, put.body).toBe(200)
    await center.openCounterAs('clerk1', counter.id)
    const kiosk = (await center.createDevice('kiosk')).token
    return { a, b, kiosk }
  }

  const services = async () => {
    const res = await center.request('GET', '/api/v1/remote/services')
    expect(res.statusCode, res.body).toBe(200)
    return res.json().services as {
      id: number
      closedReason: string | null
      closing: unknown
    }[]
  }
  const ticket = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()

  it('nothing to say at noon; from 14:35 the last ticket at 14:50, then the wait past closing; tickets stopped at 14:50', async () => {
    const clock = new TestClock(at('12:00'))
    const { a, b, kiosk } = await setUp(clock)
    const first = await center.request('GET', '/api/v1/remote/services')
    expect(first.statusCode, first.body).toBe(200)
    expect((await services()).map((s) => s.closing)).toEqual([null, null])
    const early = await center.issue(kiosk, { serviceId: a.id })
    expect((await ticket(early.id)).closing).toBeUndefined()
    expect(early.closing, 'the kiosk is told nothing either').toBeUndefined()

    clock.set(iso('14:35'))
    const tz = 'Africa/Cairo'
    const listed = await services()
    expect(listed.find((s) => s.id === a.id)).toMatchObject({
      closedReason: null,
      closing: { kind: 'last-ticket-soon', at: iso('14:50'), timeZone: tz },
    })
    expect(listed.find((s) => s.id === b.id)).toMatchObject({
      closedReason: null,
      closing: { kind: 'closing-soon', at: iso('15:00'), timeZone: tz },
    })
    // the ticket in line: the center closes within the half hour
    expect((await ticket(early.id)).closing).toEqual({ kind: 'closing-soon', at: iso('15:00'), timeZone: tz, dayClose: false })

    // tickets until one's wait runs past 15:00: its status page says its turn may come after closing and that
    // it is served all the same (the default calendar serves the line out: atClosing serve-until-empty); A's
    // join line says so too. It said `may-not-be-served` ("You may not be served before closing at 3:00 PM")
    // until s55: true to the letter, but read as "leave the line" where every ticket taken before 15:00 is served
    let last = early
    for (let i = 0; i < 40 && !((last.estimatedWaitSeconds ?? 0) * 1000 > at('15:00') - at('14:35')); i++)
      last = await center.issue(kiosk, { serviceId: a.id })
    expect(last.estimatedWaitSeconds * 1000).toBeGreaterThan(at('15:00') - at('14:35'))
    expect((await ticket(last.id)).closing).toEqual({ kind: 'served-past-close', at: iso('15:00'), timeZone: tz, dayClose: false })
    // the kiosk's answer carries the same note, so its screen names the closing as the status page does
    expect(last.closing).toEqual({ kind: 'served-past-close', at: iso('15:00'), timeZone: tz, dayClose: false })
    expect(early.closing).toBeUndefined()
    const late = await services()
    expect(late.find((s) => s.id === a.id)).toMatchObject({ closedReason: null, closing: { kind: 'served-past-close' } })
    // B stops issuing when the wait runs past closing: the join page says why, as the kiosk does
    expect(late.find((s) => s.id === b.id)).toMatchObject({
      closedReason: 'closed',
      closing: { kind: 'wait-past-close', at: iso('15:00') },
    })

    clock.set(iso('14:52'))
    expect((await services()).find((s) => s.id === a.id)).toMatchObject({
      closedReason: 'closed',
      closing: { kind: 'tickets-stopped', at: iso('14:50') },
    })
  })

  it('a calendar that cancels after closing (cancel-after, 20 minutes): the wait past closing names when what still waits is cancelled', async () => {
    const clock = new TestClock(at('14:35'))
    const { a, kiosk } = await setUp(clock)
    const cancelAfter = { ...closingCalendar(a.id, a.id + 1), atClosing: 'cancel-after', cancelAfterMinutes: 20 }
    const put = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: cancelAfter })
    expect(put.statusCode, put.body).toBe(200)
    let last = await center.issue(kiosk, { serviceId: a.id })
    for (let i = 0; i < 40 && !((last.estimatedWaitSeconds ?? 0) * 1000 > at('15:00') - at('14:35')); i++)
      last = await center.issue(kiosk, { serviceId: a.id })
    expect(last.estimatedWaitSeconds * 1000).toBeGreaterThan(at('15:00') - at('14:35'))
    // not "you may not be served": the center's closing at 15:00 plus its 20 minutes' grace cancels what still waits
    const note = { kind: 'cancelled-past-close', at: iso('15:20'), timeZone: 'Africa/Cairo', dayClose: false }
    expect(last.closing).toEqual(note)
    expect((await ticket(last.id)).closing).toEqual(note)
    expect((await services()).find((s) => s.id === a.id)).toMatchObject({ closedReason: null, closing: note })
    // and so it is: at 15:20 the tickets still waiting are cancelled
    clock.set(iso('15:21'))
    expect(await ticket(last.id)).toMatchObject({ status: 'cancelled', cancelledBecause: 'center_closed' })
  })

  it("a center open around the clock with a daily close: the day's close is the closing named, and what it cancels says the day's line closed", async () => {
    const clock = new TestClock(at('23:20'))
    const { a, kiosk } = await setUp(clock)
    const h = [{ open: '00:00', close: '24:00' }]
    const allDay = { ...DEFAULT_CALENDAR, weekly: { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h } }
    const put = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: allDay })
    expect(put.statusCode, put.body).toBe(200)
    const walkIn = await center.issue(kiosk, { serviceId: a.id })
    const held = (await center.joinFromPhone(a.id)).id
    // 23:20: more than the half hour to midnight, nothing to say
    expect((await ticket(walkIn.id)).closing).toBeUndefined()

    clock.set(iso('23:40'))
    const midnight = new Date(Date.parse('2026-12-07T00:00:00+02:00')).toISOString()
    const note = { kind: 'closing-soon', at: midnight, timeZone: 'Africa/Cairo', dayClose: true }
    expect((await ticket(walkIn.id)).closing).toEqual(note)
    expect((await ticket(held)).closing).toEqual(note)
    expect((await services()).find((s) => s.id === a.id)).toMatchObject({ closedReason: null, closing: note })

    // past midnight the day's close ended both: the status page says the day's line closed, not the center
    clock.set('2026-12-07T00:01:00+02:00')
    expect(await ticket(walkIn.id)).toMatchObject({ status: 'cancelled', cancelledBecause: 'day_closed' })
    // the place joined from a phone (call-ahead: in line like a walk-in) is cancelled by the day's close too
    expect(await ticket(held)).toMatchObject({ status: 'cancelled', cancelledBecause: 'day_closed' })
    expect((await services()).find((s) => s.id === a.id)).toMatchObject({ closing: null })
  })
})
