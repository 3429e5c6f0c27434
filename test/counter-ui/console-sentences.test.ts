import { afterEach, describe, expect, it, vi } from 'vitest'
import { ConsoleCheckIn } from '../../counter-ui/console-check-in.ts'
import { NEWS_MS } from '../../counter-ui/check-in-said.ts'
import { noShowConfirm } from '../../counter-ui/no-show-confirm.ts'
import { consoleText } from '../../protocol/messages/console.ts'
import type { CheckInResult } from '../../protocol/appointments.ts'
import type { StaffSession } from '../../ui-common/staff-session.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { markup } from '../../server/first-screen/shadow-markup.ts'

/** The card's text as drawn now (tags and lit's markers dropped). */
const shown = (card: ConsoleCheckIn) =>
  markup(card.render())
    .replace(/<!--[^>]*-->/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** A card whose center answers `answer` to every check-in. */
function cardAnswering(answer: CheckInResult | Error): ConsoleCheckIn {
  const card = new ConsoleCheckIn()
  card.staff = {
    request: async () => {
      if (answer instanceof Error) throw answer
      return answer
    },
  } as unknown as StaffSession
  return card
}
const checkIn = (card: ConsoleCheckIn, text: string) => (card as unknown as { checkIn(t: string): Promise<boolean> }).checkIn(text)

const TICKET: CheckInResult = {
  outcome: 'ticket',
  kind: 'appointment',
  ticket: { label: 'A-005' } as Extract<CheckInResult, { outcome: 'ticket' }>['ticket'],
}

describe("the console's check-in card (walk s51)", () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('says its outcome in the language the console is in now, not the one it was checked in under', async () => {
    const card = cardAnswering(TICKET)
    card.lang = 'ar'
    expect(await checkIn(card, 'K7M2Q9')).toBe(true)
    expect(shown(card)).toContain('تم تسجيل الوصول: التذكرة A-005')
    card.lang = 'en'
    expect(shown(card)).toContain('Checked in: ticket A-005')
    expect(shown(card)).not.toContain('تم تسجيل')
  })

  it('writes a come-back time in the current language and digits, and a refusal too', async () => {
    const early = cardAnswering({
      outcome: 'too_early',
      kind: 'appointment',
      serviceId: 1,
      comeBackAt: '2026-12-07T08:30:00Z',
      timeZone: 'Africa/Cairo',
    })
    early.lang = 'en'
    await checkIn(early, 'K7M2Q9')
    expect(shown(early)).toContain('check-in for this booking opens at 10:30 AM')
    early.lang = 'ar'
    early.digits = 'arabic-indic'
    expect(shown(early)).toContain('الساعة ١٠:٣٠ ص')
    const refused = cardAnswering(new ApiError(404, 'TABOUR_ERR_NOPE', 'no such code'))
    refused.lang = 'ar'
    expect(await checkIn(refused, 'NOPE')).toBe(false)
    refused.lang = 'en'
    expect(shown(refused)).toContain('Could not check in.')
  })

  it('drops it once it is no longer news, a minute on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const card = cardAnswering(TICKET)
    card.lang = 'en'
    await checkIn(card, 'K7M2Q9')
    vi.advanceTimersByTime(NEWS_MS - 1)
    expect(shown(card)).toContain('A-005')
    vi.advanceTimersByTime(1)
    expect(shown(card)).not.toContain('A-005')

    // a second check-in within the minute gets a minute of its own
    await checkIn(card, 'K7M2Q9')
    vi.advanceTimersByTime(NEWS_MS / 2)
    await checkIn(card, 'K7M2Q9')
    vi.advanceTimersByTime(NEWS_MS / 2)
    expect(shown(card)).toContain('A-005')
  })
})

describe("the console's no-show question", () => {
  it("names the center's undo window, the minutes the Recent no-shows list counts down (walk s51: «لفترة قصيرة»)", () => {
    const ask = (minutes: number | undefined, lang: 'ar' | 'en', digits: 'western' | 'arabic-indic' = 'western') => {
      const { message, values } = noShowConfirm('A-012', minutes)
      return consoleText(message, lang, values, digits)
    }
    expect(ask(30, 'en')).toBe(
      'Mark A-012 as a no-show? If the citizen comes back within 30 minutes, you can undo it from “Recent no-shows”.',
    )
    expect(ask(30, 'ar', 'arabic-indic')).toContain('خلال ٣٠ دقيقة يمكن التراجع')
    expect(ask(1, 'en')).toContain('within 1 minute,')
    expect(ask(10, 'ar')).toContain('خلال 10 دقائق')
    expect(ask(0, 'en')).toBe('Mark A-012 as a no-show? This cannot be undone.')
    expect(ask(undefined, 'en')).toBe('Mark A-012 as a no-show?')
    for (const m of [0, 30, undefined]) expect(ask(m, 'ar')).not.toContain('لفترة قصيرة')
  })
})
