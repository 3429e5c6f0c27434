import { describe, expect, it } from 'vitest'
import { messagesCardText } from '../../protocol/messages/messages-card.ts'
import { KINDS_WITH_ABOUT, messagesConfigText } from '../../protocol/messages/messages-config.ts'

/**
 * Configuration → Messages listed "Cancelled at closing" beside "Cancelled at the day's close"
 * with nothing telling them apart (walk s50). Each is named for when it goes, and the editor says
 * who gets it: the center's closing time (center_closed) or the business day's end (day_closed).
 */
describe("the two closings' message kinds", () => {
  it('are named for when they go, in both languages', () => {
    expect(messagesCardText('msgs.kind.ticket_closed', 'en')).toBe("Ticket cancelled at the center's closing time")
    expect(messagesCardText('msgs.kind.ticket_day_closed', 'en')).toBe('Ticket cancelled when the business day ended')
    expect(messagesCardText('msgs.kind.ticket_closed', 'ar')).toBe('إلغاء التذكرة وقت إغلاق المركز')
    expect(messagesCardText('msgs.kind.ticket_day_closed', 'ar')).toBe('إلغاء التذكرة بانتهاء يوم العمل')
  })

  it('each say who gets them and when, in both languages', () => {
    expect([...KINDS_WITH_ABOUT]).toEqual(['ticket_closed', 'ticket_day_closed'])
    for (const lang of ['ar', 'en'] as const) {
      const closed = messagesConfigText('tpl.about.ticket_closed', lang)
      const dayClosed = messagesConfigText('tpl.about.ticket_day_closed', lang)
      expect(closed).not.toBe(dayClosed)
    }
    expect(messagesConfigText('tpl.about.ticket_closed', 'en')).toContain("still waiting at the center's closing time")
    expect(messagesConfigText('tpl.about.ticket_day_closed', 'en')).toContain('still waiting when the business day ended')
  })
})
