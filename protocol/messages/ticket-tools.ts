/**
 * The staff ticket tools (ui-common/ticket-tools.ts), on the console and the dashboard: find a
 * ticket, its history, reprint, cancel with a reason; and the walk-in ticket a clerk shows on
 * screen. Position and estimate use the paper ticket's own sentences (ticket.ts).
 */
import { messagesOf, type Catalogue, type Lang } from './format.ts'
import { outcomeName } from './finish-outcome-name.ts'
import type { OutcomeColumn } from '../stats.ts'
import { COMMON_MESSAGES } from './common.ts'
import { PRINT_PROBLEM_MESSAGES } from './print-problem.ts'

export const TICKET_TOOLS_MESSAGES = {
  'tools.title': { ar: 'أدوات التذاكر', en: 'Ticket tools' },
  'tools.find': { ar: 'البحث عن تذكرة', en: 'Find a ticket' },
  // not "printed on it": a center without a printer shows the ticket (and its code) on the kiosk's screen or the citizen's phone
  'tools.findHint': {
    ar: 'اكتب رقم التذكرة (مثل A-015) أو امسح رمز QR الخاص بها',
    en: 'Type the ticket number (such as A-015) or scan its QR code',
  },
  'tools.search': { ar: 'بحث', en: 'Search' },
  'tools.searching': { ar: 'جارٍ البحث…', en: 'Searching…' },
  'tools.noMatch': { ar: 'لا توجد تذكرة اليوم بالرقم «{q}».', en: 'No ticket numbered “{q}” today.' },
  'tools.badQuery': {
    ar: 'اكتب رقم تذكرة مثل A-015 أو الصق رابط رمز QR.',
    en: 'Type a ticket number such as A-015, or paste its QR link.',
  },
  'tools.matches': { ar: 'النتائج', en: 'Matches' },
  'tools.status.waiting': { ar: 'في الانتظار', en: 'Waiting' },
  'tools.status.called': { ar: 'تم استدعاؤها', en: 'Called' },
  'tools.status.serving': { ar: 'قيد الخدمة', en: 'Being served' },
  // a finished ticket with no outcome recorded (a keypad's Finish): "Served" was untrue for one sent away
  // for papers (walk s50); a recorded outcome shows its own name (finishedText below)
  'tools.status.done': { ar: 'أُنهيت', en: 'Finished' },
  'tools.status.no_show': { ar: 'لم يحضر صاحبها', en: 'No-show' },
  'tools.status.cancelled': { ar: 'ملغاة', en: 'Cancelled' },
  'tools.status.remote': { ar: 'محجوزة عن بعد، لم يصل صاحبها بعد', en: 'Joined remotely, not here yet' },
  'tools.status.parked': { ar: 'مؤجلة حتى يعود صاحبها', en: 'Parked until the citizen returns' },
  'tools.status.abandoned': { ar: 'لم يعد صاحبها في الوقت', en: 'Abandoned (did not return in time)' },
  'tools.service': { ar: 'الخدمة', en: 'Service' },
  'tools.counterTerm': { ar: 'الشباك', en: 'Counter' },
  'tools.counter': { ar: 'الشباك {n}', en: 'Counter {n}' },
  'tools.ahead': { ar: 'أمامها في الدور', en: 'Ahead of it' },
  'tools.aheadCount': {
    // never "it is next": a priority ticket or a checked-in appointment taken later may be called first
    ar: '{n, plural, =0 {لا أحد الآن} one {شخص واحد} two {شخصان} few {# أشخاص} many {# شخصًا} other {# شخص}}',
    en: '{n, plural, =0 {nobody now} one {# person} other {# people}}',
  },
  'tools.issuedAt': { ar: 'صدرت', en: 'Issued' },
  /** Shown when the current wait began after the issue (a transfer, a reinstatement, a next step). */
  'tools.waitingSince': { ar: 'ينتظر صاحبها منذ', en: 'Waiting since' },
  'tools.history': { ar: 'سجل التذكرة', en: 'History' },
  'tools.historyEmpty': { ar: 'لا يوجد سجل لهذه التذكرة.', en: 'Nothing recorded for this ticket.' },
  'step.issued': { ar: 'أُصدرت', en: 'Issued' },
  'step.called': { ar: 'استُدعيت', en: 'Called' },
  'step.recalled': { ar: 'أُعيد استدعاؤها', en: 'Recalled' },
  'step.started': { ar: 'بدأت الخدمة', en: 'Service started' },
  'step.transferred': { ar: 'حُوّلت', en: 'Transferred' },
  'step.no_show': { ar: 'لم يحضر', en: 'No-show' },
  'step.reinstated': { ar: 'أُعيدت إلى الدور', en: 'Back in line' },
  'step.cancelled': { ar: 'أُلغيت', en: 'Cancelled' },
  'step.finished': { ar: 'أُنهيت', en: 'Finished' },
  'step.next_step': { ar: 'انتهت خطوة وانتقلت إلى التالية', en: 'Step done, sent on' },
  'step.not_printed': { ar: 'لم تُطبع', en: 'Not printed' },
  // why a ticket was not printed: PRINT_PROBLEM_MESSAGES (print-problem.ts), shared with the staff screens' alert
  'step.toService': { ar: 'إلى {name}', en: 'to {name}' },
  'step.toCounter': { ar: 'إلى الشباك {n}', en: 'to counter {n}' },
  'step.bySystem': { ar: 'النظام', en: 'System' },
  'tools.reprint': { ar: 'إعادة طباعة', en: 'Reprint' },
  'tools.printOn': { ar: 'اطبع على', en: 'Print on' },
  'tools.print': { ar: 'اطبع', en: 'Print' },
  'tools.noPrinters': { ar: 'لا توجد طابعات تذاكر في المركز.', en: 'The center has no ticket printers.' },
  'tools.ownKiosk': { ar: '{name} (جهاز إصدارها)', en: '{name} (where it was issued)' },
  'tools.health.ok': { ar: 'تعمل', en: 'working' },
  'tools.health.fault': { ar: 'عطل', en: 'fault' },
  'tools.health.unknown': { ar: 'حالتها غير معروفة', en: 'status unknown' },
  'tools.printed': { ar: 'أُرسلت التذكرة {label} إلى الطابعة «{name}».', en: 'Ticket {label} sent to the printer “{name}”.' },
  'tools.printFault': {
    ar: 'الطابعة «{name}» بها عطل؛ قد لا تُطبع التذكرة {label}. اختر طابعة أخرى.',
    en: 'The printer “{name}” has a fault; ticket {label} may not print. Choose another printer.',
  },
  'tools.cancel': { ar: 'إلغاء التذكرة', en: 'Cancel ticket' },
  'tools.cancelOnlyWaiting': { ar: 'تُلغى التذكرة وهي في الانتظار فقط.', en: 'Only a waiting ticket can be cancelled.' },
  'tools.reason': { ar: 'سبب الإلغاء', en: 'Reason' },
  'reason.citizen_left': { ar: 'غادر المواطن', en: 'The citizen left' },
  'reason.citizen_request': { ar: 'بطلب من المواطن', en: 'The citizen asked' },
  'reason.duplicate': { ar: 'تذكرة مكررة', en: 'Duplicate ticket' },
  'reason.wrong_service': { ar: 'خدمة غير صحيحة', en: 'Wrong service' },
  'reason.other': { ar: 'سبب آخر', en: 'Other' },
  'reason.day_closed': { ar: 'انتهى يوم العمل', en: 'The day closed' },
  'reason.center_closed': { ar: 'أُغلق المركز', en: 'The center closed' },
  'tools.note': { ar: 'ملاحظة', en: 'Note' },
  'tools.noteOptional': { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)' },
  'tools.noteNeeded': { ar: 'اكتب ملاحظة توضّح السبب.', en: 'Write a note that explains the reason.' },
  'tools.confirmCancel': { ar: 'تأكيد الإلغاء', en: 'Confirm cancel' },
  'tools.cancelled': { ar: 'أُلغيت التذكرة {label}.', en: 'Ticket {label} cancelled.' },
  'tools.err.notFound': { ar: 'لم تعد هذه التذكرة موجودة.', en: 'This ticket no longer exists.' },
  'tools.err.noPrinter': { ar: 'هذا الجهاز ليست له طابعة.', en: 'This device has no printer.' },
  'tools.err.printerGone': { ar: 'لم تعد هذه الطابعة موجودة.', en: 'This printer no longer exists.' },
  'tools.err.notWaiting': {
    ar: 'لم تعد التذكرة في الانتظار؛ لا يمكن إلغاؤها.',
    en: 'The ticket is no longer waiting; it cannot be cancelled.',
  },
  'tools.err.session': { ar: 'انتهت الجلسة. سجّل الدخول مرة أخرى.', en: 'Your session has ended. Log in again.' },
  'tools.err.network': { ar: 'تعذّر الاتصال بالخادم. حاول مرة أخرى.', en: 'Cannot reach the server. Try again.' },
  'tools.err.generic': { ar: 'حدث خطأ. حاول مرة أخرى.', en: 'Something went wrong. Please try again.' },
  'walkIn.title': { ar: 'تذكرة جديدة', en: 'New ticket' },
  'walkIn.noPrinter': {
    ar: 'لا توجد طابعة لهذا الشباك: اعرض التذكرة على المواطن ليصوّر رمزها، أو اطبعها على طابعة أخرى.',
    en: 'This counter has no printer: show the ticket to the citizen to photograph its code, or print it elsewhere.',
  },
  'walkIn.printedAt': { ar: 'طُبعت التذكرة {label} على طابعة الشباك.', en: 'Ticket {label} printed on the counter’s printer.' },
  'walkIn.category': { ar: 'أولوية\u00a0— {name}', en: 'Priority\u00a0— {name}' },
  'walkIn.scan': { ar: 'امسح الرمز لمتابعة دورك', en: 'Scan to follow your turn' },
  'walkIn.close': { ar: 'تم', en: 'Done' },
} as const satisfies Catalogue

/** `ticketToolsText(key, lang, values?, digits?)`: the ticket tools' words and the common ones. */
export const ticketToolsText = messagesOf({ ...COMMON_MESSAGES, ...PRINT_PROBLEM_MESSAGES, ...TICKET_TOOLS_MESSAGES })

/** A key `ticketToolsText` knows. */
export type TicketToolsMessageKey = Parameters<typeof ticketToolsText>[0]

/**
 * What a finished ticket's badge and its "finished" step say: the outcome's name as the reports and
 * the citizen's page give it (Served, Incomplete papers, Referred elsewhere…; a removed outcome by
 * its code), "Finished" when none was recorded or the server did not say.
 */
export function finishedText(o: OutcomeColumn | undefined, lang: Lang): string {
  return o && o.code !== null ? outcomeName(o, lang) : ticketToolsText('tools.status.done', lang)
}
