import { describe, expect, it } from 'vitest'
import { anchorOf, placeRefusal } from '../../dashboard-ui/hours-errors.ts'
import { DEFAULT_CALENDAR, type CenterCalendar } from '../../protocol/calendar.ts'
import { ApiError } from '../../ui-common/api-client.ts'

const sent: CenterCalendar = {
  ...DEFAULT_CALENDAR,
  services: [
    { serviceId: 7, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: false },
    { serviceId: 9, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: false },
  ],
}

describe("the hours tab's refusals", () => {
  it('are placed at the day, the service (by id, not by place in the list), the exception or the .ics card', () => {
    expect(anchorOf('weekly/mon/1', sent)).toBe('weekly/mon')
    expect(anchorOf('weekly/sun/0/close', sent)).toBe('weekly/sun')
    expect(anchorOf('services/1/weekly/sun/0/close', sent)).toBe('service/9/sun')
    expect(anchorOf('services/0/serviceId', sent)).toBe('service/7')
    expect(anchorOf('services/5/serviceId', sent)).toBeNull()
    expect(anchorOf('exceptions/3/to', sent)).toBe('exceptions/3')
    // the business day's fields: at the field, not beside the save button (walk of 2026-12-05)
    expect(anchorOf('businessDayStartsAt', sent)).toBe('day-start')
    expect(anchorOf('body/cancelAfterMinutes', sent)).toBe('cancel-minutes')
    expect(anchorOf('atClosing', sent)).toBe('at-closing')
    expect(anchorOf('dailyClose', sent)).toBe('daily-close')
    expect(anchorOf('services/1/lastTicketMinutes', sent)).toBe('service/9/cutoff')
    // a field the tab has no line for: beside the save button
    expect(anchorOf('weekly', sent)).toBeNull()
    expect(anchorOf('toString', sent)).toBeNull()
  })

  it("of a holiday the hub set say it is the hub's to change, in both languages (409 HUB_MANAGED)", () => {
    const altered = new ApiError(409, 'TABOUR_ERR_HUB_MANAGED', 'body/exceptions/0 (hub:h1) changes a holiday…', {
      field: 'exceptions/0',
      reason: 'hub-managed',
    })
    expect(placeRefusal(altered, sent, 'en')).toEqual({
      anchor: 'exceptions/0',
      text: 'Nothing was saved: Set by the national hub in its configuration bundle; it is changed or removed at the hub, not here',
    })
    const removed = new ApiError(409, 'TABOUR_ERR_HUB_MANAGED', 'body/exceptions leaves out hub:h1…', {
      field: 'exceptions',
      reason: 'hub-managed',
    })
    expect(placeRefusal(removed, sent, 'ar')).toEqual({
      anchor: null,
      text: 'لم يُحفظ شيء: حددتها الجهة المركزية بحزمة الإعدادات؛ تُغيَّر أو تُحذف من الجهة المركزية لا من هنا',
    })
  })

  it('of the weekly hours a hub bundle sets say so at the day, without "removed" (a tab opened before the bundle came)', () => {
    const moved = new ApiError(409, 'TABOUR_ERR_HUB_MANAGED', "body/weekly/tue: the national hub's configuration bundle 3 sets…", {
      field: 'weekly/tue',
      reason: 'hub-managed',
    })
    expect(placeRefusal(moved, sent, 'en')).toEqual({
      anchor: 'weekly/tue',
      text: 'Nothing was saved: The national hub sets the weekly hours in its configuration bundle; they are changed at the hub, not here',
    })
    const alwaysOpen = new ApiError(409, 'TABOUR_ERR_HUB_MANAGED', "body/weekly: the national hub's configuration bundle 3 sets…", {
      field: 'weekly',
      reason: 'hub-managed',
    })
    expect(placeRefusal(alwaysOpen, sent, 'ar')).toEqual({
      anchor: null,
      text: 'لم يُحفظ شيء: حددت الجهة المركزية المواعيد الأسبوعية بحزمة الإعدادات؛ تُغيَّر من الجهة المركزية لا من هنا',
    })
  })

  it('of a field holding one value say what it takes, not the schema keyword (err.maximum speaks of events)', () => {
    const pattern = new ApiError(400, 'TABOUR_ERR_VALIDATION', 'body/businessDayStartsAt must match pattern', {
      field: 'businessDayStartsAt',
      reason: 'pattern',
    })
    expect(placeRefusal(pattern, sent, 'en')).toEqual({
      anchor: 'day-start',
      text: 'Nothing was saved: Not an hour and minute on the 24-hour clock',
    })
    // a well-formed start refused for the moment it would move (calendar-commands.ts) says that, at the field
    const moves = new ApiError(400, 'TABOUR_ERR_VALIDATION', 'body/businessDayStartsAt 21:36 would move this moment', {
      field: 'businessDayStartsAt',
      reason: 'moves-business-day',
    })
    expect(placeRefusal(moves, sent, 'en')).toEqual({
      anchor: 'day-start',
      text: "Nothing was saved: Not now: this moment would move into another business day, closing today's tickets and issuing their numbers again. Change it at a time before or after both starts",
    })
    expect(placeRefusal(moves, sent, 'ar').text).toContain('ستنتقل هذه اللحظة إلى يوم عمل آخر')
    const tooMany = new ApiError(400, 'TABOUR_ERR_VALIDATION', 'body/cancelAfterMinutes must be <= 720', {
      field: 'cancelAfterMinutes',
      reason: 'maximum',
      limit: 720,
    })
    expect(placeRefusal(tooMany, sent, 'ar', 'arabic-indic')).toEqual({
      anchor: 'cancel-minutes',
      text: 'لم يُحفظ شيء: اكتب عددًا صحيحًا من الدقائق من ٠ إلى ٧٢٠',
    })
    const cutoff = new ApiError(400, 'TABOUR_ERR_VALIDATION', 'm', { field: 'services/0/lastTicketMinutes', reason: 'maximum', limit: 720 })
    expect(placeRefusal(cutoff, sent, 'en')).toEqual({
      anchor: 'service/7/cutoff',
      text: 'Nothing was saved: Write a whole number of minutes from 0 to 720',
    })
  })

  it('are worded in Arabic and English from the reason, the event named as the file names it', () => {
    const overlap = new ApiError(400, 'TABOUR_ERR_VALIDATION', 'body/weekly.mon[1] …', { field: 'weekly/mon/1', reason: 'overlap' })
    expect(placeRefusal(overlap, sent, 'en')).toEqual({
      anchor: 'weekly/mon',
      text: 'Nothing was saved: This interval overlaps another on the same day',
    })
    expect(placeRefusal(overlap, sent, 'ar').text).toBe('لم يُحفظ شيء: تتداخل هذه الفترة مع فترة أخرى في اليوم نفسه')
    const rrule = new ApiError(422, 'TABOUR_ERR_CALENDAR_ICS', 'event "Eid": cannot honour the recurrence FREQ=WEEKLY', {
      field: 'ics/events/2',
      reason: 'recurrence',
    })
    expect(placeRefusal(rrule, null, 'en').text).toMatch(/^Nothing was saved: Event “Eid”: A recurrence that cannot be honoured/)
    expect(placeRefusal(rrule, null, 'ar')).toMatchObject({
      anchor: 'ics',
      text: expect.stringMatching(/^لم يُحفظ شيء: الحدث «Eid»: تكرار/),
    })
    // a reason the tab has no sentence for still gets one; no field: the server's sentence
    expect(placeRefusal(new ApiError(400, 'X', 'm', { field: 'weekly/mon', reason: 'type' }), sent, 'en').text).toBe(
      'Nothing was saved: Not a valid value',
    )
    expect(placeRefusal(new ApiError(400, 'X', 'something else'), sent, 'en')).toEqual({
      anchor: null,
      text: 'Nothing was saved: something else',
    })
  })
})
