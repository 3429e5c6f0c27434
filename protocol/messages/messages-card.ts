/**
 * The dashboard's card about messages to citizens (issue 20): today's figures by kind and
 * provider, and the provider's health.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const MESSAGES_CARD_MESSAGES = {
  'msgs.title': { ar: 'الرسائل إلى المواطنين اليوم', en: 'Messages to citizens today' },
  'msgs.off': { ar: 'الرسائل متوقفة: لم يُضبط مزوّد للرسائل.', en: 'Messages are off: no provider is configured.' },
  'msgs.none': { ar: 'لم تُرسل رسائل اليوم.', en: 'No messages today.' },
  'msgs.provider': { ar: 'المزوّد: {provider}', en: 'Provider: {provider}' },
  'msgs.up': { ar: 'متصل', en: 'Connected' },
  'msgs.down': { ar: 'غير متصل', en: 'Not connected' },
  // it answers, but its latest messages all failed (walk s52: «متصل» beside a 404 for every message); {error}: msgs.answered
  // or the error as recorded
  'msgs.failing': {
    ar: '{n, plural, one {فشلت آخر رسالة} two {فشلت آخر رسالتين} few {فشلت آخر # رسائل} other {فشلت آخر # رسالة}}: {error}، الساعة {time}',
    en: '{n, plural, one {The last message failed} other {The last # messages failed}}: {error} at {time}',
  },
  'msgs.answered': { ar: 'ردّ المزوّد بالرمز {status, number, ::group-off}', en: 'the provider answered {status, number, ::group-off}' },
  'msgs.pending': {
    ar: '{n, plural, =0 {لا رسائل في الانتظار} one {رسالة واحدة في الانتظار} two {رسالتان في الانتظار} few {# رسائل في الانتظار} many {# رسالة في الانتظار} other {# رسالة في الانتظار}}',
    en: '{n, plural, =0 {nothing waiting} one {# waiting} other {# waiting}}',
  },
  'msgs.health.name': { ar: 'مزوّد الرسائل (SMS/واتساب)', en: 'Message provider (SMS/WhatsApp)' },
  'msgs.health.off': { ar: 'متوقف: لم يُضبط مزوّد', en: 'Off: no provider configured' },
  'msgs.health.upSince': { ar: 'منذ {time}', en: 'since {time}' },
  'msgs.health.downSince': { ar: 'منذ {time}', en: 'since {time}' },
  'msgs.health.never': { ar: 'لم يتصل بعد', en: 'not connected yet' },
  'msgs.kind': { ar: 'النوع', en: 'Kind' },
  'msgs.sent': { ar: 'أُرسلت', en: 'Sent' },
  'msgs.delivered': { ar: 'وصلت', en: 'Delivered' },
  'msgs.failed': { ar: 'فشلت', en: 'Failed' },
  'msgs.expired': { ar: 'انتهت مهلتها', en: 'Expired' },
  'msgs.queued': { ar: 'في الانتظار', en: 'Waiting' },
  'msgs.kind.ticket_taken': { ar: 'أخذ تذكرة', en: 'Ticket taken' },
  'msgs.kind.ticket_ahead': { ar: 'اقترب الدور', en: 'Turn coming up' },
  'msgs.kind.ticket_called': { ar: 'النداء', en: 'Called' },
  'msgs.kind.ticket_missed': { ar: 'فاته الدور', en: 'Missed turn' },
  // the two closings' texts, each named for when it goes (walk s50: "Cancelled at closing" and "Cancelled at the
  // day's close" said no difference): the center's closing time (reason center_closed), or the business day's end
  // (day_closed, even in a center open around the clock); the Messages section says who gets each (tpl.about.*)
  'msgs.kind.ticket_closed': { ar: 'إلغاء التذكرة وقت إغلاق المركز', en: "Ticket cancelled at the center's closing time" },
  'msgs.kind.ticket_day_closed': { ar: 'إلغاء التذكرة بانتهاء يوم العمل', en: 'Ticket cancelled when the business day ended' },
  // a place held from a phone: its turn came before its citizen checked in (the deadline to check in)
  'msgs.kind.ticket_turn_came': { ar: 'جاء الدور قبل تسجيل الوصول', en: 'Turn came before check-in' },
  'msgs.kind.appointment_booked': { ar: 'حجز موعد', en: 'Appointment booked' },
  'msgs.kind.appointment_reminder': { ar: 'تذكير بموعد', en: 'Appointment reminder' },
  'msgs.kind.appointment_moved': { ar: 'نقل موعد', en: 'Appointment moved' },
  'msgs.kind.appointment_cancelled': { ar: 'إلغاء موعد', en: 'Appointment cancelled' },
} as const satisfies Catalogue

/** `messagesCardText(key, lang, values?, digits?)`. */
export const messagesCardText = messagesOf(MESSAGES_CARD_MESSAGES)
export type MessagesCardKey = Parameters<typeof messagesCardText>[0]
