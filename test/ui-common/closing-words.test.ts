import { describe, expect, it } from 'vitest'
import { DEFAULT_CALENDAR, type CenterCalendar } from '../../protocol/calendar.ts'
import { localTimeMs } from '../../protocol/center-clock.ts'
import { closingNoteOf } from '../../protocol/closing-note-of.ts'
import { hoursNow } from '../../protocol/opening-hours.ts'
import { closedReasonText, closesSoonText, closingNoteText, kioskClosingText } from '../../ui-common/opening-words.ts'

/**
 * The day's close in words (walk 2026-12-05): where the hours go on across the business day's
 * start, the screens say the day's line closes and what is not called is cancelled, never "the
 * center closes"; where the hours end first, the center's close is said as before.
 */
const TZ = 'Africa/Cairo'
const at = (day: string, time: string) => localTimeMs(day, time, TZ)
const h = [{ open: '00:00', close: '24:00' }]
const ALL_DAY: CenterCalendar = {
  ...DEFAULT_CALENDAR,
  weekly: { sun: h, mon: h, tue: h, wed: h, thu: h, fri: h, sat: h },
  services: [{ serviceId: 1, weekly: null, lastTicketMinutes: 0, stopWhenWaitPastClose: true }],
}

describe("the day's close in words", () => {
  it('the display band and the phone pages: today’s line closes at 12:00\u00a0AM, in both languages and the center’s digits', () => {
    const hours = hoursNow(ALL_DAY, 2, at('2026-12-06', '23:40'), TZ)
    expect(closesSoonText(hours, TZ, 'en', 'western')).toBe("Today's line closes at 12:00\u00a0AM; tickets not yet called are cancelled")
    expect(closesSoonText(hours, TZ, 'ar', 'arabic-indic')).toBe('يُغلق طابور اليوم الساعة ١٢:٠٠\u00a0ص؛ التذاكر التي لم يُنادَ عليها تُلغى')
    const note = closingNoteOf(hours, 0, TZ, 'holder')!
    expect(note).toMatchObject({ kind: 'closing-soon', dayClose: true })
    expect(closingNoteText(note, 'en', 'western')).toBe("Today's line closes at 12:00\u00a0AM; tickets not yet called are cancelled")
    const late = closingNoteOf(hours, 40 * 60, TZ, 'holder')!
    // said plainly: the wait runs past a close that cancels what still waits (walk s54: "may not", then cancelled)
    expect(closingNoteText(late, 'en', 'western')).toBe(
      "Your turn will likely not come before today's line closes at 12:00\u00a0AM. Tickets still waiting then are cancelled",
    )
    // on the kiosk, the way to another day: a booking where the service takes them, else coming back
    expect(kioskClosingText(late, true, 'en', 'western')).toBe(
      "Your turn will likely not come before today's line closes at 12:00\u00a0AM. Tickets still waiting then are cancelled. You can book a time on another day instead",
    )
    expect(kioskClosingText(late, false, 'ar', 'western')).toBe(
      'على الأرجح لن يأتي دورك قبل أن يُغلق طابور اليوم الساعة 12:00\u00a0ص، وعندها تُلغى التذاكر التي لا تزال تنتظر. لا تُحجز مواعيد لهذه الخدمة؛ يمكنك العودة في يوم آخر',
    )
    // a closing that is the hours' end says nothing of bookings
    expect(kioskClosingText(note, true, 'en', 'western')).toBe(closingNoteText(note, 'en', 'western'))
  })

  it('a service that stops when the wait runs past closing names the day’s close on the kiosk and the join page', () => {
    const hours = hoursNow(ALL_DAY, 1, at('2026-12-06', '23:40'), TZ, 30 * 60)
    expect(hours.closedReason).toBe('wait-past-close')
    expect(closedReasonText(hours, TZ, 'en', 'western')).toBe("Your turn would not come before today's line closes at 12:00\u00a0AM")
    expect(closingNoteText(closingNoteOf(hours, 30 * 60, TZ, 'joiner')!, 'ar', 'western')).toBe(
      'لن يأتي دورك قبل أن يُغلق طابور اليوم الساعة 12:00\u00a0ص',
    )
  })

  it('an hours’ close before the day’s start is still the center closing', () => {
    const h8 = [{ open: '08:00', close: '15:00' }]
    const government: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: { sun: h8, mon: h8, tue: h8, wed: h8, thu: h8, fri: [], sat: [] } }
    const hours = hoursNow(government, null, at('2026-12-06', '14:40'), TZ)
    expect(closesSoonText(hours, TZ, 'en', 'western')).toBe('The center closes at 3:00\u00a0PM')
  })
})

describe('a wait past the closing in words: what the calendar does with the line then (s55)', () => {
  const h8 = [{ open: '08:00', close: '15:00' }]
  const government: CenterCalendar = { ...DEFAULT_CALENDAR, weekly: { sun: h8, mon: h8, tue: h8, wed: h8, thu: h8, fri: [], sat: [] } }

  it('serve-until-empty (the default): the turn may come after closing, and tickets taken before it are served', () => {
    const note = closingNoteOf(hoursNow(government, 1, at('2026-12-06', '14:00'), TZ, 90 * 60), 90 * 60, TZ, 'holder')!
    expect(note).toMatchObject({ kind: 'served-past-close', dayClose: false })
    expect(closingNoteText(note, 'en', 'western')).toBe(
      'Your turn may come after closing at 3:00\u00a0PM; tickets taken before closing are still served',
    )
    expect(closingNoteText(note, 'ar', 'arabic-indic')).toBe(
      'قد يأتي دورك بعد الإغلاق الساعة ٣:٠٠\u00a0م، وتُخدم التذاكر المأخوذة قبل الإغلاق',
    )
    // the kiosk adds nothing: the line is served out
    expect(kioskClosingText(note, true, 'en', 'western')).toBe(closingNoteText(note, 'en', 'western'))
  })

  it('cancel-after: the plain cancel sentence, with the time the tickets still waiting are cancelled', () => {
    const cal: CenterCalendar = { ...government, atClosing: 'cancel-after', cancelAfterMinutes: 30 }
    const note = closingNoteOf(hoursNow(cal, 1, at('2026-12-06', '14:00'), TZ, 90 * 60), 90 * 60, TZ, 'joiner')!
    expect(note).toMatchObject({ kind: 'cancelled-past-close', at: new Date(at('2026-12-06', '15:30')).toISOString(), dayClose: false })
    expect(closingNoteText(note, 'en', 'western')).toBe(
      'Your turn may come after closing; tickets not called by 3:30\u00a0PM are cancelled',
    )
    expect(closingNoteText(note, 'ar', 'western')).toBe('قد يأتي دورك بعد الإغلاق؛ التذاكر التي لم يُنادَ عليها حتى الساعة 3:30\u00a0م تُلغى')
  })

  it('an older server, whose hours do not say: the old words', () => {
    const { cancelsWaitingAt: _, ...older } = hoursNow(government, 1, at('2026-12-06', '14:00'), TZ, 90 * 60)
    expect(closingNoteOf(older, 90 * 60, TZ, 'holder')).toMatchObject({ kind: 'may-not-be-served' })
  })
})
