/**
 * The clerk's counter console. Error codes map to the `err.*` keys in counter-ui/error-messages.ts.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { isPauseReason } from '../pause-reasons.ts'
import type { Lang } from './format.ts'

export const CONSOLE_MESSAGES = {
  'app.title': { ar: 'شاشة الموظف', en: 'Counter console' },
  'common.confirm': { ar: 'تأكيد', en: 'Confirm' },
  'common.minutes': { ar: '{n} د', en: '{n} min' },
  'login.title': { ar: 'تسجيل دخول الموظف', en: 'Staff login' },
  'login.busy': { ar: 'جارٍ الدخول…', en: 'Logging in…' },
  'login.sharedPc': { ar: 'يُسجَّل خروجك عند إغلاق المتصفح', en: 'Closing the browser logs you out' },
  'relogin.title': { ar: 'انتهت الجلسة', en: 'Your session has ended' },
  'relogin.body': {
    ar: 'سجّل الدخول مرة أخرى للمتابعة. الشباك ما زال مفتوحًا باسمك ولن يضيع شيء.',
    en: 'Log in again to carry on. The counter is still open in your name; nothing is lost.',
  },
  'choose.title': { ar: 'اختر الشباك', en: 'Choose your counter' },
  'choose.hint': { ar: 'افتح الشباك الذي تعمل عليه الآن', en: 'Open the counter you are working at' },
  'choose.open': { ar: 'فتح الشباك', en: 'Open counter' },
  'choose.resume': { ar: 'متابعة العمل', en: 'Continue' },
  'choose.takenBy': { ar: 'مشغول: {name}', en: 'Taken: {name}' },
  'choose.takeover': { ar: 'استلام الشباك', en: 'Take over' },
  'choose.takeoverConfirm': {
    ar: 'الشباك {n} مفتوح باسم {name}. استلامه سيُخرجه منه. هل تريد المتابعة؟',
    en: 'Counter {n} is held by {name}. Taking it over removes them from it. Continue?',
  },
  'choose.none': { ar: 'لا توجد شبابيك متاحة. اطلب من المدير إعداد شباك.', en: 'No counters are set up. Ask a manager to add one.' },
  'choose.services': { ar: 'الخدمات', en: 'Services' },
  'counter.number': { ar: 'شباك {n}', en: 'Counter {n}' },
  'ticket.current': { ar: 'التذكرة الحالية', en: 'Current ticket' },
  'ticket.none': { ar: 'لا توجد تذكرة حالية', en: 'No current ticket' },
  'ticket.noneHint': { ar: 'اضغط «استدعاء التالي» لخدمة المواطن التالي', en: 'Press “Call next” to serve the next citizen' },
  'ticket.pausedHint': { ar: 'الشباك متوقف مؤقتًا. اضغط «استئناف» للعودة.', en: 'The counter is paused. Press “Resume” to carry on.' },
  'ticket.pauseReason': { ar: 'السبب: {reason}', en: 'Reason: {reason}' },
  // {time}: the wall-clock time in the center's zone; {n}: whole minutes since; both already in the screen's digits
  'ticket.pausedSince': { ar: 'متوقف مؤقتًا منذ {time} ({n} د)', en: 'Paused since {time} ({n} min)' },
  'ticket.status.called': { ar: 'تم الاستدعاء\u00a0— في انتظار حضور المواطن', en: 'Called\u00a0— waiting for the citizen' },
  'ticket.status.serving': { ar: 'جارٍ تقديم الخدمة', en: 'Being served' },
  // issue → call, which is the wait only for a ticket that never rejoined a line: after a transfer or a
  // reinstatement it also holds the first service; the words say what the figure is
  'ticket.waited': { ar: 'من الإصدار حتى النداء', en: 'Issue to call' },
  // beside it, for a ticket that joined this line again (transfer, undone no-show, next step, phone join's
  // arrival): the wait the call recorded against the target, which "issue to call" is not then (walk s45)
  'ticket.waitedInLine': { ar: 'الانتظار في هذا الدور حتى النداء', en: 'Wait in this line to call' },
  // the call after an undone no-show ended no wait: the first call did, and recorded it (a hit or a
  // miss); counted from the undo it read "6 min" that no figure holds (walk s54)
  'ticket.waitedInLineToFirstCall': { ar: 'الانتظار في هذا الدور حتى أول نداء', en: 'Wait in this line to its first call' },
  // the whole visit, as "issue to call" above: after a transfer the count includes the recalls of
  // the step before, while the no-show hint counts only a recall since this call (walk 2026-12-05)
  // a recall and the call after an undone no-show alike (recallCount): "recalled" read as untrue of a ticket
  // called again after its no-show was undone and never recalled (walk s45)
  'ticket.recalls': { ar: 'مرات إعادة النداء منذ الإصدار', en: 'Called again since issue' },
  // serving: counted from Start (the citizen reached the counter then), not from the call: right after
  // Start it said "At the counter for 3 min" of a citizen called 3 minutes before (walk s50)
  'ticket.atCounter': { ar: 'عند الشباك منذ', en: 'At the counter for' },
  // called, not started yet: the citizen has not come; dt and dd read "Called 3 min ago"
  'ticket.calledAgo': { ar: 'نوديت', en: 'Called' },
  'common.minutesAgo': { ar: 'منذ {n} د', en: '{n} min ago' },
  // under a minute: "Called 0 min ago" read as odd
  'common.justNow': { ar: 'الآن', en: 'just now' },
  'ticket.transferred': { ar: 'محوّلة', en: 'Transferred' },
  'ticket.priority': { ar: 'أولوية', en: 'Priority' },
  'nobody.waiting': { ar: 'لا يوجد أحد في الانتظار الآن', en: 'Nobody is waiting right now' },
  'action.call_next': { ar: 'استدعاء التالي', en: 'Call next' },
  'action.call_ticket': { ar: 'استدعاء برقم', en: 'Call by number' },
  'action.recall': { ar: 'إعادة النداء', en: 'Recall' },
  'action.start': { ar: 'بدء الخدمة', en: 'Start' },
  'action.finish': { ar: 'إنهاء الخدمة', en: 'Finish' },
  'action.no_show': { ar: 'لم يحضر', en: 'No-show' },
  'action.transfer': { ar: 'تحويل', en: 'Transfer' },
  'action.pause': { ar: 'إيقاف مؤقت', en: 'Pause' },
  'action.resume': { ar: 'استئناف', en: 'Resume' },
  'action.issue': { ar: 'إصدار تذكرة', en: 'Issue a ticket' },
  'action.close': { ar: 'إغلاق الشباك', en: 'Close counter' },
  'action.park': { ar: 'ركن مؤقت', en: 'Park' },
  'actions.label': { ar: 'الإجراءات', en: 'Actions' },
  'actions.keyHint': { ar: 'اختصار لوحة المفاتيح: {key}', en: 'Keyboard shortcut: {key}' },
  'finish.title': { ar: 'إنهاء خدمة {label}', en: 'Finish {label}' },
  'finish.outcome': { ar: 'النتيجة', en: 'Outcome' },
  'finish.note': { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)' },
  // a visit of several steps: only the default outcome (the first) sends the ticket on (server/queue/visit-steps.ts
  // sendToNextStep); the clerk's dialog said nothing of it (walk of 2026-12-07). {others} 'yes' when other outcomes are listed
  'finish.nextStep': {
    ar: 'مع «{outcome}» تنتقل {label} إلى طابور {service} (الخطوة {step} من {of}){others, select, yes {، وأي نتيجة أخرى تنهي الزيارة} other {}}.',
    en: 'With “{outcome}”, {label} goes on to the {service} line (step {step} of {of}){others, select, yes {; any other outcome ends the visit} other {}}.',
  },
  // {time} is m:ss, already in the screen's digits; the button counts it down and enables itself at 0
  'noShow.wait': { ar: 'يمكن تسجيل «لم يحضر» بعد {time}', en: 'No-show possible in {time}' },
  'noShow.waitOrRecall': {
    ar: 'يمكن تسجيل «لم يحضر» بعد {time}، أو فورًا بعد إعادة النداء',
    en: 'No-show possible in {time}, or at once after a recall',
  },
  // {minutes}: the center's undo window (queue.noShowGraceMinutes), the time the "Recent no-shows" list counts down;
  // it said «لفترة قصيرة» ("for a short while") beside a list showing 30 minutes left (walk s51)
  'noShow.confirm': {
    ar: 'تسجيل {label} «لم يحضر»؟ إن عاد المواطن خلال {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} يمكن التراجع من قائمة «لم يحضروا مؤخرًا».',
    en: 'Mark {label} as a no-show? If the citizen comes back within {minutes, plural, one {# minute} other {# minutes}}, you can undo it from “Recent no-shows”.',
  },
  // a center whose undo window is 0: a no-show is final
  'noShow.confirmFinal': {
    ar: 'تسجيل {label} «لم يحضر»؟ لا يمكن التراجع عن ذلك.',
    en: 'Mark {label} as a no-show? This cannot be undone.',
  },
  // an older server that does not say its window: no promise either way
  'noShow.confirmPlain': { ar: 'تسجيل {label} «لم يحضر»؟', en: 'Mark {label} as a no-show?' },
  'noShows.title': { ar: 'لم يحضروا مؤخرًا', en: 'Recent no-shows' },
  'noShows.hint': {
    ar: 'إن عاد المواطن، أعِد تذكرته إلى مكانها في الانتظار.',
    en: 'If the citizen comes back, put their ticket back in its place in the line.',
  },
  'noShows.reinstate': { ar: 'تراجع وإعادة إلى الانتظار', en: 'Undo: back to the line' },
  'noShows.left': { ar: 'متبقٍّ {n} د', en: '{n} min left' },
  'noShows.done': { ar: 'عادت {label} إلى مكانها في الانتظار.', en: '{label} is back in its place in the line.' },
  'close.confirm': {
    ar: 'إغلاق الشباك {n}؟ لن تُستدعى إليه تذاكر حتى يُفتح من جديد.',
    en: 'Close counter {n}? No tickets are called to it until it is opened again.',
  },
  'transfer.title': { ar: 'تحويل {label}', en: 'Transfer {label}' },
  'transfer.toService': { ar: 'إلى خدمة', en: 'To a service' },
  'transfer.toCounter': { ar: 'إلى شباك', en: 'To a counter' },
  'transfer.closedCounter': { ar: 'مغلق', en: 'closed' },
  // a service no counter serves now: none open or paused, or their clerks away (server/queue/staffing.ts; walk s45:
  // "no open counter" beside a service an open counter served while its clerk's console was closed)
  'transfer.unstaffedService': { ar: 'لا يخدمها شباك الآن', en: 'no counter is serving it now' },
  'transfer.awayCounter': { ar: 'موظفه غير متصل', en: 'its clerk is away' },
  'transfer.pausedCounter': { ar: 'متوقف مؤقتًا', en: 'paused' },
  'transfer.warnAwayCounter': {
    ar: 'موظف هذا الشباك غير متصل: لن يُنادى على {label} حتى يعود.',
    en: 'This counter’s clerk is away: nobody will call {label} until they are back.',
  },
  'transfer.warnClosedCounter': {
    ar: 'هذا الشباك مغلق: لن يُنادى على {label} حتى يُفتح.',
    en: 'This counter is closed: nobody will call {label} until it opens.',
  },
  'transfer.warnUnstaffedService': {
    ar: 'لا يخدم هذه الخدمة الآن أي شباك (مغلقة، أو موظفوها غير متصلين): لن يُنادى على {label} حتى يعود شباك يخدمها.',
    en: 'No counter is serving this service now (closed, or their clerks away): nobody will call {label} until one is.',
  },
  'pause.title': { ar: 'إيقاف الشباك مؤقتًا', en: 'Pause the counter' },
  'pause.reason': { ar: 'السبب', en: 'Reason' },
  'pause.break': { ar: 'استراحة', en: 'Break' },
  'pause.prayer': { ar: 'صلاة', en: 'Prayer' },
  'pause.technical': { ar: 'عطل فني', en: 'Technical problem' },
  'pause.other': { ar: 'سبب آخر', en: 'Other' },
  'callTicket.title': { ar: 'استدعاء تذكرة محددة', en: 'Call a specific ticket' },
  'callTicket.hint': {
    ar: 'لمواطن غاب عند النداء ثم عاد. يُسجَّل الاستدعاء باسمك.',
    en: 'For a citizen who was away when called. The call is recorded in your name.',
  },
  'callTicket.filter': { ar: 'رقم التذكرة', en: 'Ticket number' },
  'callTicket.none': { ar: 'لا توجد تذاكر منتظرة لهذا الشباك', en: 'No waiting tickets for this counter' },
  'issue.title': { ar: 'إصدار تذكرة لمواطن حاضر', en: 'Issue a ticket for a walk-in' },
  'issue.service': { ar: 'الخدمة', en: 'Service' },
  'issue.priority': { ar: 'الأولوية', en: 'Priority' },
  'issue.noPriority': { ar: 'بدون أولوية', en: 'None' },
  // beside a service staff may not issue (the server refuses it: ticket-issuer.ts), or may though the kiosk does not sell it
  'issue.capReached': { ar: 'بلغت حدها اليومي', en: 'daily cap reached' },
  'issue.outsideHours': { ar: 'خارج مواعيدها الآن', en: 'outside its hours now' },
  'issue.done': { ar: 'صدرت التذكرة {label}', en: 'Ticket {label} issued' },
  'queue.title': { ar: 'الانتظار لهذا الشباك', en: 'Waiting for this counter' },
  'queue.waiting': { ar: 'منتظر', en: 'waiting' },
  'queue.longest': { ar: 'أطول انتظار', en: 'Longest wait' },
  'queue.next': { ar: 'التالي', en: 'Next' },
  'queue.empty': { ar: 'لا أحد', en: 'Nobody' },
  'queue.backup': { ar: 'احتياطي', en: 'backup' },
  // a line whose service was deactivated while people waited in it (s53): no new ticket joins, those waiting are still called
  'queue.inactive': { ar: 'متوقفة عن إصدار التذاكر؛ نادِ المنتظرين', en: 'no new tickets; call those waiting' },
  'queue.targeted': { ar: 'محوّلة إلى هذا الشباك', en: 'Transferred to this counter' },
  'queue.priorityCount': { ar: '{n} أولوية', en: '{n} priority' },
  // after a line's next labels, when more wait than are shown (walk s45: «٦ منتظر» beside four labels)
  // «و1 غيرهم» had no plural forms (walk s54): CLDR's Arabic rules, as the other counts
  'queue.more': {
    ar: '{n, plural, one {وتذكرة أخرى} two {وتذكرتان أخريان} few {و# تذاكر أخرى} other {و# تذكرة أخرى}}',
    en: '{n, plural, other {and # more}}',
  },
  'day.title': { ar: 'يومي', en: 'My day' },
  // every finish, whatever its outcome (a referral too), as the dashboard's «أُنهيت» counts: "Served"
  // read 1 after one referral while the outcome "Served" was used 0 times (walk 2026-12-06)
  'day.served': { ar: 'أُنهيت', en: 'Finished' },
  'day.noShow': { ar: 'لم يحضروا', en: 'No-shows' },
  // measured from the call (walking up included) to the finish: said so
  'day.avg': { ar: 'متوسط المدة من النداء إلى الإنهاء', en: 'Average, call to finish' },
  'offline.banner': {
    ar: 'انقطع الاتصال بالخادم. الأزرار معطّلة حتى يعود الاتصال، وسيعود تلقائيًا.',
    en: 'The server cannot be reached. Buttons are disabled until it is back; it reconnects by itself.',
  },
  'counter.lost': { ar: 'لم يعد هذا الشباك باسمك (استلمه {name}).', en: 'This counter is no longer yours (taken over by {name}).' },
  'counter.closedElsewhere': { ar: 'أُغلق هذا الشباك.', en: 'This counter was closed.' },
  'err.badCredentials': { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة.', en: 'Wrong username or password.' },
  'err.rateLimited': { ar: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.', en: 'Too many attempts. Wait a minute and try again.' },
  'err.sessionExpired': { ar: 'انتهت الجلسة. سجّل الدخول مرة أخرى.', en: 'Your session has ended. Please log in again.' },
  'err.forbidden': { ar: 'ليست لديك صلاحية لهذا الإجراء.', en: 'You are not allowed to do this.' },
  'err.notYourCounter': { ar: 'هذا الشباك مفتوح باسم موظف آخر.', en: 'This counter is held by another clerk.' },
  'err.counterTaken': {
    ar: 'فتح موظف آخر هذا الشباك للتو. اختر شباكًا آخر.',
    en: 'Another clerk has just opened this counter. Choose another one.',
  },
  'err.atOtherCounter': { ar: 'أنت تعمل على شباك آخر. أغلقه أولًا.', en: 'You are working at another counter. Close it first.' },
  'err.counterNotOpen': { ar: 'الشباك غير مفتوح.', en: 'The counter is not open.' },
  'err.counterBusy': { ar: 'أنهِ التذكرة الحالية أو حوّلها أولًا.', en: 'Finish or transfer the current ticket first.' },
  'err.counterIdle': { ar: 'لا توجد تذكرة حالية.', en: 'There is no current ticket.' },
  'err.calledElsewhere': {
    ar: 'استدعى الشباك {counter} التذكرة {label} للتو.',
    en: 'Counter {counter} has just called {label}.',
  },
  'err.illegal': { ar: 'لا يمكن تنفيذ هذا الإجراء على التذكرة الآن.', en: 'This cannot be done to the ticket now.' },
  // the wait is the center's (minSecondsBeforeNoShow), not always a minute: the button counts it down
  'err.noShowTooSoon': {
    ar: 'من المبكر تسجيل «لم يحضر»: انتظر حتى ينتهي العدّ على زر «لم يحضر» بعد النداء، أو أعِد النداء أولًا.',
    en: 'Too soon for a no-show: wait until the countdown on the No-show button ends, or recall first.',
  },
  'err.graceExpired': {
    ar: 'انتهت مهلة التراجع عن «لم يحضر». يأخذ المواطن تذكرة جديدة.',
    en: 'The time to undo this no-show is over. The citizen takes a new ticket.',
  },
  'err.ticketNotFound': { ar: 'لم يتم العثور على التذكرة.', en: 'Ticket not found.' },
  'err.counterNotFound': { ar: 'لم يتم العثور على الشباك.', en: 'Counter not found.' },
  'err.serviceNotFound': { ar: 'لم يتم العثور على الخدمة.', en: 'Service not found.' },
  'err.serviceInactive': { ar: 'هذه الخدمة متوقفة الآن.', en: 'This service is not taking tickets now.' },
  'err.serviceCap': { ar: 'بلغت هذه الخدمة حدها اليومي.', en: 'This service has reached its daily limit.' },
  'err.unknownOutcome': { ar: 'اختر نتيجة من القائمة.', en: 'Choose an outcome from the list.' },
  'err.serviceNotServedHere': {
    ar: 'هذا الشباك لا يقدّم خدمة هذه التذكرة. يمكن للمدير استدعاؤها.',
    en: "This counter does not serve this ticket's service. A manager can call it.",
  },
  'err.notForThisCounter': { ar: 'حُوّلت هذه التذكرة إلى شباك آخر.', en: 'This ticket was transferred to another counter.' },
  'err.transferTarget': { ar: 'لا يمكن التحويل إلى الشباك نفسه.', en: 'A ticket cannot be transferred to its own counter.' },
  'err.transferCounterInactive': {
    ar: 'هذا الشباك معطَّل ولا يمكن فتحه، فلا يُحوَّل إليه. اختر شباكًا آخر أو خدمة.',
    en: 'This counter is disabled and cannot be opened, so nothing can be transferred to it. Choose another counter or a service.',
  },
  'err.invalid': { ar: 'بيانات غير صالحة.', en: 'Invalid input.' },
  'err.noteTooLong': { ar: 'الملاحظة أطول من المسموح؛ اختصرها.', en: 'The note is too long; shorten it.' },
  'err.reasonTooLong': { ar: 'سبب التوقف أطول من المسموح؛ اختصره.', en: 'The pause reason is too long; shorten it.' },
  'err.network': { ar: 'تعذّر الاتصال بالخادم. حاول مرة أخرى.', en: 'Cannot reach the server. Try again.' },
  'err.generic': { ar: 'حدث خطأ. حاول مرة أخرى.', en: 'Something went wrong. Please try again.' },
  // parking a ticket (issue 21)
  'park.done': {
    ar: 'رُكنت التذكرة {label}؛ الشباك متاح للتالي.',
    en: 'Ticket {label} is parked; the counter is free for the next citizen.',
  },
  // a resume is not a first call: it says so, and that the display calls the ticket back (ticket-parking.ts emits ticket:called)
  'parked.resumed': {
    ar: 'استُؤنفت التذكرة {label}، ونودي عليها من جديد إلى شباكك.',
    en: 'Ticket {label} resumed: called back to your counter.',
  },
  // the server's sweep gave up a parked ticket at its deadline: said where "is parked" was (walk s54)
  'parked.givenUp': {
    ar: 'انتهت مدة ركن التذكرة {label} فأُلغيت ولم يعد لها دور؛ يأخذ المواطن تذكرة جديدة إن عاد.',
    en: 'Ticket {label} was parked past its time and has lost its place; if the citizen comes back, they take a new ticket.',
  },
  'err.parkTooLong': { ar: 'المدة أطول من الحد المسموح للركن.', en: 'That is longer than a ticket may be parked.' },
  'err.unknownParkReason': { ar: 'اختر سببًا من القائمة.', en: 'Choose a reason from the list.' },
  'err.ticketNotParked': { ar: 'هذه التذكرة لم تعد مركونة.', en: 'This ticket is no longer parked.' },
  'err.parkExpired': {
    ar: 'انتهت مدة ركن هذه التذكرة فأُلغيت. يأخذ المواطن تذكرة جديدة.',
    en: 'This ticket was parked too long and was abandoned. The citizen takes a new ticket.',
  },
} as const satisfies Catalogue

/** `consoleText(key, lang, values?, digits?)`: the console's words and the common ones. */
export const consoleText = messagesOf({ ...COMMON_MESSAGES, ...CONSOLE_MESSAGES })

/** A key `consoleText` knows. */
export type ConsoleMessageKey = Parameters<typeof consoleText>[0]

/** A stored pause reason in the viewer's language: a code's label, or text kept from before codes as it was typed. */
export const pauseReasonText = (reason: string, lang: Lang): string =>
  isPauseReason(reason) ? consoleText(`pause.${reason}`, lang) : reason
