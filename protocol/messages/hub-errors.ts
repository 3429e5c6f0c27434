/**
 * What the hub's pages say for each error code the hub answers (protocol/upstream.ts
 * HubErrorCodes), in Arabic and English: the page shows its own text for the code, never the
 * hub's English `message`, which is only the fallback for a code this catalogue does not know
 * (a newer hub). `satisfies` makes a code without texts a compile error;
 * test/hub/hub-error-texts.test.ts checks both texts of every code, and every HUB_ERR_ the hub's
 * source names. Keyed by the codes' strings: upstream.ts (node:crypto) cannot reach a browser bundle.
 */
import type { Lang } from '../common.ts'
import type { HubErrorCode } from '../upstream.ts'
import { type Message, messagesOf } from './format.ts'
import { HUB_MESSAGES } from './hub.ts'

export const HUB_ERROR_MESSAGES = {
  HUB_ERR_UNSIGNED: { ar: 'الطلب غير موقّع.', en: 'The request is not signed.' },
  HUB_ERR_UNKNOWN_CENTER: { ar: 'هذا المركز غير مسجل لدى الجهة المركزية.', en: 'This center is not registered at the hub.' },
  HUB_ERR_BAD_SIGNATURE: { ar: 'توقيع الطلب غير صحيح.', en: 'The request’s signature is not valid.' },
  HUB_ERR_STALE_TIMESTAMP: {
    ar: 'وقت الطلب بعيد عن ساعة الجهة المركزية. اضبط ساعة الجهاز.',
    en: 'The request’s time is too far from the hub’s clock. Set the device’s clock.',
  },
  HUB_ERR_REPLAYED: { ar: 'هذا الطلب أُرسل من قبل.', en: 'This request was sent before.' },
  HUB_ERR_CENTER_MISMATCH: {
    ar: 'الطلب يذكر مركزًا غير المركز الذي وقّعه.',
    en: 'The request names another center than the one that signed it.',
  },
  HUB_ERR_CENTER_INACTIVE: { ar: 'هذا المركز موقوف.', en: 'This center is deactivated.' },
  HUB_ERR_VALIDATION: { ar: 'بعض البيانات المرسلة غير صحيحة.', en: 'Some of the data sent is not valid.' },
  HUB_ERR_UNAUTHENTICATED: {
    ar: 'يلزم تسجيل الدخول، أو أن الرمز غير صحيح.',
    en: 'Signing in is needed, or the token is not valid.',
  },
  HUB_ERR_ADMIN_DISABLED: { ar: 'واجهة الإدارة غير مفعّلة لدى هذه الجهة المركزية.', en: 'The admin API is turned off on this hub.' },
  HUB_ERR_CENTER_NOT_FOUND: { ar: 'لا يوجد مركز بهذا الرمز.', en: 'There is no center with that id.' },
  HUB_ERR_CENTER_EXISTS: { ar: 'يوجد مركز بهذا الرمز بالفعل.', en: 'A center with that id exists already.' },
  HUB_ERR_NOT_FOUND: { ar: 'المطلوب غير موجود.', en: 'What was asked for does not exist.' },
  HUB_ERR_UNKNOWN_NATIONAL_CODE: {
    ar: 'رمز الخدمة القومية هذا غير موجود في الدليل القومي.',
    en: 'That national service code is not in the national catalogue.',
  },
  HUB_ERR_RATE_LIMITED: {
    ar: 'طلبات كثيرة في وقت قصير. انتظر قليلًا ثم حاول مرة أخرى.',
    en: 'Too many requests in a short time. Wait a moment and try again.',
  },
  HUB_ERR_FORBIDDEN_GOVERNORATE: {
    ar: 'صلاحيات حسابك لا تشمل هذه المحافظة.',
    en: 'Your account’s scope does not include that governorate.',
  },
  HUB_ERR_UNKNOWN_GOVERNORATE: { ar: 'هذه ليست من محافظات مصر.', en: 'That is not one of Egypt’s governorates.' },
  // the sign-in form's own sentence: one wording for a refused sign-in
  HUB_ERR_BAD_CREDENTIALS: HUB_MESSAGES.badCredentials,
  HUB_ERR_ANALYST_EXISTS: { ar: 'يوجد محلل بهذا الاسم بالفعل.', en: 'An analyst with that username exists already.' },
  HUB_ERR_BUNDLE_INVALID: { ar: 'قيمة ناقصة أو غير صالحة في الحزمة.', en: 'A value of the bundle is missing or not valid.' },
  HUB_ERR_BUNDLE_NOT_FOUND: { ar: 'لا توجد حزمة إعدادات بهذا الإصدار.', en: 'There is no configuration bundle of that version.' },
  HUB_ERR_BUNDLE_PUBLISHED: {
    ar: 'هذه الحزمة منشورة بالفعل، والحزمة المنشورة لا تتغير.',
    en: 'That bundle is published already, and a published bundle never changes.',
  },
  HUB_ERR_NATIONAL_ONLY: {
    ar: 'حزم الإعدادات لحسابات المستوى القومي فقط.',
    en: 'Configuration bundles are for national accounts only.',
  },
  HUB_ERR_INTERNAL: { ar: 'حدث خطأ داخلي لدى الجهة المركزية.', en: 'The hub had an internal error.' },
  HUB_ERR_RANGE_TOO_LONG: {
    ar: 'الفترة أطول من المسموح (سنة، و٣١ يومًا لساعات اليوم). اختر فترة أقصر.',
    en: 'The range is longer than allowed (a year; 31 days by hour). Choose a shorter range.',
  },
  HUB_ERR_QUERY_TIMEOUT: {
    ar: 'استغرق حساب الأرقام وقتًا طويلًا. اختر فترة أقصر أو حاول لاحقًا.',
    en: 'The figures took too long to compute. Choose a shorter range, or try later.',
  },
} as const satisfies Record<HubErrorCode, Message>

const errorText = messagesOf(HUB_ERROR_MESSAGES)

/** Whether the page has its own texts for `code`. */
export const knownHubError = (code: string): code is HubErrorCode => Object.hasOwn(HUB_ERROR_MESSAGES, code)

/**
 * What the page says for a refusal: its own text for the code in `lang`; for a code it does not
 * know, the hub's message (English) with `lang: 'en'`, so the page can mark it; null when neither.
 */
export function hubErrorText(err: { code: string; message?: string }, lang: Lang): { text: string; lang: Lang } | null {
  if (knownHubError(err.code)) return { text: errorText(err.code, lang), lang }
  return err.message ? { text: err.message, lang: 'en' } : null
}
