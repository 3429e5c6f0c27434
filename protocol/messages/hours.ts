/**
 * Opening hours in words (issue 18), shared by the kiosk and the display: why a service is not
 * taking tickets and when it opens next ("Opens Sunday at 08:00"). Times come as `HH:MM` in the
 * center's zone (ui-common/opening-words.ts computes them); weekdays are 1 = Monday … 7 = Sunday.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const HOURS_MESSAGES = {
  'hours.closed': { ar: 'مغلق الآن', en: 'Closed now' },
  'hours.lastTicketPassed': { ar: 'انتهى إصدار التذاكر الساعة {time}', en: 'Tickets stopped at {time}' },
  'hours.waitPastClose': { ar: 'لن يتسع الوقت لخدمتك قبل الإغلاق الساعة {time}', en: 'You would not be served before closing at {time}' },
  'hours.opensToday': { ar: 'يفتح اليوم الساعة {time}', en: 'Opens today at {time}' },
  'hours.opensTomorrow': { ar: 'يفتح غدًا الساعة {time}', en: 'Opens tomorrow at {time}' },
  'hours.opensWeekday': {
    ar: 'يفتح يوم {weekday, select, 1 {الاثنين} 2 {الثلاثاء} 3 {الأربعاء} 4 {الخميس} 5 {الجمعة} 6 {السبت} other {الأحد}} الساعة {time}',
    en: 'Opens {weekday, select, 1 {Monday} 2 {Tuesday} 3 {Wednesday} 4 {Thursday} 5 {Friday} 6 {Saturday} other {Sunday}} at {time}',
  },
  'hours.opensDate': { ar: 'يفتح يوم {date} الساعة {time}', en: 'Opens on {date} at {time}' },
  'hours.closedOpens': { ar: 'مغلق\u00a0— {opens}', en: 'Closed\u00a0— {opens}' },
  /** The board after closing while the line is served out (calendar atClosing serve-until-empty): nobody who holds a ticket should leave. */
  'hours.closedServingOn': {
    ar: 'لا تُصدر تذاكر جديدة\u00a0— ستُخدم التذاكر المأخوذة قبل الإغلاق',
    en: 'Closed to new tickets\u00a0— tickets already taken will be served',
  },
  /** The status page of a ticket still waiting after closing, the line served out: it will be called. */
  // the ticket's service's hours decide (server/public-ticket.ts closingOf): the service, not "the center",
  // which may well be open with other services (walk s45: a holiday for one service said "the center has closed")
  'hours.servedAfterClose': {
    ar: 'لا تُصدر تذاكر جديدة لهذه الخدمة الآن، لكن تذكرتك ستُخدم. ابقَ قريبًا.',
    en: 'No new tickets are issued for this service now, but your ticket will still be served. Please stay nearby.',
  },
  /** The status page of a ticket still waiting after closing, in the grace before the line is cancelled (calendar atClosing cancel-after). */
  'hours.cancelledAfterClose': {
    ar: 'أُغلق المركز. إن لم يُنادَ على تذكرتك حتى الساعة {time} فستُلغى.',
    en: 'The center has closed. If your ticket is not called by {time}, it will be cancelled.',
  },
  'hours.mayNotBeServedToday': {
    ar: 'قد لا يتسع الوقت لخدمتك اليوم قبل الإغلاق',
    en: 'You may not be served today before closing',
  },
  'hours.closingSoon': { ar: 'يغلق المركز الساعة {time}', en: 'The center closes at {time}' },
  /** The wait runs past a closing whose fate an older server does not say (protocol/closing-note.ts `may-not-be-served`), with the time. */
  'hours.mayNotBeServedBefore': {
    ar: 'قد لا يتسع الوقت لخدمتك قبل الإغلاق الساعة {time}',
    en: 'You may not be served before closing at {time}',
  },
  /**
   * The wait runs past closing and the calendar serves the tickets taken before it (atClosing
   * serve-until-empty): the turn may come late, but it comes (s55: "may not be served" sent people away).
   */
  'hours.servedPastClose': {
    ar: 'قد يأتي دورك بعد الإغلاق الساعة {time}، وتُخدم التذاكر المأخوذة قبل الإغلاق',
    en: 'Your turn may come after closing at {time}; tickets taken before closing are still served',
  },
  /** The wait runs past closing and the calendar cancels what still waits after its grace (atClosing cancel-after): {time} is the cancelling. */
  'hours.cancelledPastClose': {
    ar: 'قد يأتي دورك بعد الإغلاق؛ التذاكر التي لم يُنادَ عليها حتى الساعة {time} تُلغى',
    en: 'Your turn may come after closing; tickets not called by {time} are cancelled',
  },
  /**
   * The business day's close (calendar dailyClose) where the hours go on (a 24-hour center, or a
   * night shift across the day's start): the center does not close, the day's line does, and what
   * is still waiting is cancelled (server/queue/queue-context.ts closePastDays).
   */
  'hours.dayClosingSoon': {
    ar: 'يُغلق طابور اليوم الساعة {time}؛ التذاكر التي لم يُنادَ عليها تُلغى',
    en: "Today's line closes at {time}; tickets not yet called are cancelled",
  },
  'hours.waitPastDayClose': {
    ar: 'لن يأتي دورك قبل أن يُغلق طابور اليوم الساعة {time}',
    en: "Your turn would not come before today's line closes at {time}",
  },
  /**
   * The wait runs past the day's close, which cancels what still waits: said plainly, not "may not"
   * (walk s54: A-008, 35 minutes at 23:54, was told it "may not" and was cancelled at midnight).
   */
  'hours.mayNotBeServedBeforeDayClose': {
    ar: 'على الأرجح لن يأتي دورك قبل أن يُغلق طابور اليوم الساعة {time}، وعندها تُلغى التذاكر التي لا تزال تنتظر',
    en: "Your turn will likely not come before today's line closes at {time}. Tickets still waiting then are cancelled",
  },
  /** After the day's-close note on the kiosk, for a service that takes bookings: the way to be served another day. */
  'hours.bookAnotherDay': {
    ar: 'يمكنك بدلًا من ذلك حجز موعد في يوم آخر',
    en: 'You can book a time on another day instead',
  },
  /** After the day's-close note on the kiosk, for a service that takes no bookings. */
  'hours.noBookingComeBack': {
    ar: 'لا تُحجز مواعيد لهذه الخدمة؛ يمكنك العودة في يوم آخر',
    en: 'This service takes no bookings; you can come back another day',
  },
  /** The join page: tickets (and joins) stop within the half hour. */
  'hours.lastTicketSoon': { ar: 'آخر تذكرة الساعة {time}', en: 'Last ticket at {time}' },
} as const satisfies Catalogue

/** `hoursText(key, lang, values?, digits?)`. */
export const hoursText = messagesOf(HOURS_MESSAGES)

/** A key `hoursText` knows. */
export type HoursMessageKey = Parameters<typeof hoursText>[0]
