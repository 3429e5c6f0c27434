/**
 * The counter console's words, Arabic first. Looked up through ui-common's `translator()`;
 * error codes map to the `err.*` keys in error-messages.ts.
 */
import { translator, type StringTable } from '../ui-common/i18n.ts'

export const COUNTER_STRINGS = {
  'app.title': { ar: 'شاشة الموظف', en: 'Counter console' },
  'app.product': { ar: 'طابور', en: 'Tabour' },
  'common.loading': { ar: 'جارٍ التحميل…', en: 'Loading…' },
  'common.cancel': { ar: 'إلغاء', en: 'Cancel' },
  'common.confirm': { ar: 'تأكيد', en: 'Confirm' },
  'common.minutes': { ar: '{n} د', en: '{n} min' },

  // login
  'login.title': { ar: 'تسجيل دخول الموظف', en: 'Staff login' },
  'login.username': { ar: 'اسم المستخدم', en: 'Username' },
  'login.password': { ar: 'كلمة المرور', en: 'Password' },
  'login.submit': { ar: 'دخول', en: 'Log in' },
  'login.busy': { ar: 'جارٍ الدخول…', en: 'Logging in…' },
  'login.sharedPc': { ar: 'يُسجَّل خروجك عند إغلاق المتصفح', en: 'Closing the browser logs you out' },
  'relogin.title': { ar: 'انتهت الجلسة', en: 'Your session has ended' },
  'relogin.body': {
    ar: 'سجّل الدخول مرة أخرى للمتابعة. الشباك ما زال مفتوحًا باسمك ولن يضيع شيء.',
    en: 'Log in again to carry on. The counter is still open in your name; nothing is lost.',
  },
  logout: { ar: 'تسجيل الخروج', en: 'Log out' },

  // choosing a counter
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

  // counter state
  'state.open': { ar: 'مفتوح', en: 'Open' },
  'state.paused': { ar: 'متوقف مؤقتًا', en: 'Paused' },
  'state.closed': { ar: 'مغلق', en: 'Closed' },

  // the current ticket
  'ticket.current': { ar: 'التذكرة الحالية', en: 'Current ticket' },
  'ticket.none': { ar: 'لا توجد تذكرة حالية', en: 'No current ticket' },
  'ticket.noneHint': { ar: 'اضغط «استدعاء التالي» لخدمة المواطن التالي', en: 'Press “Call next” to serve the next citizen' },
  'ticket.pausedHint': { ar: 'الشباك متوقف مؤقتًا. اضغط «استئناف» للعودة.', en: 'The counter is paused. Press “Resume” to carry on.' },
  'ticket.pauseReason': { ar: 'السبب: {reason}', en: 'Reason: {reason}' },
  'ticket.status.called': { ar: 'تم الاستدعاء — في انتظار حضور المواطن', en: 'Called — waiting for the citizen' },
  'ticket.status.serving': { ar: 'جارٍ تقديم الخدمة', en: 'Being served' },
  'ticket.waited': { ar: 'مدة الانتظار', en: 'Waited' },
  'ticket.recalls': { ar: 'مرات إعادة النداء', en: 'Recalled' },
  'ticket.atCounter': { ar: 'عند الشباك منذ', en: 'At the counter for' },
  'ticket.transferred': { ar: 'محوّلة', en: 'Transferred' },
  'ticket.priority': { ar: 'أولوية', en: 'Priority' },
  'nobody.waiting': { ar: 'لا يوجد أحد في الانتظار الآن', en: 'Nobody is waiting right now' },

  // actions
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
  'actions.label': { ar: 'الإجراءات', en: 'Actions' },
  'actions.keyHint': { ar: 'اختصار لوحة المفاتيح: {key}', en: 'Keyboard shortcut: {key}' },

  // dialogs
  'finish.title': { ar: 'إنهاء خدمة {label}', en: 'Finish {label}' },
  'finish.outcome': { ar: 'النتيجة', en: 'Outcome' },
  'finish.note': { ar: 'ملاحظة (اختيارية)', en: 'Note (optional)' },
  'noShow.confirm': {
    ar: 'تسجيل {label} «لم يحضر»؟ لن يمكن استدعاؤها بعد ذلك.',
    en: 'Mark {label} as a no-show? It cannot be called again.',
  },
  'close.confirm': {
    ar: 'إغلاق الشباك {n}؟ لن تُستدعى إليه تذاكر حتى يُفتح من جديد.',
    en: 'Close counter {n}? No tickets are called to it until it is opened again.',
  },
  'transfer.title': { ar: 'تحويل {label}', en: 'Transfer {label}' },
  'transfer.toService': { ar: 'إلى خدمة', en: 'To a service' },
  'transfer.toCounter': { ar: 'إلى شباك', en: 'To a counter' },
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
  'issue.done': { ar: 'صدرت التذكرة {label}', en: 'Ticket {label} issued' },

  // the queue panel and my day
  'queue.title': { ar: 'الانتظار لهذا الشباك', en: 'Waiting for this counter' },
  'queue.waiting': { ar: 'منتظر', en: 'waiting' },
  'queue.longest': { ar: 'أطول انتظار', en: 'Longest wait' },
  'queue.next': { ar: 'التالي', en: 'Next' },
  'queue.empty': { ar: 'لا أحد', en: 'Nobody' },
  'queue.backup': { ar: 'احتياطي', en: 'backup' },
  'queue.targeted': { ar: 'محوّلة إلى هذا الشباك', en: 'Transferred to this counter' },
  'queue.priorityCount': { ar: '{n} أولوية', en: '{n} priority' },
  'day.title': { ar: 'يومي', en: 'My day' },
  'day.served': { ar: 'تمت خدمتهم', en: 'Served' },
  'day.noShow': { ar: 'لم يحضروا', en: 'No-shows' },
  'day.avg': { ar: 'متوسط مدة الخدمة', en: 'Average service time' },

  // connection and messages
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
  'err.illegal': { ar: 'لا يمكن تنفيذ هذا الإجراء على التذكرة الآن.', en: 'This cannot be done to the ticket now.' },
  'err.ticketNotFound': { ar: 'لم يتم العثور على التذكرة.', en: 'Ticket not found.' },
  'err.counterNotFound': { ar: 'لم يتم العثور على الشباك.', en: 'Counter not found.' },
  'err.serviceNotFound': { ar: 'لم يتم العثور على الخدمة.', en: 'Service not found.' },
  'err.serviceInactive': { ar: 'هذه الخدمة متوقفة الآن.', en: 'This service is not taking tickets now.' },
  'err.serviceCap': { ar: 'بلغت هذه الخدمة حدها اليومي.', en: 'This service has reached its daily limit.' },
  'err.notForThisCounter': { ar: 'حُوّلت هذه التذكرة إلى شباك آخر.', en: 'This ticket was transferred to another counter.' },
  'err.transferTarget': { ar: 'لا يمكن التحويل إلى الشباك نفسه.', en: 'A ticket cannot be transferred to its own counter.' },
  'err.invalid': { ar: 'بيانات غير صالحة.', en: 'Invalid input.' },
  'err.network': { ar: 'تعذّر الاتصال بالخادم. حاول مرة أخرى.', en: 'Cannot reach the server. Try again.' },
  'err.generic': { ar: 'حدث خطأ. حاول مرة أخرى.', en: 'Something went wrong. Please try again.' },
} as const satisfies StringTable

export type CounterStringKey = keyof typeof COUNTER_STRINGS

export const { t, tf } = translator(COUNTER_STRINGS)
