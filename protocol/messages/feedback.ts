/**
 * Citizen feedback (issue 21): the counter tablet (counter-ui/feedback/), the rating on the
 * ticket's status page, and the dashboard's card and alert. The reason words are in
 * protocol/feedback.ts FEEDBACK_REASONS (one list with their codes); the faces' words are here.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const FEEDBACK_MESSAGES = {
  'feedback.idle.title': { ar: 'رأيك يهمنا', en: 'Your opinion matters' },
  'feedback.idle.hint': {
    ar: 'بعد انتهاء خدمتك في هذا الشباك ستظهر هنا الوجوه لتقييمها',
    en: 'When your visit at this counter ends, the faces appear here for you to rate it',
  },
  'feedback.unbound': {
    ar: 'هذه اللوحة غير مرتبطة بشباك. يربطها مدير النظام من شاشة الأجهزة.',
    en: 'This tablet is not bound to a counter. An administrator binds it in the devices screen.',
  },
  // {number, number}: in the center's digits in Arabic (a bare {number} stays Western)
  'feedback.counter': { ar: 'شباك {number, number}', en: 'Counter {number, number}' },
  'feedback.ask.title': { ar: 'كيف كانت خدمتك اليوم؟', en: 'How was your service today?' },
  'feedback.ask.ticket': { ar: 'تذكرة {label}', en: 'Ticket {label}' },
  'feedback.face.1': { ar: 'سيئة جدًا', en: 'Very bad' },
  'feedback.face.2': { ar: 'سيئة', en: 'Bad' },
  'feedback.face.3': { ar: 'مقبولة', en: 'Fair' },
  'feedback.face.4': { ar: 'جيدة', en: 'Good' },
  'feedback.face.5': { ar: 'ممتازة', en: 'Excellent' },
  'feedback.reasons.title': { ar: 'ما الذي لم يعجبك؟ (اختياري)', en: 'What went wrong? (optional)' },
  'feedback.reasons.send': { ar: 'إرسال', en: 'Send' },
  'feedback.reasons.skip': { ar: 'إرسال بدون سبب', en: 'Send without a reason' },
  'feedback.thanks': { ar: 'شكرًا لك! تقييمك يساعدنا على خدمتك بشكل أفضل.', en: 'Thank you! Your rating helps us serve you better.' },
  'feedback.sending': { ar: 'جارٍ الإرسال…', en: 'Sending…' },
  'feedback.error.exists': { ar: 'تم تقييم هذه الزيارة من قبل. شكرًا لك.', en: 'This visit has already been rated. Thank you.' },
  'feedback.error.late': { ar: 'انتهى وقت تقييم هذه الزيارة.', en: 'The time to rate this visit has passed.' },
  'feedback.error.failed': { ar: 'تعذّر إرسال التقييم. حاول مرة أخرى.', en: 'The rating could not be sent. Please try again.' },
  'feedback.offline': { ar: 'انقطع الاتصال بالمركز، جارٍ إعادة المحاولة…', en: 'The center cannot be reached; retrying…' },
  // the status page, after the visit
  'feedback.status.title': { ar: 'قيّم خدمتك', en: 'Rate your service' },
  'feedback.status.done': { ar: 'شكرًا لك، وصل تقييمك.', en: 'Thank you, your rating was received.' },
  // the dashboard: live card, alert, report
  'feedback.card.title': { ar: 'رضا المواطنين اليوم', en: "Citizens' satisfaction today" },
  'feedback.card.none': { ar: 'لا تقييمات بعد اليوم.', en: 'No ratings yet today.' },
  'feedback.card.summary': {
    ar: '{count, plural, zero {لا تقييمات} one {تقييم واحد} two {تقييمان} few {# تقييمات} many {# تقييمًا} other {# تقييم}}، المتوسط {average} من {max}، والمنخفضة منها {lowPercent}',
    en: '{count, plural, one {# rating} other {# ratings}}, average {average} of {max}, low ones {lowPercent}',
  },
  'feedback.col.counter': { ar: 'الشباك', en: 'Counter' },
  'feedback.col.count': { ar: 'عدد التقييمات', en: 'Ratings' },
  'feedback.col.average': { ar: 'المتوسط (من {max})', en: 'Average (of {max})' },
  'feedback.col.low': { ar: 'منخفضة ({low} أو أقل)', en: 'Low ({low} or less)' },
  'feedback.col.reasons': { ar: 'أكثر الأسباب', en: 'Top reasons' },
  'feedback.alert': {
    ar: 'تقييمات شباك {number, number} ({name}) منخفضة: المتوسط {average} من {max} في آخر {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}} ({count, plural, zero {لا تقييمات} one {تقييم واحد} two {تقييمان} few {# تقييمات} many {# تقييمًا} other {# تقييم}})، أقل من الحد {threshold}.',
    en: 'Counter {number, number} ({name}) is rated low: average {average} of {max} over the last {minutes, plural, one {# minute} other {# minutes}} ({count, plural, one {# rating} other {# ratings}}), below {threshold}.',
  },
  // the dashboard's reports view (dashboard-ui/feedback-report.ts)
  'feedback.report.title': { ar: 'تقييمات المواطنين', en: 'Citizen ratings' },
  'feedback.report.none': { ar: 'لا تقييمات في هذه الفترة.', en: 'No ratings in this period.' },
  'feedback.report.failed': { ar: 'تعذّر تحميل التقييمات.', en: 'The ratings could not be loaded.' },
  'feedback.report.hint': {
    ar: 'التقييم يُحسب في اليوم والساعة التي أُعطي فيها. الأسباب يختارها المواطن مع التقييم المنخفض ({low} أو أقل)، وقد يختار أكثر من سبب.',
    en: 'A rating counts in the day and hour it was given. Reasons are chosen by the citizen with a low rating ({low} or less), several or none.',
  },
  'feedback.col.reasonsGiven': { ar: 'أسباب التقييمات المنخفضة', en: 'Reasons given with low ratings' },
} as const satisfies Catalogue

/** `feedbackText(key, lang, values?, digits?)`: the feedback screens' words and the common ones. */
export const feedbackText = messagesOf({ ...COMMON_MESSAGES, ...FEEDBACK_MESSAGES })

/** A key `feedbackText` knows. */
export type FeedbackMessageKey = Parameters<typeof feedbackText>[0]
