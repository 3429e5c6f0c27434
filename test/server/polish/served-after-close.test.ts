import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type WeeklyHours } from '../../../protocol/calendar.ts'
import { closingNoteText } from '../../../protocol/messages/closing-note-text.ts'

/**
 * After closing with the default `atClosing: serve-until-empty`, the tickets taken before still
 * wait and will be called (walk 2026-12-05): the board's hours (GET /calendar/now) say so
 * (`servingOn`), and so does a waiting ticket's status (closing note `served-after-close`), where
 * the note used to vanish at closing. A calendar that cancels the line some minutes after closing
 * (cancel-after) still calls it until then, so the board says so too, and a waiting ticket's status
 * says by when it must be called (closing note `cancelled-after-close`). Once nobody waits, or the
 * grace has run out, the board's plain "Closed" is true again.
 */
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

describe('closed to new tickets, the line still served', () => {
  it('tells the board and the waiting ticket while someone waits, and only then', async () => {
    const clock = new TestClock(Date.parse('2026-12-06T12:50:00Z')) // 14:50 in Cairo
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const counter = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    const kiosk = await center.createDevice('kiosk')
    const display = await center.createDevice('display')
    const calendar = { ...DEFAULT_CALENDAR, weekly: everyDay('08:00', '15:00') }
    expect((await center.request('PUT', '/api/v1/calendar', { token: admin, body: calendar })).statusCode).toBe(200)
    const first = await center.issue(kiosk.token, { serviceId: a.id })
    const second = await center.issue(kiosk.token, { serviceId: a.id })
    const hours = async () => (await center.request('GET', '/api/v1/calendar/now', { token: display.token })).json()
    const shown = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json()
    expect((await hours()).servingOn).toBeUndefined() // open: nothing to say

    clock.set('2026-12-06T13:05:00Z') // 15:05: closed, two still wait
    expect(await hours()).toMatchObject({ open: false, servingOn: true })
    expect((await shown(second.id)).closing).toEqual({
      kind: 'served-after-close',
      at: '2026-12-06T13:05:00.000Z',
      timeZone: 'Africa/Cairo',
      dayClose: false,
    })

    // the first is called: it no longer waits, so no note; the second still does
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    expect((await shown(first.id)).closing).toBeUndefined()
    expect((await shown(second.id)).closing?.kind).toBe('served-after-close')
    expect((await hours()).servingOn).toBe(true)

    // the line served out: nobody waits, the board is plainly closed again
    for (const action of ['start', 'finish', 'call-next', 'start', 'finish']) {
      expect((await center.action(clerk, counter.id, action)).statusCode, action).toBe(200)
    }
    expect(await hours()).toMatchObject({ open: false, servingOn: false })
  })

  it('with cancel-after, says the line is served during the grace minutes, and closed once they ran out', async () => {
    const clock = new TestClock(Date.parse('2026-12-06T12:50:00Z'))
    const center = await TestCenter.start({ clock })
    cleanups.push(() => center.close())
    const a = await center.createService({ prefix: 'A' })
    await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const calendar = { ...DEFAULT_CALENDAR, weekly: everyDay('08:00', '15:00'), atClosing: 'cancel-after', cancelAfterMinutes: 30 }
    expect((await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: calendar })).statusCode).toBe(200)
    const waiting = await center.issue(kiosk.token, { serviceId: a.id })
    const hours = async () => (await center.request('GET', '/api/v1/calendar/now', { token: kiosk.token })).json()
    clock.set('2026-12-06T13:05:00Z') // closed, within the half hour before the line is cancelled: still called
    expect(await hours()).toMatchObject({ open: false, servingOn: true })
    // its status page says the center closed and by when it must be called, else cancelled (s42: it said nothing)
    const shown = (await center.request('GET', `/api/v1/tickets/${waiting.id}`)).json()
    expect(shown.closing).toEqual({
      kind: 'cancelled-after-close',
      at: '2026-12-06T13:30:00.000Z',
      timeZone: 'Africa/Cairo',
      dayClose: false,
    })
    expect(closingNoteText(shown.closing, 'en')).toBe(
      'The center has closed. If your ticket is not called by 3:30\u00a0PM, it will be cancelled.',
    )
    expect(closingNoteText(shown.closing, 'ar', 'arabic-indic')).toBe('أُغلق المركز. إن لم يُنادَ على تذكرتك حتى الساعة ٣:٣٠\u00a0م فستُلغى.')
    // a ticket staff issue after the closing is not cancelled with the line: no such note for it
    const late = await center.request('POST', '/api/v1/tickets', { token: await center.admin(), body: { serviceId: a.id } })
    expect(late.statusCode, late.body).toBe(201)
    expect((await center.request('GET', `/api/v1/tickets/${late.json().id}`)).json().closing?.kind).not.toBe('cancelled-after-close')
    clock.set('2026-12-06T13:31:00Z') // the grace ran out: the line is cancelled, the board plainly closed
    expect(await hours()).toMatchObject({ open: false, servingOn: false })
    // once cancelled, what it says of a cancelled ticket: the center's closing did it; no closing note
    const cancelled = (await center.request('GET', `/api/v1/tickets/${waiting.id}`)).json()
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledBecause: 'center_closed' })
    expect(cancelled.closing).toBeUndefined()
  })
})
