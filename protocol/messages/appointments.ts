/**
 * Appointments (issue 19): the booking page on a citizen's phone, the kiosk's check-in, and the
 * words for every appointment error code (the page says them in its own language).
 */
import { ErrorCodes, type ErrorCode } from '../error-codes.ts'
import { COMMON_MESSAGES } from './common.ts'
import { messagesOf, type Catalogue } from './format.ts'

export const APPOINTMENT_MESSAGES = {
  'book.title': { ar: 'حجز موعد', en: 'Book an appointment' },
  'book.intro': {
    ar: 'اختر الخدمة واليوم والوقت. ستحصل على رمز حجز تُظهره عند جهاز التذاكر عند وصولك.',
    en: 'Choose a service, a day and a time. You get a booking code to show at the ticket kiosk when you arrive.',
  },
  'book.service': { ar: 'الخدمة', en: 'Service' },
  'book.center': { ar: 'المركز: {center}', en: 'Center: {center}' },
  'book.bring': { ar: 'أحضر معك', en: 'Bring with you' },
  'book.noServices': { ar: 'لا توجد خدمات تقبل الحجز الآن.', en: 'No service takes bookings now.' },
  // «اليوم» is also “today”: above «الأربعاء، 9 ديسمبر» it read “today: Wednesday” (walk s55)
  'book.day': { ar: 'يوم الموعد', en: 'Day' },
  /** A day of the day list the service takes no booking on ({reason} closed, blocked, brief or past, GET /appointments/services `shutDays`): marked, not offered. */
  'book.dayShut': {
    ar: '{day}\u00a0— {reason, select, blocked {لا حجز} past {انتهت المواعيد} brief {لا مواعيد} other {مغلق}}',
    en: '{day}\u00a0— {reason, select, blocked {no bookings} past {no time left} brief {no appointments} other {closed}}',
  },
  'book.time': { ar: 'الوقت', en: 'Time' },
  'book.free': {
    ar: '{n, plural, one {مكان واحد متاح} two {مكانان متاحان} few {# أماكن متاحة} other {# مكانًا متاحًا}}',
    en: '{n, plural, one {# place free} other {# places free}}',
  },
  'book.full': { ar: 'محجوز بالكامل', en: 'Fully booked' },
  'book.noSlots': { ar: 'لا توجد مواعيد متاحة في هذا اليوم.', en: 'No free time on this day.' },
  // the slots' `closed` covers the center's closed days and the service's own (a holiday for one service): true of both
  'book.reason.closed': { ar: 'هذه الخدمة لا تعمل في هذا اليوم.', en: 'This service is closed on this day.' },
  'book.reason.blocked': { ar: 'لا تُقبل حجوزات في هذا اليوم.', en: 'No bookings are taken on this day.' },
  'book.reason.past': { ar: 'لم يعد هناك وقت متاح في هذا اليوم.', en: 'No time is left on this day.' },
  /** Open that day, but for less time than one appointment takes (a short special day): not "no time left" of a day not begun. */
  'book.reason.brief': {
    ar: 'تعمل هذه الخدمة في هذا اليوم وقتًا أقصر من أن يتسع لموعد. يمكنك أخذ تذكرة عند وصولك إلى المركز.',
    en: 'This service is open too briefly on this day for an appointment. You can take a ticket when you arrive at the center.',
  },
  /** No counter gives the service time, so no slot holds a place (the dashboard tells the manager why). */
  'book.reason.no-capacity': {
    ar: 'لا يمكن حجز موعد لهذه الخدمة حاليًا. يمكنك أخذ تذكرة عند وصولك إلى المركز.',
    en: 'This service cannot be booked at the moment. You can take a ticket when you arrive at the center.',
  },
  'book.name': { ar: 'الاسم', en: 'Name' },
  'book.nameShort': { ar: 'اكتب اسمك: حرفان على الأقل.', en: 'Please write your name: at least 2 letters.' },
  'book.phone': { ar: 'رقم الهاتف المحمول', en: 'Mobile number' },
  'book.phoneInvalid': { ar: 'اكتب رقم هاتف محمول صحيحًا، مثل {example}.', en: 'Please write a mobile number such as {example}.' },
  'book.phoneHint': {
    ar: 'مثال: {example}. يصلك تأكيد الحجز وأي تغيير فيه برسالة على هذا الرقم.',
    en: 'For example {example}. The booking and any change to it are texted to this number.',
  },
  /** The hint when the center sends no messages (config messages.provider 'none'). */
  'book.phoneHintNoMessages': {
    ar: 'مثال: {example}. يُحفظ الرقم مع حجزك.',
    en: 'For example {example}. The number is kept with your booking.',
  },
  'book.submit': { ar: 'احجز', en: 'Book' },
  'book.busy': { ar: 'جارٍ الحجز…', en: 'Booking…' },
  'book.booked': { ar: 'تم الحجز', en: 'You are booked' },
  'book.code': { ar: 'رمز الحجز', en: 'Booking code' },
  'book.when': { ar: '{service}، {day} الساعة {time}', en: '{service}, {day} at {time}' },
  /** A moment of a moved booking, for book.moved. */
  'book.at': { ar: '{day} الساعة {time}', en: '{day} at {time}' },
  /** The booking was moved (by staff or on this page): where it was and where it is now, from its last move. */
  'book.moved': { ar: 'نُقل موعدك من {from} إلى {to}.', en: 'Your appointment was moved from {from} to {to}.' },
  'book.checkInWindow': {
    ar: 'عند وصولك اكتب هذا الرمز في جهاز التذاكر بين {from} و{until}.',
    en: 'When you arrive, type this code at the ticket kiosk between {from} and {until}.',
  },
  'book.keepLink': { ar: 'احتفظ بهذا الرابط لعرض الحجز أو تغييره أو إلغائه:', en: 'Keep this link to view, move or cancel the booking:' },
  'book.manage': { ar: 'حجزي', en: 'My booking' },
  'book.move': { ar: 'تغيير الموعد', en: 'Move it' },
  /** On the move screen, the citizen's own slot among the others. */
  'book.yourSlot': { ar: 'موعدك الحالي', en: 'Your booking' },
  'book.moveTo': { ar: 'انقل إلى هذا الوقت', en: 'Move to this time' },
  'book.cancel': { ar: 'إلغاء الحجز', en: 'Cancel the booking' },
  /** The confirm step's button: what it does, not the same words as the button that opened the step (walk s55). */
  'book.cancelYes': { ar: 'نعم، ألغِ الحجز', en: 'Yes, cancel the booking' },
  /** The button that opened the confirm step, while it is open: it closes the step and nothing changes. */
  'book.keep': { ar: 'تراجع', en: 'Keep the booking' },
  'book.cancelConfirm': {
    ar: 'هل تريد إلغاء هذا الحجز؟ سيصبح مكانك متاحًا لغيرك.',
    en: 'Cancel this booking? Your place goes to someone else.',
  },
  /** A booking whose slot has begun: still checked in at the kiosk until the window ends, but no longer moved or cancelled. */
  'book.begun': {
    ar: 'بدأ موعدك؛ لم يعد ممكنًا تغييره أو إلغاؤه.',
    en: 'Your appointment time has begun; it can no longer be moved or cancelled.',
  },
  /** Past the check-in window (the kiosk refuses the code): what happened and what to do. */
  'book.missed': {
    ar: 'انتهى وقت تسجيل الوصول لهذا الحجز ({until})، ولم يعد الرمز صالحًا في جهاز التذاكر. يمكنك حجز موعد جديد.',
    en: 'The check-in time for this booking has passed ({until}); the kiosk no longer takes its code. You can book a new appointment.',
  },
  'book.cancelled': { ar: 'أُلغي هذا الحجز.', en: 'This booking was cancelled.' },
  'book.used': { ar: 'استُخدم هذا الحجز عند الوصول.', en: 'This booking was used on arrival.' },
  // under "used on arrival": the ticket its check-in gave, and a link to that ticket's status page (walk s52)
  'book.yourTicket': { ar: 'تذكرتك', en: 'Your ticket' },
  'book.ticketStatus': { ar: 'اطّلع على حالة تذكرتك', en: "See your ticket's status" },
  'book.another': { ar: 'حجز موعد آخر', en: 'Book another appointment' },
  'book.failed': { ar: 'تعذّر الاتصال بالمركز. حاول مرة أخرى.', en: 'Could not reach the center. Please try again.' },
  'checkIn.button': { ar: 'لديّ حجز', en: 'I have a booking' },
  // the kiosk cannot know whether a scanner is attached (one types like a keyboard, unseen until it
  // reads a code), so it promises only its own keys; a scan into the field still works
  'checkIn.prompt': { ar: 'اكتب رمز الحجز بالأزرار أدناه', en: 'Type your booking code on the keys below' },
  'checkIn.code': { ar: 'رمز الحجز', en: 'Booking code' },
  'checkIn.submit': { ar: 'تسجيل الوصول', en: 'Check in' },
  'checkIn.back': { ar: 'رجوع', en: 'Back' },
  'checkIn.busy': { ar: 'جارٍ التحقق…', en: 'Checking…' },
  'checkIn.tooEarly': { ar: 'وصلت مبكرًا. عُد الساعة {time} لتسجيل الوصول.', en: 'You are early. Please come back at {time} to check in.' },
  'checkIn.tooLate': {
    ar: 'فات وقت موعدك. يمكنك أخذ تذكرة عادية والانتظار في الدور.',
    en: 'Your appointment time has passed. You can take an ordinary ticket and wait in line.',
  },
  'checkIn.walkIn': { ar: 'خذ تذكرة عادية', en: 'Take an ordinary ticket' },
  // too late, and the kiosk sells no ticket of its service now (no counter, closed, its cap reached): no offer it cannot keep (walk s55)
  'checkIn.tooLateNoTicket': {
    ar: 'فات وقت موعدك، ولا يمكن أخذ تذكرة عادية لهذه الخدمة الآن.',
    en: 'Your appointment time has passed, and no ordinary ticket can be taken for this service now.',
  },
  'checkIn.failed': { ar: 'تعذّر تسجيل الوصول. حاول مرة أخرى.', en: 'Could not check in. Please try again.' },
  // the card serves bookings and places joined from a phone alike (its hint says both): the title names both
  'console.checkIn.title': { ar: 'تسجيل وصول من حجز أو انضم من هاتفه', en: 'Check in a booking or a phone join' },
  'console.checkIn.hint': {
    ar: 'اكتب رمز الحجز أو رابط متابعة من انضم من هاتفه؛ قارئ الباركود، إن وُصل بهذا الجهاز، يكتبه عنك',
    en: "Type the booking code or a phone join's status link; a barcode scanner, if this computer has one, types it for you",
  },
  'console.checkIn.done': { ar: 'تم تسجيل الوصول: التذكرة {label}', en: 'Checked in: ticket {label}' },
  'console.checkIn.tooEarly': {
    ar: 'مبكر: يبدأ تسجيل الوصول لهذا الحجز الساعة {time}.',
    en: 'Too early: check-in for this booking opens at {time}.',
  },
  'console.checkIn.tooLate': {
    ar: 'فات وقت هذا الحجز: أصدر تذكرة عادية بدلًا منه.',
    en: 'This booking’s time has passed: issue an ordinary ticket instead.',
  },
  'err.appointmentsOff': { ar: 'هذه الخدمة لا تقبل الحجز.', en: 'This service does not take bookings.' },
  'err.slotNotFound': { ar: 'هذا الوقت غير متاح للحجز.', en: 'This time cannot be booked.' },
  'err.slotInPast': { ar: 'هذا الوقت قد مضى. اختر وقتًا آخر.', en: 'This time has already passed. Please choose another.' },
  'err.slotTooFar': { ar: 'لا يمكن الحجز لهذا اليوم بعد.', en: 'This day cannot be booked yet.' },
  'err.dayClosed': {
    ar: 'لا تُقبل حجوزات في هذا اليوم: المركز مغلق أو الحجز متوقف.',
    en: 'No bookings on this day: the center is closed or bookings are stopped.',
  },
  'err.slotFull': { ar: 'حُجز هذا الوقت للتو بالكامل. اختر وقتًا آخر.', en: 'This time was just fully booked. Please choose another.' },
  'err.limitPhone': {
    ar: 'لهذا الرقم حجوزات بالحد المسموح. ألغِ حجزًا أو اختر يومًا آخر.',
    en: 'This number holds as many bookings as allowed. Cancel one or choose another day.',
  },
  'err.limitAddress': {
    ar: 'حجوزات كثيرة من هذا الاتصال. حاول بعد ساعة.',
    en: 'Too many bookings from this connection. Please try in an hour.',
  },
  'err.codeInvalid': { ar: 'هذا ليس رمز حجز صحيحًا. تحقّق منه.', en: 'This is not a valid booking code. Please check it.' },
  'err.otherCenter': { ar: 'هذا الحجز في مركز آخر.', en: 'This booking is for another center.' },
  'err.notFound': { ar: 'لا يوجد حجز بهذا الرمز.', en: 'No booking has this code.' },
  'err.used': { ar: 'استُخدم هذا الحجز من قبل.', en: 'This booking was already used.' },
  'err.cancelled': { ar: 'أُلغي هذا الحجز.', en: 'This booking was cancelled.' },
  'err.unrecognised': { ar: 'لم نتعرّف على هذا الرمز.', en: 'This code was not recognised.' },
  /** A kiosk check-in for a service no counter serves now (and the kiosk does not offer then): the booking is kept, unused (walk s54: "Could not check in. Please try again."). */
  'err.unstaffed': {
    ar: 'لا يوجد شباك يعمل لهذه الخدمة الآن. حجزك باقٍ؛ حاول مرة أخرى بعد قليل.',
    en: 'No counter is serving this service now. Your booking is kept; please try again shortly.',
  },
  'err.alreadyArrived': {
    ar: 'سُجّل وصولك من قبل. انتظر رقمك على الشاشة.',
    en: 'You are already checked in. Watch the screen for your number.',
  },
  'err.alreadyCalled': {
    ar: 'نودي على رقمك من قبل. صفحة تذكرتك على هاتفك تقول إلى أي شباك تتوجّه.',
    en: 'Your number has already been called. Your ticket’s page on your phone says which counter to go to.',
  },
  // said of every ended ticket (served, a no-show, cancelled, abandoned): a no-show may still be taken back at a
  // counter for a while, which its page says, so nothing here claims the place is gone for good
  'err.placeLost': {
    ar: 'لم يعد ممكنًا تسجيل وصول هذه التذكرة. صفحة تذكرتك على هاتفك تقول ما حدث لها، ويمكنك أخذ تذكرة جديدة.',
    en: 'This ticket can no longer be checked in. Your ticket’s page on your phone says what became of it; you can also take a new ticket.',
  },
  'err.rateLimited': { ar: 'محاولات كثيرة. انتظر قليلًا ثم حاول.', en: 'Too many attempts. Please wait a little and try again.' },
  'err.validation': { ar: 'تحقّق من الاسم ورقم الهاتف.', en: 'Please check the name and the mobile number.' },
} as const satisfies Catalogue

/** `appointmentText(key, lang, values?, digits?)`: the booking page's and the check-in's words. */
export const appointmentText = messagesOf({ ...COMMON_MESSAGES, ...APPOINTMENT_MESSAGES })

export type AppointmentMessageKey = Parameters<typeof appointmentText>[0]

const ERROR_KEYS: Partial<Record<ErrorCode, AppointmentMessageKey>> = {
  [ErrorCodes.APPOINTMENTS_OFF]: 'err.appointmentsOff',
  [ErrorCodes.SLOT_NOT_FOUND]: 'err.slotNotFound',
  [ErrorCodes.SLOT_IN_PAST]: 'err.slotInPast',
  [ErrorCodes.SLOT_TOO_FAR]: 'err.slotTooFar',
  [ErrorCodes.DAY_CLOSED]: 'err.dayClosed',
  [ErrorCodes.SLOT_FULL]: 'err.slotFull',
  [ErrorCodes.BOOKING_LIMIT_PHONE]: 'err.limitPhone',
  [ErrorCodes.BOOKING_LIMIT_ADDRESS]: 'err.limitAddress',
  [ErrorCodes.BOOKING_CODE_INVALID]: 'err.codeInvalid',
  [ErrorCodes.BOOKING_OTHER_CENTER]: 'err.otherCenter',
  [ErrorCodes.BOOKING_NOT_FOUND]: 'err.notFound',
  [ErrorCodes.BOOKING_USED]: 'err.used',
  [ErrorCodes.BOOKING_CANCELLED]: 'err.cancelled',
  [ErrorCodes.CHECK_IN_UNRECOGNISED]: 'err.unrecognised',
  [ErrorCodes.SERVICE_UNSTAFFED]: 'err.unstaffed',
  [ErrorCodes.ALREADY_ARRIVED]: 'err.alreadyArrived',
  [ErrorCodes.ALREADY_CALLED]: 'err.alreadyCalled',
  [ErrorCodes.REMOTE_PLACE_LOST]: 'err.placeLost',
  [ErrorCodes.RATE_LIMITED]: 'err.rateLimited',
  [ErrorCodes.VALIDATION]: 'err.validation',
}

/** The sentence for an error code the booking page or the check-in may meet; `fallback` for any other. */
export const appointmentErrorKey = (code: string, fallback: AppointmentMessageKey): AppointmentMessageKey =>
  ERROR_KEYS[code as ErrorCode] ?? fallback
