import { describe, expect, it } from 'vitest'
import { fillTemplate } from '../../../server/notify/templates.ts'
import { CITIZEN_MESSAGES, CITIZEN_PLACEHOLDERS, MESSAGE_KINDS, type MessageKind } from '../../../protocol/messages/citizen.ts'
import type { Lang, MessageValues } from '../../../protocol/messages/format.ts'
import { countSegments } from '../../../protocol/sms-segments.ts'
import { clockTime } from '../../../protocol/messages/clock-time.ts'
import { waitText } from '../../../protocol/messages/ticket.ts'
import { DEMO_SERVICES } from '../../../server/demo/seed.ts'
import { bookingPageUrlAt } from '../../../server/queue/ticket-link.ts'
import { groupedCode } from '../../../protocol/booking-code-form.ts'

/**
 * How many SMS parts each default text costs at its longest: every value a placeholder can take
 * within the bounds below. Arabic is UCS-2 (70 characters in one part, 67 a part beyond), English
 * GSM-7 (160, 153). A text that grows past its parts fails here, not on the bill (walk s47: the
 * Arabic missed-turn text had become two parts). The ticket's short texts are one part; those
 * naming the center, a service or a link cannot all be. A booking's texts are two at most (s49:
 * the booked, reminder and moved texts took three in Arabic).
 */
const PARTS: Record<Lang, Record<MessageKind, number>> = {
  ar: {
    ticket_taken: 2,
    ticket_ahead: 1,
    ticket_called: 1,
    ticket_missed: 1,
    ticket_closed: 2,
    ticket_day_closed: 2,
    ticket_turn_came: 1,
    appointment_booked: 2,
    appointment_reminder: 2,
    appointment_moved: 2,
    appointment_cancelled: 2,
  },
  en: {
    ticket_taken: 2,
    ticket_ahead: 1,
    ticket_called: 1,
    ticket_missed: 1,
    ticket_closed: 1,
    ticket_day_closed: 1,
    ticket_turn_came: 1,
    appointment_booked: 2,
    appointment_reminder: 2,
    appointment_moved: 2,
    appointment_cancelled: 1,
  },
}

const zone = 'Africa/Cairo'
const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a))
const code = groupedCode('7KQ2M9XC4TBW8HDR')

/**
 * Each placeholder's values in `lang`, the longest in its bounds: a label's prefix is up to 3
 * letters and its number up to 4 digits; few ahead is up to 10 people and a near wait up to an
 * hour; counters up to 999, with a name of up to 20 characters (the admin's: a longer one may cost
 * a part); the default center name (the demo's); the demo's longest service name; a status link as
 * long as the preview's, a booking's link with a real code (16 characters in groups of four, as
 * the booking gives it) on the same host; the longest clock time and date. Longer names cost parts:
 * the settings bound a service's name at 120 characters and a center's not at all, and no text
 * naming one of those fits two Arabic parts (docs/messages.md says so).
 */
function valuesIn(lang: Lang, kind: MessageKind): Record<string, MessageValues[string][]> {
  const digits = lang === 'ar' ? 'arabic-indic' : 'western'
  const halfHours = Array.from({ length: 48 }, (_, i) => Date.parse('2026-12-06T22:00:00Z') + i * 1_800_000)
  return {
    label: ['ABC-1234'],
    center: [lang === 'ar' ? 'المركز التكنولوجي لخدمة المواطنين' : 'Citizen Service Technology Center'],
    ahead: Array.from({ length: 11 }, (_, i) => i),
    link: kind.startsWith('appointment_')
      ? [bookingPageUrlAt('https://tabour.example', code, lang)]
      : [`https://tabour.example/t/Xk3q9VbT2mNcR8wLpZ4hYg${lang === 'en' ? '?lang=en' : ''}`],
    minutes: [60],
    wait: [longest(Array.from({ length: 61 }, (_, m) => waitText(m * 60, lang, digits)))],
    where: ['away', 'here'],
    near: ['yes', 'no'],
    held: ['yes', 'no'],
    counter: [0, 9, 99, 999],
    counterName: [(lang === 'ar' ? 'ح' : 'x').repeat(20)],
    grace: [0, 30],
    time: [longest(halfHours.map((t) => clockTime(t, zone, lang, digits)))],
    code: [code],
    service: [longest(DEMO_SERVICES.map((s) => (lang === 'ar' ? s.nameAr : s.nameEn)))],
    date: [lang === 'ar' ? 'الأربعاء، ٣٠ ديسمبر' : 'Wednesday 30 December'],
  }
}

/** Every combination of `kind`'s placeholders' values. */
function combinations(kind: MessageKind, values: Record<string, MessageValues[string][]>): MessageValues[] {
  return CITIZEN_PLACEHOLDERS[kind].reduce<MessageValues[]>(
    (all, name) => all.flatMap((filled) => values[name]!.map((v) => ({ ...filled, [name]: v }))),
    [{}],
  )
}

describe('the SMS parts of the default texts', () => {
  const cases = (['ar', 'en'] as const).flatMap((lang) => MESSAGE_KINDS.map((kind) => [lang, kind, PARTS[lang][kind]] as const))
  it.each(cases)('%s %s takes at most %i part(s)', (lang, kind, parts) => {
    let worst = ''
    for (const values of combinations(kind, valuesIn(lang, kind))) {
      const text = fillTemplate(CITIZEN_MESSAGES[kind][lang], lang, values, lang === 'ar' ? 'arabic-indic' : 'western')
      if (countSegments(text).units > countSegments(worst).units) worst = text
    }
    if (lang === 'en') expect(countSegments(worst).encoding, worst).toBe('gsm7')
    expect(countSegments(worst).segments, `${worst} (${worst.length})`).toBeLessThanOrEqual(parts)
  })
})

/**
 * A center's long name (Egypt's run to 40–60 Arabic characters) is sent whole, at the cost of a
 * part: every text naming the center takes three Arabic parts with «مركز خدمات
 * المواطنين التكنولوجي بحي شرق مدينة نصر» (49 characters), "ticket taken" too, where the demo's
 * name (33) fits two; the booked and moved texts reach two parts' 134 characters at 33 and 37. Cut to fit two, it would read «مركز خدمات
 * المواطنين التكنولوجي بحي…»: the district, the one part that tells one center from another, is
 * what goes, and a citizen who goes to the wrong center costs more than a part. A center that pays
 * for the part writes its short name into its texts (the dashboard's Messages, whose preview
 * counts the parts with the center's own name). So: the whole name, and never more than three
 * Arabic parts (65 characters) or two English ones (60: the closing texts' second) with the longest names.
 */
describe('a long center name', () => {
  const names: Record<Lang, string> = {
    ar: 'مركز خدمات المواطنين التكنولوجي بحي شرق مدينة نصر بمحافظة القاهرة',
    en: 'East Nasr City Technology Center for Citizen Services, Cairo',
  }
  // the default texts that name it (appointment_cancelled may, and does not)
  const naming = MESSAGE_KINDS.filter((kind) => CITIZEN_MESSAGES[kind].ar.includes('{center}'))
  const cases = (['ar', 'en'] as const).flatMap((lang) => naming.map((kind) => [lang, kind, lang === 'ar' ? 3 : 2] as const))
  it.each(cases)('%s %s names it whole in at most %i parts', (lang, kind, parts) => {
    expect(names[lang].length).toBeGreaterThanOrEqual(60)
    let worst = ''
    for (const values of combinations(kind, { ...valuesIn(lang, kind), center: [names[lang]] })) {
      const text = fillTemplate(CITIZEN_MESSAGES[kind][lang], lang, values, lang === 'ar' ? 'arabic-indic' : 'western')
      expect(text).toContain(names[lang])
      if (countSegments(text).units > countSegments(worst).units) worst = text
    }
    if (lang === 'en') expect(countSegments(worst).encoding, worst).toBe('gsm7')
    expect(countSegments(worst).segments, `${worst} (${worst.length})`).toBeLessThanOrEqual(parts)
  })
  it('costs the Arabic texts naming it a third part at 49 characters (the demo’s 33 fit two); two English ones a second at 60', () => {
    const partsWith = (lang: Lang, kind: MessageKind, center: string) =>
      Math.max(
        ...combinations(kind, { ...valuesIn(lang, kind), center: [center] }).map(
          (values) =>
            countSegments(fillTemplate(CITIZEN_MESSAGES[kind][lang], lang, values, lang === 'ar' ? 'arabic-indic' : 'western')).segments,
        ),
      )
    const nasrCity = 'مركز خدمات المواطنين التكنولوجي بحي شرق مدينة نصر'
    expect(Object.fromEntries(naming.map((kind) => [kind, partsWith('ar', kind, nasrCity)]))).toEqual({
      ticket_taken: 3,
      ticket_closed: 3,
      ticket_day_closed: 3,
      appointment_booked: 3,
      appointment_reminder: 3,
      appointment_moved: 3,
    })
    expect(Object.fromEntries(naming.map((kind) => [kind, partsWith('en', kind, names.en)]))).toEqual({
      ...Object.fromEntries(naming.map((kind) => [kind, PARTS.en[kind]])),
      ticket_closed: 2,
      ticket_day_closed: 2,
    })
  })
})
