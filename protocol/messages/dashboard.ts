/**
 * The manager's dashboard: live figures, reports, configuration.
 */
import { messagesOf, type Catalogue, type Lang } from './format.ts'
import type { DigitStyle } from './digits.ts'
import { COMMON_MESSAGES } from './common.ts'
import { ErrorCodes, type ErrorCode } from '../error-codes.ts'
import { FIGURE_PERCENTILE } from '../stats.ts'

export const DASHBOARD_MESSAGES = {
  'app.title': { ar: 'لوحة المتابعة', en: 'Manager dashboard' },
  'common.save': { ar: 'حفظ', en: 'Save' },
  'common.add': { ar: 'إضافة', en: 'Add' },
  'common.edit': { ar: 'تعديل', en: 'Edit' },
  'common.yes': { ar: 'نعم', en: 'Yes' },
  'common.no': { ar: 'لا', en: 'No' },
  'common.none': { ar: '—', en: '—' },
  'common.saved': { ar: 'تم الحفظ', en: 'Saved' },
  offline: {
    ar: 'انقطع الاتصال بالخادم؛ الأرقام المعروضة قد تكون قديمة. نعيد المحاولة تلقائيًا.',
    en: 'The server cannot be reached; figures may be out of date. Retrying by itself.',
  },
  'login.title': { ar: 'دخول المدير', en: 'Manager login' },
  'login.bad': { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة', en: 'Wrong username or password' },
  'login.notManager': { ar: 'لوحة المتابعة للمديرين فقط', en: 'The dashboard is for managers only' },
  'login.network': { ar: 'تعذّر الاتصال بالخادم', en: 'Cannot reach the server' },
  'login.rateLimited': {
    ar: 'محاولات دخول كثيرة؛ انتظر قليلًا ثم حاول مرة أخرى',
    en: 'Too many login attempts; wait a moment and try again',
  },
  'password.tooShort': {
    ar: 'كلمة المرور قصيرة: الحد الأدنى لهذا الدور {min} من الأحرف',
    en: 'The password is too short: this role needs at least {min} characters',
  },
  'password.tooWeak': {
    ar: 'كلمة المرور شائعة أو سهلة التخمين؛ اختر عدة كلمات غير مترابطة',
    en: 'The password is common or easy to guess; use a few unrelated words',
  },
  'password.hasUsername': { ar: 'يجب ألا تحتوي كلمة المرور على اسم المستخدم', en: 'The password must not contain the username' },
  'tab.live': { ar: 'الآن', en: 'Live' },
  'tab.reports': { ar: 'التقارير', en: 'Reports' },
  'tab.config': { ar: 'الإعدادات', en: 'Configuration' },
  'kpi.waiting': { ar: 'في الانتظار الآن', en: 'Waiting now' },
  'kpi.longest': { ar: 'أطول انتظار حالي', en: 'Longest current wait' },
  // "finished", not "served": the count holds every outcome, and the default outcome is itself
  // named "Served" (walk 2026-12-05: "Served today 2 — Of which: Served 1, Incomplete papers 1")
  'kpi.served': { ar: 'أُنهيت اليوم', en: 'Finished today' },
  'kpi.issued': { ar: 'تذاكر اليوم', en: 'Tickets today' },
  'kpi.avgWait': { ar: 'متوسط الانتظار', en: 'Average wait' },
  'kpi.p90Wait': { ar: 'انتظار {p, number}٪', en: '{p, number}th pct wait' },
  'kpi.avgService': { ar: 'متوسط مدة الخدمة', en: 'Average service' },
  'kpi.p90Service': { ar: 'خدمة {p, number}٪', en: '{p, number}th pct service' },
  'kpi.sla': { ar: 'ضمن الزمن المستهدف', en: 'Within target (SLA)' },
  /** Waits, not tickets: a ticket transferred and called again waited (and counts) twice. */
  'kpi.slaOf': {
    ar: '{n, plural, =0 {لا انتظار بعد} one {من فترة انتظار واحدة} two {من فترتَي انتظار} few {من # فترات انتظار} other {من # فترة انتظار}}',
    en: '{n, plural, =0 {no waits yet} one {of # wait} other {of # waits}}',
  },
  'kpi.slaHelp': {
    ar: 'نسبة فترات الانتظار التي انتهت بنداء خلال الزمن المستهدف للخدمة، من بين: كل نداء (التذكرة المحوّلة تنتظر من جديد فتُحسب مرة أخرى)، وكل من غادر الطابور بعد تجاوز الزمن المستهدف دون نداء، وكل من ما زال ينتظر وقد تجاوزه. من عاد إلى الطابور بعد التراجع عن عدم حضوره لا يُحسب مرة أخرى: حُسب انتظاره عند أول نداء، وإن ظهر في «تجاوزت الهدف» وهو ينتظر.',
    en: 'Share of waits that ended in a call within the service’s target wait, out of: every call (a transferred ticket waits again, and counts again), everyone who left the line uncalled after the target passed, and everyone still waiting past it. A citizen back in line after an undone no-show is not counted again: their first call counted their wait, though while they wait they show among those past target.',
  },
  'kpi.noShow': { ar: 'نسبة عدم الحضور', en: 'No-show rate' },
  /** The citizens' and staff's own cancellations, as the daily report's column (col.cancelledByPeople). */
  'kpi.cancelled': { ar: 'ألغاها المواطن أو الموظف اليوم', en: 'Cancelled by citizen or staff today' },
  /** Under it: the closing's cancellations, counted apart as the daily report does (col.cancelledAtClosing). */
  // under "Waiting now": parked tickets are out of the line but kept; the walker saw them nowhere (walk s54)
  'kpi.parkedNow': {
    ar: '{n, plural, one {وتذكرة واحدة مركونة خارج الدور} two {وتذكرتان مركونتان خارج الدور} few {و# تذاكر مركونة خارج الدور} other {و# تذكرة مركونة خارج الدور}}',
    en: '{n, plural, one {and # parked, out of the line} other {and # parked, out of the line}}',
  },
  'kpi.cancelledAtClosing': {
    ar: '{n, plural, =0 {لم يُلغِ الإغلاق أي تذكرة} one {وتذكرة واحدة أُلغيت عند الإغلاق} two {وتذكرتان أُلغيتا عند الإغلاق} few {و# تذاكر أُلغيت عند الإغلاق} other {و# تذكرة أُلغيت عند الإغلاق}}',
    en: '{n, plural, =0 {none cancelled at closing} other {and # cancelled at closing}}',
  },
  'live.services': { ar: 'الخدمات', en: 'Services' },
  'live.counters': { ar: 'الشبابيك', en: 'Counters' },
  // a deactivated service's row and its line in the unserved warning, as the console marks it (queue.inactive; walk s54)
  'live.inactive': { ar: 'متوقفة عن إصدار التذاكر', en: 'Deactivated: no new tickets' },
  // dashboard-ui/unserved-lines.ts: tickets that wait while nobody can call them (the console warns at a transfer, the status page says so)
  'live.unserved': { ar: 'تذاكر تنتظر ولا يوجد من ينادي عليها', en: 'Tickets waiting with nobody to call them' },
  'live.unservedService': {
    // none open or paused with its clerk present (server/queue/staffing.ts): "no open counter" was untrue beside an open counter whose clerk was away (walk s45)
    ar: '{n, plural, one {تذكرة واحدة تنتظر} two {تذكرتان تنتظران} few {# تذاكر تنتظر} other {# تذكرة تنتظر}}: لا يقدّم هذه الخدمة أي شباك الآن',
    en: '{n, plural, one {# ticket waits} other {# tickets wait}}: no counter is serving this service now',
  },
  // a counter serving the line is open or paused but its clerk is away (no live console): it calls nobody, and
  // "no counter is serving this service" was untrue beside it («مفتوح · غائب» in the counters table; walk s50)
  'live.unservedServiceAway': {
    ar: '{n, plural, one {تذكرة واحدة تنتظر} two {تذكرتان تنتظران} few {# تذاكر تنتظر} other {# تذكرة تنتظر}}: {count, plural, one {يقدّمها الشباك {counters} لكن موظفه غير متصل} other {تقدّمها الشبابيك {counters} لكن موظفيها غير متصلين}}',
    en: '{n, plural, one {# ticket waits} other {# tickets wait}}: {count, plural, one {counter {counters} serves it, but its clerk is away (not connected)} other {counters {counters} serve it, but their clerks are away (not connected)}}',
  },
  'live.unservedCounter': {
    ar: '{n, plural, one {تذكرة واحدة حُوّلت إليه تنتظر} two {تذكرتان حُوّلتا إليه تنتظران} few {# تذاكر حُوّلت إليه تنتظر} other {# تذكرة حُوّلت إليه تنتظر}}: الشباك {state}',
    en: '{n, plural, one {# ticket transferred to it waits} other {# tickets transferred to it wait}}: the counter is {state}',
  },
  'live.unservedClosed': { ar: 'مغلق', en: 'closed' },
  'live.unservedAway': { ar: 'موظفه غير متصل', en: 'away (its clerk is not connected)' },
  // dashboard-ui/past-target-alert.ts and the services' table: a line whose longest wait is past its service's target now
  'live.pastTargetRegion': { ar: 'طوابير تجاوزت زمن الانتظار المستهدف', en: 'Lines past their target wait' },
  'live.pastTargetLine': {
    // the target in minutes: as «(١٥:٠٠)» it read as a time of day (review s44)
    ar: '{n, plural, one {تذكرة واحدة تنتظر} two {تذكرتان تنتظران} few {# تذاكر تنتظر} other {# تذكرة تنتظر}} أكثر من الهدف ({minutes, number} د)',
    en: '{n, plural, one {# ticket has} other {# tickets have}} waited longer than the target ({minutes, number} min)',
  },
  // under the services' table: its waits and targets read «١٥:٠٠» like a time of day beside the header's clock (walk s45)
  'live.durationsNote': {
    ar: 'المدد بالدقائق والثواني: {example} تعني {minutes, plural, one {دقيقة واحدة} two {دقيقتين} few {# دقائق} other {# دقيقة}}',
    en: 'Durations are minutes:seconds: {example} is {minutes, plural, one {# minute} other {# minutes}}',
  },
  'live.pastTarget': {
    ar: '{n, plural, one {تذكرة تجاوزت الهدف} two {تذكرتان تجاوزتا الهدف} few {# تذاكر تجاوزت الهدف} other {# تذكرة تجاوزت الهدف}}',
    en: '{n, plural, other {# past target}}',
  },
  // the counters' table: the ticket at each counter now (a paused one says why and since when in the console's words)
  'live.nowCalled': { ar: 'نوديت', en: 'Called' },
  'live.nowServing': { ar: 'تُخدم', en: 'Being served' },
  'live.nowSince': { ar: 'منذ {time} ({n, number} د)', en: 'since {time} ({n, number} min)' },
  'live.devices': { ar: 'حالة الأجهزة', en: 'Device health' },
  'live.hourly': {
    ar: 'التذاكر بالساعة: اليوم ومتوسط نفس اليوم في الأسابيع السابقة',
    en: 'Tickets per hour: today vs the same weekday in earlier weeks',
  },
  // the title while no earlier week has figures (a new center): the chart draws today's lines only
  'live.hourlyToday': { ar: 'التذاكر بالساعة اليوم', en: 'Tickets per hour today' },
  'live.waitByHour': { ar: 'متوسط الانتظار بالساعة (دقائق)', en: 'Average wait by hour (minutes)' },
  'live.perService': { ar: 'التذاكر بالساعة لكل خدمة', en: 'Tickets per hour by service' },
  'live.backup': { ar: 'آخر نسخة احتياطية', en: 'Last backup' },
  'live.backupOff': { ar: 'النسخ الاحتياطي الليلي غير مفعّل', en: 'Nightly backups are off' },
  'live.backupNever': { ar: 'لم تُؤخذ نسخة بعد', en: 'No backup yet' },
  'live.backupFailed': { ar: 'فشلت آخر نسخة', en: 'Last backup failed' },
  'live.noDevices': { ar: 'لا توجد أجهزة', en: 'No devices' },
  /** Revoked devices are out of use by an admin's choice: counted, not listed one by one (they are never deleted, and would pile up). */
  'live.revoked': {
    ar: '{n, plural, one {جهاز واحد أُلغي ربطه: لا يعمل حتى يُعاد ربطه} two {جهازان أُلغي ربطهما: لا يعملان حتى يُعاد ربطهما} few {# أجهزة أُلغي ربطها: لا تعمل حتى يُعاد ربطها} many {# جهازًا أُلغي ربطها: لا تعمل حتى يُعاد ربطها} other {# جهاز أُلغي ربطها: لا تعمل حتى يُعاد ربطها}} (الإعدادات ← الأجهزة)',
    en: '{n, plural, one {One device revoked} other {# devices revoked}}: out of use until paired again (Configuration → Devices)',
  },
  'chart.issued': { ar: 'صدرت اليوم', en: 'Issued today' },
  'chart.served': { ar: 'أُنهيت اليوم', en: 'Finished today' },
  'chart.baselineIssued': { ar: 'صدرت (متوسط الأسابيع السابقة)', en: 'Issued (earlier weeks)' },
  'chart.baselineServed': { ar: 'أُنهيت (متوسط الأسابيع السابقة)', en: 'Finished (earlier weeks)' },
  'chart.wait': { ar: 'متوسط الانتظار', en: 'Average wait' },
  'chart.empty': { ar: 'لا توجد تذاكر بعد اليوم', en: 'No tickets yet today' },
  // the wait chart while today's tickets wait and none has been called (a wait is measured at the call)
  'chart.noCallYet': { ar: 'لم تُستدعَ أي تذكرة بعد اليوم', en: 'No ticket called yet today' },
  'col.service': { ar: 'الخدمة', en: 'Service' },
  'col.waiting': { ar: 'ينتظر', en: 'Waiting' },
  'col.longest': { ar: 'أطول انتظار', en: 'Longest' },
  'col.issued': { ar: 'صدرت', en: 'Issued' },
  'col.called': { ar: 'نوديت', en: 'Called' },
  'col.served': { ar: 'أُنهيت', en: 'Finished' },
  'col.noShow': { ar: 'لم يحضر', en: 'No-show' },
  'col.cancelled': { ar: 'أُلغيت', en: 'Cancelled' },
  // the cancellations of a citizen or staff and those of the center's closing, shown apart (reports)
  'col.cancelledByPeople': { ar: 'ألغاها المواطن أو الموظف', en: 'Cancelled by citizen or staff' },
  'col.cancelledAtClosing': { ar: 'أُلغيت عند الإغلاق', en: 'Cancelled at closing' },
  'col.transferred': { ar: 'حُوّلت', en: 'Transferred' },
  'col.avgWait': { ar: 'متوسط الانتظار', en: 'Avg wait' },
  'col.p90Wait': { ar: 'انتظار {p, number}٪', en: 'P{p, number} wait' },
  'col.avgService': { ar: 'متوسط الخدمة', en: 'Avg service' },
  'col.p90Service': { ar: 'خدمة {p, number}٪', en: 'P{p, number} service' },
  'col.sla': { ar: 'ضمن الهدف', en: 'SLA' },
  'col.noShowPct': { ar: 'عدم الحضور', en: 'No-show %' },
  // open-hours.ts: within the opening hours, from the center's first record up to now (not the day's whole hours)
  'col.openTime': { ar: 'ساعات العمل حتى الآن', en: 'Open hours so far' },
  // counter time with tickets ÷ open time: not an occupancy, two counters busy all along read 200 % (walk 2026-12-06)
  'col.utilisation': { ar: 'وقت الشبابيك لكل ساعة عمل', en: 'Counter time per open hour' },
  'col.issuedOutsideHours': { ar: 'صدرت خارج المواعيد', en: 'Issued outside hours' },
  'col.servedOutsideHours': { ar: 'أُنهيت خارج المواعيد', en: 'Finished outside hours' },
  'col.busy': { ar: 'مشغول', en: 'Busy' },
  'col.idle': { ar: 'متاح', en: 'Idle' },
  'col.pause': { ar: 'متوقف', en: 'Paused' },
  // busy ÷ the time open, paused time aside (server/reports/clerk-time.ts): at most 100, unlike col.utilisation
  'col.busyPercent': { ar: 'من وقت الفتح مع تذكرة', en: 'Open time with a ticket' },
  'col.target': { ar: 'الهدف', en: 'Target' },
  'col.now': { ar: 'التذكرة الآن', en: 'Ticket now' },
  'col.counter': { ar: 'الشباك', en: 'Counter' },
  'col.state': { ar: 'الحالة', en: 'State' },
  'col.clerk': { ar: 'الموظف', en: 'Clerk' },
  'col.serves': { ar: 'يخدم', en: 'Serves' },
  // one service a counter serves, by its weight (protocol/call-policy.ts): 0 is a backup, 2 a wait that counts double (what the counter form's help says)
  'serves.service': {
    ar: '{weight, plural, =0 {{name} (احتياطي)} =1 {{name}} =2 {{name} (انتظارها مضاعف)} other {{name} (انتظارها ×{weight, number})}}',
    en: '{weight, plural, =0 {{name} (backup)} =1 {{name}} =2 {{name} (wait counts double)} other {{name} (wait counts ×{weight, number})}}',
  },
  'serves.none': { ar: 'لا خدمات', en: 'No services' },
  // a deactivated service a counter still lists: it issues no tickets, the counter calls those already waiting (walk s54 read it unmarked)
  'serves.inactive': { ar: '{name} (متوقفة)', en: '{name} (deactivated)' },
  'nav.sections': { ar: 'أقسام لوحة المتابعة', en: 'Dashboard sections' },
  'col.device': { ar: 'الجهاز', en: 'Device' },
  'col.kind': { ar: 'النوع', en: 'Kind' },
  'col.health': { ar: 'الحالة', en: 'Health' },
  'col.lastSeen': { ar: 'آخر اتصال', en: 'Last seen' },
  'col.day': { ar: 'اليوم', en: 'Day' },
  'col.hour': { ar: 'الساعة', en: 'Hour' },
  'col.total': { ar: 'الإجمالي', en: 'Total' },
  /** A report's day row before the center's first record or after today (ReportRow.noRecords): not a day of zeros. */
  'report.noRecords': { ar: 'لا سجلات لهذا اليوم', en: 'No records for this day' },
  'health.ok': { ar: 'يعمل', en: 'OK' },
  'health.paperOut': { ar: 'نفد الورق', en: 'Out of paper' },
  'health.paperLow': { ar: 'الورق يوشك أن ينفد', en: 'Paper low' },
  'health.cover': { ar: 'الغطاء مفتوح', en: 'Cover open' },
  'health.offline': { ar: 'غير متصل', en: 'Offline' },
  'health.fault': { ar: 'عطل', en: 'Fault' },
  'health.printerFault': { ar: 'عطل في الطابعة', en: 'Printer fault' },
  'health.silent': {
    ar: '{minutes, plural, few {لم يتصل منذ أكثر من # دقائق} other {لم يتصل منذ أكثر من # دقيقة}}',
    en: '{minutes, plural, one {Not seen for over # minute} other {Not seen for over # minutes}}',
  },
  'health.soundBlocked': {
    ar: 'الصوت محجوب من المتصفح\u00a0— شغّل الشاشة بخيار التشغيل التلقائي للصوت',
    en: 'Sound blocked by the browser\u00a0— start the display with the autoplay flag',
  },
  'health.unpaired': { ar: 'ينتظر الربط', en: 'Waiting to be paired' },
  /** An LED board or keypad whose serial line the server has no report of yet (no path set): these never pair. */
  'health.notWired': { ar: 'لا يصل إليه الخادم بعد', en: 'Not connected yet' },
  /** A stand-alone printer the server has had no report from yet (just added or reactivated; a Star printer until its first ticket). */
  'health.noReport': { ar: 'لم يصل تقرير بعد', en: 'No report yet' },
  'health.revoked': { ar: 'أُلغي', en: 'Revoked' },
  'health.never': { ar: 'لم يتصل', en: 'Never' },
  /** A printer that has not answered its status check since the server started (its earlier days are not known). */
  'health.notHeard': { ar: 'لم تستجب منذ تشغيل الخادم', en: 'No answer since the server started' },
  /** The same, with when the server began watching it (its start, or the printer added or its address changed since). */
  'health.notHeardSince': { ar: 'لم تستجب منذ {time}', en: 'No answer since {time}' },
  /** A printer's last ticket job, so a printer that answers its status check but prints nothing shows (why: print-problem.ts). */
  'health.lastPrinted': { ar: 'آخر تذكرة: {label} طُبعت الساعة {time}', en: 'Last ticket: {label} printed at {time}' },
  'health.lastFailed': { ar: 'آخر تذكرة: {label} لم تُطبع الساعة {time}؛ {why}', en: 'Last ticket: {label} did not print at {time}; {why}' },
  'kind.kiosk': { ar: 'جهاز إصدار', en: 'Kiosk' },
  'kind.display': { ar: 'شاشة انتظار', en: 'Display' },
  'kind.printer': { ar: 'طابعة', en: 'Printer' },
  'kind.board': { ar: 'لوحة شباك', en: 'Counter board' },
  'kind.keypad': { ar: 'لوحة مفاتيح', en: 'Keypad' },
  'kind.feedback': { ar: 'لوحة تقييم الخدمة', en: 'Feedback tablet' },
  'reports.from': { ar: 'من', en: 'From' },
  'reports.to': { ar: 'إلى', en: 'To' },
  'reports.by': { ar: 'حسب', en: 'By' },
  'reports.show': { ar: 'عرض التقرير', en: 'Show report' },
  'reports.csv': { ar: 'تنزيل CSV', en: 'Download CSV' },
  'reports.ticketsCsv': { ar: 'سجل التذاكر CSV', en: 'Ticket log CSV' },
  'reports.hint': {
    ar: 'الأرقام من سجل الأحداث؛ الأيام بتوقيت المركز.',
    en: 'Figures come from the event log; days are the center’s local days.',
  },
  // served-by-outcome.ts: the "finished" count holds every finish whatever its outcome; this table says which
  'outcomes.title': { ar: 'التذاكر المنتهية حسب نتيجة الإنهاء', en: 'Finished tickets, by outcome' },
  'outcomes.hint': {
    ar: '«أُنهيت» تعدّ كل تذكرة أنهاها موظف أيًّا كانت نتيجتها (ومنها الإحالة والأوراق غير المكتملة)؛ هذا الجدول يفصّلها حسب النتيجة التي اختارها.',
    en: '“Finished” counts every ticket a clerk finished, whatever the outcome (referred and incomplete papers included); this table breaks it down by the outcome the clerk chose.',
  },
  // under a report with the hours columns: what they count, so 172 % does not read as an impossible occupancy
  'reports.hoursNote': {
    ar: '«ساعات العمل حتى الآن»: ساعات العمل المحددة للخدمة (أو للمركز) منذ أول سجل للمركز وحتى وقت التقرير. «وقت الشبابيك لكل ساعة عمل»: مجموع الوقت الذي قضته الشبابيك مع التذاكر مقسومًا على ساعات العمل؛ شباكان مشغولان طوال الوقت يعطيان {two, number}٪، فالرقم فوق {one, number}٪ يعني أكثر من شباك.',
    en: '“Open hours so far”: the opening hours of the service (or the center) from the center’s first record up to the time of the report. “Counter time per open hour”: the time counters spent with tickets divided by the open hours; two counters busy all along read {two, number} %, so a figure over {one, number} % means more than one counter.',
  },
  // by counter or by clerk: the rows issue nothing (a ticket is issued to a service), and the
  // total's wait figures also count tickets still waiting, which no counter has called yet
  'reports.byDeskNote': {
    ar: 'لا تُنسب التذاكر الصادرة إلى شباك أو موظف («—»). يحسب الإجمالي في «ضمن الهدف» أيضًا التذاكر التي ما زالت تنتظر بعد تجاوز الزمن المستهدف، وهذه لم ينادِ عليها أي شباك بعد، فقد يقل الإجمالي عن كل الصفوف.',
    en: 'Issued tickets belong to no counter or clerk (“—”). The total’s SLA also counts the tickets still waiting past their target, which no counter has called yet, so the total can be below every row.',
  },
  // by service, day or hour, when a row's "within target" covers tickets never called: "Called 0, SLA 0 %"
  // read as a fault in the figures (walk s53: two tickets still waiting past target, said nowhere)
  'reports.slaUncalledNote': {
    ar: 'يحسب «ضمن الهدف» كل نداء، وكل تذكرة غادرت الدور دون نداء بعد تجاوز الزمن المستهدف، وكل تذكرة ما زالت تنتظر بعد تجاوزه؛ لذلك قد يكون لصف بلا نداءات نسبة {zero, number}٪.',
    en: '“Within target” counts every call, every ticket that left the line uncalled after its target passed, and every ticket still waiting past it; so a row with no calls can read {zero, number} %.',
  },
  // by counter or by clerk: what busy time counts (server/reports/busy-time.ts) and what the share divides by (clerk-time.ts)
  'reports.deskTimeNote': {
    ar: '«مشغول»: من نداء التذكرة (أو استئنافها بعد تعليقها) حتى انتهائها عند الشباك: إنهاء الخدمة أو عدم الحضور أو التحويل أو الخطوة التالية أو التعليق، ويشمل وقت توجّه المواطن إلى الشباك؛ ويُحسب في يوم انتهائها. «متاح»: مفتوح بلا تذكرة. «من وقت الفتح مع تذكرة»: «مشغول» مقسومًا على وقت فتح الشباك دون وقت التوقف المؤقت، فلا يزيد على {max, number}٪.',
    en: '“Busy”: from a ticket’s call (or its resume after a park) to its end at the counter: finished, no-show, transferred, sent to its next step or parked, the citizen’s walk to the counter included; counted on the day it ended. “Idle”: open without a ticket. “Open time with a ticket”: Busy divided by the time the counter was open, paused time aside, so at most {max, number} %.',
  },
  'outcomes.servedAll': { ar: 'أُنهيت (كل النتائج)', en: 'Finished (all outcomes)' },
  'outcomes.empty': { ar: 'لم تُنهَ أي تذكرة في هذه الفترة.', en: 'No ticket was finished in this range.' },
  'outcomes.live': { ar: 'حسب النتيجة: {list}', en: 'By outcome: {list}' },
  'by.day': { ar: 'اليوم', en: 'Day' },
  'by.hour': { ar: 'الساعة', en: 'Hour' },
  'by.service': { ar: 'الخدمة', en: 'Service' },
  'by.counter': { ar: 'الشباك', en: 'Counter' },
  'by.clerk': { ar: 'الموظف', en: 'Clerk' },
  'config.services': { ar: 'الخدمات', en: 'Services' },
  'config.counters': { ar: 'الشبابيك', en: 'Counters' },
  'config.users': { ar: 'المستخدمون', en: 'Users' },
  'config.devices': { ar: 'الأجهزة', en: 'Devices' },
  'config.center': { ar: 'المركز', en: 'Center' },
  // a manager's one section: what the API lets a manager change (the news line, the finish outcomes)
  'config.news': { ar: 'شريط الأخبار ونتائج الإنهاء', en: 'News line and finish outcomes' },
  'config.newsLine': { ar: 'شريط الأخبار على الشاشات', en: 'News line on the displays' },
  'config.audit': { ar: 'سجل التغييرات', en: 'Change log' },
  'f.prefix': { ar: 'الحرف', en: 'Prefix' },
  'f.nameAr': { ar: 'الاسم بالعربية', en: 'Name (Arabic)' },
  'f.nameEn': { ar: 'الاسم بالإنجليزية', en: 'Name (English)' },
  'f.targetWaitSeconds': { ar: 'الانتظار المستهدف (ثوانٍ)', en: 'Target wait (seconds)' },
  'f.dailyCap': { ar: 'الحد اليومي', en: 'Daily cap' },
  'f.active': { ar: 'مفعّل', en: 'Active' },
  'f.number': { ar: 'الرقم', en: 'Number' },
  'f.name': { ar: 'الاسم', en: 'Name' },
  'f.zone': { ar: 'المنطقة', en: 'Zone' },
  'f.printerDeviceId': { ar: 'طابعة تذاكر الحضور المباشر', en: 'Walk-in ticket printer' },
  'f.noPrinter': { ar: 'بدون طابعة (التذكرة تظهر على الشاشة)', en: 'None (the ticket shows on screen)' },
  'f.services': { ar: 'الخدمات والأوزان', en: 'Services and weights' },
  'f.username': { ar: 'اسم المستخدم', en: 'Username' },
  'f.password': { ar: 'كلمة المرور', en: 'Password' },
  'f.role': { ar: 'الدور', en: 'Role' },
  'f.displayName': { ar: 'الاسم الظاهر', en: 'Display name' },
  'f.kind': { ar: 'النوع', en: 'Kind' },
  'f.config': { ar: 'الإعدادات (JSON)', en: 'Settings (JSON)' },
  'f.timeZone': { ar: 'المنطقة الزمنية', en: 'Time zone' },
  'f.callPolicy': { ar: 'سياسة النداء', en: 'Call policy' },
  'f.maxPriorityInARow': { ar: 'أقصى أولوية متتالية', en: 'Max priority in a row' },
  'f.priorityAgingSeconds': { ar: 'ترقية بعد (ثوانٍ)', en: 'Promote after (seconds)' },
  'f.priorityCategories': {
    ar: 'فئات الأولوية (رمز، عربي، إنجليزي في كل سطر)',
    en: 'Priority categories (code, Arabic, English per line)',
  },
  'f.digits': { ar: 'الأرقام', en: 'Digits' },
  'f.language': { ar: 'لغة البدء', en: 'Start language' },
  'f.news': { ar: 'شريط الأخبار', en: 'News line' },
  'role.admin': { ar: 'مدير النظام', en: 'Admin' },
  'role.manager': { ar: 'مدير', en: 'Manager' },
  'role.clerk': { ar: 'موظف', en: 'Clerk' },
  'policy.fifo': { ar: 'بالترتيب (الأقدم أولًا)', en: 'First come, first served' },
  'policy.priority': { ar: 'الأولوية أولًا', en: 'Priority first' },
  'policy.sla': { ar: 'حسب الزمن المستهدف', en: 'By target wait' },
  'digits.western': { ar: '0123', en: '0123' },
  'digits.arabic-indic': { ar: '٠١٢٣', en: '٠١٢٣' },
  // named, in the device's own row: a code shown at the foot of the form, below the fold and
  // unnamed, left the manager unsure which device it pairs (walk 2026-12-05)
  'device.pairingCode': { ar: 'رمز ربط «{name}»: ', en: 'Pairing code for “{name}”: ' },
  // what the start-up banner says of its codes, said where the admin makes one: a code made the evening
  // before a kiosk is installed two days later no longer works, and leaving the page loses it (walk s55)
  'device.pairingCodeNote': {
    ar: 'اكتبه في شاشة الربط على الجهاز. يصلح مرة واحدة خلال {hours} ساعة، ولا يظهر إلا الآن: إن ضاع فزر «{newCode}» يُنشئ غيره.',
    en: 'Type it on the device’s pairing screen. It works once, within {hours} hours, and is shown only now: if it is lost, “{newCode}” makes another.',
  },
  'device.newCode': { ar: 'رمز جديد', en: 'New code' },
  'device.revoke': { ar: 'إلغاء الربط', en: 'Revoke' },
  // one click used to revoke at once, and a revoked row had no button left: a mis-click on the
  // entrance kiosk stopped ticket issuing with no way back but a new device (walk 2026-12-06)
  'device.revokeConfirm': {
    ar: 'إلغاء ربط «{name}» يوقفه فورًا: لا يعمل بعدها حتى يُربط من جديد برمز جديد.',
    en: 'Revoking “{name}” stops it at once: it does not work again until it is paired again with a new code.',
  },
  'device.revokeYes': { ar: 'إلغاء ربط «{name}»', en: 'Revoke “{name}”' },
  // not «إلغاء» (cancel), which beside «إلغاء ربط» reads as the same act
  'device.revokeNo': { ar: 'تراجع، أبقِه مربوطًا', en: 'Keep it paired' },
  'device.pairAgain': { ar: 'ربط من جديد', en: 'Pair again' },
  // a printer, LED board or keypad never pairs (the server opens it): revoking one stops it until it is reactivated
  'device.revokeConfirmUnpaired': {
    ar: 'إلغاء ربط «{name}» يوقفه فورًا: لا يستخدمه المركز بعدها حتى يُعاد تفعيله من هنا.',
    en: 'Revoking “{name}” stops it at once: the center does not use it again until it is reactivated here.',
  },
  'device.revokeNoUnpaired': { ar: 'تراجع، أبقِه قيد الاستخدام', en: 'Go back, keep it in use' },
  'device.reinstate': { ar: 'إعادة التفعيل', en: 'Reactivate' },
  'config.overridden': { ar: 'معدّل هنا (الافتراضي من ملف الإعداد: {value})', en: 'Set here (config file: {value})' },
} as const satisfies Catalogue

/** `dashboardText(key, lang, values?, digits?)`: the dashboard's words and the common ones. */
export const dashboardText = messagesOf({ ...COMMON_MESSAGES, ...DASHBOARD_MESSAGES })

/** A key `dashboardText` knows. */
export type DashboardMessageKey = Parameters<typeof dashboardText>[0]

export { FIGURE_PERCENTILE }

/** A figure's label (a KPI card, a column head) with its figures in the screen's digits: the p90 labels carry their percentile. */
export const figureLabel = (key: DashboardMessageKey, lang: Lang, digits: DigitStyle): string =>
  dashboardText(key, lang, { p: FIGURE_PERCENTILE }, digits)

/** The sentence for each refusal of a new staff password (server/auth/password-policy.ts); `{min}` comes from the error's message. */
export const PASSWORD_REFUSALS: Partial<Record<ErrorCode, DashboardMessageKey>> = {
  [ErrorCodes.PASSWORD_TOO_SHORT]: 'password.tooShort',
  [ErrorCodes.PASSWORD_TOO_WEAK]: 'password.tooWeak',
  [ErrorCodes.PASSWORD_HAS_USERNAME]: 'password.hasUsername',
}

/**
 * A refused password's sentence in `lang`, or null when `code` is not a password refusal. `limit`
 * is the error's `limit` (the minimum length); a message string is still read for its number,
 * for callers that only have the message.
 */
export function passwordRefusalText(code: string, limit: number | string, lang: Lang): string | null {
  const key = PASSWORD_REFUSALS[code as ErrorCode]
  if (!key) return null
  const min = typeof limit === 'number' ? limit : Number(/\d+/.exec(limit)?.[0] ?? 8)
  return dashboardText(key, lang, { min })
}
