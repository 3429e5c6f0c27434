/**
 * The public ticket status page (what the QR on a ticket opens).
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { TICKET_MESSAGES } from './ticket.ts'

export const STATUS_MESSAGES = {
  'status.yourTurn': { ar: 'حان دورك', en: "It's your turn" },
  'status.goToCounter': { ar: 'توجّه إلى الشباك {n}', en: 'Please go to counter {n}' },
  'status.serving': { ar: 'تتم خدمتك في الشباك {n}', en: 'Being served at counter {n}' },
  'status.done': { ar: 'تمت خدمتك. شكرًا لزيارتك.', en: 'You have been served. Thank you for your visit.' },
  'status.noShow': { ar: 'فاتك دورك. يرجى مراجعة مكتب الاستعلامات.', en: 'You missed your turn. Please ask at the information desk.' },
  'status.cancelled': { ar: 'أُلغيت هذه التذكرة.', en: 'This ticket was cancelled.' },
  'status.notFound': { ar: 'لم نجد هذه التذكرة. تحقّق من الرابط.', en: 'Ticket not found. Check the link.' },
  'status.offline': { ar: 'تعذّر التحديث، نحاول مرة أخرى…', en: 'Could not refresh; trying again…' },
  'status.autoRefresh': { ar: 'تتحدّث هذه الصفحة تلقائيًا', en: 'This page updates by itself' },
  'status.live': { ar: 'تتحدّث هذه الصفحة فورًا عند كل نداء', en: 'This page updates the moment anyone is called' },
  'status.counterName': { ar: 'الشباك {n}: {name}', en: 'Counter {n}: {name}' },
  'status.cancel': { ar: 'إلغاء تذكرتي', en: 'Cancel my ticket' },
  'status.cancelConfirm': {
    ar: 'هل تريد إلغاء التذكرة {label}؟ ستفقد مكانك في الدور.',
    en: 'Cancel ticket {label}? You will lose your place in line.',
  },
  'status.cancelYes': { ar: 'نعم، ألغِ التذكرة', en: 'Yes, cancel it' },
  'status.cancelNo': { ar: 'لا، أبقِ مكاني', en: 'No, keep my place' },
  'status.cancelTooLate': {
    ar: 'لم يعد بالإمكان إلغاء هذه التذكرة: لقد نودي عليها أو انتهت.',
    en: 'This ticket can no longer be cancelled: it was already called or finished.',
  },
  'status.cancelFailed': { ar: 'تعذّر الإلغاء. حاول مرة أخرى.', en: 'Could not cancel. Please try again.' },
  'app.ticketStatus': { ar: 'حالة التذكرة', en: 'Ticket status' },
  // parking (issue 21)
  'status.parked': {
    ar: 'دورك محفوظ ريثما تُحضر ما ينقصك. عند عودتك أخبر موظف الشباك برقم تذكرتك.',
    en: 'Your turn is kept while you fetch what is missing. When you are back, tell a clerk at the counter your ticket number.',
  },
  'status.abandoned': {
    ar: 'لم تعد في الوقت المحدد فانتهت هذه التذكرة. يرجى أخذ تذكرة جديدة.',
    en: 'You did not come back in time, so this ticket has ended. Please take a new ticket.',
  },
} as const satisfies Catalogue

/** `statusText(key, lang, values?, digits?)`: the status page's words, the ticket's and the common ones. */
export const statusText = messagesOf({ ...COMMON_MESSAGES, ...TICKET_MESSAGES, ...STATUS_MESSAGES })

/** A key `statusText` knows. */
export type StatusMessageKey = Parameters<typeof statusText>[0]
