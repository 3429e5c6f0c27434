/**
 * The waiting-room display. A TV shows both languages at once (Arabic large, English under it),
 * so every entry is used in both.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const DISPLAY_MESSAGES = {
  'display.nowServing': { ar: 'يُرجى التوجّه', en: 'Now serving' },
  // the big panel's heading for an earlier call it fell back to after a later one left its counter
  // (spoken-board.ts isEarlierCall): "now serving" made it look like a new call
  'display.calledEarlier': { ar: 'نُودي عليه سابقًا', en: 'Called earlier' },
  'display.ticket': { ar: 'رقم التذكرة', en: 'Ticket' },
  'display.counter': { ar: 'الشباك', en: 'Counter' },
  'display.toCounter': { ar: 'إلى الشباك', en: 'to counter' },
  'display.recent': { ar: 'النداءات السابقة', en: 'Recent calls' },
  'display.noCalls': { ar: 'لا توجد نداءات حاليًا', en: 'No calls right now' },
  // the big panel between announcements when a call is waiting to be spoken (listed as next to be
  // announced): "no calls right now" would be untrue beside it
  'display.callComing': { ar: 'النداء التالي بعد لحظات', en: 'Next call in a moment' },
  // the recent-calls list with nothing to list. It holds every call of the day at this display's
  // counters, even after a restart or a reload (the snapshot's pastCalls come from the day's log),
  // so an empty list means none yet today; beside a big call, none before it
  // before the board's first snapshot (a display just paired, a slow center): nothing is said of the day's calls
  'display.loadingCalls': { ar: 'جارٍ تحميل النداءات…', en: 'Loading the calls…' },
  'display.noCallsToday': { ar: 'لا توجد نداءات هنا اليوم بعد', en: 'No calls here yet today' },
  'display.noEarlierCalls': { ar: 'لا توجد نداءات سابقة اليوم', en: 'No earlier calls today' },
  'display.waiting': { ar: 'في الانتظار', en: 'Waiting' },
  // no counter of this display's zone is open or paused: its lines are listed, but nobody is called here now
  'display.noCounterOpen': { ar: 'لا يوجد شباك مفتوح هنا الآن', en: 'No counter is open here now' },
  'display.recall': { ar: 'نداء متكرر', en: 'Recall' },
  'display.reconnecting': { ar: 'جارٍ إعادة الاتصال بالمركز…', en: 'Reconnecting to the center…' },
  'display.nextToAnnounce': { ar: 'التالي في النداء', en: 'Next to be announced' },
  // for staff only: the aria-label and tooltip of a small mark in a corner, never written on the board
  'display.soundBlocked': {
    ar: 'الصوت محجوب من المتصفح\u00a0— شغّل الشاشة بخيار التشغيل التلقائي للصوت',
    en: 'Sound blocked by the browser\u00a0— start the display with the autoplay flag',
  },
  'display.hijri': { ar: 'هجري', en: 'Hijri' },
  'display.news': { ar: 'أخبار', en: 'News' },
} as const satisfies Catalogue

/** `displayText(key, lang, values?, digits?)`: the display's words and the common ones. */
export const displayText = messagesOf({ ...COMMON_MESSAGES, ...DISPLAY_MESSAGES })

/** A key `displayText` knows. */
export type DisplayMessageKey = Parameters<typeof displayText>[0]
