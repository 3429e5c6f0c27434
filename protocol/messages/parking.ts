/**
 * Parking a ticket (issue 21): the console's park dialog and its "Parked" list. Kept apart
 * from console.ts so the words of parking live in one place.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const PARKING_MESSAGES = {
  'park.title': { ar: 'ركن التذكرة {label}', en: 'Park ticket {label}' },
  'park.hint': {
    ar: 'يذهب المواطن لإحضار ما ينقصه ويبقى دوره محفوظًا؛ يصبح الشباك متاحًا للتالي.',
    en: 'The citizen goes to fetch what is missing and keeps their turn; the counter is free for the next citizen.',
  },
  'park.reason': { ar: 'السبب', en: 'Reason' },
  'park.minutes': { ar: 'المدة بالدقائق (حتى {max})', en: 'Minutes (up to {max})' },
  /** The minutes typed are not a whole number within the bound: said in the dialog, which stays open with the note typed. */
  'park.minutesBad': { ar: 'اكتب عدد الدقائق من {min} إلى {max}', en: 'Write the minutes, from {min} to {max}' },
  'park.note': { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)' },
  'park.confirm': { ar: 'ركن التذكرة', en: 'Park the ticket' },
  'parked.title': { ar: 'تذاكر مركونة', en: 'Parked' },
  'parked.hint': {
    ar: 'عند عودة المواطن، اضغط «استئناف» ليُستدعى إلى شباكك قبل الدور.',
    en: 'When the citizen comes back, press Resume to call them to your counter ahead of the line.',
  },
  'parked.left': { ar: 'متبقٍّ {n} د', en: '{n} min left' },
  'parked.reasonOf': { ar: 'السبب: {reason}', en: 'Reason: {reason}' },
  'parked.resume': { ar: 'استئناف', en: 'Resume' },
  'parked.busy': { ar: 'أنهِ التذكرة الحالية أولًا', en: 'Finish the current ticket first' },
  // walk s40: a paused counter said "finish the current ticket" though it held none
  'parked.paused': { ar: 'استأنف عمل الشباك أولًا', en: 'Resume the counter first' },
  // the clock of the counter that parked it, which may be another than this one
  'parked.clockStopped': { ar: 'متبقٍّ {n} د · متوقف أثناء استراحة شباكه', en: "{n} min left · stopped during its counter's break" },
  // the dashboard's reports view (dashboard-ui/parking-report.ts)
  'parking.report.title': { ar: 'التذاكر المركونة', en: 'Parked tickets' },
  'parking.report.none': { ar: 'لم تُركن أي تذكرة في هذه الفترة.', en: 'No ticket was parked in this period.' },
  'parking.report.failed': { ar: 'تعذّر تحميل أرقام الركن.', en: 'The parking figures could not be loaded.' },
  'parking.report.hint': {
    ar: 'نسبة المتروكة = المتروكة ÷ (المستأنفة + المتروكة). التذكرة المتروكة لم يعد صاحبها في الوقت، ولا تُحسب غيابًا عند النداء.',
    en: 'Abandoned % = abandoned ÷ (resumed + abandoned). An abandoned ticket is one whose citizen did not come back in time; it is never counted as a no-show.',
  },
  'parking.col.parked': { ar: 'رُكنت', en: 'Parked' },
  'parking.col.resumed': { ar: 'استُؤنفت', en: 'Resumed' },
  'parking.col.meanAway': { ar: 'متوسط الغياب (دقيقة)', en: 'Mean minutes away' },
  'parking.col.abandoned': { ar: 'متروكة', en: 'Abandoned' },
  'parking.col.abandonedPct': { ar: 'نسبة المتروكة', en: 'Abandoned %' },
} as const satisfies Catalogue

/** `parkingText(key, lang, values?, digits?)`: the parking words and the common ones. */
export const parkingText = messagesOf({ ...COMMON_MESSAGES, ...PARKING_MESSAGES })
export type ParkingMessageKey = keyof typeof PARKING_MESSAGES
