/**
 * Printer alerts on every clerk console and the dashboard: a kiosk's printer that runs low,
 * stops (out of paper, cover open, offline, not answering, a garbled status) or works again.
 * One sentence per stable problem code (protocol/printer-problem.ts), the kiosk named, or the
 * stand-alone printer (`kind`: a reception printer is not a kiosk).
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { PRINT_PROBLEM_MESSAGES } from './print-problem.ts'

export const PRINTER_ALERT_MESSAGES = {
  'printerAlert.region': { ar: 'تنبيهات الطابعات', en: 'Printer alerts' },
  'printerAlert.not-answering': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: الطابعة لا تستجيب',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer is not answering',
  },
  'printerAlert.bad-status-reply': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: الطابعة ترد بحالة غير مفهومة',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer answers its status check with garbage',
  },
  'printerAlert.cover-open': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: غطاء الطابعة مفتوح',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer cover is open',
  },
  'printerAlert.paper-out': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: نفد ورق الطابعة',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer is out of paper',
  },
  'printerAlert.printer-error': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: عطل في الطابعة',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer reports an error',
  },
  'printerAlert.offline': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: الطابعة غير متصلة',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer is offline',
  },
  'printerAlert.paper-near-end': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: ورق الطابعة على وشك النفاد',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer paper is running low',
  },
  // a kiosk shows its tickets on screen; a stand-alone printer's (reception, counters) are simply not printed
  'printerAlert.stopped': {
    ar: '{kind, select, printer {لا تُطبع التذاكر المرسلة إليها} other {لا تُطبع التذاكر؛ تظهر على شاشة الكشك فقط}}',
    en: '{kind, select, printer {Tickets sent to it are not printed} other {Tickets are not printed; they are shown on the kiosk screen only}}',
  },
  'printerAlert.back': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: عادت الطابعة إلى العمل',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: the printer works again',
  },
  // a ticket job that failed (its printer may look healthy): which ticket, when, and why (PRINT_PROBLEM_MESSAGES)
  'printerAlert.jobFailed': {
    ar: '{kind, select, printer {الطابعة «{kiosk}»} other {الكشك «{kiosk}»}}: لم تُطبع التذكرة {label} الساعة {time}؛ {why}',
    en: '{kind, select, printer {Printer “{kiosk}”} other {Kiosk “{kiosk}”}}: ticket {label} did not print at {time}; {why}',
  },
  'printerAlert.jobFailedHint': {
    ar: 'يبقى هذا التنبيه حتى تُطبع تذكرة على هذه الطابعة؛ يمكن إعادة طباعة التذكرة من أدوات التذاكر',
    en: 'This stays until a ticket prints on this printer; the ticket can be reprinted from the ticket tools',
  },
} as const satisfies Catalogue

/** `printerAlertText(key, lang, values?)`: the printer alerts' words and the common ones. */
export const printerAlertText = messagesOf({ ...COMMON_MESSAGES, ...PRINT_PROBLEM_MESSAGES, ...PRINTER_ALERT_MESSAGES })

/** A key `printerAlertText` knows. */
export type PrinterAlertMessageKey = Parameters<typeof printerAlertText>[0]
