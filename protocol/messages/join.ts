/**
 * The join page (kiosk-ui/join/): joining a service's line from a phone, and the poster staff
 * print for the center's wall with its QR code. Refusals are keyed by the API's error code
 * (`joinErrorKey`), so the page says why in its own language.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { TICKET_MESSAGES } from './ticket.ts'

export const JOIN_MESSAGES = {
  'join.title': { ar: 'الانضمام إلى الدور من الهاتف', en: 'Join the line from your phone' },
  'join.intro': {
    ar: 'اختر الخدمة لتأخذ مكانك في الدور، ثم تابع دورك على هذا الهاتف.',
    en: 'Pick a service to take your place in line, then follow your turn on this phone.',
  },
  'join.services': { ar: 'الخدمة', en: 'Service' },
  // people ahead of a place taken now (RemoteService.ahead), not the line's length: what the ticket then says
  'join.aheadNow': {
    ar: '{n, plural, =0 {لا أحد أمامك الآن} one {أمامك شخص واحد الآن} two {أمامك شخصان الآن} few {أمامك # أشخاص الآن} many {أمامك # شخصًا الآن} other {أمامك # شخص الآن}}',
    en: '{n, plural, =0 {Nobody ahead of you now} one {# person ahead of you now} other {# people ahead of you now}}',
  },
  'join.expectedWait': { ar: 'الانتظار المتوقع {wait}', en: 'Expected wait {wait}' },
  'join.minutes': {
    ar: '{minutes, plural, one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}',
    en: '{minutes, plural, one {# minute} other {# minutes}}',
  },
  'join.modeCheckIn': {
    ar: 'يُحفظ مكانك، ولا يُنادى عليك قبل أن تسجّل وصولك في المركز.',
    en: 'Your place is held; you are not called before you check in at the center.',
  },
  'join.modeCallAhead': {
    ar: 'يُنادى عليك في دورك حتى لو لم تصل بعد؛ بعد النداء ينتظرك الشباك {minutes}.',
    en: 'You are called in turn even if you are not there yet; once called, the counter waits {minutes} for you.',
  },
  'join.cap': {
    ar: 'اكتمل الانضمام من الهاتف لهذه الخدمة اليوم؛ يمكنك أخذ تذكرة من جهاز التذاكر في المركز.',
    en: "Today's joins from a phone are full for this service; you can take a ticket at the center's kiosk.",
  },
  /** The service's own daily cap (not the phone joins' share): the kiosk refuses too, so no ticket today anywhere. */
  'join.dailyCap': {
    ar: 'نفدت تذاكر هذه الخدمة لليوم، من الهاتف ومن جهاز التذاكر في المركز. يمكنك الانضمام في يوم عمل آخر.',
    en: "Today's tickets for this service are all taken, from a phone and at the center's kiosk alike. You can come back another working day.",
  },
  'join.unstaffed': { ar: 'لا يوجد شباك يعمل لهذه الخدمة الآن', en: 'No counter is serving this service now' },
  'join.inactive': { ar: 'الخدمة متوقفة الآن', en: 'This service is not available now' },
  'join.phoneLabel': { ar: 'رقم الموبايل (اختياري)', en: 'Mobile number (optional)' },
  'join.phoneHint': { ar: 'لنرسل إليك رسالة بالتذكرة وعند اقتراب دورك', en: 'So we can text you the ticket and when your turn is near' },
  'join.phoneHintNoMessages': {
    ar: 'هذا المركز لا يرسل رسائل نصية؛ يُحفظ الرقم مع تذكرتك.',
    en: 'This center does not send text messages; the number is kept with your ticket.',
  },
  'join.phoneBad': {
    ar: 'اكتب رقم موبايل مصريًا مثل {example}، أو اترك الخانة فارغة',
    en: 'Enter an Egyptian mobile number such as {example}, or leave it empty',
  },
  'join.submit': { ar: 'خذ مكاني في الدور', en: 'Take my place' },
  'join.busy': { ar: 'جارٍ الانضمام…', en: 'Joining…' },
  /** The center lists no service under remoteJoin.services: phone joins are off here, not just now (walk s40). */
  'join.off': {
    ar: 'هذا المركز لا يقبل الانضمام إلى الدور من الهاتف. يمكنك أخذ تذكرة من جهاز التذاكر في المركز.',
    en: 'This center does not take joins from a phone. You can take a ticket at the center’s kiosk.',
  },
  /**
   * Every service that takes phone joins is outside its opening hours; {opens}: when the first
   * opens, in the words every screen says a reopening with (ui-common/opening-words.ts opensText).
   */
  'join.allClosedOpens': {
    ar: 'الانضمام من الهاتف في مواعيد العمل فقط، ولا توجد خدمة مفتوحة الآن. {opens}.',
    en: 'Joining from a phone works only during opening hours, and no service is open now. {opens}.',
  },
  'join.allClosed': {
    ar: 'الانضمام من الهاتف في مواعيد العمل فقط، ولا توجد خدمة مفتوحة الآن.',
    en: 'Joining from a phone works only during opening hours, and no service is open now.',
  },
  /** Open hours, but no service takes a join now for another reason (no counter, a cap, stopped): each row says which. */
  'join.noneNow': {
    ar: 'لا توجد خدمة تقبل الانضمام من الهاتف في هذه اللحظة؛ السبب مكتوب تحت كل خدمة.',
    en: 'No service takes a join from a phone at this moment; the reason is under each service.',
  },
  'join.failed': { ar: 'تعذّر الانضمام. حاول مرة أخرى.', en: 'Could not join. Please try again.' },
  'join.err.closed': {
    ar: 'الخدمة مغلقة الآن؛ الانضمام من الهاتف في مواعيد العمل فقط.',
    en: 'The service is closed now; joining from a phone works only during opening hours.',
  },
  'join.err.phoneLimit': {
    ar: 'بلغ هذا الرقم الحد المسموح به من مرات الانضمام اليوم.',
    en: 'This mobile number has joined as many times as allowed today.',
  },
  /** The same, while the service is sold at the center's kiosk (open and staffed, or only its phone joins full). */
  'join.err.phoneLimitKiosk': {
    ar: 'بلغ هذا الرقم الحد المسموح به من مرات الانضمام اليوم. ما زال بإمكانك أخذ تذكرة من جهاز التذاكر في المركز.',
    en: "This mobile number has joined as many times as allowed today. You can still take a ticket at the center's kiosk.",
  },
  'join.err.addressLimit': {
    ar: 'طلبات انضمام كثيرة من هذه الشبكة خلال الساعة الأخيرة. حاول لاحقًا أو خذ تذكرة من جهاز التذاكر.',
    en: 'Too many joins from this network in the last hour. Try later, or take a ticket at the kiosk.',
  },
  'join.err.off': { ar: 'هذه الخدمة لا تقبل الانضمام من الهاتف.', en: 'This service does not take joins from a phone.' },
  'poster.title': { ar: 'خذ دورك من هاتفك', en: 'Join the line from your phone' },
  'poster.step1': { ar: 'امسح الرمز بكاميرا هاتفك', en: 'Scan the code with your phone camera' },
  'poster.step2': { ar: 'اختر الخدمة وخذ مكانك', en: 'Pick the service and take your place' },
  'poster.step3': {
    ar: 'تابع دورك على الهاتف، واضغط «أنا هنا» عند وصولك',
    en: 'Follow your turn on the phone, and press "I am here" when you arrive',
  },
  'poster.orLink': { ar: 'أو افتح الرابط', en: 'Or open the link' },
  'poster.print': { ar: 'اطبع الملصق', en: 'Print the poster' },
  'poster.cardTitle': { ar: 'الانضمام إلى الدور من الهاتف', en: 'Joining the line from a phone' },
  'poster.cardText': {
    ar: 'اطبع الملصق وعلّقه في المركز: يمسح المواطن الرمز ويأخذ مكانه في الدور من هاتفه.',
    en: 'Print the poster and put it up in the center: citizens scan its code and take their place in line from their phone.',
  },
  /** The card when no service is listed under remoteJoin.services: no poster to print, and how to turn joining on. */
  'poster.off': {
    ar: 'لا تقبل أي خدمة الانضمام إلى الدور من الهاتف. لتفعيله، أضف الخدمات إلى remoteJoin.services في ملف إعداد المركز (deploy/CONFIG.md).',
    en: 'No service takes joins from phones. To turn it on, list the services under remoteJoin.services in the center’s config file (deploy/CONFIG.md).',
  },
  'figures.joined': { ar: 'انضموا اليوم', en: 'Joined today' },
  'figures.arrived': { ar: 'سجّلوا وصولهم', en: 'Checked in' },
  'figures.abandoned': { ar: 'فقدوا مكانهم', en: 'Lost their place' },
  'figures.cancelled': { ar: 'ألغوا', en: 'Cancelled' },
  'figures.served': { ar: 'تمت خدمتهم', en: 'Served' },
  'figures.noShow': { ar: 'لم يحضروا عند النداء', en: 'No-show when called' },
  'poster.open': { ar: 'افتح الملصق للطباعة', en: 'Open the poster to print' },
  'poster.services': { ar: 'الخدمات التي تقبل الانضمام من الهاتف', en: 'Services you can join from a phone' },
} as const satisfies Catalogue

/** `joinText(key, lang, values?, digits?)`: the join page's and the poster's words. */
export const joinText = messagesOf({ ...COMMON_MESSAGES, ...TICKET_MESSAGES, ...JOIN_MESSAGES })

/** A key `joinText` knows. */
export type JoinMessageKey = Parameters<typeof joinText>[0]

/** The sentence for a refused join, by the API's error code; `join.failed` for anything else. */
export function joinErrorKey(code: string | undefined): JoinMessageKey {
  switch (code) {
    case 'TABOUR_ERR_SERVICE_CLOSED':
      return 'join.err.closed'
    case 'TABOUR_ERR_REMOTE_JOIN_CAP':
      return 'join.cap'
    case 'TABOUR_ERR_SERVICE_DAILY_CAP':
      return 'join.dailyCap'
    case 'TABOUR_ERR_REMOTE_PHONE_LIMIT':
      return 'join.err.phoneLimit'
    case 'TABOUR_ERR_REMOTE_ADDRESS_LIMIT':
      return 'join.err.addressLimit'
    case 'TABOUR_ERR_REMOTE_JOIN_OFF':
      return 'join.err.off'
    case 'TABOUR_ERR_SERVICE_UNSTAFFED':
      return 'join.unstaffed'
    case 'TABOUR_ERR_SERVICE_INACTIVE':
      return 'join.inactive'
    default:
      return 'join.failed'
  }
}
