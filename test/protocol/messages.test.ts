/**
 * The message catalogue's own checks (protocol/messages/): every key in both languages, every
 * message valid ICU, the same placeholders in Arabic and English, no key defined twice in one
 * screen's bundle, and the ticket's sentences the same on screen and on paper.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import { IntlMessageFormat } from 'intl-messageformat'
import { describe, expect, it } from 'vitest'
import { ticketText, type TicketContent } from '../../drivers/printer/index.ts'
import { COMMON_MESSAGES } from '../../protocol/messages/common.ts'
import { CONSOLE_MESSAGES } from '../../protocol/messages/console.ts'
import { DASHBOARD_MESSAGES } from '../../protocol/messages/dashboard.ts'
import { CONFIG_FORM_MESSAGES } from '../../protocol/messages/config-forms.ts'
import { DISPLAY_MESSAGES } from '../../protocol/messages/display.ts'
import { formatMessage, messagesOf, type Catalogue, type Lang } from '../../protocol/messages/format.ts'
import { CATALOGUES } from './catalogues.ts'
import { HUB_MESSAGES } from '../../protocol/messages/hub.ts'
import { HUB_BUNDLE_MESSAGES } from '../../protocol/messages/hub-bundles.ts'
import { KIOSK_MESSAGES } from '../../protocol/messages/kiosk.ts'
import { PAIRING_MESSAGES } from '../../protocol/messages/pairing.ts'
import { PRINT_REPORT_MESSAGES } from '../../protocol/messages/print-report.ts'
import { CSV_MESSAGES } from '../../protocol/messages/csv.ts'
import { PRINTER_ALERT_MESSAGES } from '../../protocol/messages/printer-alerts.ts'
import { STATUS_MESSAGES } from '../../protocol/messages/status.ts'
import { JOIN_MESSAGES } from '../../protocol/messages/join.ts'
import { TICKET_TOOLS_MESSAGES, ticketToolsText } from '../../protocol/messages/ticket-tools.ts'
import { STAFFING_MESSAGES } from '../../protocol/messages/staffing.ts'
import { HOURS_MESSAGES } from '../../protocol/messages/hours.ts'
import { HOURS_EDITOR_MESSAGES } from '../../protocol/messages/hours-editor.ts'
import { WEBHOOK_MESSAGES } from '../../protocol/messages/webhooks.ts'
import { FEEDBACK_MESSAGES } from '../../protocol/messages/feedback.ts'
import { PARKING_MESSAGES } from '../../protocol/messages/parking.ts'
import { VISIT_STEPS_MESSAGES } from '../../protocol/messages/visit-steps.ts'
import { APPOINTMENT_MESSAGES } from '../../protocol/messages/appointments.ts'
import { peopleAheadText, TICKET_MESSAGES, ticketMessage, waitText, waitValues } from '../../protocol/messages/ticket.ts'
import { SAMPLE } from '../drivers/printer/fixtures.ts'
import { MESSAGES_CONFIG_MESSAGES } from '../../protocol/messages/messages-config.ts'
import { APPOINTMENT_FIGURE_MESSAGES } from '../../protocol/messages/appointment-figures.ts'
import { OPEN_DATA_MESSAGES } from '../../protocol/messages/open-data.ts'
import { HUB_ANALYSIS_MESSAGES } from '../../protocol/messages/hub-analysis.ts'

/** What each page's formatter spreads together: a key twice in one of them would hide one message. */
const BUNDLES: Record<string, Catalogue[]> = {
  kiosk: [COMMON_MESSAGES, TICKET_MESSAGES, KIOSK_MESSAGES, PAIRING_MESSAGES, HOURS_MESSAGES],
  // the kiosk's check-in and the booking page share this catalogue (issue 19)
  kioskCheckIn: [COMMON_MESSAGES, TICKET_MESSAGES, KIOSK_MESSAGES, APPOINTMENT_MESSAGES],
  status: [COMMON_MESSAGES, TICKET_MESSAGES, STATUS_MESSAGES],
  display: [COMMON_MESSAGES, DISPLAY_MESSAGES, PAIRING_MESSAGES, HOURS_MESSAGES],
  console: [COMMON_MESSAGES, CONSOLE_MESSAGES],
  dashboard: [COMMON_MESSAGES, DASHBOARD_MESSAGES, HOURS_EDITOR_MESSAGES],
  appointmentFigures: [COMMON_MESSAGES, DASHBOARD_MESSAGES, APPOINTMENT_FIGURE_MESSAGES],
  configForms: [COMMON_MESSAGES, DASHBOARD_MESSAGES, CONFIG_FORM_MESSAGES],
  printReport: [COMMON_MESSAGES, DASHBOARD_MESSAGES, PRINT_REPORT_MESSAGES],
  printerAlerts: [COMMON_MESSAGES, PRINTER_ALERT_MESSAGES],
  hub: [COMMON_MESSAGES, HUB_MESSAGES],
  hubAnalysis: [COMMON_MESSAGES, HUB_MESSAGES, HUB_ANALYSIS_MESSAGES],
  hubBundles: [HUB_BUNDLE_MESSAGES],
  ticketTools: [COMMON_MESSAGES, TICKET_MESSAGES, TICKET_TOOLS_MESSAGES],
  staffing: [COMMON_MESSAGES, STAFFING_MESSAGES],
  webhooks: [COMMON_MESSAGES, WEBHOOK_MESSAGES],
  messagesConfig: [COMMON_MESSAGES, MESSAGES_CONFIG_MESSAGES],
  parking: [COMMON_MESSAGES, PARKING_MESSAGES],
  visitSteps: [COMMON_MESSAGES, VISIT_STEPS_MESSAGES],
  join: [COMMON_MESSAGES, TICKET_MESSAGES, JOIN_MESSAGES],
  openData: [COMMON_MESSAGES, TICKET_MESSAGES, OPEN_DATA_MESSAGES],
}

// Entries that are the same in both languages on purpose: sample digits and a dash.
// a change log line is only its placeholders and the arrow that points the Arabic way («{field}: {from} ← {to}»)
const NOT_ARABIC = new Set([
  'dashboard:digits.western',
  'dashboard:digits.arabic-indic',
  'dashboard:common.none',
  'auditLog:audit.fieldChange',
])

const entries = Object.entries(CATALOGUES).flatMap(([name, catalogue]) => Object.keys(catalogue).map((key) => [name, key] as const))

// The parser's element kinds (its TYPE enum): text and `#` are not placeholders.
const LITERAL = 0
const POUND = 7

/** Every placeholder of a message with its kind (plain, number, plural, select…), nested ones too. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === LITERAL || el.type === POUND) continue
    into.add(`${el.value}:${el.type}`)
    if ('options' in el) for (const option of Object.values(el.options)) placeholders(option.value, into)
    if ('children' in el) placeholders(el.children, into)
  }
  return into
}

/** Parses as the formatter does; throws on a syntax error. */
const parse = (message: string, lang: Lang): MessageFormatElement[] => new IntlMessageFormat(message, lang).getAst()

describe('the catalogue', () => {
  it.each(entries)('%s: %s has exactly ar and en, neither empty, the Arabic in Arabic', (name, key) => {
    const message = CATALOGUES[name][key]
    expect(Object.keys(message).sort()).toEqual(['ar', 'en'])
    for (const lang of ['ar', 'en'] as const) expect(message[lang].trim()).not.toBe('')
    if (!NOT_ARABIC.has(`${name}:${key}`)) expect(message.ar).toMatch(/\p{Script=Arabic}/u)
  })

  // A figure written into the words (٩٠٪, ٥, ١–٢٥٤) stays Arabic-Indic on a center set to Western digits: figures
  // are placeholders, written by the formatter in the screen's digits (digits.ts). The hub's and the open-data
  // pages always write Arabic-Indic in Arabic (no center setting), and the digit option's sample is the style itself.
  const HUB_RULE = new Set(['hub', 'openData', 'hubErrors'])
  it.each(entries.filter(([name, key]) => !HUB_RULE.has(name) && !NOT_ARABIC.has(`${name}:${key}`)))(
    '%s: %s writes no figure in fixed Arabic-Indic digits',
    (name, key) => {
      expect(CATALOGUES[name][key].ar).not.toMatch(/[\u0660-\u0669]/)
      expect(CATALOGUES[name][key].en).not.toMatch(/[\u0660-\u0669]/)
    },
  )

  it.each(entries)('%s: %s parses in both languages, with the same placeholders', (name, key) => {
    const message = CATALOGUES[name][key]
    const ar = placeholders(parse(message.ar, 'ar'))
    const en = placeholders(parse(message.en, 'en'))
    expect([...ar].sort()).toEqual([...en].sort())
  })

  // a formatter knows no time zone: dates and times are written by the caller (intlLocale, the center's zone), never by `{d, date}`
  const DATE = 3
  const TIME = 4
  it.each(entries)('%s: %s formats no date or time itself', (name, key) => {
    for (const lang of ['ar', 'en'] as const) {
      const kinds = [...placeholders(parse(CATALOGUES[name][key][lang], lang))].map((p) => Number(p.split(':')[1]))
      expect(kinds).not.toContain(DATE)
      expect(kinds).not.toContain(TIME)
    }
  })

  // A count, a number or a version given to a bare `{x}` is written as String() writes it, Western on an
  // Arabic-Indic screen: «حزمة الإعدادات رقم 1» (walk s51). Such a placeholder is `{x, number}` or a plural.
  it("writes every count, number and version through the number formatter (the screen's digits)", () => {
    const ARGUMENT = 1
    const FIGURE_NAME = /^(count|number|version)$|(Count|Number)$/
    // a software release ("0.51.0") is text, not a figure
    const NOT_A_FIGURE = new Set(['hub:outdated'])
    const bare = entries.flatMap(([name, key]) =>
      (['ar', 'en'] as const).flatMap((lang) =>
        [...placeholders(parse(CATALOGUES[name][key][lang], lang))]
          .map((p) => p.split(':'))
          .filter(([arg, kind]) => FIGURE_NAME.test(arg!) && Number(kind) === ARGUMENT && !NOT_A_FIGURE.has(`${name}:${key}`))
          .map(([arg]) => `${name}:${key} (${lang}) {${arg}}`),
      ),
    )
    expect(bare).toEqual([])
  })

  // A center may have no enquiries or reception desk (s34 item 4): a text that sends citizens
  // somewhere sends them to the staff, whom every center has.
  it('sends citizens to no desk a center may not have', () => {
    const desk = /information desk|enquir|reception|help desk|الاستعلامات|الاستقبال/i
    const naming = entries.filter(([name, key]) => desk.test(CATALOGUES[name][key].ar) || desk.test(CATALOGUES[name][key].en))
    expect(naming.map(([name, key]) => `${name}:${key}`)).toEqual([])
  })

  it('tells placeholders apart by name and kind', () => {
    expect([...placeholders(parse('{n, plural, one {# {who}} other {#}}', 'en'))]).toEqual(['n:6', 'who:1'])
    expect(placeholders(parse('{n}', 'en'))).not.toEqual(placeholders(parse('{m}', 'en')))
  })

  it.each(Object.entries(BUNDLES))('the %s page merges catalogues that share no key', (_, catalogues) => {
    const keys = catalogues.flatMap((c) => Object.keys(c))
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([])
  })

  it('rejects a message without English at compile time', () => {
    // @ts-expect-error: 'en' is missing, so the table is not a Catalogue
    const bad = { 'x.y': { ar: 'س' } } satisfies Catalogue
    expect(bad['x.y'].ar).toBe('س')
  })
})

describe('formatting', () => {
  const own = messagesOf({ 'x.counter': { ar: 'الشباك {n}', en: 'Counter {n}' } })

  it('fills placeholders; a forgotten one shows as {name} instead of blanking the screen', () => {
    expect(own('x.counter', 'ar', { n: 3 })).toBe('الشباك 3')
    expect(own('x.counter', 'en')).toBe('Counter {n}')
    expect(messagesOf(STATUS_MESSAGES)('status.goToCounter', 'en', { n: 3 })).toBe('Please go to counter 3')
    expect(messagesOf(STATUS_MESSAGES)('status.goToCounter', 'ar', {})).toBe('توجّه إلى الشباك {n}')
  })

  it('gives a {d, date} argument (an old admin template) its value as written, never reformatted without a zone', () => {
    expect(formatMessage('{d, date, short} {t, time}', 'ar', { d: 'السبت ٥ ديسمبر', t: '١٠:٣٠ ص' }, 'arabic-indic')).toBe(
      'السبت ٥ ديسمبر ١٠:٣٠ ص',
    )
  })

  it('writes numbers in plurals with the digit style, Western by default', () => {
    const m = '{n, plural, one {# x} other {# y}} {n, number}'
    expect(formatMessage(m, 'ar', { n: 15 })).toBe('15 y 15')
    expect(formatMessage(m, 'ar', { n: 15 }, 'arabic-indic')).toBe('١٥ y ١٥')
    expect(formatMessage(m, 'en', { n: 1 })).toBe('1 x 1')
  })

  it("writes the hub's bundle number and a webhook's counts in the center's digits (walk s51)", () => {
    expect(messagesOf(CONFIG_FORM_MESSAGES)('config.hubManaged', 'ar', { version: 12 }, 'arabic-indic')).toContain('حزمة الإعدادات رقم ١٢)')
    expect(messagesOf(WEBHOOK_MESSAGES)('webhooks.counts', 'ar', { pending: 2, delivered: 10, failed: 0 }, 'arabic-indic')).toBe(
      'في الانتظار ٢\u00a0— وصل ١٠\u00a0— فشل ٠',
    )
    expect(messagesOf(WEBHOOK_MESSAGES)('webhooks.counts', 'en', { pending: 2, delivered: 10, failed: 0 })).toBe(
      '2 pending\u00a0— 10 delivered\u00a0— 0 failed',
    )
  })

  it('uses the six Arabic plural forms by CLDR', () => {
    expect([0, 1, 2, 3, 11, 100, 103].map((n) => peopleAheadText(n, 'ar'))).toEqual([
      'لا أحد أمامك الآن',
      'أمامك شخص واحد',
      'أمامك شخصان',
      'أمامك 3 أشخاص',
      'أمامك 11 شخصًا',
      'أمامك 100 شخص',
      'أمامك 103 أشخاص',
    ])
    expect([0, 1, 2, 3, 10, 11, 100].map((m) => waitText(m * 60, 'ar'))).toEqual([
      'أقل من دقيقة',
      'حوالي دقيقة واحدة',
      'حوالي دقيقتين',
      'حوالي 3 دقائق',
      'حوالي 10 دقائق',
      'حوالي 11 دقيقة',
      'حوالي ساعة و40 دقيقة',
    ])
    expect(peopleAheadText(5, 'ar', 'arabic-indic')).toBe('أمامك ٥ أشخاص')
    expect(peopleAheadText(12, 'ar')).toBe('أمامك 12 شخصًا')
  })

  it('ticket tools\' "ahead of it" never says "it is next", and writes its figure in the center\'s digits (walk of 2026-12-05 09:40)', () => {
    expect([0, 1, 2, 3, 11].map((n) => ticketToolsText('tools.aheadCount', 'ar', { n }, 'arabic-indic'))).toEqual([
      'لا أحد الآن',
      'شخص واحد',
      'شخصان',
      '٣ أشخاص',
      '١١ شخصًا',
    ])
    expect([0, 1, 4].map((n) => ticketToolsText('tools.aheadCount', 'en', { n }))).toEqual(['nobody now', '1 person', '4 people'])
  })

  it('counts pairing-code characters, days and minutes in the right Arabic form', () => {
    const ns = [0, 1, 2, 3, 11, 100]
    expect(ns.map((n) => messagesOf(PAIRING_MESSAGES)('pair.hint', 'ar', { n }))).toEqual(
      ['0 خانة', 'خانة واحدة', 'خانتين', '3 خانات', '11 خانة', '100 خانة'].map(
        (count) => `أدخل رمز الربط المكوّن من ${count} الظاهر في شاشة إدارة الأجهزة`,
      ),
    )
    expect(messagesOf(PAIRING_MESSAGES)('pair.hint', 'ar', { n: 8 }, 'arabic-indic')).toContain('من ٨ خانات')
    expect(messagesOf(PAIRING_MESSAGES)('pair.hint', 'en', { n: 8 })).toContain('the 8-character pairing code')
    const hub = messagesOf(HUB_ANALYSIS_MESSAGES)
    expect(
      ns.map((days) => hub('hourRangeTooLong', 'ar', { days }).split(' على الأكثر')[0].replace('التوزيع حسب الساعة متاح لفترة ', '')),
    ).toEqual(['0 يوم', 'يوم واحد', 'يومين', '3 أيام', '11 يومًا', '100 يوم'])
    expect(ns.map((days) => hub('partialPeriod', 'ar', { days }))).toEqual([
      '0 يوم فقط',
      'يوم واحد فقط',
      'يومان فقط',
      '3 أيام فقط',
      '11 يومًا فقط',
      '100 يوم فقط',
    ])
    expect(hub('sameDaysNote', 'ar', { days: 100 })).toContain('قبل 100 يوم.')
    expect(hub('hourRangeTooLong', 'en', { days: 1 })).toBe('By hour covers at most 1 day. Choose a shorter range.')
    const minutes = (m: number) => messagesOf(APPOINTMENT_FIGURE_MESSAGES)('apf.note', 'ar', { minutes: m }).split(' من بداية')[0]
    expect(ns.map(minutes)).toEqual(
      ['0 دقيقة', 'دقيقة واحدة', 'دقيقتين', '3 دقائق', '11 دقيقة', '100 دقيقة'].map((c) => `في الموعد: الحضور خلال ${c}`),
    )
    const alert = (m: number) =>
      messagesOf(FEEDBACK_MESSAGES)('feedback.alert', 'ar', {
        number: 1,
        name: 'x',
        average: 2,
        max: 5,
        minutes: m,
        count: 3,
        threshold: 3,
      })
    expect(alert(3)).toContain('في آخر 3 دقائق (')
    expect(alert(30)).toContain('في آخر 30 دقيقة (')
  })

  it('uses one and other in English', () => {
    expect(peopleAheadText(1, 'en')).toBe('1 person ahead of you')
    expect(peopleAheadText(2, 'en')).toBe('2 people ahead of you')
    expect(peopleAheadText(0, 'en')).toBe('Nobody ahead of you now')
    expect(waitText(60, 'en')).toBe('about 1 minute')
    expect(waitText(120, 'en')).toBe('about 2 minutes')
  })

  it('rounds a wait up to whole minutes, and to 5 minutes from an hour on', () => {
    expect(waitText(0, 'en')).toBe('less than a minute')
    expect(waitText(1, 'en')).toBe('about 1 minute')
    expect(waitText(61, 'en')).toBe('about 2 minutes')
    expect(waitText(600, 'ar', 'arabic-indic')).toBe('حوالي ١٠ دقائق')
    expect(waitValues(73 * 60)).toEqual({ minutes: 73, hours: 1, rest: 15 })
    expect(waitValues(118 * 60)).toEqual({ minutes: 118, hours: 2, rest: 0 })
  })
})

describe('screen and paper say the same sentence for the same figures', () => {
  // The sentences themselves, so a change to either side (or to both the same wrong way) shows here.
  const AHEAD: Record<number, Record<Lang, string>> = {
    0: { ar: 'لا أحد أمامك الآن', en: 'Nobody ahead of you now' },
    1: { ar: 'أمامك شخص واحد', en: '1 person ahead of you' },
    2: { ar: 'أمامك شخصان', en: '2 people ahead of you' },
    3: { ar: 'أمامك ٣ أشخاص', en: '3 people ahead of you' },
    11: { ar: 'أمامك ١١ شخصًا', en: '11 people ahead of you' },
    103: { ar: 'أمامك ١٠٣ أشخاص', en: '103 people ahead of you' },
  }
  const WAIT: Record<number, Record<Lang, string>> = {
    0: { ar: 'أقل من دقيقة', en: 'less than a minute' },
    1: { ar: 'حوالي دقيقة واحدة', en: 'about 1 minute' },
    5: { ar: 'حوالي ٥ دقائق', en: 'about 5 minutes' },
    59: { ar: 'حوالي ٥٩ دقيقة', en: 'about 59 minutes' },
    75: { ar: 'حوالي ساعة و١٥ دقيقة', en: 'about 1 hour 15 minutes' },
    150: { ar: 'حوالي ساعتين و٣٠ دقيقة', en: 'about 2 hours 30 minutes' },
  }
  const paper = (peopleAhead: number, minutes: number): ReturnType<typeof ticketText> =>
    ticketText({ ...SAMPLE, peopleAhead, estimatedWaitSeconds: minutes * 60, digits: 'arabic-indic' } satisfies TicketContent)

  it.each(Object.keys(AHEAD).map(Number))('%i people ahead', (n) => {
    // the kiosk screen shows Arabic with the kiosk's digits and English with Western ones, as the paper does
    expect(peopleAheadText(n, 'ar', 'arabic-indic')).toBe(AHEAD[n].ar)
    expect(peopleAheadText(n, 'en')).toBe(AHEAD[n].en)
    expect(paper(n, 5).aheadAr).toBe(AHEAD[n].ar)
    expect(paper(n, 5).aheadEn).toBe(AHEAD[n].en)
  })

  it.each(Object.keys(WAIT).map(Number))('%i minutes', (minutes) => {
    expect(waitText(minutes * 60, 'ar', 'arabic-indic')).toBe(WAIT[minutes].ar)
    expect(waitText(minutes * 60, 'en')).toBe(WAIT[minutes].en)
    // the paper prints the screen's label and value on one line
    for (const lang of ['ar', 'en'] as const) {
      const line = lang === 'ar' ? paper(3, minutes).waitAr : paper(3, minutes).waitEn
      expect(line).toBe(`${ticketMessage('ticket.waitLabel', lang)}: ${WAIT[minutes][lang]}`)
    }
  })
})

describe('the production build', () => {
  it('replaces every message of a catalogue file with its syntax tree, so the pages need no ICU parser', async () => {
    const { precompiledMessages } = await import('../../vite.config.ts')
    const file = fileURLToPath(new URL('../../protocol/messages/ticket.ts', import.meta.url))
    const transform = precompiledMessages().transform as (code: string, id: string) => { code: string }
    const { code } = transform(readFileSync(file, 'utf8'), file)
    for (const message of Object.values(TICKET_MESSAGES)) {
      for (const lang of ['ar', 'en'] as const) expect(code).toContain(JSON.stringify(parse(message[lang], lang)))
    }
    expect(code).not.toContain('plural,')
    // the parsed form formats exactly as the text does
    const tree = parse(TICKET_MESSAGES['ticket.wait'].ar, 'ar')
    expect(formatMessage(tree, 'ar', waitValues(75 * 60), 'arabic-indic')).toBe('حوالي ساعة و١٥ دقيقة')
  })
})

// issue 14: with no counter open the estimate is null, and paper and screen say so
describe('an unknown wait (no counter open)', () => {
  it('reads "unknown, no counter is serving now" on paper and on screen, never "less than a minute"', () => {
    const paper = ticketText({ ...SAMPLE, peopleAhead: 0, estimatedWaitSeconds: null })
    expect(paper.waitEn).toBe('Estimated wait: unknown, no counter is serving now')
    expect(paper.waitAr).toBe('الانتظار المتوقع: غير معروف، لا يوجد شباك يعمل الآن')
    for (const lang of ['ar', 'en'] as const) {
      expect(waitText(null, lang)).toBe(ticketMessage('ticket.waitUnknown', lang))
      expect(waitText(null, lang)).not.toBe(waitText(0, lang))
    }
  })
})

// walk of the dashboard 2026-12-06 (findings 2, 3, 13): the words say what each figure counts
describe('the words of the reports', () => {
  it('call finished tickets "finished", say utilisation is counter time, and say the rating alert is per counter', () => {
    for (const lang of ['ar', 'en'] as const) {
      // every finish, a referral too: not "served"
      for (const key of ['figure.served', 'figure.servedByOutcome', 'figure.incompletePapersPct', 'figure.servedOutsideHours'] as const) {
        expect(CSV_MESSAGES[key][lang], key).toMatch(lang === 'en' ? /[Ff]inish/ : /منتهية|أُنهيت|الإنهاء/)
        expect(CSV_MESSAGES[key][lang], key).not.toMatch(lang === 'en' ? /[Ss]erved/ : /مخدوم/)
      }
      expect(PRINT_REPORT_MESSAGES['print.hourly'][lang]).not.toMatch(lang === 'en' ? /served/ : /مخدوم/)
      expect(DASHBOARD_MESSAGES['chart.baselineServed'][lang]).not.toMatch(lang === 'en' ? /Served/ : /خُدمت/)
      // counter time per open hour, not an occupancy that reads 207 %
      expect(DASHBOARD_MESSAGES['col.utilisation'][lang]).toMatch(lang === 'en' ? /[Cc]ounter time/ : /وقت الشبابيك/)
      expect(CSV_MESSAGES['figure.utilisation'][lang]).toContain('200')
      // the alert's thresholds apply to one counter at a time
      for (const key of ['f.feedbackAlertBelowAverage', 'f.feedbackAlertMinRatings'] as const) {
        expect(CONFIG_FORM_MESSAGES[key][lang], key).toMatch(lang === 'en' ? /one counter/ : /شباك واحد|للشباك الواحد/)
      }
    }
  })
})
