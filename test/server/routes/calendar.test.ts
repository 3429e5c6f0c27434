import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { expectError, expectFieldError } from './route-helpers.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../../protocol/calendar.ts'
import { exceptionSavedNote } from '../../../dashboard-ui/exception-saved-note.ts'

/**
 * The calendar routes (issue 18): bad input gets a clear error naming the field or the .ics
 * event and stores nothing; a stored calendar survives a restart; a kiosk outside the hours is
 * refused (SERVICE_CLOSED) while staff still issue, and the event log says so.
 */
const workWeek = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: [], sat: [] }
}

const ICS = (lines: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'BEGIN:VEVENT',
    'UID:x@example',
    'DTSTAMP:20261101T000000Z',
    'SUMMARY:Holiday',
    ...lines,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n')

describe('the calendar routes', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  // Sunday 6 December 2026, 14:55 in Cairo (UTC+2)
  const clock = () => new TestClock(Date.parse('2026-12-06T12:55:00Z'))

  it('refuses overlapping intervals, a close before an open and an unknown service, naming the field; nothing is stored', async () => {
    center = await TestCenter.start({ clock: clock() })
    const admin = await center.admin()
    const put = (cal: CenterCalendar) => center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
    const overlap = await put({
      ...DEFAULT_CALENDAR,
      weekly: {
        ...workWeek('08:00', '15:00'),
        mon: [
          { open: '08:00', close: '15:00' },
          { open: '14:00', close: '20:00' },
        ],
      },
    })
    expectError(overlap, 400, 'TABOUR_ERR_VALIDATION')
    expect(overlap.json().message).toBe('body/weekly.mon[1] 14:00–20:00 overlaps weekly.mon[0] 08:00–15:00')
    expect(overlap.json()).toMatchObject({ field: 'weekly/mon/1', reason: 'overlap' })
    const backwards = await put({ ...DEFAULT_CALENDAR, weekly: workWeek('15:00', '08:00') })
    expect(backwards.json().message).toBe('body/weekly.mon[0].close closes at 08:00, not after it opens at 15:00')
    expect(backwards.json()).toMatchObject({ field: 'weekly/mon/0/close', reason: 'close-before-open' })
    const unknown = await put({
      ...DEFAULT_CALENDAR,
      services: [{ serviceId: 42, weekly: null, lastTicketMinutes: 5, stopWhenWaitPastClose: false }],
    })
    expect(unknown.json().message).toBe('body/services[0].serviceId no service 42')
    expect(unknown.json()).toMatchObject({ field: 'services/0/serviceId', reason: 'unknown' })
    // the schema names the field too
    const badTime = await put({ ...DEFAULT_CALENDAR, businessDayStartsAt: '25:00' })
    expectError(badTime, 400, 'TABOUR_ERR_VALIDATION')
    expect(badTime.json().message).toMatch(/businessDayStartsAt/)
    expect((await center.request('GET', '/api/v1/calendar', { token: admin })).json()).toEqual(DEFAULT_CALENDAR)
    const rows = center.app.tabour.db.prepare("SELECT COUNT(*) AS n FROM center_settings WHERE key = 'calendar'").get()
    expect(rows).toEqual({ n: 0 })
  })

  it('refuses an .ics it cannot honour naming the event, previews one it can, and imports it once', async () => {
    center = await TestCenter.start({ clock: clock() })
    const admin = await center.admin()
    const weekly = await center.request('POST', '/api/v1/calendar/ics', {
      token: admin,
      body: { ics: ICS(['DTSTART;VALUE=DATE:20270107', 'RRULE:FREQ=WEEKLY']) },
    })
    expectError(weekly, 422, 'TABOUR_ERR_CALENDAR_ICS')
    expect(weekly.json().message).toMatch(/^event "Holiday": cannot honour the recurrence FREQ=WEEKLY/)
    expect(weekly.json()).toMatchObject({ field: 'ics/events/0', reason: 'recurrence' })
    const zone = await center.request('POST', '/api/v1/calendar/ics/preview', {
      token: admin,
      body: { ics: ICS(['DTSTART;TZID=Africa/Atlantis:20270107T080000']) },
    })
    expectError(zone, 422, 'TABOUR_ERR_CALENDAR_ICS')
    expect(zone.json().message).toBe('event "Holiday": DTSTART time zone Africa/Atlantis does not exist')
    expect(zone.json()).toMatchObject({ field: 'ics/events/0', reason: 'time-zone' })

    const good = ICS(['DTSTART;VALUE=DATE:20270107', 'DTEND;VALUE=DATE:20270108'])
    const preview = (await center.request('POST', '/api/v1/calendar/ics/preview', { token: admin, body: { ics: good } })).json()
    expect(preview.added).toEqual([
      { from: '2027-01-07', to: '2027-01-07', nameAr: 'Holiday', nameEn: 'Holiday', hours: [], uid: 'x@example' },
    ])
    expect((await center.request('GET', '/api/v1/calendar', { token: admin })).json().exceptions).toEqual([])
    for (let i = 0; i < 2; i++) {
      const res = await center.request('POST', '/api/v1/calendar/ics', { token: admin, body: { ics: good } })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().exceptions).toHaveLength(1)
    }
    const again = (await center.request('POST', '/api/v1/calendar/ics/preview', { token: admin, body: { ics: good } })).json()
    expect(again).toMatchObject({ added: [], changed: [] })
    const exported = await center.request('GET', '/api/v1/calendar/ics', { token: admin })
    expect(exported.headers['content-type']).toMatch(/^text\/calendar/)
    expect(exported.body).toContain('DTSTART;VALUE=DATE:20270107')
    const audit = (await center.request('GET', '/api/v1/settings/audit?limit=5', { token: admin })).json()
    expect(audit.filter((a: { route: string }) => a.route === '/calendar/ics')).toHaveLength(2)
  })

  it('refuses the same holiday added twice (409 DUPLICATE_EXCEPTION naming the second); other services or dates on that day are fine; an .ics holiday on a typed-in date replaces it', async () => {
    center = await TestCenter.start({ clock: clock() })
    const admin = await center.admin()
    const service = await center.createService({ prefix: 'A' })
    const put = (cal: CenterCalendar) => center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
    const holiday = { from: '2027-01-07', to: '2027-01-07', nameAr: 'عيد الميلاد', nameEn: 'Christmas', hours: [] }
    expect((await put({ ...DEFAULT_CALENDAR, exceptions: [holiday] })).statusCode).toBe(200)
    // the dashboard's Add pressed twice, or the same date typed with another name
    const twice = await put({ ...DEFAULT_CALENDAR, exceptions: [holiday, { ...holiday, nameEn: 'Coptic Christmas' }] })
    expectFieldError(twice, 409, 'TABOUR_ERR_DUPLICATE_EXCEPTION', { field: 'exceptions/1/from', reason: 'duplicate' })
    expect(twice.json().message).toBe('body/exceptions[1].from 2027-01-07–2027-01-07 is already exceptions[0] (Christmas)')
    // one service's own hours that day, or a range that starts on it, are other exceptions
    const others = await put({
      ...DEFAULT_CALENDAR,
      exceptions: [holiday, { ...holiday, serviceIds: [service.id] }, { ...holiday, to: '2027-01-08' }],
    })
    expect(others.statusCode, others.body).toBe(200)
    // a service listed twice in one exception's scope in another order is the same scope
    const scoped = await put({
      ...DEFAULT_CALENDAR,
      exceptions: [
        { ...holiday, serviceIds: [service.id, 1] },
        { ...holiday, serviceIds: [1, service.id] },
      ],
    })
    expect(scoped.json()).toMatchObject({ code: 'TABOUR_ERR_DUPLICATE_EXCEPTION', field: 'exceptions/1/from' })
    // an .ics event on the typed-in date takes its place instead of being refused as a copy
    expect((await put({ ...DEFAULT_CALENDAR, exceptions: [holiday] })).statusCode).toBe(200)
    const ics = ICS(['DTSTART;VALUE=DATE:20270107', 'DTEND;VALUE=DATE:20270108'])
    const preview = (await center.request('POST', '/api/v1/calendar/ics/preview', { token: admin, body: { ics } })).json()
    expect(preview).toMatchObject({ added: [], changed: [{ before: holiday }] })
    const imported = await center.request('POST', '/api/v1/calendar/ics', { token: admin, body: { ics } })
    expect(imported.statusCode, imported.body).toBe(200)
    expect(imported.json().exceptions).toEqual([{ ...holiday, nameAr: 'Holiday', nameEn: 'Holiday', uid: 'x@example' }])
  })

  it('a kiosk at 14:55 is refused past a 10-minute cut-off before a 15:00 close; staff still issue, logged as outside hours', async () => {
    const c = clock()
    center = await TestCenter.start({ clock: c })
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    await center.createCounter({ number: 1, serviceIds: [a.id, b.id] })
    await center.openCounterAs('clerk1', 1)
    const kiosk = await center.createDevice('kiosk')
    const cal: CenterCalendar = {
      ...DEFAULT_CALENDAR,
      weekly: workWeek('08:00', '15:00'),
      services: [{ serviceId: a.id, weekly: null, lastTicketMinutes: 10, stopWhenWaitPastClose: false }],
    }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)

    const services = (await center.request('GET', '/api/v1/services', { token: kiosk.token })).json()
    expect(services.find((s: { id: number }) => s.id === a.id)).toMatchObject({
      available: false,
      hours: { open: true, closedReason: 'last-ticket', closesAt: '2026-12-06T13:00:00.000Z', opensAt: '2026-12-07T06:00:00.000Z' },
    })
    expect(services.find((s: { id: number }) => s.id === b.id)).toMatchObject({ available: true, hours: { closedReason: null } })
    const refused = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: a.id } })
    expectError(refused, 422, 'TABOUR_ERR_SERVICE_CLOSED')
    expect(refused.json().message).toBe('service A has passed its last-ticket time; it opens 2026-12-07T06:00:00.000Z')
    // the body carries the hours' facts (ClosedDetail): a screen words them, never parses the message (s42)
    expect(refused.json()).toMatchObject({
      closedReason: 'last-ticket',
      opensAt: '2026-12-07T06:00:00.000Z',
      lastTicketAt: '2026-12-06T12:50:00.000Z',
      closesAt: '2026-12-06T13:00:00.000Z',
      dayClose: false,
      at: '2026-12-06T12:55:00.000Z',
    })
    // B has no cut-off: it sells up to 15:00, and says when the wait runs past closing (300 s a person, one counter)
    const bTickets = []
    for (let i = 0; i < 3; i++)
      bTickets.push((await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: b.id } })).json())
    expect(bTickets.map((t) => t.estimatedWaitSeconds)).toEqual([0, 300, 600])
    expect(bTickets.map((t) => t.mayNotBeServedToday ?? false)).toEqual([false, false, true])

    const byStaff = await center.request('POST', '/api/v1/tickets', { token: admin, body: { serviceId: a.id } })
    expect(byStaff.statusCode, byStaff.body).toBe(201)
    const logged = center.app.tabour.db
      .prepare("SELECT json_extract(data, '$.outsideHours') AS why FROM events WHERE type = 'ticket.issued' AND ticket_id = ?")
      .get(byStaff.json().id)
    expect(logged).toEqual({ why: 'last-ticket' })

    c.set('2026-12-06T13:30:00Z') // 15:30: the center is closed
    const closed = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: b.id } })
    expectError(closed, 422, 'TABOUR_ERR_SERVICE_CLOSED')
    expect(closed.json()).toMatchObject({ closedReason: 'closed', opensAt: '2026-12-07T06:00:00.000Z', closesAt: null, lastTicketAt: null })
    // any other refusal's body is as it was: no hours facts
    const gone = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: 999 } })
    expect(Object.keys(gone.json()).sort()).toEqual(['code', 'error', 'message', 'statusCode'])
    const now = (await center.request('GET', '/api/v1/calendar/now', { token: kiosk.token })).json()
    expect(now).toEqual({
      at: '2026-12-06T13:30:00.000Z',
      open: false,
      closedReason: 'closed',
      opensAt: '2026-12-07T06:00:00.000Z',
      closesAt: null,
      dayClose: false,
      lastTicketAt: null,
      today: '2026-12-06',
      // B's three and the staff's ticket still wait, and the default calendar serves the line out
      servingOn: true,
    })
  })

  it("says a holiday that ended yesterday in Cairo is over at 01:30 there (23:30 UTC, still yesterday in UTC): the hours tab's today is the center's date", async () => {
    const c = new TestClock(Date.parse('2026-12-06T23:30:00Z'))
    center = await TestCenter.start({ clock: c })
    const admin = await center.admin()
    const holiday = { from: '2026-12-06', to: '2026-12-06', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }
    const stored = (
      await center.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, exceptions: [holiday] } })
    ).json()
    const now = (await center.request('GET', '/api/v1/calendar/now', { token: admin })).json()
    expect(now).toMatchObject({ at: '2026-12-06T23:30:00.000Z', today: '2026-12-07', open: true })
    expect(exceptionSavedNote(stored.exceptions, now)).toBe('hoursTab.exceptionSavedPast')
    // one ending today in Cairo is ahead still
    expect(exceptionSavedNote([{ ...holiday, to: '2026-12-07' }], now)).toBe('hoursTab.exceptionSaved')
  })

  it("keeps the hours' date, not the business day, as today: at 03:00 with a 06:00 day start the 10th's hours apply, so the 9th's holiday is over", async () => {
    const c = new TestClock(Date.parse('2026-12-09T20:00:00Z'))
    center = await TestCenter.start({ clock: c })
    const admin = await center.admin()
    const holiday = { from: '2026-12-09', to: '2026-12-09', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }
    const cal = { ...DEFAULT_CALENDAR, businessDayStartsAt: '06:00', exceptions: [holiday] }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })).statusCode).toBe(200)
    c.set('2026-12-10T01:00:00Z') // 03:00 on the 10th in Cairo: business day 9 for the numbers
    const now = (await center.request('GET', '/api/v1/calendar/now', { token: admin })).json()
    // the holiday no longer closes the center: the 10th's hours (always open) decide this moment
    expect(now).toMatchObject({ today: '2026-12-10', open: true })
    expect(exceptionSavedNote([holiday], now)).toBe('hoursTab.exceptionSavedPast')
  })

  it('keeps the calendar across a restart', async () => {
    center = await TestCenter.start({ clock: clock() })
    const admin = await center.admin()
    const cal: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: workWeek('08:00', '15:00'), businessDayStartsAt: '06:00' }
    await center.request('PUT', '/api/v1/calendar', { token: admin, body: cal })
    await center.app.close()
    const again = new TestCenter({ config: { dataDir: center.dataDir }, clock: clock() })
    await again.app.ready()
    try {
      expect((await again.request('GET', '/api/v1/calendar', { token: await again.admin() })).json()).toEqual(cal)
    } finally {
      await again.app.close()
    }
  })
})
