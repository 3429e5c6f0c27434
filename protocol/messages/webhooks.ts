/**
 * The webhooks section of the dashboard's configuration (issue 20): subscriptions of
 * integrators' URLs to event types, the secret shown once, the delivery log, and the alert a
 * paused or failing endpoint raises on the live view.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const WEBHOOK_MESSAGES = {
  'webhooks.nav': { ar: 'الربط مع الأنظمة (Webhooks)', en: 'Webhooks' },
  'webhooks.title': { ar: 'إشعار الأنظمة الأخرى بالأحداث', en: 'Telling other systems what happens' },
  'webhooks.intro': {
    ar: 'يُرسل كل حدث تختاره إلى العنوان موقّعًا، بالترتيب، ويُعاد إرساله أيامًا إن تعذّر الاستلام.',
    en: 'Every event you choose is sent to the address signed, in order, and retried for days while it cannot be received.',
  },
  'webhooks.hostsRule': {
    ar: 'لا يُقبل أي عنوان افتراضيًا: تُقبل فقط المضيفات التي أدرجها فريق تقنية المعلومات في ملف إعدادات المركز (webhooks.allowedHosts)، عبر https إلا ما أُدرج أيضًا في webhooks.httpHosts.',
    en: 'No address is accepted by default: only hosts the center’s IT listed in the center’s config file (webhooks.allowedHosts) are, over https unless also listed in webhooks.httpHosts.',
  },
  'webhooks.list': { ar: 'الاشتراكات', en: 'Subscriptions' },
  'webhooks.none': { ar: 'لا توجد اشتراكات بعد.', en: 'No subscriptions yet.' },
  'webhooks.url': { ar: 'العنوان (URL)', en: 'Address (URL)' },
  'webhooks.description': { ar: 'الوصف', en: 'Description' },
  'webhooks.events': { ar: 'الأحداث', en: 'Events' },
  'webhooks.state': { ar: 'الحالة', en: 'State' },
  'webhooks.counts': {
    ar: 'في الانتظار {pending, number}\u00a0— وصل {delivered, number}\u00a0— فشل {failed, number}',
    en: '{pending, number} pending\u00a0— {delivered, number} delivered\u00a0— {failed, number} failed',
  },
  'webhooks.active': { ar: 'يعمل', en: 'Delivering' },
  'webhooks.failing': { ar: 'يفشل منذ {since}', en: 'Failing since {since}' },
  'webhooks.pausedManual': { ar: 'موقوف يدويًا', en: 'Paused by an admin' },
  'webhooks.pausedFailing': { ar: 'موقوف لتكرار الفشل', en: 'Paused: it kept failing' },
  'webhooks.new': { ar: 'اشتراك جديد', en: 'New subscription' },
  'webhooks.edit': { ar: 'تعديل', en: 'Edit' },
  'webhooks.editing': { ar: 'تعديل الاشتراك {id}', en: 'Editing subscription {id}' },
  'webhooks.save': { ar: 'حفظ', en: 'Save' },
  'webhooks.cancel': { ar: 'إلغاء', en: 'Cancel' },
  'webhooks.delete': { ar: 'حذف', en: 'Delete' },
  'webhooks.deleteConfirm': {
    ar: 'حذف الاشتراك وسجل تسليماته، ومنها ما لم يُرسل بعد؟',
    en: 'Delete the subscription and its delivery log, undelivered ones included?',
  },
  'webhooks.pause': { ar: 'إيقاف', en: 'Pause' },
  'webhooks.resume': { ar: 'استئناف', en: 'Resume' },
  'webhooks.rotate': { ar: 'مفتاح جديد', en: 'New secret' },
  'webhooks.log': { ar: 'سجل التسليم', en: 'Delivery log' },
  'webhooks.secretTitle': { ar: 'المفتاح السري', en: 'Secret' },
  'webhooks.secretOnce': {
    ar: 'انسخه الآن: لن يظهر مرة أخرى. يوقّع به كل تسليم (Tabour-Signature).',
    en: 'Copy it now: it will not be shown again. It signs every delivery (Tabour-Signature).',
  },
  'webhooks.saved': { ar: 'تم الحفظ', en: 'Saved' },
  'webhooks.pickEvents': { ar: 'اختر حدثًا واحدًا على الأقل', en: 'Choose at least one event' },
  'webhooks.logEmpty': { ar: 'لا تسليمات بعد.', en: 'No deliveries yet.' },
  'webhooks.logFor': { ar: 'سجل التسليم: {url}', en: 'Delivery log: {url}' },
  'webhooks.col.event': { ar: 'الحدث', en: 'Event' },
  'webhooks.col.status': { ar: 'الحالة', en: 'Status' },
  'webhooks.col.code': { ar: 'رد المستقبل', en: 'Response' },
  'webhooks.col.attempts': { ar: 'المحاولات', en: 'Attempts' },
  'webhooks.col.next': { ar: 'المحاولة التالية', en: 'Next try' },
  'webhooks.col.created': { ar: 'أُضيف إلى الطابور', en: 'Queued' },
  'webhooks.afterResume': { ar: 'بعد الاستئناف', en: 'After it is resumed' },
  'webhooks.status.pending': { ar: 'في الانتظار', en: 'Pending' },
  'webhooks.status.delivered': { ar: 'وصل', en: 'Delivered' },
  'webhooks.status.failed': { ar: 'فشل نهائيًا', en: 'Given up' },
  'webhooks.redeliver': { ar: 'إعادة الإرسال', en: 'Redeliver' },
  'webhooks.redelivered': { ar: 'أضيف إلى آخر الطابور', en: 'Queued again at the end of the line' },
  'webhooks.noAnswer': { ar: 'بلا رد', en: 'No answer' },
  'webhooks.alert.region': { ar: 'تنبيهات الربط مع الأنظمة', en: 'Webhook alerts' },
  'webhooks.alert.paused': {
    ar: 'أُوقف الإرسال إلى {host} لتكرار الفشل. {pending, plural, =0 {لا شيء في الانتظار.} one {تسليم واحد محفوظ حتى الاستئناف.} two {تسليمان محفوظان حتى الاستئناف.} few {# تسليمات محفوظة حتى الاستئناف.} many {# تسليمًا محفوظًا حتى الاستئناف.} other {# تسليم محفوظ حتى الاستئناف.}}',
    en: 'Sending to {host} is paused: it kept failing. {pending, plural, =0 {Nothing is waiting.} one {# delivery is kept until it is resumed.} other {# deliveries are kept until it is resumed.}}',
  },
  'webhooks.alert.failing': {
    ar: 'يتعذّر الإرسال إلى {host} منذ {since}؛ تُعاد المحاولة',
    en: 'Sending to {host} has failed since {since}; retrying',
  },
  'webhooks.error.TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED': {
    ar: 'هذا المضيف غير مسموح به في إعدادات المركز (webhooks.allowedHosts)',
    en: 'This host is not allowed by the center’s settings (webhooks.allowedHosts)',
  },
  'webhooks.error.TABOUR_ERR_WEBHOOK_HTTPS_REQUIRED': {
    ar: 'يجب أن يبدأ العنوان بـ https لهذا المضيف',
    en: 'This host must be reached over https',
  },
  'webhooks.error.TABOUR_ERR_WEBHOOK_BAD_URL': { ar: 'العنوان غير صالح', en: 'This is not a valid address' },
  'webhooks.error.TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT': { ar: 'حدث غير معروف', en: 'Unknown event type' },
  'webhooks.error.other': { ar: 'تعذّر الحفظ: {message}', en: 'Could not save: {message}' },
  'webhooks.event.ticket.issued': { ar: 'إصدار تذكرة', en: 'Ticket issued' },
  'webhooks.event.ticket.called': { ar: 'نداء تذكرة', en: 'Ticket called' },
  'webhooks.event.ticket.recalled': { ar: 'إعادة النداء', en: 'Ticket recalled' },
  'webhooks.event.ticket.started': { ar: 'بدء الخدمة', en: 'Service started' },
  'webhooks.event.ticket.finished': { ar: 'انتهاء الخدمة', en: 'Ticket finished' },
  'webhooks.event.ticket.next_step': { ar: 'انتقال الزيارة إلى خطوتها التالية', en: 'Visit sent to its next step' },
  'webhooks.event.ticket.no_show': { ar: 'لم يحضر', en: 'No-show' },
  'webhooks.event.ticket.cancelled': { ar: 'إلغاء تذكرة', en: 'Ticket cancelled' },
  'webhooks.event.ticket.transferred': { ar: 'تحويل تذكرة', en: 'Ticket transferred' },
  'webhooks.event.ticket.reinstated': { ar: 'إعادة تذكرة بعد الغياب', en: 'No-show undone' },
  'webhooks.event.ticket.parked': { ar: 'ركن تذكرة لحين العودة', en: 'Ticket parked' },
  'webhooks.event.ticket.resumed': { ar: 'عودة تذكرة مركونة', en: 'Parked ticket resumed' },
  'webhooks.event.ticket.abandoned': { ar: 'انتهاء تذكرة لم يعد صاحبها', en: 'Ticket abandoned' },
  'webhooks.event.ticket.arrived': { ar: 'وصول من انضم بالهاتف', en: 'Phone joiner arrived' },
  'webhooks.event.ticket.rated': { ar: 'تقييم الخدمة', en: 'Service rated' },
  'webhooks.event.appointment.booked': { ar: 'حجز موعد', en: 'Appointment booked' },
  'webhooks.event.appointment.moved': { ar: 'تغيير موعد', en: 'Appointment moved' },
  'webhooks.event.appointment.cancelled': { ar: 'إلغاء موعد', en: 'Appointment cancelled' },
  'webhooks.event.appointment.checked_in': { ar: 'وصول صاحب موعد', en: 'Appointment checked in' },
  'webhooks.event.counter.opened': { ar: 'فتح شباك', en: 'Counter opened' },
  'webhooks.event.counter.resumed': { ar: 'استئناف شباك', en: 'Counter resumed' },
  'webhooks.event.counter.paused': { ar: 'إيقاف شباك مؤقتًا', en: 'Counter paused' },
  'webhooks.event.counter.closed': { ar: 'إغلاق شباك', en: 'Counter closed' },
  'webhooks.event.counter.away': { ar: 'الموظف غائب عن الشباك', en: 'Clerk away from counter' },
  'webhooks.event.counter.back': { ar: 'عودة الموظف', en: 'Clerk back' },
  'webhooks.event.counter.taken_over': { ar: 'تسلّم شباك', en: 'Counter taken over' },
  'webhooks.event.clerk.logged_in': { ar: 'دخول موظف', en: 'Clerk logged in' },
  'webhooks.event.clerk.logged_out': { ar: 'خروج موظف', en: 'Clerk logged out' },
} as const satisfies Catalogue

/** `webhooksText(key, lang, values?)`: the webhooks section's words and the common ones. */
export const webhooksText = messagesOf({ ...COMMON_MESSAGES, ...WEBHOOK_MESSAGES })

/** A key `webhooksText` knows. */
export type WebhookMessageKey = Parameters<typeof webhooksText>[0]
