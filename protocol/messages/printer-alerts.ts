/**
 * Printer alerts on every clerk console and the dashboard: a kiosk's printer that runs low,
 * stops (out of paper, cover open, offline, not answering, a garbled status) or works again.
 * One sentence per stable problem code (protocol/printer-problem.ts), the kiosk named.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { PRINT_PROBLEM_MESSAGES } from './print-problem.ts'

export const PRINTER_ALERT_MESSAGES = {
  'printerAlert.region': { ar: 'تنبيهات الطابعات', en: 'Printer alerts' },
  'printerAlert.not-answering': { ar: 'الكشك «{kiosk}»: الطابعة لا تستجيب', en: 'Kiosk “{kiosk}”: the printer is not answering' },
  'printerAlert.bad-status-reply': {
    ar: 'الكشك «{kiosk}»: الطابعة ترد بحالة غير مفهومة',
    en: 'Kiosk “{kiosk}”: the printer answers its status check with garbage',
  },
  'printerAlert.cover-open': { ar: 'الكشك «{kiosk}»: غطاء الطابعة مفتوح', en: 'Kiosk “{kiosk}”: the printer cover is open' },
  'printerAlert.paper-out': { ar: 'الكشك «{kiosk}»: نفد ورق الطابعة', en: 'Kiosk “{kiosk}”: the printer is out of paper' },
  'printerAlert.printer-error': { ar: 'الكشك «{kiosk}»: عطل في الطابعة', en: 'Kiosk “{kiosk}”: the printer reports an error' },
  'printerAlert.offline': { ar: 'الكشك «{kiosk}»: الطابعة غير متصلة', en: 'Kiosk “{kiosk}”: the printer is offline' },
  'printerAlert.paper-near-end': {
    ar: 'الكشك «{kiosk}»: ورق الطابعة على وشك النفاد',
    en: 'Kiosk “{kiosk}”: the printer paper is running low',
  },
  'printerAlert.stopped': {
    ar: 'لا تُطبع التذاكر؛ تظهر على شاشة الكشك فقط',
    en: 'Tickets are not printed; they are shown on the kiosk screen only',
  },
  'printerAlert.back': { ar: 'الكشك «{kiosk}»: عادت الطابعة إلى العمل', en: 'Kiosk “{kiosk}”: the printer works again' },
  // a ticket job that failed (its printer may look healthy): which ticket, when, and why (PRINT_PROBLEM_MESSAGES)
  'printerAlert.jobFailed': {
    ar: 'الكشك «{kiosk}»: لم تُطبع التذكرة {label} الساعة {time}؛ {why}',
    en: 'Kiosk “{kiosk}”: ticket {label} did not print at {time}; {why}',
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
