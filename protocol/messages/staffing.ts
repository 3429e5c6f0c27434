/**
 * Staffing (issue 14): the clerk's logout question (close or pause the counter) and the
 * dashboard's away counters and per-service "when no counter is open" setting. Kept apart from
 * console.ts and dashboard.ts so both screens take the same words.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const STAFFING_MESSAGES = {
  'staffing.logout': { ar: 'تسجيل الخروج', en: 'Log out' },
  'staffing.logout.title': { ar: 'قبل الخروج: ماذا نفعل بالشباك {n}؟', en: 'Before you log out: what about counter {n}?' },
  'staffing.logout.body': {
    ar: 'إن بقي الشباك مفتوحًا باسمك، ظن المواطنون أن أحدًا سيخدمهم.',
    en: 'A counter left open in your name tells citizens someone will serve them.',
  },
  'staffing.logout.close': { ar: 'إغلاق الشباك والخروج', en: 'Close the counter and log out' },
  'staffing.logout.pause': { ar: 'إيقاف مؤقت والخروج', en: 'Pause the counter and log out' },
  'staffing.logout.cancel': { ar: 'إلغاء', en: 'Cancel' },
  // each way the ticket can leave the counter now, by its button's label (it named two of four: walk s55, console F6)
  'staffing.logout.busy': {
    ar: 'حرّر الشباك من التذكرة الحالية قبل الخروج بأحد أزرارها: {ways}.',
    en: 'Free the counter of the current ticket before you log out, with one of its buttons: {ways}.',
  },
  'staffing.away': { ar: 'غائب', en: 'Away' },
  // beside "Away" in the live counters table, as a paused row says "Paused since 9:42 PM (2 min)" (walk s54)
  'staffing.awaySince': { ar: 'منذ {time} ({n} د)', en: 'since {time} ({n} min)' },
  'staffing.awayHint': {
    ar: 'لا توجد شاشة موظف متصلة لهذا الشباك؛ لا يُحتسب في أوقات الانتظار.',
    en: 'No console is connected for this counter; it does not count in the wait estimates.',
  },
  'staffing.closeAway': { ar: 'إغلاق الشباك', en: 'Close counter' },
  'staffing.closeAway.confirm': {
    ar: 'إغلاق الشباك {n} الغائب؟ يمكن للموظف فتحه مرة أخرى عند عودته.',
    en: 'Close away counter {n}? The clerk can open it again on return.',
  },
  'staffing.closeAway.yes': { ar: 'نعم، أغلقه', en: 'Yes, close it' },
  'staffing.closeAway.failed': { ar: 'تعذّر إغلاق الشباك: {reason}', en: 'The counter could not be closed: {reason}' },
  'staffing.whenUnstaffed': { ar: 'عندما لا يكون هناك شباك مفتوح', en: 'When no counter is open' },
  'staffing.whenUnstaffed.not-offered': { ar: 'لا تُعرض في جهاز التذاكر', en: 'Not offered at the kiosk' },
  'staffing.whenUnstaffed.offer-without-estimate': {
    ar: 'تُعرض دون وقت انتظار متوقع',
    en: 'Offered, with no wait estimate',
  },
  'staffing.unstaffed': { ar: 'لا يوجد شباك مفتوح', en: 'No counter open' },
} as const satisfies Catalogue

/** `staffingText(key, lang, values?, digits?)`: the staffing words and the common ones. */
export const staffingText = messagesOf({ ...COMMON_MESSAGES, ...STAFFING_MESSAGES })
