import { describe, expect, it } from 'vitest'
import type { CalledTicket } from '../../protocol/events.ts'
import { fromSnapshot, MAX_CALLS, MAX_PAST, withCall, withCounter, withPast, withStarted } from '../../display-ui/now-serving.ts'
import { DEFAULT_DISPLAY_SETTINGS, displaySettings } from '../../display-ui/display-settings.ts'
import { clockText } from '../../display-ui/clock-text.ts'
import { dayMayHaveTurned, nextBandChangeMs } from '../../display-ui/hours-band-moments.ts'

const call = (label: string, counter: number, recall = false): CalledTicket => ({
  ticket: { id: `t-${label}`, label, serviceId: 1 },
  counter: { id: counter, number: counter, name: `Counter ${counter}`, zone: 'ground' },
  at: '2026-03-10T08:00:00.000Z',
  recall,
})
const counter = (id: number, currentTicketId: string | null) => ({ id, number: id, name: `Counter ${id}`, currentTicketId })
const labels = (calls: CalledTicket[]) => calls.map((c) => `${c.ticket.label}@${c.counter.number}`)

describe('now serving', () => {
  it('puts a new call first; a counter shows one call; a recall moves its call back to the top', () => {
    let calls = withCall([], call('A-001', 1))
    calls = withCall(calls, call('B-001', 2))
    expect(labels(calls)).toEqual(['B-001@2', 'A-001@1'])
    calls = withCall(calls, call('A-002', 1))
    expect(labels(calls)).toEqual(['A-002@1', 'B-001@2'])
    calls = withCall(calls, call('B-001', 2, true))
    expect(labels(calls)).toEqual(['B-001@2', 'A-002@1'])
    expect(calls[0].recall).toBe(true)
  })

  it('drops a call when its counter no longer holds the ticket (finished, no-show, transferred, closed)', () => {
    const calls = [call('B-001', 2), call('A-001', 1)]
    expect(labels(withCounter(calls, counter(1, null)))).toEqual(['B-001@2'])
    expect(labels(withCounter(calls, counter(1, 't-A-001')))).toEqual(['B-001@2', 'A-001@1'])
    expect(labels(withCounter(calls, counter(1, 't-A-009')))).toEqual(['B-001@2'])
    expect(labels(withCounter(calls, counter(7, null)))).toEqual(['B-001@2', 'A-001@1'])
    // renumbered while serving: the board follows
    expect(withCounter(calls, { ...counter(1, 't-A-001'), number: 11 })[1].counter.number).toBe(11)
  })

  it('a started ticket keeps its call, no longer a recall; the other calls are untouched', () => {
    const calls = [call('B-001', 2, true), call('A-001', 1, true)]
    const after = withStarted(calls, 't-B-001')
    expect(labels(after)).toEqual(['B-001@2', 'A-001@1'])
    expect(after.map((c) => c.recall)).toEqual([false, true])
    expect(withStarted(calls, 't-Z-999').map((c) => c.recall)).toEqual([true, true])
  })

  it('keeps at most MAX_CALLS', () => {
    let calls: CalledTicket[] = []
    for (let i = 1; i <= MAX_CALLS + 17; i++) calls = withCall(calls, call(`A-${i}`, i))
    expect(calls).toHaveLength(MAX_CALLS)
    expect(calls[0].ticket.label).toBe(`A-${MAX_CALLS + 17}`)
  })

  it('keeps a call that left its counter as past, newest first, until a recall makes it current again (finding 19)', () => {
    // counter 1 moves from: A-001 is past, with its counter
    let calls = withCall(withCall([], call('A-001', 1)), call('B-001', 2))
    let past: CalledTicket[] = []
    const change = (next: CalledTicket[]) => {
      past = withPast(past, calls, next)
      calls = next
    }
    change(withCall(calls, call('A-002', 1)))
    expect(labels(calls)).toEqual(['A-002@1', 'B-001@2'])
    expect(labels(past)).toEqual(['A-001@1'])
    // B-001 finished: past too, before A-001
    change(withCounter(calls, counter(2, null)))
    expect(labels(past)).toEqual(['B-001@2', 'A-001@1'])
    // A-001 recalled at counter 3: current again, not past; a second move past it does not repeat it
    change(withCall(calls, { ...call('A-001', 3, true), at: '2026-03-10T08:05:00.000Z' }))
    expect(labels(past)).toEqual(['B-001@2'])
    change(withCall(calls, call('A-003', 3)))
    change(withCall(calls, call('A-003', 3, true)))
    expect(labels(past)).toEqual(['A-001@3', 'B-001@2'])
  })

  it('keeps at most MAX_PAST past calls', () => {
    let past: CalledTicket[] = []
    for (let i = 1; i <= MAX_PAST + 5; i++) past = withPast(past, [call(`A-${i}`, 1)], [])
    expect(past).toHaveLength(MAX_PAST)
    expect(past[0].ticket.label).toBe(`A-${MAX_PAST + 5}`)
  })

  it('trusts a snapshot call only while its counter agrees', () => {
    const snapshot = [call('A-003', 1), call('B-001', 2), call('A-001', 1)]
    expect(labels(fromSnapshot(snapshot, [counter(1, 't-A-003'), counter(2, null)]))).toEqual(['A-003@1'])
    expect(labels(fromSnapshot(snapshot, []))).toEqual(['A-003@1', 'B-001@2'])
  })
})

describe('display settings', () => {
  it('defaults every key', () => {
    expect(displaySettings(null)).toEqual(DEFAULT_DISPLAY_SETTINGS)
    expect(DEFAULT_DISPLAY_SETTINGS).toEqual({
      digits: 'western',
      recentCalls: 6,
      showWaiting: true,
      announceLanguages: ['ar'],
      chime: false,
      announcement: 'short',
      hijriDate: true,
      media: false,
      mediaSeconds: 10,
      flashSeconds: 6,
    })
  })

  it('takes good values and falls back on bad ones', () => {
    expect(
      displaySettings({ recentCalls: 3, announceLanguages: ['en'], flashSeconds: 0, media: true }, { digits: 'arabic-indic' }),
    ).toMatchObject({
      digits: 'arabic-indic',
      recentCalls: 3,
      announceLanguages: ['en'],
      flashSeconds: 0,
      media: true,
    })
    expect(displaySettings({ digits: 'x', recentCalls: 99, announceLanguages: 'ar', chime: 'no', mediaSeconds: 1 })).toEqual(
      DEFAULT_DISPLAY_SETTINGS,
    )
    expect(displaySettings({ announceLanguages: ['fr', 'ar', 'ar'] }).announceLanguages).toEqual(['ar'])
    expect(displaySettings({ announcement: 'long', chime: true, announceLanguages: ['ar', 'en'] })).toMatchObject({
      announcement: 'long',
      chime: true,
      announceLanguages: ['ar', 'en'],
    })
    expect(displaySettings({ announcement: 'loud' }).announcement).toBe('short')
  })

  it("takes the center's digits; the display's own (deprecated) digits are ignored", () => {
    expect(displaySettings({}, { digits: 'arabic-indic' }).digits).toBe('arabic-indic')
    // one setting for the center: a stored display config with its own digits loads, and they change nothing
    expect(displaySettings({ digits: 'western' }, { digits: 'arabic-indic' }).digits).toBe('arabic-indic')
    expect(displaySettings({ digits: 'arabic-indic' }, { digits: 'western' }).digits).toBe('western')
    expect(displaySettings({ digits: 'arabic-indic' }, null).digits).toBe('western')
    expect(displaySettings({ digits: 'x' }, { digits: 'arabic-indic' }).digits).toBe('arabic-indic')
    expect(displaySettings({}, null).digits).toBe('western')
  })
})

describe('the clock', () => {
  it('writes the time and both calendars in the center time zone, with the chosen digits', () => {
    // 2026-03-10 22:30 UTC is already 11 March in Cairo (UTC+2), 22 Ramadan 1447 in Umm al-Qura
    const at = new Date('2026-03-10T22:30:00Z')
    const western = clockText(at, 'Africa/Cairo', 'western')
    // the time as clockTime writes every other time on the TV and the ticket: a no-break space
    // (U+00A0) before its period, never ICU's own space (walk of 2026-12-05)
    expect(western.time).toBe('12:30\u00a0ص')
    expect(western.dateAr).toContain('11')
    expect(western.dateAr).toContain('مارس')
    expect(western.dateEn).toMatch(/^Wednesday,? 11 March 2026$/)
    expect(western.hijriAr).toContain('رمضان')
    expect(western.hijriEn).toMatch(/Ramadan/)
    expect(western.hijriEn).toMatch(/1447/)
    const indic = clockText(at, 'Africa/Cairo', 'arabic-indic')
    expect(indic.time).toBe('١٢:٣٠\u00a0ص')
    expect(indic.hijriAr).toContain('١٤٤٧')
    // the Hijri date follows the center's digits like the rest of the display: one style, never mixed
    expect(western.hijriAr).toMatch(/^22 رمضان 1447/)
    expect(western.hijriAr).not.toMatch(/[٠-٩]/)
    expect(indic.hijriAr).toMatch(/^٢٢ رمضان ١٤٤٧/)
    expect(indic.hijriAr).not.toMatch(/[0-9]/)
    expect(indic.hijriEn).toMatch(/^22 Ramadan 1447/)
  })

  it('falls back to the local zone for an unknown one', () => {
    expect(clockText(new Date(), 'Mars/Olympus', 'western').time).toMatch(/^\d{1,2}:\d{2}\u00a0[صم]$/)
  })
})

describe("the hours band's moments", () => {
  const hours = (at: string, closesAt: string | null, opensAt: string | null) => ({
    at,
    open: closesAt !== null,
    closedReason: null,
    opensAt,
    closesAt,
    dayClose: false,
    lastTicketAt: null,
  })

  it("are the warning, the closing and the opening, whichever comes next after the center's now", () => {
    // 14:29:30 before a 15:00 close: the warning in 30 s
    expect(nextBandChangeMs(hours('2026-12-06T12:29:30Z', '2026-12-06T13:00:00Z', null))).toBe(30_000)
    // 14:59:45: the closing in 15 s
    expect(nextBandChangeMs(hours('2026-12-06T12:59:45Z', '2026-12-06T13:00:00Z', null))).toBe(15_000)
    // closed, opening at 08:00: in 20 s
    expect(nextBandChangeMs(hours('2026-12-07T05:59:40Z', null, '2026-12-07T06:00:00Z'))).toBe(20_000)
    // a 24-hour center with no daily close: nothing changes with the clock
    expect(nextBandChangeMs(hours('2026-12-07T05:59:40Z', null, null))).toBeNull()
  })

  it("tell when the center's day may have turned: its date changed, the day's close passed, or it opened (walk s55)", () => {
    const on = (today: string, h: ReturnType<typeof hours>, dayClose = false) => ({ ...h, today, dayClose })
    // a 24-hour center whose day closes at midnight (22:00Z): the close passed, even before its date is read again
    const evening = on('2026-12-08', hours('2026-12-08T21:59:50Z', '2026-12-08T22:00:00Z', null), true)
    expect(dayMayHaveTurned(evening, on('2026-12-08', hours('2026-12-08T22:00:01Z', '2026-12-09T22:00:00Z', null), true))).toBe(true)
    expect(dayMayHaveTurned(evening, on('2026-12-08', hours('2026-12-08T21:59:55Z', '2026-12-08T22:00:00Z', null), true))).toBe(false)
    // closed overnight (08:00–16:00): the date turns at midnight, and the center opens in the morning
    const night = on('2026-12-08', hours('2026-12-08T21:59:30Z', null, '2026-12-09T06:00:00Z'))
    expect(dayMayHaveTurned(night, on('2026-12-09', hours('2026-12-08T22:00:30Z', null, '2026-12-09T06:00:00Z')))).toBe(true)
    const dawn = on('2026-12-09', hours('2026-12-09T05:59:30Z', null, '2026-12-09T06:00:00Z'))
    expect(dayMayHaveTurned(dawn, on('2026-12-09', hours('2026-12-09T06:00:01Z', '2026-12-09T14:00:00Z', null)))).toBe(true)
    // open all afternoon, or closed all evening: the same day
    const noon = on('2026-12-09', hours('2026-12-09T10:00:00Z', '2026-12-09T14:00:00Z', null))
    expect(dayMayHaveTurned(noon, on('2026-12-09', hours('2026-12-09T10:01:00Z', '2026-12-09T14:00:00Z', null)))).toBe(false)
    const evening2 = (at: string) => on('2026-12-09', hours(at, null, '2026-12-10T06:00:00Z'))
    expect(dayMayHaveTurned(evening2('2026-12-09T15:00:00Z'), evening2('2026-12-09T15:01:00Z'))).toBe(false)
  })
})

describe('legible zeros', () => {
  it('marks each ٠ of an Arabic-Indic figure, the figure kept whole; text without ٠ (Western digits included) is left as it is', async () => {
    const { legibleZeros } = await import('../../ui-common/legible-zeros.ts')
    expect(legibleZeros('٨')).toBe('٨')
    expect(legibleZeros('A-010 Counter 20')).toBe('A-010 Counter 20')
    /** The result as markup: each figure's span and its zeros' spans. */
    const markup = (r: unknown): string => {
      if (typeof r === 'string') return r
      if (Array.isArray(r)) return r.map(markup).join('')
      const t = r as { strings: readonly string[]; values: unknown[] }
      return t.strings.map((s, i) => s + (i < t.values.length ? markup(t.values[i]) : '')).join('')
    }
    expect(markup(legibleZeros('١٠:٠٥ ص'))).toBe('<span class="figure">١<span class="zero">٠</span>:<span class="zero">٠</span>٥</span> ص')
    expect(markup(legibleZeros('الاثنين، ٧ ديسمبر ٢٠٢٦'))).toBe(
      'الاثنين، ٧ ديسمبر <span class="figure">٢<span class="zero">٠</span>٢٦</span>',
    )
  })
})
