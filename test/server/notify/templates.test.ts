import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrate } from '../../../server/db/migrate.ts'
import { checkTemplate, fillTemplate, MessageTemplates, placeholdersOf } from '../../../server/notify/templates.ts'
import { DomainError } from '../../../server/errors.ts'
import { countSegments, smsEncodingOf, splitUcs2 } from '../../../protocol/sms-segments.ts'
import { normalizePhone, maskPhone } from '../../../server/notify/phone-number.ts'
import { appointmentMessage, reminderMessage } from '../../../server/notify/appointment-messages.ts'
import { quietUntil } from '../../../server/notify/quiet-hours.ts'
import { smsParts } from '../../../server/notify/smpp-provider.ts'
import { CITIZEN_MESSAGES } from '../../../protocol/messages/citizen.ts'
import { APPOINTMENT_MESSAGES } from '../../../protocol/messages/appointments.ts'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err)
  }
  return null
}

describe('message templates', () => {
  let dir: string
  let db: Database.Database
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tabour-templates-'))
    db = new Database(join(dir, 't.sqlite'))
    migrate(db)
  })
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('names the placeholders of a template, inside plurals too', () => {
    expect(placeholdersOf('{label}: {ahead, plural, one {# person} other {# people, {minutes} min}}').sort()).toEqual([
      'ahead',
      'label',
      'minutes',
    ])
  })

  it('refuses an unknown placeholder and a broken template with stable codes; keeps the default', () => {
    expect(codeOf(() => checkTemplate('ticket_called', 'Go to {counter} now {labl}'))).toBe('TABOUR_ERR_MESSAGE_PLACEHOLDER')
    expect(codeOf(() => checkTemplate('ticket_called', 'Go to {counter'))).toBe('TABOUR_ERR_MESSAGE_TEMPLATE')
    // {date} and {time} come written in the center's zone and digits: formatting them again is refused, not sent as "Invalid Date"
    expect(codeOf(() => checkTemplate('appointment_booked', '{code} on {date, date, short} at {time}'))).toBe('TABOUR_ERR_MESSAGE_TEMPLATE')
    expect(codeOf(() => checkTemplate('appointment_booked', '{code} on {date} at {time, time}'))).toBe('TABOUR_ERR_MESSAGE_TEMPLATE')
    const templates = new MessageTemplates(db)
    expect(codeOf(() => templates.save('ticket_called', 'en', '{label} {center}', 1))).toBe('TABOUR_ERR_MESSAGE_PLACEHOLDER')
    expect(templates.render('ticket_called', 'en', { label: 'A-7', counter: 3, counterName: 'Desk' })).toBe(
      "It's your turn A-7: please go to counter 3 (Desk).",
    )
    templates.save('ticket_called', 'en', 'A-turn: {label} to {counter}', 2)
    expect(templates.render('ticket_called', 'en', { label: 'A-7', counter: 3, counterName: 'Desk' })).toBe('A-turn: A-7 to 3')
    templates.save('ticket_called', 'en', null, 3)
    expect(templates.all().find((t) => t.kind === 'ticket_called' && t.lang === 'en')!.edited).toBe(false)
  })

  it("writes an Arabic text's figures in the center's digits (ahead, minutes, the counter), the label as printed; English in Western ones", () => {
    const templates = new MessageTemplates(db)
    const link = 'https://c.example/t/x'
    expect(templates.render('ticket_taken', 'ar', { label: 'A-007', center: 'مركز الدقي', ahead: 3, link }, 'arabic-indic')).toBe(
      `تذكرتك A-007 في مركز الدقي. أمامك ٣ أشخاص. تابع دورك: ${link}`,
    )
    // nobody ahead reads «لا أحد أمامك», not «أمامك لا أحد»
    expect(templates.render('ticket_taken', 'ar', { label: 'A-001', center: 'مركز الدقي', ahead: 0, link }, 'western')).toBe(
      `تذكرتك A-001 في مركز الدقي. لا أحد أمامك. تابع دورك: ${link}`,
    )
    // a turn near at issue gets no few-ahead text: "ticket taken" says it, in place of "follow your turn"
    expect(templates.render('ticket_taken', 'ar', { label: 'A-001', center: 'مركز الدقي', ahead: 2, link, near: 'yes' }, 'western')).toBe(
      `تذكرتك A-001 في مركز الدقي. أمامك شخصان. اقترب دورك: ${link}`,
    )
    expect(templates.render('ticket_called', 'ar', { label: 'A-007', counter: 1, counterName: 'الجوازات' }, 'arabic-indic')).toBe(
      'حان دورك A-007: توجّه إلى الشباك ١ (الجوازات).',
    )
    // {wait} is the page's wording (ticket.ts waitText), written in the center's digits by the scanner
    // and says what the status page says to where the citizen is: in the building, or a phone joiner still away
    expect(
      templates.render(
        'ticket_ahead',
        'ar',
        { label: 'A-007', ahead: 3, minutes: 12, wait: 'حوالي ١٢ دقيقة', where: 'here' },
        'arabic-indic',
      ),
    ).toBe('تذكرتك A-007: أمامك ٣ أشخاص، حوالي ١٢ دقيقة. ابقَ قرب الشبابيك.')
    expect(
      templates.render(
        'ticket_ahead',
        'ar',
        { label: 'A-007', ahead: 3, minutes: 12, wait: 'حوالي ١٢ دقيقة', where: 'away' },
        'arabic-indic',
      ),
    ).toBe('تذكرتك A-007: أمامك ٣ أشخاص، حوالي ١٢ دقيقة. توجّه للمركز الآن.')
    expect(templates.render('ticket_ahead', 'en', { label: 'A-007', ahead: 3, minutes: 12, wait: 'about 12 minutes', where: 'here' })).toBe(
      'Ticket A-007: 3 people ahead of you, about 12 minutes. Please stay close to the counters.',
    )
    expect(templates.render('ticket_ahead', 'en', { label: 'A-007', ahead: 3, minutes: 12, wait: 'about 12 minutes', where: 'away' })).toBe(
      'Ticket A-007: 3 people ahead of you, about 12 minutes. Please head to the center now.',
    )
    // one SMS part, as before {wait}: "الانتظار المتوقع" in front of it made every Arabic few-ahead text two (every text's parts: sms-parts.test.ts)
    const ahead = templates.render('ticket_ahead', 'ar', { label: 'A-017', ahead: 3, minutes: 12, wait: 'حوالي ١٢ دقيقة' }, 'arabic-indic')
    expect(countSegments(ahead).segments).toBe(1)
    // a missed turn: until when and where, as the status page says (the counter in the center's digits)
    expect(templates.render('ticket_missed', 'ar', { label: 'A-007', grace: 30, time: '٣:٣٠ م', counter: 10 }, 'arabic-indic')).toBe(
      'فاتك دورك A-007. للعودة اسأل حتى ٣:٣٠ م بشباك ١٠ أو شباك لخدمتك.',
    )
    expect(templates.render('ticket_missed', 'en', { label: 'A-007', grace: 30, time: '3:30 PM', counter: 0 })).toBe(
      'You missed your turn A-007. You can be put back in line until 3:30 PM: ask at a counter serving your service.',
    )
    expect(templates.render('ticket_called', 'en', { label: 'A-007', counter: 1, counterName: 'Passports' }, 'arabic-indic')).toBe(
      "It's your turn A-007: please go to counter 1 (Passports).",
    )
  })

  it('counts GSM-7 and UCS-2 segments as the handset will', () => {
    expect(countSegments('x'.repeat(160))).toMatchObject({ encoding: 'gsm7', segments: 1 })
    expect(countSegments('x'.repeat(161))).toMatchObject({ encoding: 'gsm7', segments: 2, perSegment: 153 })
    expect(countSegments('€'.repeat(80))).toMatchObject({ encoding: 'gsm7', units: 160, segments: 1 })
    expect(countSegments('ح'.repeat(70))).toMatchObject({ encoding: 'ucs2', segments: 1 })
    expect(countSegments('ح'.repeat(71))).toMatchObject({ encoding: 'ucs2', segments: 2, perSegment: 67 })
    expect(splitUcs2(`${'ح'.repeat(66)}😀`, 67)).toEqual(['ح'.repeat(66), '😀'])
    expect(smsParts('ح'.repeat(140)).parts.map((p) => p.length)).toEqual([67, 67, 6])
    expect(smsParts('a'.repeat(320))).toMatchObject({ dataCoding: 0, parts: ['a'.repeat(153), 'a'.repeat(153), 'a'.repeat(14)] })
  })
})

describe('numbers, quiet hours and appointments', () => {
  it('normalizes Egyptian and international mobiles; refuses the rest with TABOUR_ERR_INVALID_PHONE', () => {
    expect(normalizePhone('010 0123 4567')).toBe('201001234567')
    expect(normalizePhone('+201551234567')).toBe('201551234567')
    expect(normalizePhone('00966501234567')).toBe('966501234567')
    for (const bad of ['123456789', '01301234567', '+2023456789', 'abc'])
      expect(codeOf(() => normalizePhone(bad))).toBe('TABOUR_ERR_INVALID_PHONE')
    expect(maskPhone('201001234567')).toBe('•••••••••567')
  })

  it('holds a message made in quiet hours until they end (across midnight, in the center zone)', () => {
    const q = { quietFrom: '22:00', quietTo: '08:00' }
    const at = (iso: string) => Date.parse(iso)
    expect(quietUntil(at('2026-12-04T10:00:00Z'), q, 'Africa/Cairo')).toBe(at('2026-12-04T10:00:00Z'))
    expect(quietUntil(at('2026-12-04T21:30:00Z'), q, 'Africa/Cairo')).toBe(at('2026-12-05T06:00:00Z'))
    expect(quietUntil(at('2026-12-05T03:00:00Z'), q, 'Africa/Cairo')).toBe(at('2026-12-05T06:00:00Z'))
  })

  it('turns the appointment events into their messages with a key per change; checked_in sends none', () => {
    const booking = {
      code: 'K7Q2',
      serviceId: 3,
      slotStart: Date.parse('2026-12-06T08:30:00Z'),
      name: 'Mona',
      phone: '01001234567',
      lang: 'ar' as const,
    }
    const ctx = {
      timeZone: 'Africa/Cairo',
      centerName: { ar: 'مركز الدقي', en: 'Dokki center' },
      serviceName: () => 'جوازات',
      digits: 'arabic-indic' as const,
      publicBase: 'https://dokki.example/',
    }
    const booked = appointmentMessage({ type: 'appointment:booked', booking }, ctx)!
    // the date and time as the booking page writes them, in the center's digits for Arabic
    expect(booked).toEqual({
      kind: 'appointment_booked',
      key: `appointment_booked:K7Q2:${booking.slotStart}`,
      values: {
        code: 'K7Q2',
        service: 'جوازات',
        center: 'مركز الدقي',
        date: 'الأحد، ٦ ديسمبر',
        time: '١٠:٣٠\u00a0ص',
        link: 'https://dokki.example/b/K7Q2',
      },
    })
    // the values keep the screens' no-break space (clock-time.ts TIME_SPACE); the text sent has a plain one
    expect(fillTemplate(CITIZEN_MESSAGES.appointment_booked.ar, 'ar', booked.values, 'arabic-indic')).toBe(
      'حُجز موعدك في مركز الدقي الأحد، ٦ ديسمبر ١٠:٣٠ ص. لإدارته: https://dokki.example/b/K7Q2',
    )
    const inEnglish = appointmentMessage({ type: 'appointment:booked', booking: { ...booking, lang: 'en' } }, ctx)!
    expect(inEnglish.values).toMatchObject({
      date: 'Sunday 6 December',
      time: '10:30\u00a0AM',
      link: 'https://dokki.example/b/K7Q2?lang=en',
    })
    // an English text stays in GSM-7: 160 characters a part, not UCS-2's 70
    const englishText = fillTemplate(CITIZEN_MESSAGES.appointment_booked.en, 'en', { ...inEnglish.values, service: 'Passports' }, 'western')
    expect(englishText).toContain('at 10:30 AM.')
    expect(smsEncodingOf(englishText)).toBe('gsm7')
    const moved = appointmentMessage({ type: 'appointment:moved', booking: { ...booking, slotStart: booking.slotStart + 3600_000 } }, ctx)!
    expect(moved.key).not.toBe(booked.key)
    expect(appointmentMessage({ type: 'appointment:checked_in', booking }, ctx)).toBeNull()
    expect(reminderMessage(41, booking, ctx).kind).toBe('appointment_reminder')
  })
})

/**
 * s52: a booking's texts said «لإلغائه» (to cancel it) before the link while the English said "cancel or change", and the
 * page it opens views, moves and cancels the booking (its own line, book.keepLink). The words before the link now say
 * what the page does in both languages: the page's three verbs in English, «لإدارته» (to manage it) in Arabic, as long
 * as «لإلغائه», since the page's three in Arabic cost a third SMS part (sms-parts.test.ts counts the parts).
 */
describe("a booking text's link says what its page does", () => {
  const kinds = ['appointment_booked', 'appointment_reminder', 'appointment_moved'] as const
  it.each(kinds)('%s', (kind) => {
    expect(CITIZEN_MESSAGES[kind].ar).toMatch(/\. لإدارته: \{link\}$/)
    expect(CITIZEN_MESSAGES[kind].en).toMatch(/\. To view, move or cancel it: \{link\}$/)
    expect(APPOINTMENT_MESSAGES['book.keepLink'].en).toContain('view, move or cancel')
  })
})
