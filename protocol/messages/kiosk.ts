/**
 * The kiosk: choosing a service, the optional questions, the ticket on screen, out of service.
 * What the ticket itself says (people ahead, the wait) is in ticket.ts, shared with the paper.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { TICKET_MESSAGES } from './ticket.ts'

export const KIOSK_MESSAGES = {
  'kiosk.chooseService': { ar: 'اختر الخدمة', en: 'Choose a service' },
  'kiosk.chooseHint': { ar: 'المس الخدمة المطلوبة لتحصل على تذكرة', en: 'Touch the service you need to get a ticket' },
  // the home screen when no service can be taken now (kiosk-frame.ts homeHeading); each tile says why
  'kiosk.noneAvailable': { ar: 'لا يمكن أخذ تذاكر الآن', en: 'No tickets can be taken now' },
  'kiosk.noneAvailableHint': {
    ar: 'تحت كل خدمة سبب ذلك، وموعد فتحها إن كانت مغلقة',
    en: 'Each service says why, and when it opens if it is closed',
  },
  // a tile's figure: people ahead of a ticket taken now (ServiceWithQueue.ahead), what that ticket will print;
  // with nobody ahead it says so in words: «أمامك: ٠» read as a figure to decode (s42)
  'kiosk.ahead': {
    ar: '{n, plural, =0 {لا أحد أمامك} other {أمامك: #}}',
    en: '{n, plural, =0 {No one ahead of you} other {People ahead of you: #}}',
  },
  'kiosk.unavailable': { ar: 'غير متاحة الآن', en: 'Not available now' },
  /** The service's daily cap is reached: no new ticket today, here or from a phone; tomorrow it sells again. */
  'kiosk.dailyCapReached': { ar: 'نفدت تذاكر هذه الخدمة لليوم', en: "Today's tickets for this service are all taken" },
  // a service no open or paused counter serves, or only counters whose clerk is away (server/queue/staffing.ts):
  // "serving", not "open", because an away clerk's counter is still open, and the citizen may see its sign lit
  'kiosk.unstaffed': { ar: 'لا يوجد شباك يعمل لهذه الخدمة الآن', en: 'No counter is serving this service now' },
  'kiosk.unstaffedMayWait': {
    ar: 'لا يوجد شباك يعمل الآن، يمكنك الانتظار',
    en: 'No counter is serving now, you may wait',
  },
  'kiosk.noServices': { ar: 'لا توجد خدمات متاحة الآن', en: 'No services are available right now' },
  'kiosk.issuing': { ar: 'جارٍ إصدار تذكرتك…', en: 'Issuing your ticket…' },
  'kiosk.issueFailed': { ar: 'تعذّر إصدار التذكرة. حاول مرة أخرى.', en: 'The ticket could not be issued. Please try again.' },
  'kiosk.serviceGone': { ar: 'هذه الخدمة غير متاحة الآن.', en: 'This service is not available now.' },
  'kiosk.priority.title': { ar: 'هل تنطبق عليك إحدى هذه الحالات؟', en: 'Does one of these apply to you?' },
  'kiosk.priority.hint': { ar: 'أصحاب الأولوية يُخدمون أولًا', en: 'Priority visitors are served first' },
  'kiosk.priority.none': { ar: 'لا، متابعة', en: 'No, continue' },
  'kiosk.phone.title': { ar: 'رقم الهاتف المحمول (اختياري)', en: 'Mobile number (optional)' },
  'kiosk.phone.hint': { ar: 'للتواصل معك بشأن دورك. يمكنك التخطي.', en: 'To contact you about your turn. You may skip this.' },
  /** The hint when the center sends no messages (config messages.provider 'none'): nobody will contact the citizen. */
  'kiosk.phone.hintNoMessages': {
    ar: 'يُحفظ الرقم مع تذكرتك. يمكنك التخطي.',
    en: 'The number is kept with your ticket. You may skip this.',
  },
  'kiosk.phone.invalid': { ar: 'الرقم غير صحيح. مثال: {example}', en: 'This number is not valid. Example: {example}' },
  'kiosk.phone.skip': { ar: 'تخطٍّ', en: 'Skip' },
  'kiosk.phone.confirm': { ar: 'متابعة', en: 'Continue' },
  'kiosk.scanToFollow': { ar: 'امسح الرمز لمتابعة دورك على هاتفك', en: 'Scan to follow your turn on your phone' },
  'kiosk.printing': { ar: 'جارٍ طباعة تذكرتك…', en: 'Printing your ticket…' },
  'kiosk.printerDown.title': { ar: 'الطابعة معطّلة', en: 'The printer is out of order' },
  'kiosk.printerDown.body': { ar: 'ستظهر تذكرتك على الشاشة', en: 'Your ticket will be shown on screen' },
  'kiosk.takePrinted': { ar: 'خذ تذكرتك المطبوعة من الطابعة', en: 'Take your printed ticket from the printer' },
  'kiosk.printProblem.title': { ar: 'تعذّرت طباعة التذكرة', en: 'The ticket could not be printed' },
  'kiosk.printProblem.photo': { ar: 'يرجى تصوير هذه الشاشة بهاتفك', en: 'Please photograph this screen' },
  'kiosk.printProblem.reprint': { ar: 'ويمكن للموظف إعادة طباعة التذكرة لك', en: 'Staff can reprint your ticket' },
  'kiosk.printProblem.screenIsTicket': {
    ar: 'الرقم الظاهر على الشاشة هو رقم تذكرتك',
    en: 'The number on this screen is your ticket',
  },
  'kiosk.noPrinter': {
    ar: 'هذا الجهاز لا يطبع التذاكر؛ احتفظ بصورة الشاشة أو امسح الرمز لمتابعة دورك',
    en: 'This kiosk does not print tickets; keep a photo of the screen or scan the code to follow your turn',
  },
  // a place joined from a phone and checked in here: nothing is printed, its page is the ticket
  'kiosk.ticketOnPhone': {
    ar: 'تذكرتك هي الصفحة على هاتفك؛ تابع دورك منها',
    en: 'Your ticket is the page on your phone; follow your turn there',
  },
  'kiosk.done': { ar: 'تم', en: 'Done' },
  'oos.title': { ar: 'خارج الخدمة مؤقتًا', en: 'Temporarily out of service' },
  'oos.body': {
    // every center has staff; not every one has an enquiries desk
    ar: 'نعتذر عن الإزعاج. يرجى سؤال أحد موظفي المركز.',
    en: 'Sorry for the inconvenience. Please ask a member of staff.',
  },
  'oos.retrying': { ar: 'تعود الخدمة تلقائيًا فور عودة الاتصال', en: 'Service resumes by itself once the connection is back' },
  'common.back': { ar: 'رجوع', en: 'Back' },
} as const satisfies Catalogue

/** `kioskText(key, lang, values?, digits?)`: the kiosk's words, the ticket's and the common ones. */
export const kioskText = messagesOf({ ...COMMON_MESSAGES, ...TICKET_MESSAGES, ...KIOSK_MESSAGES })

/** A key `kioskText` knows. */
export type KioskMessageKey = Parameters<typeof kioskText>[0]
