/**
 * The printable daily report and a clerk's shift report (dashboard-ui/print-report.ts), opened
 * from the dashboard's reports view and printed on A4 (or saved as PDF from the print dialog).
 */
import { messagesOf, type Catalogue } from './format.ts'

export const PRINT_REPORT_MESSAGES = {
  'print.section': { ar: 'تقارير للطباعة', en: 'Printable reports' },
  'print.day': { ar: 'اليوم', en: 'Day' },
  'print.clerk': { ar: 'الموظف', en: 'Clerk' },
  'print.openDaily': { ar: 'التقرير اليومي', en: 'Daily report' },
  'print.openShift': { ar: 'تقرير وردية الموظف', en: 'Clerk shift report' },
  'print.print': { ar: 'طباعة', en: 'Print' },
  'print.back': { ar: 'رجوع إلى التقارير', en: 'Back to reports' },
  'print.hint': {
    ar: 'تُطبع على ورقة A4؛ لحفظ نسخة اختر «حفظ بتنسيق PDF» من نافذة الطباعة.',
    en: 'Prints on one A4 sheet; to keep a copy choose “Save as PDF” in the print dialog.',
  },
  'print.dailyTitle': { ar: 'التقرير اليومي لحركة التذاكر', en: 'Daily ticket report' },
  'print.shiftTitle': { ar: 'تقرير وردية: {name}', en: 'Shift report: {name}' },
  'print.dayLine': { ar: '{day}\u00a0— بتوقيت المركز ({zone})', en: '{day}\u00a0— center time ({zone})' },
  'print.prepared': { ar: 'أُعدّ في {at}', en: 'Prepared at {at}' },
  'print.figures': { ar: 'أرقام اليوم', en: 'Figures of the day' },
  // the bars count every finish, a referral too: "finished", as the legend under the title says
  'print.hourly': { ar: 'التذاكر الصادرة والمنتهية حسب الساعة', en: 'Tickets issued and finished by hour' },
  'print.byService': { ar: 'حسب الخدمة', en: 'By service' },
  'print.byCounter': { ar: 'حسب الشباك', en: 'By counter' },
  // under the by-counter table: its total's SLA (range-report.ts overdue) counts the tickets still
  // waiting past their target, which no counter has, so every row at 100 % stood over a total of 73.7 %
  'print.counterSlaNote': {
    ar: 'يحسب الإجمالي في «ضمن الهدف» أيضًا التذاكر التي ما زالت تنتظر بعد تجاوز الزمن المستهدف؛ هذه لم ينادِ عليها أي شباك بعد، فلا تظهر في صفوف الشبابيك.',
    en: 'The total’s SLA also counts the tickets still waiting past their target; no counter has called them yet, so they are in no counter’s row.',
  },
  // the figure is the longest issue-to-first-call of the tickets called that day (server/reports
  // figures.ts): a ticket still waiting, or left unserved, is not in it, so the label says "to a call"
  'print.maxWait': { ar: 'أطول انتظار حتى النداء', en: 'Longest wait to a call' },
  'print.noTickets': { ar: 'لا توجد تذاكر في هذا اليوم.', en: 'No tickets on this day.' },
  'print.sessions': { ar: 'فترات العمل على الشبابيك', en: 'Time at counters' },
  'print.session': { ar: 'شباك {counter}: من {from} إلى {until}', en: 'Counter {counter}: {from} to {until}' },
  'print.stillOpen': { ar: 'الآن (ما زال مفتوحًا)', en: 'now (still open)' },
  'print.noSessions': { ar: 'لم يفتح شباكًا في هذا اليوم.', en: 'Opened no counter on this day.' },
  'print.calls': { ar: 'التذاكر التي نادى عليها', en: 'Tickets called' },
  'print.noCalls': { ar: 'لم ينادِ على أي تذكرة في هذا اليوم.', en: 'Called no ticket on this day.' },
  'print.ticket': { ar: 'التذكرة', en: 'Ticket' },
  'print.service': { ar: 'الخدمة', en: 'Service' },
  'print.counter': { ar: 'الشباك', en: 'Counter' },
  'print.calledAt': { ar: 'وقت النداء', en: 'Called at' },
  'print.endedAt': { ar: 'وقت الانتهاء', en: 'Ended at' },
  'print.waited': { ar: 'الانتظار', en: 'Waited' },
  'print.handled': { ar: 'مدة الخدمة', en: 'Time at counter' },
  'print.outcome': { ar: 'النتيجة', en: 'Outcome' },
  // finished, its finish outcome unknown (a server before finishedWith): the outcome's own name otherwise
  'outcome.finished': { ar: 'أُنهيت', en: 'Finished' },
  'outcome.no_show': { ar: 'لم يحضر', en: 'No-show' },
  'outcome.transferred': { ar: 'حُوّل', en: 'Transferred' },
  // server/reports/shift-report.ts: parked and not back yet, its deadline still ahead
  'outcome.parked': { ar: 'مؤجلة حتى يعود صاحبها', en: 'Parked until the citizen returns' },
  // parked and never resumed: the sweep ends it at its deadline, the day's close leaves parked tickets alone
  'outcome.abandoned': { ar: 'أُجّلت ولم يعد صاحبها في الوقت', en: 'Parked; the citizen did not return in time' },
  'outcome.open': { ar: 'ما زال عند الشباك', en: 'Still at the counter' },
  'outcome.back_in_line': { ar: 'عاد إلى الدور بعد التراجع عن عدم الحضور', en: 'Back in line (no-show undone)' },
  'print.signature': { ar: 'توقيع مدير المركز', en: 'Center manager’s signature' },
  'print.loadFailed': { ar: 'تعذّر تحميل التقرير.', en: 'Could not load the report.' },
} as const satisfies Catalogue

/** `printReportText(key, lang, values?, digits?)`: the printable reports' words. */
export const printReportText = messagesOf(PRINT_REPORT_MESSAGES)

/** A key `printReportText` knows. */
export type PrintReportMessageKey = Parameters<typeof printReportText>[0]
