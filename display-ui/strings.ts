/**
 * The waiting-room display's words, Arabic first. A TV shows both languages at once (Arabic
 * large, English under it), so every entry is used in both.
 */
import { translator, type StringTable } from '../ui-common/i18n.ts'

export const DISPLAY_STRINGS = {
  'display.nowServing': { ar: 'يُرجى التوجّه', en: 'Now serving' },
  'display.ticket': { ar: 'رقم التذكرة', en: 'Ticket' },
  'display.counter': { ar: 'الشباك', en: 'Counter' },
  'display.toCounter': { ar: 'إلى الشباك', en: 'to counter' },
  'display.recent': { ar: 'النداءات السابقة', en: 'Recent calls' },
  'display.noCalls': { ar: 'لا توجد نداءات حاليًا', en: 'No calls yet' },
  'display.waiting': { ar: 'في الانتظار', en: 'Waiting' },
  'display.recall': { ar: 'نداء متكرر', en: 'Recall' },
  'display.reconnecting': { ar: 'جارٍ إعادة الاتصال بالمركز…', en: 'Reconnecting to the center…' },
  'display.tapForSound': { ar: 'المس الشاشة لتفعيل الصوت', en: 'Tap the screen to enable sound' },
  'display.hijri': { ar: 'هجري', en: 'Hijri' },
} as const satisfies StringTable

export type DisplayStringKey = keyof typeof DISPLAY_STRINGS

/** `t(key, lang)` over the display's table. */
export const { t: dt, tf: dtf } = translator(DISPLAY_STRINGS)
