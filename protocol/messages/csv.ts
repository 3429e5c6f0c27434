/**
 * The headers and words of the CSV files the center and the hub export (ticket log, reports,
 * national figures): sentences a ministry analyst reads, in the language the download asks for.
 * Durations are in seconds and times are local with their offset; the headers say so.
 */
import { LOW_SCORE_MAX, MAX_SCORE } from '../feedback.ts'
import { messagesOf, type Catalogue } from './format.ts'

export const CSV_MESSAGES = {
  // --- the ticket log
  'ticket.id': { ar: 'معرّف التذكرة', en: 'Ticket id' },
  'ticket.day': { ar: 'اليوم', en: 'Day' },
  'ticket.label': { ar: 'رقم التذكرة', en: 'Ticket number' },
  'ticket.serviceCode': { ar: 'رمز الخدمة', en: 'Service code' },
  'ticket.serviceAr': { ar: 'الخدمة بالعربية', en: 'Service (Arabic)' },
  'ticket.serviceEn': { ar: 'الخدمة بالإنجليزية', en: 'Service (English)' },
  'ticket.issuedServiceCode': { ar: 'رمز الخدمة عند الإصدار', en: 'Service code when issued' },
  // status, outcome and priority: the code for scripts, and beside it the name in the file's language
  // (a column headed «الحالة» read `no_show`: s51); none is an empty priority name
  'ticket.priority': { ar: 'رمز فئة الأولوية', en: 'Priority category code' },
  'ticket.priorityName': { ar: 'فئة الأولوية', en: 'Priority category' },
  // a category no longer configured: its name went with the configuration, the code is what is left
  'ticket.priorityRemoved': { ar: '{code} (لم تعد ضمن فئات الأولوية)', en: '{code} (no longer a priority category)' },
  'ticket.phone': { ar: 'رقم الهاتف', en: 'Phone number' },
  'ticket.status': { ar: 'رمز الحالة', en: 'Status code' },
  'ticket.statusName': { ar: 'الحالة', en: 'Status' },
  'ticket.outcome': { ar: 'رمز نتيجة الخدمة', en: 'Outcome code' },
  'ticket.outcomeName': { ar: 'نتيجة الخدمة', en: 'Outcome' },
  'ticket.issuedAt': { ar: 'وقت الإصدار (محلي)', en: 'Issued at (local time)' },
  // the current line's call and start: empty for a ticket back in line (transferred, waiting again) until it is called there
  'ticket.calledAt': { ar: 'وقت النداء في الدور الحالي (محلي)', en: 'Called at in the current line (local time)' },
  'ticket.startedAt': { ar: 'وقت بدء الخدمة في الدور الحالي (محلي)', en: 'Service started at in the current line (local time)' },
  'ticket.finishedAt': { ar: 'وقت الانتهاء (محلي)', en: 'Finished at (local time)' },
  // summed over every line of the visit that has called it (a transferred ticket waiting again keeps its first line's wait)
  'ticket.waitSeconds': {
    ar: 'الانتظار في الدور حتى النداء، في كل دور نودي منه (ثانية)',
    en: 'Waited in line until called (seconds; every line it was called from)',
  },
  'ticket.counter': { ar: 'الشباك', en: 'Counter' },
  'ticket.clerk': { ar: 'الموظف', en: 'Clerk' },
  'ticket.recalls': { ar: 'مرات إعادة النداء', en: 'Recalls' },
  'ticket.transfers': { ar: 'مرات التحويل', en: 'Transfers' },
  // --- a report's grouping columns
  'report.day': { ar: 'اليوم', en: 'Day' },
  'report.hour': { ar: 'الساعة (محلية)', en: 'Hour (local time)' },
  'report.counter': { ar: 'الشباك', en: 'Counter' },
  'report.clerk': { ar: 'الموظف', en: 'Clerk' },
  'report.total': { ar: 'الإجمالي', en: 'Total' },
  // --- the figures of a report row
  'figure.issued': { ar: 'التذاكر الصادرة', en: 'Tickets issued' },
  'figure.called': { ar: 'التذاكر المنادى عليها', en: 'Tickets called' },
  // every finish whatever its outcome (a referral too): "finished", as the screens say; the outcome columns say which.
  // Not "tickets": a visit's each step counts at its own desk (docs/visit-steps.md), so a visit of two steps is two (walk s55)
  'figure.served': {
    ar: 'مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)',
    en: 'Finishes at counters (any outcome; a visit of 2 steps counts 2)',
  },
  'figure.noShow': { ar: 'لم يحضروا عند النداء', en: 'No-shows' },
  'figure.cancelled': { ar: 'التذاكر الملغاة', en: 'Tickets cancelled' },
  'figure.cancelledAtClosing': { ar: 'منها أُلغيت عند الإغلاق', en: 'Of which cancelled at closing' },
  'figure.transferred': { ar: 'التذاكر المحوّلة', en: 'Tickets transferred' },
  'figure.transferredIn': { ar: 'التذاكر المحوّلة إليها', en: 'Tickets transferred in' },
  'figure.transferredOut': { ar: 'التذاكر المحوّلة منها', en: 'Tickets transferred out' },
  'figure.avgWait': { ar: 'متوسط الانتظار (ثانية)', en: 'Average wait (seconds)' },
  'figure.p90Wait': { ar: 'الانتظار عند المئين 90 (ثانية)', en: '90th percentile wait (seconds)' },
  'figure.maxWait': { ar: 'أطول انتظار (ثانية)', en: 'Longest wait (seconds)' },
  'figure.avgService': { ar: 'متوسط زمن الخدمة (ثانية)', en: 'Average service time (seconds)' },
  'figure.p90Service': { ar: 'زمن الخدمة عند المئين 90 (ثانية)', en: '90th percentile service time (seconds)' },
  'figure.sla': { ar: 'ضمن زمن الانتظار المستهدف (%)', en: 'Within target wait (%)' },
  'figure.noShowPct': { ar: 'عدم الحضور من النداءات المنتهية (%)', en: 'No-shows of ended calls (%)' },
  'figure.busy': { ar: 'مشغول بتذكرة (ثانية)', en: 'Busy with a ticket (seconds)' },
  'figure.idle': { ar: 'مفتوح بلا تذكرة (ثانية)', en: 'Open without a ticket (seconds)' },
  'figure.pause': { ar: 'متوقف مؤقتًا (ثانية)', en: 'Paused (seconds)' },
  // busy ÷ the time open, paused time aside (server/reports/clerk-time.ts): at most 100
  'figure.busyPercent': { ar: 'من وقت الفتح مع تذكرة (%)', en: 'Open time with a ticket (%)' },
  // server/reports/open-hours.ts: the opening hours' minutes from the center's first record up to now, not a day's whole hours
  'figure.openMinutes': {
    ar: 'دقائق ساعات العمل حتى وقت التقرير',
    en: 'Minutes within opening hours (up to the report)',
  },
  // busy counter time ÷ open time: two counters busy all the time read 200 %, so not "utilisation" (walk 2026-12-06: 207 %)
  'figure.utilisation': {
    ar: 'وقت الشبابيك مع التذاكر لكل ساعة عمل (%؛ شباكان مشغولان طوال الوقت = 200)',
    en: 'Counter time with tickets per open hour (%; two counters always busy = 200)',
  },
  'figure.issuedOutsideHours': { ar: 'صادرة خارج ساعات العمل', en: 'Issued outside hours' },
  'figure.servedOutsideHours': { ar: 'أُنهيت خارج ساعات العمل', en: 'Finished outside hours' },
  // {outcome}: the outcome incomplete_papers as configured now, the name its count column beside it
  // carries (walk s52: "Incomplete papers (%…)" stood beside "Finished with outcome: Missing papers")
  'figure.incompletePapersPct': {
    ar: '{outcome} (% من التذاكر المنتهية)',
    en: '{outcome} (% of finished tickets)',
  },
  // one column per finish outcome (server/reports/served-by-outcome.ts): the tickets finished so
  // (not "served with outcome: referred elsewhere", which says two things at once: walk 2026-12-06)
  'figure.servedByOutcome': { ar: 'أُنهيت بنتيجة: {outcome}', en: 'Finished with outcome: {outcome}' },
  // the hub's rows sum these per-service minutes over the services of a center, governorate or the country: the header says so
  'figure.counterOpenMinutes': {
    ar: 'دقائق فتح الشبابيك لكل خدمة (مجموع الخدمات؛ الشباك الذي يخدم 3 خدمات يُحسب 3 مرات)',
    en: 'Counter-minutes per service (summed over services; a counter serving 3 services counts 3 times)',
  },
  'figure.serviceOpenMinutes': {
    ar: 'دقائق ساعات العمل لكل خدمة (مجموع الخدمات)',
    en: 'Minutes within opening hours per service (summed over services)',
  },
  // the per-hour figures the hub sums from centers that send them (0 from older centers). Not "left":
  // the running hour also counts the tickets still waiting past their target (server/upstream/hourly-figures.ts),
  // and a CSV of today read "3 left" where nobody had (walk of 2026-12-06)
  'figure.waitMissedUncalled': {
    ar: 'تجاوزوا الزمن المستهدف دون نداء (غادروا، أو ما زالوا ينتظرون في الساعة الجارية)',
    en: 'Past the target wait uncalled (left, or still waiting in the running hour)',
  },
  // of those, the ones still in the line (0 from older centers, which do not tell them apart): the rest are known misses
  'figure.waitingPastTarget': {
    ar: 'منهم: ما زالوا ينتظرون بعد الزمن المستهدف في الساعة الجارية (عند آخر تقرير للمركز)',
    en: "Of those, still waiting past the target in the running hour (at the center's last report)",
  },
  'figure.ratingCount': { ar: 'عدد التقييمات', en: 'Ratings' },
  // the scale's ends from the rating's own constants, so a header never names a scale the figures are not on
  'figure.avgRating': { ar: `متوسط التقييم (من ${MAX_SCORE})`, en: `Average rating (of ${MAX_SCORE})` },
  'figure.ratingLow': { ar: `التقييمات المنخفضة (${LOW_SCORE_MAX} أو أقل)`, en: `Low ratings (${LOW_SCORE_MAX} or less)` },
  'figure.stepCalls': { ar: 'النداءات لخطوة لاحقة من الزيارة', en: 'Calls to a later step of a visit' },
  'figure.avgStepWait': { ar: 'متوسط الانتظار قبل خطوة لاحقة (ثانية)', en: 'Average wait before a later step (seconds)' },
  'figure.parked': { ar: 'التذاكر المؤجلة', en: 'Tickets parked' },
  'figure.parkResumed': { ar: 'المؤجلة التي عادت', en: 'Parked tickets resumed' },
  'figure.parkAbandoned': { ar: 'المؤجلة التي لم تعد في الوقت', en: 'Parked tickets not back in time' },
  'figure.appointmentsBooked': { ar: 'المواعيد المحجوزة', en: 'Appointments booked' },
  'figure.appointmentsCancelled': { ar: 'المواعيد الملغاة', en: 'Appointments cancelled' },
  'figure.appointmentsCheckedIn': { ar: 'المواعيد المسجَّل حضورها', en: 'Appointments checked in' },
  'figure.appointmentNoShows': { ar: 'مواعيد لم يحضر أصحابها', en: 'Appointment no-shows' },
  'figure.appointmentCalls': { ar: 'نداءات أصحاب المواعيد', en: 'Appointment calls' },
  'figure.avgAppointmentWait': { ar: 'متوسط انتظار أصحاب المواعيد (ثانية)', en: 'Average appointment wait (seconds)' },
  'figure.remoteJoins': { ar: 'الأماكن المحجوزة من الهاتف', en: 'Places taken from a phone' },
  'figure.remoteCalls': { ar: 'نداءات الأماكن المحجوزة من الهاتف', en: 'Calls of places taken from a phone' },
  'figure.avgRemoteWait': { ar: 'متوسط انتظار من انضموا من الهاتف (ثانية)', en: 'Average wait of places taken from a phone (seconds)' },
  // --- the hub's national figures
  'hub.from': { ar: 'من يوم', en: 'From day' },
  'hub.to': { ar: 'إلى يوم', en: 'To day' },
  'hub.by': { ar: 'التجميع', en: 'Grouped by' },
  'hub.key': { ar: 'الرمز', en: 'Code' },
  'hub.nameAr': { ar: 'الاسم بالعربية', en: 'Name (Arabic)' },
  'hub.nameEn': { ar: 'الاسم بالإنجليزية', en: 'Name (English)' },
  // the code stays for machines; the name beside it is in the file's language
  'hub.governorate': { ar: 'رمز المحافظة', en: 'Governorate code' },
  'hub.governorateName': { ar: 'المحافظة', en: 'Governorate' },
  // by governorate and center: 0 is "nothing reported", which a 0 in the figures' columns does not say
  'hub.reportingCenters': { ar: 'المراكز التي أرسلت أرقامًا', en: 'Centers that reported' },
  'hub.cityAr': { ar: 'المدينة بالعربية', en: 'City (Arabic)' },
  'hub.cityEn': { ar: 'المدينة بالإنجليزية', en: 'City (English)' },
  'hub.by.governorate': { ar: 'المحافظة', en: 'governorate' },
  'hub.by.center': { ar: 'المركز', en: 'center' },
  'hub.by.service': { ar: 'الخدمة', en: 'service' },
  'hub.by.day': { ar: 'اليوم', en: 'day' },
  'hub.by.hour': { ar: 'الساعة', en: 'hour' },
} as const satisfies Catalogue

/** `csvText(key, lang)`: a CSV header or word. */
export const csvText = messagesOf(CSV_MESSAGES)

/** A key `csvText` knows. */
export type CsvMessageKey = Parameters<typeof csvText>[0]
