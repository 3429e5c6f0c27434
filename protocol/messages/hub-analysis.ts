/**
 * The hub page's analysis view (hub/ui/analysis-view.ts and its parts): trend, map, drill-down.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { HUB_MESSAGES } from './hub.ts'

export const HUB_ANALYSIS_MESSAGES = {
  tabAnalysis: { ar: 'التحليل', en: 'Analysis' },
  figure: { ar: 'المؤشر', en: 'Figure' },
  grain: { ar: 'التجميع', en: 'Group by' },
  grain_day: { ar: 'يوم', en: 'Day' },
  grain_week: { ar: 'أسبوع', en: 'Week' },
  grain_month: { ar: 'شهر', en: 'Month' },
  figure_issued: { ar: 'التذاكر الصادرة', en: 'Tickets issued' },
  // as the hub's CSV header says it (csv.ts figure.served): every finish, whatever its outcome, each step of a visit at its desk
  figure_served: {
    ar: 'مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)',
    en: 'Finishes at counters (any outcome; a visit of 2 steps counts 2)',
  },
  figure_noShow: { ar: 'لم يحضروا', en: 'No-shows' },
  figure_avgWait: { ar: 'متوسط الانتظار للتذاكر التي نوديت (دقيقة)', en: 'Average wait of called tickets (min)' },
  figure_sla: { ar: 'نسبة الالتزام بزمن الانتظار', en: 'Within target wait' },
  figure_avgRating: { ar: 'متوسط التقييم (من {max, number})', en: 'Average rating (of {max, number})' },
  trendTitle: { ar: '{figure} – {scope}: هذه الفترة والفترة السابقة', en: '{figure} – {scope}: this period and the one before' },
  serviceAtCenter: { ar: '{service} في {center}', en: '{service} at {center}' },
  thisPeriod: { ar: 'هذه الفترة ({from} – {to})', en: 'This period ({from} – {to})' },
  previousPeriod: { ar: 'الفترة السابقة ({from} – {to})', en: 'Previous period ({from} – {to})' },
  period: { ar: 'الفترة', en: 'Period' },
  current: { ar: 'هذه الفترة', en: 'This period' },
  previous: { ar: 'الفترة السابقة', en: 'Previous period' },
  change: { ar: 'التغير', en: 'Change' },
  changePoints: { ar: '{value} نقطة', en: '{value} points' },
  sameDaysNote: {
    ar: 'تُقارَن كل نقطة بالأيام نفسها قبل {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}.',
    en: 'Each point is compared with the same days {days, plural, one {# day} other {# days}} earlier.',
  },
  // beside a change compared over fewer days than the period has figures for (analysis-trend.ts)
  comparedDays: {
    ar: 'على {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} لها أرقام في الفترتين',
    en: 'over the {days, plural, one {# day} other {# days}} with figures in both',
  },
  // the previous period lies whole weeks back by day and week (hub/analysis-trend.ts previousPeriod)
  sameWeekdaysNote: {
    ar: 'تُقارَن كل نقطة بالأيام نفسها من الأسبوع قبل {weeks, plural, zero {# أسبوع} one {أسبوع واحد} two {أسبوعين} few {# أسابيع} many {# أسبوعًا} other {# أسبوع}}: الجمعة بالجمعة.',
    en: 'Each point is compared with the same weekdays {weeks, plural, one {# week} other {# weeks}} earlier: a Friday with a Friday.',
  },
  // the change compares the centers with figures in both periods only (TrendAnswer.centers); with none
  // there is no change ("—"), and "Change over the 0 centers" read as a change measured (walk s51)
  comparedCenters: {
    ar: '{n, plural, =0 {لا مركز له أرقام في الفترتين، فلا تغير يُحسب} one {التغير على المراكز التي لها أرقام في الفترتين فقط: مركز واحد} two {التغير على المراكز التي لها أرقام في الفترتين فقط: مركزان} few {التغير على المراكز التي لها أرقام في الفترتين فقط: # مراكز} many {التغير على المراكز التي لها أرقام في الفترتين فقط: # مركزًا} other {التغير على المراكز التي لها أرقام في الفترتين فقط: # مركز}}',
    en: '{n, plural, =0 {No center has figures in both periods, so there is no change to show} one {Change over the # center with figures in both periods} other {Change over the # centers with figures in both periods}}',
  },
  centersOnlyNow: {
    ar: '{n, plural, zero {# مركز جديد} one {مركز جديد واحد} two {مركزان جديدان} few {# مراكز جديدة} many {# مركزًا جديدًا} other {# مركز جديد}} خارج المقارنة',
    en: '{n, plural, one {# new center} other {# new centers}} not compared',
  },
  centersOnlyBefore: {
    ar: 'المراكز التي لها أرقام في الفترة السابقة فقط خارج المقارنة: {n, plural, zero {لا مركز} one {مركز واحد} two {مركزان} few {# مراكز} many {# مركزًا} other {# مركز}}',
    en: '{n, plural, one {# center} other {# centers}} with figures in the previous period only not compared',
  },
  // a point holding today: its figures are so far, and today is left out of its change
  runningDay: { ar: 'اليوم حتى الآن', en: 'today so far' },
  runningPeriod: { ar: 'حتى الآن', en: 'so far' },
  runningNote: {
    ar: 'اليوم لم ينتهِ بعد: أرقامه حتى الآن، ولا يدخل أي مقارنة.',
    en: 'Today is not over: its figures are so far, and it is left out of every change.',
  },
  // the chart's points that are not a whole day, week or month: off the line, so the range's edge does not read as a rise or a fall
  partialPoint: { ar: 'فترة غير كاملة (خارج الخط)', en: 'Not a whole period (off the line)' },
  partialPeriod: {
    ar: '{days, plural, zero {# يوم} one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}} فقط',
    en: '{days, plural, one {# day} other {# days}} only',
  },
  weekLabel: { ar: 'أسبوع {week} من {year}', en: 'Week {week}, {year}' },
  weekShort: { ar: 'أسبوع {week}', en: 'W{week}' },
  mapTitle: { ar: 'المحافظات حسب {figure}', en: 'Governorates by {figure}' },
  mapNote: {
    ar: 'خريطة مربعات: لكل محافظة مربع في موضعها التقريبي، بلا حدود جغرافية.',
    en: 'A tile map: one square per governorate, placed roughly where it lies; not its borders.',
  },
  legend: { ar: 'مفتاح الألوان', en: 'Legend' },
  outsideScope: { ar: 'خارج صلاحيات حسابك', en: 'Outside your scope' },
  mapTable: { ar: 'المحافظات في جدول', en: 'The governorates as a table' },
  notOnMap: { ar: 'غير موجودة على الخريطة', en: 'not on the map' },
  drillTitle: { ar: 'التفاصيل', en: 'Drill-down' },
  drillPath: { ar: 'مسار التفاصيل', en: 'Drill-down path' },
  allGovernorates: { ar: 'كل المحافظات', en: 'All governorates' },
  hour: { ar: 'الساعة', en: 'Hour' },
  byHourOf: { ar: 'حسب الساعة: {name}', en: 'By hour: {name}' },
  centersOf: { ar: 'مراكز {name}', en: 'Centers of {name}' },
  servicesOf: { ar: 'خدمات {name}', en: 'Services of {name}' },
  nothingHere: { ar: 'لا توجد أرقام لهذه الفترة.', en: 'No figures for this range.' },
  hourRangeTooLong: {
    ar: 'التوزيع حسب الساعة متاح لفترة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} على الأكثر. اختر فترة أقصر.',
    en: 'By hour covers at most {days, plural, one {# day} other {# days}}. Choose a shorter range.',
  },
  forbidden: { ar: 'هذه المحافظة خارج صلاحيات حسابك.', en: 'This governorate is outside your account’s scope.' },
  unmappedNoHours: { ar: 'خدمة غير مربوطة بخدمة قومية: لا توزيع حسب الساعة.', en: 'Not a national service: no breakdown by hour.' },
  scopeNote: { ar: 'تعرض محافظة {governorate} فقط (صلاحيات حسابك).', en: 'Showing {governorate} only (your account’s scope).' },
} as const satisfies Catalogue

/** `analysisText(key, lang, values?, digits?)`: the analysis view's words, the hub page's and the common ones. */
export const analysisText = messagesOf({ ...COMMON_MESSAGES, ...HUB_MESSAGES, ...HUB_ANALYSIS_MESSAGES })

export type AnalysisMessageKey = Parameters<typeof analysisText>[0]
