/**
 * The public ticket status page (what the QR on a ticket opens).
 */
import type { PlacedAhead, PlacedAheadKind, PublicTicket } from '../entities.ts'
import type { DigitStyle } from './digits.ts'
import { listComma } from './list-comma.ts'
import { messagesOf, type Catalogue, type Lang } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { TICKET_MESSAGES } from './ticket.ts'

export const STATUS_MESSAGES = {
  'status.yourTurn': { ar: 'حان دورك', en: "It's your turn" },
  'status.goToCounter': { ar: 'توجّه إلى الشباك {n}', en: 'Please go to counter {n}' },
  'status.serving': { ar: 'تتم خدمتك في الشباك {n}', en: 'Being served at counter {n}' },
  'status.done': { ar: 'تمت خدمتك. شكرًا لزيارتك.', en: 'You have been served. Thank you for your visit.' },
  /** Finished with an outcome other than the default (referred, incomplete papers…): its own name, not "served" (walk 2026-12-05). */
  // "Thank you for coming", not "for your visit" right after "your visit has ended" (walk s54: the word twice)
  'status.doneAs': { ar: 'انتهت زيارتك: {outcome}. شكرًا لحضورك.', en: 'Your visit has ended: {outcome}. Thank you for coming.' },
  /**
   * Finished with no name to give: an outcome the center no longer lists (its name is gone), or a
   * finish that named none (a keypad's Finish key: nobody said the citizen was served). "Served" may be untrue.
   */
  'status.doneOther': { ar: 'انتهت زيارتك. شكرًا لحضورك.', en: 'Your visit has ended. Thank you for coming.' },
  'status.cancelled': { ar: 'أُلغيت هذه التذكرة.', en: 'This ticket was cancelled.' },
  /** Cancelled by the center's closing (calendar atClosing 'cancel-after'): not the holder's doing. */
  'status.cancelledCenterClosed': {
    ar: 'أُلغيت التذكرة لأن المركز أغلق قبل أن يأتي دورها.',
    en: 'This ticket was cancelled because the center closed before its turn.',
  },
  /** Cancelled by the business day's close (a ticket still waiting when the day's line closed): true of a center open around the clock too. */
  'status.cancelledDayClosed': {
    ar: 'أُلغيت التذكرة لأن طابور اليوم أُغلق قبل أن يأتي دورها. يمكنك أخذ تذكرة جديدة.',
    en: "This ticket was cancelled because the day's line closed before its turn. You can take a new ticket.",
  },
  'status.notFound': { ar: 'لم نجد هذه التذكرة. تحقّق من الرابط.', en: 'Ticket not found. Check the link.' },
  'status.offline': { ar: 'تعذّر التحديث، نحاول مرة أخرى…', en: 'Could not refresh; trying again…' },
  'status.autoRefresh': { ar: 'تتحدّث هذه الصفحة تلقائيًا', en: 'This page updates by itself' },
  // pushed at every call, and when the place moves with time alone (a counter's weights, a booked slot falling due: Broadcaster.pushOrderChanges)
  'status.live': {
    ar: 'تتحدّث هذه الصفحة وحدها عند كل نداء وكلما تغيّر مكانك في الدور',
    en: 'This page updates by itself at every call and whenever your place in line changes',
  },
  'status.counterName': { ar: 'الشباك {n}: {name}', en: 'Counter {n}: {name}' },
  'status.cancel': { ar: 'إلغاء تذكرتي', en: 'Cancel my ticket' },
  'status.cancelConfirm': {
    ar: 'هل تريد إلغاء التذكرة {label}؟ ستفقد مكانك في الدور.',
    en: 'Cancel ticket {label}? You will lose your place in line.',
  },
  'status.cancelYes': { ar: 'نعم، ألغِ التذكرة', en: 'Yes, cancel it' },
  'status.cancelNo': { ar: 'لا، أبقِ مكاني', en: 'No, keep my place' },
  'status.cancelTooLate': {
    ar: 'لم يعد بالإمكان إلغاء هذه التذكرة: لقد نودي عليها أو انتهت.',
    en: 'This ticket can no longer be cancelled: it was already called or finished.',
  },
  'status.cancelFailed': { ar: 'تعذّر الإلغاء. حاول مرة أخرى.', en: 'Could not cancel. Please try again.' },
  'app.ticketStatus': { ar: 'حالة التذكرة', en: 'Ticket status' },
  // parking (issue 21)
  'status.parked': {
    ar: 'دورك محفوظ ريثما تُحضر ما ينقصك. عند عودتك أخبر موظف الشباك برقم تذكرتك.',
    en: 'Your turn is kept while you fetch what is missing. When you are back, tell a clerk at the counter your ticket number.',
  },
  // the reason the clerk picked, and the counter that keeps the turn (walk s40: the page named neither)
  'status.parkedReason': { ar: 'السبب: {reason}', en: 'Reason: {reason}' },
  'status.parkedCounter': { ar: 'عُد إلى الشباك {n}.', en: 'Come back to counter {n}.' },
  'status.parkedClockStopped': {
    ar: 'الشباك في استراحة الآن، ووقتك لا ينقص خلالها.',
    en: 'The counter is on a break now; your time does not run down meanwhile.',
  },
  // while the parking counter is paused: the time left, which waits for the counter (the hour would move every second)
  'status.parkedTimeLeft': {
    ar: 'يبقى لك {minutes, plural, one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}} تُحسب بعد عودة الشباك من الاستراحة.',
    en: 'You have {minutes, plural, one {# minute} other {# minutes}} left, counted from when the counter is back from its break.',
  },
  'status.parkedUntil': {
    ar: 'دورك محفوظ حتى الساعة {time}. عُد إلى الشباك قبل ذلك.',
    en: 'Your turn is kept until {time}. Come back to the counter before then.',
  },
  'status.abandoned': {
    // the way onward (a new ticket at the kiosk) follows only while the kiosk sells it (newTicketsNow)
    ar: 'لم تعد في الوقت المحدد فانتهت هذه التذكرة.',
    en: 'You did not come back in time, so this ticket has ended.',
  },
  // visits with several steps (issue 21): the step the ticket is in now, and the one after it, in the
  // words of the kiosk's and the paper's route («… ثم …» / "…, then …", ticket.visitThen). Walk s52:
  // «الخطوة ١ من ٢: التالي، تراخيص البناء», said while already in that line, read as if it came after
  'status.visitAt': { ar: 'الخطوة {step} من {of}: {service}', en: 'Step {step} of {of}: {service}' },
  'status.visitAtThen': { ar: 'الخطوة {step} من {of}: {service} ثم {next}', en: 'Step {step} of {of}: {service}, then {next}' },
  /** A visit served to its last step: what was done, in order (walk s46: the page named only the last step's service). */
  'status.visitDone': { ar: 'انتهت خطوات زيارتك كلها: {services}.', en: 'Every step of your visit is done: {services}.' },
  // joined from a phone (issue 19): a held place, arriving, the time given, the turn near
  'status.minutes': {
    ar: '{minutes, plural, one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}',
    en: '{minutes, plural, one {# minute} other {# minutes}}',
  },
  'status.remoteHeld': {
    ar: 'مكانك محجوز، ولن يُنادى عليك قبل أن تسجّل وصولك.',
    en: 'Your place is held. You will not be called until you check in.',
  },
  // the other way to check in, the kiosk's scanner, is the code's own caption (status.scanCode): said once (walk 2026-12-05, finding 6)
  'status.remoteHow': {
    ar: 'عند وصولك إلى المركز اضغط «أنا هنا» وأنت على شبكة Wi-Fi المركز.',
    en: 'When you reach the center, press "I am here" on the center\'s Wi-Fi.',
  },
  'status.remoteKept': {
    ar: 'إذا جاء دورك قبل وصولك يبقى مكانك محفوظًا {minutes} بعده.',
    en: 'If your turn comes before you arrive, your place is kept for {minutes} after it.',
  },
  'status.remoteTurnCame': {
    ar: 'جاء دورك: سجّل وصولك قبل {time} وإلا فقدت مكانك.',
    en: 'Your turn has come: check in before {time} or your place is lost.',
  },
  'status.scanCode': {
    ar: 'امسح هذا الرمز على جهاز التذاكر في المركز لتسجيل وصولك.',
    en: 'Scan this code at the ticket kiosk in the center to check in.',
  },
  'status.scanCodeLabel': { ar: 'رمز QR لتسجيل وصولك على جهاز التذاكر', en: 'QR code to check in at the ticket kiosk' },
  'status.whenCheckedIn': {
    ar: 'إذا سجّلت وصولك الآن: {ahead}، والانتظار {wait}.',
    en: 'If you check in now: {ahead}, {wait}.',
  },
  'status.aheadThen': {
    ar: '{n, plural, =0 {لن يكون أحد أمامك} one {سيكون أمامك شخص واحد} two {سيكون أمامك شخصان} few {سيكون أمامك # أشخاص} many {سيكون أمامك # شخصًا} other {سيكون أمامك # شخص}}',
    en: '{n, plural, =0 {nobody ahead of you} one {# person ahead of you} other {# people ahead of you}}',
  },
  'status.imHere': { ar: 'أنا هنا', en: 'I am here' },
  'status.arriving': { ar: 'جارٍ تسجيل وصولك…', en: 'Checking you in…' },
  'status.notAtCenter': {
    ar: 'لم يُسجَّل وصولك: هاتفك ليس على شبكة المركز. اتصل بشبكة Wi-Fi المركز، أو امسح رمز هذه الصفحة على جهاز التذاكر.',
    en: "Not checked in: your phone is not on the center's network. Join the center's Wi-Fi, or scan this page's code at the ticket kiosk.",
  },
  'status.arriveFailed': { ar: 'تعذّر تسجيل الوصول. حاول مرة أخرى.', en: 'Could not check you in. Please try again.' },
  'status.arrived': { ar: 'سجّلت وصولك الساعة {time}.', en: 'You checked in at {time}.' },
  // walk s54: "nobody checked in in time" read as about other people, and the way onward (join again, the kiosk)
  // followed it twice, the kiosk even when it sells none: renderOnward says it, once and only while true
  'status.placeLost': {
    ar: 'فقدت هذه التذكرة مكانها لأن وصولك لم يُسجَّل في الوقت المحدد.',
    en: 'This ticket lost its place: you did not check in by the time given.',
  },
  'status.callAhead': {
    ar: 'يُنادى عليك في دورك حتى لو لم تصل بعد، فاحضر قبل أن يحين دورك. بعد النداء ينتظرك الشباك {minutes}.',
    en: 'You will be called in turn even if you are not here yet, so come before your turn. Once called, the counter waits {minutes} for you.',
  },
  'status.counterWaitsUntil': { ar: 'ينتظرك الشباك حتى {time}.', en: 'The counter waits for you until {time}.' },
  'status.turnNear': { ar: 'اقترب دورك', en: 'Your turn is near' },
  'status.turnNearCome': { ar: 'اقترب دورك: توجّه إلى المركز الآن.', en: 'Your turn is near: head to the center now.' },
  'status.turnNearStay': { ar: 'اقترب دورك: ابقَ قريبًا من الشبابيك.', en: 'Your turn is near: stay close to the counters.' },
  // walk finding 7: a no-show is told the undo window and which counters can put it back in line
  'status.noShowUntil': {
    ar: 'فاتك دورك، ويمكن إعادتك إلى الدور حتى {time}',
    en: 'You missed your turn. You can be put back in line until {time}',
  },
  'status.minutesLeft': {
    ar: '{n, plural, one {بقيت دقيقة واحدة} two {بقيت دقيقتان} few {بقيت # دقائق} many {بقيت # دقيقة} other {بقيت # دقيقة}}',
    en: '{n, plural, one {# minute left} other {# minutes left}}',
  },
  'status.noShowGoTo': { ar: 'توجّه إلى الشباك {counters}', en: 'Go to counter {counters}' },
  'status.or': { ar: 'أو', en: 'or' },
  'status.noShowNoCounter': {
    ar: 'لا يوجد الآن شباك مفتوح يقدّم خدمتك؛ اسأل موظف شباك يقدّمها عند فتحه.',
    en: 'No counter serving your service is open now; ask at one when it opens.',
  },
  // the way onward (a new ticket at the kiosk, a join from the phone) follows only while it is open (newTicketsNow):
  // "Please take a new ticket" was said of a service deactivated since, which sells none (walk s53)
  'status.noShowExpired': {
    ar: 'فاتك دورك وانتهت مهلة إعادتك إلى الدور.',
    en: 'You missed your turn and the time to be put back in line has passed.',
  },
  'status.noCounterServing': {
    ar: 'لا يوجد الآن شباك مفتوح يقدّم هذه الخدمة؛ يبدأ النداء عند فتح أحدها.',
    en: 'No counter serving this service is open now; calls start when one opens.',
  },
  // walk s53: no counter serves the service any more (taken off its counters, maybe after it was deactivated): none will
  // open to call the ticket, whatever "calls start when one opens" promised
  'status.noCounterServes': {
    ar: 'لم يعد أي شباك يقدّم هذه الخدمة؛ يرجى سؤال أحد موظفي المركز.',
    en: 'No counter serves this service any more; please ask a member of staff.',
  },
  // walk s52: the counters serving it are open but paused (prayer, a break), their clerks present: not "no counter
  // is open; calls start when one opens"
  'status.countersPaused': {
    ar: '{n, plural, one {الشباك الذي يقدّم هذه الخدمة متوقف مؤقتًا؛ يُستأنف النداء عند عودته.} other {الشبابيك التي تقدّم هذه الخدمة متوقفة مؤقتًا؛ يُستأنف النداء عند عودة أحدها.}}',
    en: '{n, plural, one {The counter serving this service is paused; calls resume when it is back.} other {The counters serving this service are paused; calls resume when one is back.}}',
  },
  // walk 2026-12-05, finding 2: a ticket sent to one counter waits for that counter only
  'status.waitsForClosedCounter': {
    ar: 'تذكرتك محوّلة إلى الشباك {n}، وهو غير مفتوح الآن. ستُنادى عند فتحه، أو عندما يحوّلها أحد الموظفين.',
    en: 'Your ticket was sent to counter {n}, which is not open now. You will be called when it opens, or when staff move your ticket.',
  },
  /** A waiting ticket a clerk moved to another service's line (walk s44: only the service's name changed). */
  'status.movedTo': { ar: 'نُقلت تذكرتك من خدمة {from} إلى خدمة {to}.', en: 'Your ticket was moved from {from} to {to}.' },
  /** A called ticket its clerk recalled: the page changes and the phone vibrates again. */
  'status.calledAgain': { ar: 'يُنادى عليك مرة أخرى: توجّه إلى الشباك {n}', en: 'You are being called again at counter {n}' },
  /** The way onward from an ended ticket: the join page, when the center takes joins from a phone (walk s44: a dead end). */
  'status.joinAgain': { ar: 'انضم إلى الدور من جديد من هاتفك', en: 'Join the line again from your phone' },
  'status.newTicketAtKiosk': {
    ar: 'يمكنك أخذ تذكرة جديدة من جهاز التذاكر في المركز.',
    en: 'You can take a new ticket at the kiosk in the center.',
  },
  'status.waitsForCounter': { ar: 'تذكرتك محوّلة إلى الشباك {n}.', en: 'Your ticket was sent to counter {n}.' },
  // the wait of a ticket sent to a closed counter: unknown until that counter opens, not "no counter is serving now"
  // while others serve (walk s55: A-004 sent to counter 2 read so with counters 1 and 3 open)
  'status.waitForClosedCounter': { ar: 'غير معروف حتى يُفتح الشباك {n}', en: 'unknown until counter {n} opens' },
  // walk s52: "people ahead" grew from 2 to 3 and nobody had left; the page says who was put first and why
  // (server/queue/placed-ahead.ts), one item a kind: `placedAheadText`
  'status.placedAhead': {
    ar: 'وُضع أمامك بعد انضمامك إلى الدور: {list}.',
    en: 'Placed ahead of you after you joined the line: {list}.',
  },
  'status.placedAhead.priority': {
    ar: '{n, plural, one {شخص واحد له أولوية} two {شخصان لهما أولوية} few {# أشخاص لهم أولوية} many {# شخصًا لهم أولوية} other {# شخص لهم أولوية}}',
    en: '{n, plural, one {# person with priority} other {# people with priority}}',
  },
  'status.placedAhead.appointment': {
    ar: '{n, plural, one {شخص واحد حان موعد حجزه} two {شخصان حان موعد حجزهما} few {# أشخاص حان موعد حجزهم} many {# شخصًا حان موعد حجزهم} other {# شخص حان موعد حجزهم}}',
    en: '{n, plural, one {# person with an appointment due now} other {# people with appointments due now}}',
  },
  'status.placedAhead.counter': {
    ar: '{n, plural, one {شخص واحد حُوِّل إلى شباك يخدمك} two {شخصان حُوِّلا إلى شباك يخدمك} few {# أشخاص حُوِّلوا إلى شباك يخدمك} many {# شخصًا حُوِّلوا إلى شباك يخدمك} other {# شخص حُوِّلوا إلى شباك يخدمك}}',
    en: '{n, plural, one {# person sent to a counter that serves you} other {# people sent to a counter that serves you}}',
  },
  'status.placedAhead.earlier': {
    ar: '{n, plural, one {شخص واحد أخذ مكانه قبلك} two {شخصان أخذا مكانيهما قبلك} few {# أشخاص أخذوا أماكنهم قبلك} many {# شخصًا أخذوا أماكنهم قبلك} other {# شخص أخذوا أماكنهم قبلك}}',
    en: '{n, plural, one {# person who took a place before you} other {# people who took their places before you}}',
  },
  'status.placedAhead.line': {
    ar: '{n, plural, one {شخص واحد من خدمة تُنادى قبل خدمتك الآن} two {شخصان من خدمة تُنادى قبل خدمتك الآن} few {# أشخاص من خدمات تُنادى قبل خدمتك الآن} many {# شخصًا من خدمات تُنادى قبل خدمتك الآن} other {# شخص من خدمات تُنادى قبل خدمتك الآن}}',
    en: '{n, plural, one {# person of a service called before yours now} other {# people of services called before yours now}}',
  },
} as const satisfies Catalogue

/** `statusText(key, lang, values?, digits?)`: the status page's words, the ticket's and the common ones. */
export const statusText = messagesOf({ ...COMMON_MESSAGES, ...TICKET_MESSAGES, ...STATUS_MESSAGES })

/** A key `statusText` knows. */
export type StatusMessageKey = Parameters<typeof statusText>[0]

/**
 * What a finished ticket's page says (kiosk-ui/ticket-status.ts): "You have been served" only
 * without `endedWith` (the outcome `served` or the default); the outcome's own name when the center
 * lists it; "Your visit has ended" when there is no name to give (an outcome removed since, or a
 * finish that named none).
 */
export function doneText(endedWith: PublicTicket['endedWith'], lang: Lang): string {
  if (!endedWith) return statusText('status.done', lang)
  const name = lang === 'ar' ? endedWith.nameAr : endedWith.nameEn
  return name === null ? statusText('status.doneOther', lang) : statusText('status.doneAs', lang, { outcome: name })
}

/** The kinds in the order the line names them. */
const PLACED_KINDS: readonly PlacedAheadKind[] = ['priority', 'appointment', 'counter', 'earlier', 'line']

/**
 * The one line that says who was placed ahead of a waiting ticket after it joined and why
 * (PublicTicket.placedAhead): «وُضع أمامك بعد انضمامك إلى الدور: شخص واحد له أولوية.» /
 * "Placed ahead of you after you joined the line: 1 person with priority."; null when nobody was.
 */
export function placedAheadText(placed: PlacedAhead | undefined, lang: Lang, digits?: DigitStyle): string | null {
  const items = PLACED_KINDS.filter((k) => (placed?.[k] ?? 0) > 0).map((k) =>
    statusText(`status.placedAhead.${k}`, lang, { n: placed![k]! }, digits),
  )
  return items.length === 0 ? null : statusText('status.placedAhead', lang, { list: items.join(listComma(lang)) })
}
