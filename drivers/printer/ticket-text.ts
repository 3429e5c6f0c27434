import type { TicketContent } from './ticket-content.ts'

/** The lines of a ticket as strings, before layout. Arabic lines use `content.digits`; English lines always Western digits. */
export interface TicketText {
  centerAr: string
  centerEn: string
  serviceAr: string
  serviceEn: string
  /** The label with its digits per `content.digits`. */
  label: string
  dateAr: string
  dateEn: string
  aheadAr: string
  aheadEn: string
  waitAr: string
  waitEn: string
  scanAr: string
  scanEn: string
}

/** Replaces Western digits 0-9 with Arabic-Indic ٠-٩ (U+0660…). */
export function toArabicIndic(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)))
}

/** Builds every line of the ticket from its content. */
export function ticketText(content: TicketContent): TicketText {
  const digits = content.digits === 'arabic-indic' ? toArabicIndic : (s: string) => s
  const ahead = Math.max(0, Math.floor(content.peopleAhead))
  const minutes = Math.max(0, Math.ceil(content.estimatedWaitSeconds / 60))
  return {
    centerAr: content.centerName.ar.trim(),
    centerEn: content.centerName.en.trim(),
    serviceAr: content.serviceName.ar.trim(),
    serviceEn: content.serviceName.en.trim(),
    label: digits(content.label.trim()),
    dateAr: digits(arabicDate(content.issuedAt, content.timeZone)),
    dateEn: englishDate(content.issuedAt, content.timeZone),
    aheadAr: digits(aheadArabic(ahead)),
    aheadEn: ahead === 0 ? 'You are next' : `${ahead} ${ahead === 1 ? 'person' : 'people'} ahead of you`,
    waitAr: digits(`الانتظار المتوقع: ${waitArabic(minutes)}`),
    waitEn: `Estimated wait: ${waitEnglish(minutes)}`,
    scanAr: 'امسح الرمز لمتابعة دورك',
    scanEn: 'Scan to follow your turn',
  }
}

// Built from parts so the layout does not depend on how an ICU version joins them (some
// insert "في" or bidi marks); only the month and weekday names come from ICU.
function parts(at: number, timeZone: string, locale: string): Record<string, string> {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: locale === 'ar-EG' ? 'long' : 'short',
    day: 'numeric',
    month: locale === 'ar-EG' ? 'long' : 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    numberingSystem: 'latn',
  })
  return Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value.replace(/[\u200e\u200f\u061c]/g, '')]))
}

function arabicDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone, 'ar-EG')
  return `${p.weekday} ${p.day} ${p.month} ${p.year} - ${p.hour}:${p.minute} ${p.dayPeriod}`
}

function englishDate(at: number, timeZone: string): string {
  const p = parts(at, timeZone, 'en-GB')
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${(p.dayPeriod ?? '').toUpperCase()}`.trim()
}

// Arabic counts agree with their noun: 1 and 2 are words, 3–10 take the plural, 11+ the
// singular accusative.
function aheadArabic(n: number): string {
  if (n === 0) return 'أنت التالي'
  if (n === 1) return 'أمامك شخص واحد'
  if (n === 2) return 'أمامك شخصان'
  return n <= 10 ? `أمامك ${n} أشخاص` : `أمامك ${n} شخصًا`
}

function countArabic(n: number, one: string, two: string, few: string, many: string): string {
  if (n === 1) return one
  if (n === 2) return two
  return n <= 10 ? `${n} ${few}` : `${n} ${many}`
}

/** Long waits are rounded to 5 minutes: a precise "1 h 13 min" promises more than the estimate knows. */
function split(minutes: number): { h: number; m: number } {
  if (minutes < 60) return { h: 0, m: minutes }
  const rounded = Math.round(minutes / 5) * 5
  return { h: Math.floor(rounded / 60), m: rounded % 60 }
}

function waitArabic(minutes: number): string {
  if (minutes === 0) return 'أقل من دقيقة'
  const { h, m } = split(minutes)
  const mins = m ? countArabic(m, 'دقيقة واحدة', 'دقيقتان', 'دقائق', 'دقيقة') : ''
  if (!h) return `حوالي ${mins}`
  const hours = countArabic(h, 'ساعة', 'ساعتان', 'ساعات', 'ساعة')
  return m ? `حوالي ${hours} و${mins}` : `حوالي ${hours}`
}

function waitEnglish(minutes: number): string {
  if (minutes === 0) return 'under a minute'
  const { h, m } = split(minutes)
  if (!h) return `about ${m} min`
  return m ? `about ${h} h ${m} min` : `about ${h} h`
}
