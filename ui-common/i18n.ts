/**
 * A tiny typed i18n for the UIs: Arabic first, English second.
 * Pure apart from `applyLang` and `initialLang`, which touch the document only when asked.
 */

/** The languages every UI speaks. */
export type Lang = 'ar' | 'en'

/** Text direction of a language. */
export type Dir = 'rtl' | 'ltr'

/** All supported languages, Arabic first. */
export const LANGS: readonly Lang[] = ['ar', 'en']

/** Language a UI starts in (and a kiosk returns to): Arabic. */
export const DEFAULT_LANG: Lang = 'ar'

/** One string in every language; a missing language is a compile error. */
export type Translation = Readonly<Record<Lang, string>>

/** Shape every strings table must satisfy. */
export type StringTable = Readonly<Record<string, Translation>>

/** Each language's name written in that language, for the language switch. */
export const LANG_NATIVE_NAMES: Readonly<Record<Lang, string>> = {
  ar: 'العربية',
  en: 'English',
}

/** The UI strings. `satisfies` keeps the literal keys and rejects an entry without `ar` or `en`. */
export const STRINGS = {
  'product.name': { ar: 'طابور', en: 'Tabour' },
  'product.tagline': {
    ar: 'نظام إدارة الطوابير لمراكز خدمة المواطنين',
    en: 'Queue management for citizen-service centers',
  },
  'app.kiosk': { ar: 'جهاز إصدار التذاكر', en: 'Ticket kiosk' },
  'app.display': { ar: 'شاشة الانتظار', en: 'Waiting-room display' },
  'app.counter': { ar: 'شاشة الموظف', en: 'Counter console' },
  'app.dashboard': { ar: 'لوحة المتابعة', en: 'Manager dashboard' },
  'common.comingSoon': {
    ar: 'هذه الشاشة قيد التجهيز وستتوفر قريبًا.',
    en: 'This screen is being prepared and is coming soon.',
  },
  'langSwitch.label': { ar: 'تغيير اللغة', en: 'Change language' },
  'app.ticketStatus': { ar: 'حالة التذكرة', en: 'Ticket status' },
  'common.delete': { ar: 'مسح آخر خانة', en: 'Delete last' },
  'common.clear': { ar: 'مسح الكل', en: 'Clear all' },
  'common.back': { ar: 'رجوع', en: 'Back' },
  'common.loading': { ar: 'جارٍ التحميل…', en: 'Loading…' },

  // kiosk: pairing
  'pair.title': { ar: 'ربط جهاز الإصدار بالمركز', en: 'Pair this kiosk with the center' },
  'pair.titleDisplay': { ar: 'ربط شاشة الانتظار بالمركز', en: 'Pair this display with the center' },
  'pair.notDisplay': {
    ar: 'هذا الرمز لجهاز من نوع آخر، وليس لشاشة انتظار.',
    en: 'This code belongs to another kind of device, not a waiting-room display.',
  },
  'pair.revokedDisplay': {
    ar: 'أُلغي ربط هذه الشاشة. أدخل رمز ربط جديد.',
    en: 'This display was unpaired. Enter a new pairing code.',
  },
  'pair.hint': {
    ar: 'أدخل رمز الربط المكوّن من ٨ خانات الظاهر في شاشة إدارة الأجهزة',
    en: 'Enter the 8-character pairing code shown in the device administration screen',
  },
  'pair.codeLabel': { ar: 'رمز الربط', en: 'Pairing code' },
  'pair.submit': { ar: 'ربط الجهاز', en: 'Pair' },
  'pair.pairing': { ar: 'جارٍ الربط…', en: 'Pairing…' },
  'pair.badCode': {
    ar: 'رمز الربط غير صحيح أو استُخدم من قبل أو انتهت صلاحيته. اطلب رمزًا جديدًا.',
    en: 'This pairing code is wrong, already used or expired. Ask for a new code.',
  },
  'pair.rateLimited': {
    ar: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.',
    en: 'Too many attempts. Wait a minute and try again.',
  },
  'pair.network': {
    ar: 'تعذّر الاتصال بالخادم. تحقّق من الشبكة ثم حاول مرة أخرى.',
    en: 'Cannot reach the server. Check the network and try again.',
  },
  'pair.failed': { ar: 'تعذّر ربط الجهاز. حاول مرة أخرى.', en: 'Pairing failed. Please try again.' },
  'pair.notKiosk': {
    ar: 'هذا الرمز لجهاز من نوع آخر، وليس لجهاز إصدار تذاكر.',
    en: 'This code belongs to another kind of device, not a ticket kiosk.',
  },
  'pair.revoked': {
    ar: 'أُلغي ربط هذا الجهاز. أدخل رمز ربط جديد.',
    en: 'This kiosk was unpaired. Enter a new pairing code.',
  },

  // kiosk: choosing a service
  'kiosk.chooseService': { ar: 'اختر الخدمة', en: 'Choose a service' },
  'kiosk.chooseHint': { ar: 'المس الخدمة المطلوبة لتحصل على تذكرة', en: 'Touch the service you need to get a ticket' },
  'kiosk.waiting': { ar: 'في الانتظار', en: 'Waiting' },
  'kiosk.estimatedWait': { ar: 'الانتظار المتوقع', en: 'Expected wait' },
  'kiosk.unavailable': { ar: 'غير متاحة الآن', en: 'Not available now' },
  'kiosk.noServices': { ar: 'لا توجد خدمات متاحة الآن', en: 'No services are available right now' },
  'kiosk.issuing': { ar: 'جارٍ إصدار تذكرتك…', en: 'Issuing your ticket…' },
  'kiosk.issueFailed': { ar: 'تعذّر إصدار التذكرة. حاول مرة أخرى.', en: 'The ticket could not be issued. Please try again.' },
  'kiosk.serviceGone': { ar: 'هذه الخدمة غير متاحة الآن.', en: 'This service is not available now.' },

  // kiosk: optional questions
  'kiosk.priority.title': { ar: 'هل تنطبق عليك إحدى هذه الحالات؟', en: 'Does one of these apply to you?' },
  'kiosk.priority.hint': { ar: 'أصحاب الأولوية يُخدمون أولًا', en: 'Priority visitors are served first' },
  'kiosk.priority.none': { ar: 'لا، متابعة', en: 'No, continue' },
  'kiosk.phone.title': { ar: 'رقم الهاتف المحمول (اختياري)', en: 'Mobile number (optional)' },
  'kiosk.phone.hint': { ar: 'للتواصل معك بشأن دورك. يمكنك التخطي.', en: 'To contact you about your turn. You may skip this.' },
  'kiosk.phone.invalid': { ar: 'الرقم غير صحيح. مثال: 01012345678', en: 'This number is not valid. Example: 01012345678' },
  'kiosk.phone.skip': { ar: 'تخطٍّ', en: 'Skip' },
  'kiosk.phone.confirm': { ar: 'متابعة', en: 'Continue' },

  // kiosk: the ticket
  'kiosk.yourTicket': { ar: 'رقم تذكرتك', en: 'Your ticket number' },
  'kiosk.peopleAhead': { ar: 'المنتظرون قبلك', en: 'People ahead of you' },
  'kiosk.scanToFollow': { ar: 'امسح الرمز لمتابعة دورك على هاتفك', en: 'Scan to follow your turn on your phone' },
  'kiosk.takePrinted': { ar: 'خذ تذكرتك المطبوعة من الطابعة', en: 'Take your printed ticket from the printer' },
  'kiosk.printProblem.title': { ar: 'تعذّرت طباعة التذكرة', en: 'The ticket could not be printed' },
  'kiosk.printProblem.photo': { ar: 'يرجى تصوير هذه الشاشة بهاتفك', en: 'Please photograph this screen' },
  'kiosk.printProblem.reprint': { ar: 'ويمكن للموظف إعادة طباعة التذكرة لك', en: 'Staff can reprint your ticket' },
  'kiosk.done': { ar: 'تم', en: 'Done' },

  // kiosk: no server
  'oos.title': { ar: 'خارج الخدمة مؤقتًا', en: 'Temporarily out of service' },
  'oos.body': {
    ar: 'نعتذر عن الإزعاج. يرجى التوجّه إلى مكتب الاستعلامات.',
    en: 'Sorry for the inconvenience. Please go to the information desk.',
  },
  'oos.retrying': { ar: 'تعود الخدمة تلقائيًا فور عودة الاتصال', en: 'Service resumes by itself once the connection is back' },

  // the public ticket status page
  'status.service': { ar: 'الخدمة', en: 'Service' },
  'status.yourTurn': { ar: 'حان دورك', en: "It's your turn" },
  'status.goToCounter': { ar: 'توجّه إلى الشباك {n}', en: 'Please go to counter {n}' },
  'status.serving': { ar: 'تتم خدمتك في الشباك {n}', en: 'Being served at counter {n}' },
  'status.done': { ar: 'تمت خدمتك. شكرًا لزيارتك.', en: 'You have been served. Thank you for your visit.' },
  'status.noShow': { ar: 'فاتك دورك. يرجى مراجعة مكتب الاستعلامات.', en: 'You missed your turn. Please ask at the information desk.' },
  'status.cancelled': { ar: 'أُلغيت هذه التذكرة.', en: 'This ticket was cancelled.' },
  'status.notFound': { ar: 'لم نجد هذه التذكرة. تحقّق من الرابط.', en: 'Ticket not found. Check the link.' },
  'status.offline': { ar: 'تعذّر التحديث، نحاول مرة أخرى…', en: 'Could not refresh; trying again…' },
  'status.autoRefresh': { ar: 'تتحدّث هذه الصفحة تلقائيًا', en: 'This page updates by itself' },

  // quantities: one string per plural category (Intl.PluralRules); {n} is the number
  'qty.minutes.zero': { ar: 'أقل من دقيقة', en: 'less than a minute' },
  'qty.minutes.one': { ar: 'دقيقة واحدة', en: '{n} minute' },
  'qty.minutes.two': { ar: 'دقيقتان', en: '{n} minutes' },
  'qty.minutes.few': { ar: '{n} دقائق', en: '{n} minutes' },
  'qty.minutes.many': { ar: '{n} دقيقة', en: '{n} minutes' },
  'qty.minutes.other': { ar: '{n} دقيقة', en: '{n} minutes' },
  'qty.people.zero': { ar: 'لا أحد، أنت التالي', en: 'Nobody, you are next' },
  'qty.people.one': { ar: 'شخص واحد', en: '{n} person' },
  'qty.people.two': { ar: 'شخصان', en: '{n} people' },
  'qty.people.few': { ar: '{n} أشخاص', en: '{n} people' },
  'qty.people.many': { ar: '{n} شخصًا', en: '{n} people' },
  'qty.people.other': { ar: '{n} شخص', en: '{n} people' },
} as const satisfies StringTable

/** Looks strings up in one table; each screen that has its own table makes its own with `translator`. */
export interface Translator<K extends string> {
  /** The string for `key` in `lang`. */
  t(key: K, lang: Lang): string
  /** The string for `key` in `lang` with each `{name}` replaced by `values[name]` (left as is when absent). */
  tf(key: K, lang: Lang, values: Readonly<Record<string, string | number>>): string
}

/**
 * A translator over `table`. The display, the console and the dashboard keep their strings in
 * a table of their own (`<ui>/strings.ts`), so a screen's words live beside the screen.
 */
export function translator<T extends StringTable>(table: T): Translator<keyof T & string> {
  const t = (key: keyof T & string, lang: Lang): string => table[key][lang]
  return {
    t,
    tf: (key, lang, values) => t(key, lang).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
  }
}

/** A key of the shared (and kiosk) strings table. */
export type StringKey = keyof typeof STRINGS

/** The shared strings: `t(key, lang)` and `tf(key, lang, values)`. */
export const { t, tf } = translator(STRINGS)

/** Whether a value (an attribute, a query parameter) names a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === 'ar' || value === 'en'
}

/** 'rtl' for Arabic, 'ltr' for English. */
export function dirOf(lang: Lang): Dir {
  return lang === 'ar' ? 'rtl' : 'ltr'
}

/** The other language of the two; what the language switch offers. */
export function otherLang(lang: Lang): Lang {
  return lang === 'ar' ? 'en' : 'ar'
}

/** Sets `<html lang dir>` so the whole page (and every shadow root) flips direction. */
export function applyLang(lang: Lang, doc: Document = document): void {
  const html = doc.documentElement
  html.lang = lang
  html.dir = dirOf(lang)
}

/**
 * The language a page starts in: `?lang=` in the URL, else `<html lang>`, else Arabic.
 * Not persisted on purpose: each citizen at a kiosk starts in Arabic.
 */
export function initialLang(doc: Document = document): Lang {
  const fromQuery = new URLSearchParams(doc.location?.search ?? '').get('lang')
  if (isLang(fromQuery)) return fromQuery
  const fromHtml = doc.documentElement.lang
  return isLang(fromHtml) ? fromHtml : DEFAULT_LANG
}
