import { describe, expect, it } from 'vitest'
import { fillTemplate } from '../../../server/notify/templates.ts'
import { CITIZEN_MESSAGES, CITIZEN_PLACEHOLDERS, MESSAGE_KINDS, type MessageKind } from '../../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../../protocol/messages/format.ts'
import { countSegments } from '../../../protocol/sms-segments.ts'
import { clockTime } from '../../../protocol/messages/clock-time.ts'
import { waitText } from '../../../protocol/messages/ticket.ts'
import { DEMO_SERVICES } from '../../../server/demo/seed.ts'

/**
 * How many SMS parts each default Arabic text costs (UCS-2: 70 characters in one part, 67 a part
 * beyond), at its longest: every value a placeholder can take within the bounds below, in
 * Arabic-Indic digits. A text that grows past its parts fails here, not on the bill (walk s47: the
 * missed-turn text had become two parts). The ticket's short texts are one part; those naming the
 * center, a service or a link cannot be.
 */
const PARTS: Record<MessageKind, number> = {
  ticket_taken: 2,
  ticket_ahead: 1,
  ticket_called: 1,
  ticket_missed: 1,
  ticket_closed: 2,
  ticket_day_closed: 2,
  appointment_booked: 3,
  appointment_reminder: 3,
  appointment_moved: 3,
  appointment_cancelled: 2,
}

const zone = 'Africa/Cairo'
const times = Array.from({ length: 48 }, (_, i) =>
  clockTime(Date.parse('2026-12-06T22:00:00Z') + i * 1_800_000, zone, 'ar', 'arabic-indic'),
)
const longest = (texts: string[]) => texts.reduce((a, b) => (b.length > a.length ? b : a))

/**
 * Each placeholder's values, the longest in its bounds: a label's prefix is up to 3 letters and its
 * number up to 4 digits; few ahead is up to 10 people and a near wait up to an hour; counters up to
 * 999, with a name of up to 20 characters (the admin's: a longer one may cost a part); the default
 * center name; the demo's longest service name; a status link as long as the preview's.
 */
const VALUES: Record<string, MessageValues[string][]> = {
  label: ['ABC-1234'],
  center: ['المركز التكنولوجي لخدمة المواطنين'],
  ahead: Array.from({ length: 11 }, (_, i) => i),
  link: ['https://tabour.example/t/Xk3q9VbT2mNcR8wLpZ4hYg'],
  minutes: [60],
  wait: [longest(Array.from({ length: 61 }, (_, m) => waitText(m * 60, 'ar', 'arabic-indic')))],
  where: ['away', 'here'],
  near: ['yes', 'no'],
  counter: [0, 9, 99, 999],
  counterName: ['ح'.repeat(20)],
  grace: [0, 30],
  time: [longest(times)],
  code: ['K7Q2'],
  service: [longest(DEMO_SERVICES.map((s) => s.nameAr))],
  date: ['الأربعاء، ٣٠ ديسمبر'],
}

/** Every combination of `kind`'s placeholders' values. */
function combinations(kind: MessageKind): MessageValues[] {
  return CITIZEN_PLACEHOLDERS[kind].reduce<MessageValues[]>(
    (all, name) => all.flatMap((values) => VALUES[name]!.map((v) => ({ ...values, [name]: v }))),
    [{}],
  )
}

describe('the SMS parts of the Arabic texts', () => {
  it.each(MESSAGE_KINDS.map((kind) => [kind, PARTS[kind]] as const))('%s takes at most %i part(s)', (kind, parts) => {
    let worst = ''
    for (const values of combinations(kind)) {
      const text = fillTemplate(CITIZEN_MESSAGES[kind].ar, 'ar', values, 'arabic-indic')
      if (text.length > worst.length) worst = text
    }
    expect(countSegments(worst).segments, `${worst} (${worst.length})`).toBeLessThanOrEqual(parts)
  })
})
