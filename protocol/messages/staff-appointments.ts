/**
 * Appointments on the staff side (issue 19): the dashboard's "Book for a caller" card and
 * today's bookings, and the configuration's appointment settings and day editor. A refusal of a
 * booking is worded by the appointment catalogue (`appointmentErrorKey`), like the booking page.
 */
import { COMMON_MESSAGES } from './common.ts'
import { messagesOf, type Catalogue } from './format.ts'

export const STAFF_APPOINTMENT_MESSAGES = {
  'staffBook.title': { ar: 'حجز موعد لمتصل', en: 'Book for a caller' },
  'staffBook.intro': {
    ar: 'لمن يتصل هاتفيًا: اختر الخدمة واليوم ووقتًا متاحًا، ثم اقرأ له رمز الحجز.',
    en: 'For someone on the phone: pick the service, the day and a free time, then read the booking code out to them.',
  },
  'staffBook.none': {
    ar: 'لا توجد خدمة تقبل الحجز. يفعّله مدير النظام من الإعدادات ← المواعيد.',
    en: 'No service takes bookings. An admin turns them on under Configuration → Appointments.',
  },
  'staffBook.service': { ar: 'الخدمة', en: 'Service' },
  'staffBook.day': { ar: 'اليوم', en: 'Day' },
  'staffBook.time': { ar: 'الوقت', en: 'Time' },
  'staffBook.free': {
    ar: '{n, plural, one {مكان واحد} two {مكانان} few {# أماكن} other {# مكانًا}}',
    en: '{n, plural, one {# free} other {# free}}',
  },
  'staffBook.noSlots': { ar: 'لا يوجد وقت متاح في هذا اليوم.', en: 'No free time on this day.' },
  'staffBook.reason.closed': { ar: 'المركز أو الخدمة مغلق في هذا اليوم.', en: 'The center or the service is closed on this day.' },
  'staffBook.reason.blocked': { ar: 'أُوقف الحجز في هذا اليوم.', en: 'Bookings are stopped on this day.' },
  'staffBook.reason.past': { ar: 'انتهت أوقات هذا اليوم.', en: 'This day’s times are over.' },
  /** Open that day, but no open stretch is as long as one slot (the slot length or the day's hours want changing). */
  'staffBook.reason.brief': {
    ar: 'ساعات عمل الخدمة في هذا اليوم أقصر من مدة موعد واحد.',
    en: 'The service is open too briefly on this day for one appointment slot.',
  },
  /** No counter gives the service time (the appointments settings say so to the manager). */
  'staffBook.reason.no-capacity': {
    ar: 'لا يخدم أي شباك هذه الخدمة، فلا مكان في مواعيدها.',
    en: 'No counter serves this service, so its slots hold no place.',
  },
  'staffBook.name': { ar: 'اسم المتصل', en: 'Caller’s name' },
  'staffBook.phone': { ar: 'رقم الهاتف المحمول', en: 'Mobile number' },
  // {example} in the screen's digits (protocol/phone-number.ts phoneExample): «مثال: 01012345678» read wrong on an Arabic-Indic page
  'staffBook.phoneHint': { ar: 'مثال: {example}', en: 'For example {example}' },
  'staffBook.submit': { ar: 'احجز', en: 'Book' },
  'staffBook.busy': { ar: 'جارٍ الحجز…', en: 'Booking…' },
  'staffBook.pickTime': { ar: 'اختر وقتًا متاحًا.', en: 'Pick a free time.' },
  'staffBook.done': { ar: 'تم الحجز. اقرأ الرمز للمتصل:', en: 'Booked. Read the code out to the caller:' },
  'staffBook.when': { ar: '{service}، {day} الساعة {time}', en: '{service}, {day} at {time}' },
  'staffBook.checkIn': {
    ar: 'يسجّل وصوله بهذا الرمز في جهاز التذاكر بين {from} و{until}.',
    en: 'They check in with this code at the ticket kiosk between {from} and {until}.',
  },
  'staffBook.manage': { ar: 'رابط عرض الحجز أو تغييره أو إلغائه:', en: 'Link to view, move or cancel the booking:' },
  'staffBook.another': { ar: 'حجز آخر', en: 'Book another' },
  'today.title': { ar: 'حجوزات اليوم', en: 'Today’s bookings' },
  'today.empty': { ar: 'لا حجوزات اليوم.', en: 'No bookings today.' },
  'today.time': { ar: 'الوقت', en: 'Time' },
  'today.service': { ar: 'الخدمة', en: 'Service' },
  'today.name': { ar: 'الاسم', en: 'Name' },
  'today.phone': { ar: 'الهاتف', en: 'Phone' },
  'today.state': { ar: 'الحالة', en: 'State' },
  'today.waiting': { ar: 'لم يصل بعد', en: 'Not arrived' },
  'today.arrived': { ar: 'وصل: التذكرة {label}', en: 'Arrived: ticket {label}' },
  'today.byStaff': { ar: 'حجزه الموظفون', en: 'Booked by staff' },
  'origin.appointment': { ar: 'موعد محجوز\u00a0— {time}', en: 'Appointment\u00a0— {time}' },
  'origin.appointmentNoTime': { ar: 'موعد محجوز', en: 'Appointment' },
  'origin.remote': { ar: 'انضم من الهاتف', en: 'Joined from a phone' },
  'apptConfig.nav': { ar: 'المواعيد', en: 'Appointments' },
  'apptConfig.title': { ar: 'إعدادات المواعيد', en: 'Appointment settings' },
  'apptConfig.service': { ar: 'الخدمة', en: 'Service' },
  'apptConfig.enabled': { ar: 'تقبل الحجز', en: 'Takes bookings' },
  'apptConfig.slotMinutes': { ar: 'مدة الموعد (دقائق)', en: 'Slot length (minutes)' },
  'apptConfig.walkInShare': { ar: 'نسبة السعة المتروكة للحضور المباشر (٪)', en: 'Share of capacity kept for walk-ins (%)' },
  'apptConfig.walkInShareHint': { ar: 'من {min, number} إلى {max, number}.', en: 'From {min, number} to {max, number}.' },
  'apptConfig.walkInShareRange': {
    ar: 'اكتب رقمًا من {min, number} إلى {max, number} للنسبة المتروكة للحضور المباشر.',
    en: 'Type a number from {min, number} to {max, number} for the share kept for walk-ins.',
  },
  'apptConfig.serviceMinutes': { ar: 'دقائق خدمة المواطن الواحد', en: 'Minutes one citizen takes' },
  'apptConfig.serviceMinutesHint': {
    ar: 'اتركه فارغًا لاستخدام متوسط آخر {n, number} خدمة قبل اليوم ({fallback, number} دقائق إلى أن تكفي الخدمات لقياسه).',
    en: 'Leave empty to use the average of the last {n, number} served before today ({fallback, number} minutes until there are enough to measure).',
  },
  'apptConfig.checkInBefore': { ar: 'يبدأ تسجيل الوصول قبل الموعد بـ (دقائق)', en: 'Check-in opens before the slot (minutes)' },
  'apptConfig.checkInAfter': { ar: 'ينتهي تسجيل الوصول بعد بدء الموعد بـ (دقائق)', en: 'Check-in closes after the slot starts (minutes)' },
  'apptConfig.release': {
    ar: 'يعود المكان غير المستخدم للحضور المباشر بعد (دقائق)',
    en: 'An unused place goes back to walk-ins after (minutes)',
  },
  'apptConfig.bookAhead': { ar: 'أقصى عدد أيام للحجز مقدمًا', en: 'Days ahead that can be booked' },
  'apptConfig.perPhoneDay': { ar: 'حجوزات الرقم الواحد في اليوم', en: 'Bookings per mobile number per day' },
  'apptConfig.perPhoneWeek': { ar: 'حجوزات الرقم الواحد في الأسبوع', en: 'Bookings per mobile number per week' },
  'apptConfig.perAddress': {
    ar: 'حجوزات الاتصال الواحد في الساعة (صفحة الحجز)',
    en: 'Bookings per connection per hour (booking page)',
  },
  /** The service takes bookings but no active counter gives it time (capacity 0): the booking page offers nothing. */
  'apptConfig.noCapacity': {
    ar: 'لا يوجد شباك نشط يقدّم هذه الخدمة، لذلك لا تعرض صفحة الحجز أي وقت لها. اربط الخدمة بشباك من صفحة الشبابيك، أو أضف أماكن ليوم بعينه أدناه.',
    en: 'No active counter serves this service, so the booking page offers no time for it. Give the service a counter on the Counters page, or add places to a day below.',
  },
  /**
   * The slot length is longer than every open stretch of the service in the days open to booking
   * (protocol/slot-fit.ts; the server says `brief` of each such day): nothing can ever be booked.
   */
  'apptConfig.slotTooLong': {
    ar: 'لن يُحجز أي موعد: مدة الموعد {slot, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}}، وأطول فترة تعمل فيها الخدمة دون انقطاع في الأيام المتاحة للحجز {longest, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}}. قصّر مدة الموعد، أو أطِل ساعات الخدمة في «مواعيد العمل».',
    en: 'Nothing can be booked: a slot takes {slot, plural, one {# minute} other {# minutes}}, and on the days open to booking the service is open for {longest, plural, one {# minute} other {# minutes}} at a stretch at most. Shorten the slot, or lengthen the service’s hours under “Opening hours”.',
  },
  'apptDay.title': { ar: 'تعديل يوم', en: 'Change one day' },
  // under a service's appointment settings: the service whose day the form changes (it has no choice of its own there)
  'apptDay.titleFor': { ar: 'تعديل يوم لخدمة {service}', en: 'Change one day of {service}' },
  'apptDay.intro': {
    ar: 'أوقف الحجز في يوم، أو أضف أماكن لكل موعد فيه. الحجوزات القائمة تبقى.',
    en: 'Stop bookings on a day, or add places to each of its slots. Bookings already made stay.',
  },
  'apptDay.day': { ar: 'اليوم', en: 'Day' },
  'apptDay.pickDay': { ar: 'اختر يومًا.', en: 'Pick a day.' },
  'apptDay.blocked': { ar: 'إيقاف الحجز في هذا اليوم', en: 'No bookings on this day' },
  'apptDay.extra': { ar: 'أماكن إضافية لكل موعد', en: 'Extra places per slot' },
  'apptDay.saved': {
    ar: '{blocked, select, true {أُوقف الحجز في {day}.} other {{day}: {extra, plural, =0 {بلا أماكن إضافية} one {مكان إضافي لكل موعد} two {مكانان إضافيان لكل موعد} few {# أماكن إضافية لكل موعد} other {# مكانًا إضافيًا لكل موعد}}.}}',
    en: '{blocked, select, true {Bookings stopped on {day}.} other {{day}: {extra, plural, =0 {no extra places} one {# extra place per slot} other {# extra places per slot}}.}}',
  },
} as const satisfies Catalogue

/** `staffAppointmentText(key, lang, values?, digits?)`: the staff side of appointments. */
export const staffAppointmentText = messagesOf({ ...COMMON_MESSAGES, ...STAFF_APPOINTMENT_MESSAGES })

export type StaffAppointmentKey = Parameters<typeof staffAppointmentText>[0]
