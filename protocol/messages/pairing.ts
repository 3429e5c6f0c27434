/**
 * The pairing screen of kiosks and displays (ui-common/pairing-screen.ts).
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const PAIRING_MESSAGES = {
  'pair.title': { ar: 'ربط جهاز الإصدار بالمركز', en: 'Pair this kiosk with the center' },
  'pair.titleDisplay': { ar: 'ربط شاشة الانتظار بالمركز', en: 'Pair this display with the center' },
  'pair.notDisplay': {
    ar: 'هذا الرمز لجهاز من نوع آخر، وليس لشاشة انتظار.',
    en: 'This code belongs to another kind of device, not a waiting-room display.',
  },
  'pair.titleFeedback': { ar: 'ربط لوحة تقييم الخدمة بالمركز', en: 'Pair this feedback tablet with the center' },
  'pair.notFeedback': {
    ar: 'هذا الرمز لجهاز من نوع آخر، وليس للوحة تقييم الخدمة.',
    en: 'This code belongs to another kind of device, not a feedback tablet.',
  },
  'pair.revokedFeedback': { ar: 'أُلغي ربط هذه اللوحة. أدخل رمز ربط جديد.', en: 'This tablet was unpaired. Enter a new pairing code.' },
  'pair.revokedDisplay': { ar: 'أُلغي ربط هذه الشاشة. أدخل رمز ربط جديد.', en: 'This display was unpaired. Enter a new pairing code.' },
  'pair.hint': {
    ar: 'أدخل رمز الربط المكوّن من {n, plural, zero {# خانة} one {خانة واحدة} two {خانتين} few {# خانات} many {# خانة} other {# خانة}} الظاهر في شاشة إدارة الأجهزة',
    en: 'Enter the {n, plural, other {#-character}} pairing code shown in the device administration screen',
  },
  'pair.codeLabel': { ar: 'رمز الربط', en: 'Pairing code' },
  'pair.submit': { ar: 'ربط الجهاز', en: 'Pair' },
  'pair.pairing': { ar: 'جارٍ الربط…', en: 'Pairing…' },
  'pair.badCode': {
    ar: 'رمز الربط غير صحيح أو استُخدم من قبل أو انتهت صلاحيته. اطلب رمزًا جديدًا.',
    en: 'This pairing code is wrong, already used or expired. Ask for a new code.',
  },
  'pair.rateLimited': { ar: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.', en: 'Too many attempts. Wait a minute and try again.' },
  'pair.network': {
    ar: 'تعذّر الاتصال بالخادم. تحقّق من الشبكة ثم حاول مرة أخرى.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  'pair.failed': { ar: 'تعذّر ربط الجهاز. حاول مرة أخرى.', en: 'Pairing failed. Please try again.' },
  'pair.notKiosk': {
    ar: 'هذا الرمز لجهاز من نوع آخر، وليس لجهاز إصدار تذاكر.',
    en: 'This code belongs to another kind of device, not a ticket kiosk.',
  },
  'pair.revoked': { ar: 'أُلغي ربط هذا الجهاز. أدخل رمز ربط جديد.', en: 'This kiosk was unpaired. Enter a new pairing code.' },
} as const satisfies Catalogue

/** `pairingText(key, lang, values?, digits?)`: the pairing screen's words and the common ones. */
export const pairingText = messagesOf({ ...COMMON_MESSAGES, ...PAIRING_MESSAGES })

/** A key `pairingText` knows. */
export type PairingMessageKey = Parameters<typeof pairingText>[0]
