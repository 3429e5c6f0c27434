import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type WeeklyHours } from '../../../protocol/calendar.ts'

/**
 * After closing with the default `atClosing: serve-until-empty`, the tickets taken before still
 * wait and will be called (walk 2026-12-05): the board's hours (GET /calendar/now) say so
 * (`servingOn`), and so does a waiting ticket's status (closing note `served-after-close`), where
 * the note used to vanish at closing. A calendar that cancels the line some minutes after closing
 * (cancel-after) still calls it until then, so the board says so too. Once nobody waits, or the
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
    expect((await center.request('GET', `/api/v1/tickets/${waiting.id}`)).json().closing).toBeUndefined()
    clock.set('2026-12-06T13:31:00Z') // the grace ran out: the line is cancelled, the board plainly closed
    expect(await hours()).toMatchObject({ open: false, servingOn: false })
    expect((await center.request('GET', `/api/v1/tickets/${waiting.id}`)).json().status).toBe('cancelled')
  })
})
