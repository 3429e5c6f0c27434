/**
 * What every screen says: the product, loading, the language switch, the keypad, and the
 * staff screens' login and counter states. Each screen's formatter spreads it in.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const COMMON_MESSAGES = {
  'product.name': { ar: 'طابور', en: 'Tabour' },
  'langSwitch.label': { ar: 'تغيير اللغة', en: 'Change language' },
  'common.loading': { ar: 'جارٍ التحميل…', en: 'Loading…' },
  'common.delete': { ar: 'مسح آخر خانة', en: 'Delete last' },
  'common.clear': { ar: 'مسح الكل', en: 'Clear all' },
  'common.cancel': { ar: 'إلغاء', en: 'Cancel' },
  'login.username': { ar: 'اسم المستخدم', en: 'Username' },
  'login.password': { ar: 'كلمة المرور', en: 'Password' },
  'login.submit': { ar: 'دخول', en: 'Log in' },
  logout: { ar: 'تسجيل الخروج', en: 'Log out' },
  'state.open': { ar: 'مفتوح', en: 'Open' },
  'state.paused': { ar: 'متوقف مؤقتًا', en: 'Paused' },
  'state.closed': { ar: 'مغلق', en: 'Closed' },
} as const satisfies Catalogue

/** `commonText(key, lang, values?, digits?)`: for the parts every screen shares (the language switch, the keypad). */
export const commonText = messagesOf(COMMON_MESSAGES)
