import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../helpers/test-center.ts'
import { DEFAULT_CALENDAR, type CenterCalendar, type WeeklyHours } from '../../protocol/calendar.ts'
import { wrapNumber } from '../../server/queue/numbering.ts'
import { statusText } from '../../protocol/messages/status.ts'

/**
 * Closing the day follows the calendar (issue 18), through the real engine with a controlled
 * clock: a business day starting at 06:00 (numbers restart then, not at midnight), a 24-hour
 * center with no daily close (numbers run on across midnight and a restart, and wrap after
 * 9999 skipping labels still in the line), and the waiting-at-closing policy.
 */
const everyDay = (open: string, close: string): WeeklyHours => {
  const h = [{ open, close }]
  return { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h }
}

async function scene(startIso: string, cal: Partial<CenterCalendar>) {
  const clock = new TestClock(Date.parse(startIso))
  const center = await TestCenter.start({ clock })
  const a = await center.createService({ prefix: 'A' })
  await center.createCounter({ number: 1, serviceIds: [a.id] })
  await center.openCounterAs('clerk1', 1)
  const kiosk = await center.createDevice('kiosk')
  const res = await center.request('PUT', '/api/v1/calendar', { token: await center.admin(), body: { ...DEFAULT_CALENDAR, ...cal } })
  if (res.statusCode !== 200) throw new Error(res.body)
  const issueAt = async (iso: string) => {
    clock.set(iso)
    return center.issue(kiosk.token, { serviceId: a.id })
  }
  const status = async (id: string) => (await center.request('GET', `/api/v1/tickets/${id}`)).json().status as string
  return { center, clock, a, kiosk, issueAt, status }
}

const cancelReason = (center: TestCenter, id: string) =>
  center.app.tabour.db
    .prepare("SELECT json_extract(data, '$.reason') AS reason FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'")
    .get(id) as { reason: string } | undefined

describe('the business day follows the calendar', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('starting at 06:00: 05:30 still numbers on the day before, 06:10 restarts at A-001 and closes the old line', async () => {
    // Cairo is UTC+2 in December; a night service 22:00–06:00
    const s = await scene('2026-12-06T19:00:00Z', { businessDayStartsAt: '06:00' })
    center = s.center
    const evening = await s.issueAt('2026-12-06T20:00:00Z') // 22:00 on the 6th
    const night = await s.issueAt('2026-12-07T03:30:00Z') // 05:30 on the 7th
    expect([evening.label, night.label]).toEqual(['A-001', 'A-002'])
    expect(center.app.tabour.db.prepare('SELECT DISTINCT day FROM tickets').all()).toEqual([{ day: '2026-12-06' }])
    const morning = await s.issueAt('2026-12-07T04:10:00Z') // 06:10 on the 7th
    expect(morning.label).toBe('A-001')
    expect(await s.status(night.id)).toBe('cancelled')
    expect(cancelReason(center, night.id)).toEqual({ reason: 'day_closed' })
  })

  it('refuses a new day start that would move this moment into another business day, naming the field; before or after both starts it is taken', async () => {
    // 21:16 in Cairo, the day starting at midnight: A-001 is waiting
    const s = await scene('2026-12-06T19:16:00Z', {})
    center = s.center
    const first = await s.issueAt('2026-12-06T19:16:00Z')
    const admin = await center.admin()
    const put = (businessDayStartsAt: string) =>
      center!.request('PUT', '/api/v1/calendar', { token: admin, body: { ...DEFAULT_CALENDAR, businessDayStartsAt } })
    // 21:36 would make 21:16 part of the 5th: today's line closed as yesterday's, A-001 issued again (a claims check saw it)
    const refused = await put('21:36')
    expect(refused.statusCode, refused.body).toBe(400)
    expect(refused.json()).toMatchObject({ code: 'TABOUR_ERR_VALIDATION', field: 'businessDayStartsAt', reason: 'moves-business-day' })
    expect(refused.json().message).toContain('before 00:00 or after 21:36')
    expect((await center.request('GET', '/api/v1/calendar', { token: admin })).json().businessDayStartsAt).toBe('00:00')
    expect(await s.status(first.id)).toBe('waiting')
    expect((await s.issueAt('2026-12-06T19:17:00Z')).label).toBe('A-002')
    // 21:00 keeps 21:16 in the 6th: taken, and the line goes on
    expect((await put('21:00')).statusCode).toBe(200)
    expect((await s.issueAt('2026-12-06T19:18:00Z')).label).toBe('A-003')
    expect(await s.status(first.id)).toBe('waiting')
  })

  it('a 24-hour center with no daily close numbers on across midnight and a restart, and keeps its line', async () => {
    const s = await scene('2026-12-06T21:00:00Z', { weekly: everyDay('00:00', '24:00'), dailyClose: false })
    center = s.center
    const late = await s.issueAt('2026-12-06T21:50:00Z') // 23:50
    const early = await s.issueAt('2026-12-06T22:10:00Z') // 00:10 the next day
    expect([late.label, early.label]).toEqual(['A-001', 'A-002'])
    expect(await s.status(late.id)).toBe('waiting')

    // a restart on the same data: the line and the numbering carry on
    await center.app.close()
    const clock = new TestClock(Date.parse('2026-12-06T23:00:00Z'))
    const again = new TestCenter({ config: { dataDir: center.dataDir }, clock })
    center = again
    await again.app.ready()
    const kiosk = await again.createDevice('kiosk')
    const after = await again.issue(kiosk.token, { serviceId: s.a.id })
    expect(after.label).toBe('A-003')
    expect((await again.request('GET', '/api/v1/services', { token: kiosk.token })).json()[0].waiting).toBe(3)

    // the wrap rule: after 9999 comes 1 again, skipping labels still in the line (A-001…A-003 wait)
    again.app.tabour.db.prepare("UPDATE ticket_sequences SET last_number = 9998 WHERE day = 'continuous'").run()
    const labels = []
    for (let i = 0; i < 2; i++) labels.push((await again.issue(kiosk.token, { serviceId: s.a.id })).label)
    expect(labels).toEqual(['A-9999', 'A-004'])
    expect([wrapNumber(1), wrapNumber(9999), wrapNumber(10_000), wrapNumber(20_000)]).toEqual([1, 9999, 1, 2])
  })

  it('cancel-after: tickets still waiting 30 minutes after closing are cancelled; serve-until-empty keeps them', async () => {
    const s = await scene('2026-12-06T11:00:00Z', { weekly: everyDay('08:00', '15:00'), atClosing: 'cancel-after', cancelAfterMinutes: 30 })
    center = s.center
    const t = await s.issueAt('2026-12-06T12:00:00Z') // 14:00
    s.clock.set('2026-12-06T13:20:00Z') // 15:20
    expect(await s.status(t.id)).toBe('waiting')
    s.clock.set('2026-12-06T13:31:00Z') // 15:31
    expect(await s.status(t.id)).toBe('cancelled')
    expect(cancelReason(center, t.id)).toEqual({ reason: 'center_closed' })
    // its status page says why (the closing, not the holder), in both languages; the push carries the same DTO
    const shown = (await center.request('GET', `/api/v1/tickets/${t.id}`)).json()
    expect(shown.cancelledBecause).toBe('center_closed')
    expect(statusText('status.cancelledCenterClosed', 'ar')).toBe('أُلغيت التذكرة لأن المركز أغلق قبل أن يأتي دورها.')
    expect(statusText('status.cancelledCenterClosed', 'en')).toBe('This ticket was cancelled because the center closed before its turn.')
    // 91 minutes waited against a 600 s target: a miss of the target (the walk's A-007 waited 810 s of its 900: within)
    expect(
      center.app.tabour.db.prepare("SELECT data FROM events WHERE ticket_id = ? AND type = 'ticket.cancelled'").get(t.id),
    ).toMatchObject({
      data: expect.stringContaining('"withinTarget":false'),
    })

    await center.close()
    const keep = await scene('2026-12-06T11:00:00Z', { weekly: everyDay('08:00', '15:00') })
    center = keep.center
    const kept = await keep.issueAt('2026-12-06T12:00:00Z')
    keep.clock.set('2026-12-06T15:00:00Z') // 17:00
    expect(await keep.status(kept.id)).toBe('waiting')
  })

  it("a holder's own cancel and a staff cancel tell the public which, never the staff's reason or note", async () => {
    const s = await scene('2026-12-06T11:00:00Z', { weekly: everyDay('08:00', '15:00') })
    center = s.center
    const c = s.center
    const mine = await s.issueAt('2026-12-06T11:00:00Z')
    const theirs = await s.issueAt('2026-12-06T11:01:00Z')
    expect((await c.request('POST', `/api/v1/tickets/${mine.id}/cancel-mine`)).statusCode).toBe(200)
    const staff = await c.request('POST', `/api/v1/tickets/${theirs.id}/cancel`, {
      token: await c.admin(),
      body: { reason: 'other', note: 'asked twice' },
    })
    expect(staff.statusCode, staff.body).toBe(200)
    const shown = async (id: string) => (await c.request('GET', `/api/v1/tickets/${id}`)).json()
    expect((await shown(mine.id)).cancelledBecause).toBe('citizen')
    const staffShown = await shown(theirs.id)
    expect(staffShown.cancelledBecause).toBe('staff')
    expect(JSON.stringify(staffShown)).not.toContain('asked twice')
    const waiting = await s.issueAt('2026-12-06T11:02:00Z')
    expect((await shown(waiting.id)).cancelledBecause).toBeUndefined()
  })
})
