/**
 * The appointment figures (issue 19) as the dashboard shows them and the CSV heads them: the
 * "Appointments" table of the reports, "Waits by origin" there and on the live view.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const APPOINTMENT_FIGURE_MESSAGES = {
  'apf.title': { ar: 'المواعيد', en: 'Appointments' },
  'apf.none': {
    ar: 'لا خدمة تقبل المواعيد ولا حجوزات في هذه الفترة.',
    en: 'No service takes bookings and none were booked in this period.',
  },
  'apf.service': { ar: 'الخدمة', en: 'Service' },
  'apf.total': { ar: 'الإجمالي', en: 'Total' },
  'apf.booked': { ar: 'محجوزة', en: 'Booked' },
  'apf.checkedIn': { ar: 'حضروا', en: 'Checked in' },
  'apf.noShow': { ar: 'لم يحضروا', en: 'No-shows' },
  'apf.pending': { ar: 'لم يحضروا بعد', en: 'Still to come' },
  'apf.cancelled': { ar: 'ملغاة', en: 'Cancelled' },
  'apf.moved': { ar: 'مرات النقل', en: 'Moves' },
  'apf.early': { ar: 'حضروا مبكرًا', en: 'Early' },
  'apf.onTime': { ar: 'في الموعد', en: 'On time' },
  'apf.late': { ar: 'متأخرون', en: 'Late' },
  'apf.punctual': { ar: 'الالتزام بالموعد', en: 'Punctual' },
  'apf.meanCheckIn': { ar: 'متوسط الحضور قبل الموعد أو بعده (دقيقة)', en: 'Mean check-in vs slot (minutes)' },
  // of the period's places, not of what is left, and not of the bookings: «المتاحة» read as "still
  // free" beside a booking made, «نسبة الحضور» as "share of bookings who came" (walk 2026-12-05)
  'apf.places': { ar: 'عدد الأماكن', en: 'Places' },
  'apf.bookedPercent': { ar: 'المحجوز من الأماكن', en: 'Booked of places' },
  'apf.checkedInPercent': { ar: 'الحاضرون من الأماكن', en: 'Checked in of places' },
  'apf.note': {
    ar: 'في الموعد: الحضور خلال {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} من بداية الموعد. لم يحضروا: انقضت مهلة الحضور دون حضور.',
    en: 'On time: checked in within {minutes, plural, one {# minute} other {# minutes}} of the slot. No-show: the check-in window closed without a check-in.',
  },
  'apf.waits.title': { ar: 'الانتظار حسب طريقة الوصول', en: 'Waits by origin' },
  'apf.waits.today': { ar: 'الانتظار اليوم حسب طريقة الوصول', en: 'Waits today by origin' },
  'apf.waits.none': { ar: 'لم يُنادَ أحد بعد.', en: 'Nobody has been called yet.' },
  'apf.waits.note': {
    ar: 'الانتظار من أخذ التذكرة (أو تحويلها) حتى أول نداء في ذلك الدور؛ لمن انضم إلى الدور من الهاتف يبدأ عند تسجيل وصوله إلى المركز، إلا إذا كان الدور يُنادي المنضمين من الهاتف قبل وصولهم فيبدأ من انضمامه. إعادة النداء لا تبدأ انتظارًا جديدًا، ولا يُحسب هنا الانتظار بعد التراجع عن عدم الحضور: حُسب انتظار صاحبه عند أول نداء.',
    en: 'Wait from the ticket (or its transfer) to its first call in that line; for a place joined from a phone it starts when the citizen checks in at the center, unless that line calls phone joins before they arrive: then when they joined. A recall starts no new wait, and the wait after an undone no-show is not counted here: the first call counted that citizen’s wait.',
  },
  'apf.origin.walk_in': { ar: 'بدون موعد', en: 'Walk-in' },
  'apf.origin.appointment': { ar: 'بموعد', en: 'Appointment' },
  'apf.origin.remote': { ar: 'من الهاتف', en: 'From a phone' },
  'apf.called': { ar: 'نودي', en: 'Called' },
  'apf.meanWait': { ar: 'متوسط الانتظار', en: 'Mean wait' },
  'apf.medianWait': { ar: 'وسيط الانتظار', en: 'Median wait' },
  'apf.csv.meanWait': { ar: 'متوسط الانتظار (ثانية)', en: 'Mean wait (seconds)' },
  'apf.csv.medianWait': { ar: 'وسيط الانتظار (ثانية)', en: 'Median wait (seconds)' },
  'apf.csv.percent': { ar: '{name} (٪)', en: '{name} (%)' },
  'apf.download': { ar: 'تنزيل أرقام المواعيد (CSV)', en: 'Download appointment figures (CSV)' },
} as const satisfies Catalogue

/** `appointmentFigureText(key, lang, values?, digits?)`. */
export const appointmentFigureText = messagesOf(APPOINTMENT_FIGURE_MESSAGES)
export type AppointmentFigureKey = Parameters<typeof appointmentFigureText>[0]
