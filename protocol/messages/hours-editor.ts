/**
 * The dashboard's opening-hours tab (issue 18): weekly hours, exceptions (holidays, Ramadan),
 * the business day, the .ics import and export. Errors from the server come in English naming
 * the field; these sentences frame them.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const HOURS_EDITOR_MESSAGES = {
  'hoursTab.tab': { ar: 'مواعيد العمل', en: 'Opening hours' },
  'hoursTab.weekly': { ar: 'المواعيد الأسبوعية', en: 'Weekly hours' },
  'hoursTab.alwaysOpen': { ar: 'مفتوح دائمًا (بلا مواعيد)', en: 'Always open (no hours set)' },
  'hoursTab.dayHint': {
    ar: 'فترات مثل 08:00-15:00, 17:00-20:00؛ اتركها فارغة ليوم إجازة',
    en: 'Intervals such as 08:00-15:00, 17:00-20:00; leave empty for a day off',
  },
  'hoursTab.day': {
    ar: '{day, select, mon {الاثنين} tue {الثلاثاء} wed {الأربعاء} thu {الخميس} fri {الجمعة} sat {السبت} other {الأحد}}',
    en: '{day, select, mon {Monday} tue {Tuesday} wed {Wednesday} thu {Thursday} fri {Friday} sat {Saturday} other {Sunday}}',
  },
  'hoursTab.services': { ar: 'آخر تذكرة لكل خدمة', en: 'Last ticket per service' },
  'hoursTab.cutoff': { ar: 'دقائق قبل الإغلاق', en: 'Minutes before closing' },
  'hoursTab.stopWhenLate': { ar: 'أوقف الإصدار إذا تجاوز الانتظار موعد الإغلاق', en: 'Stop when the wait runs past closing' },
  'hoursTab.businessDay': { ar: 'يوم العمل', en: 'Business day' },
  'hoursTab.dayStarts': { ar: 'يبدأ يوم العمل الساعة', en: 'The business day starts at' },
  'hoursTab.dailyClose': {
    ar: 'إغلاق يومي (يبدأ الترقيم من جديد كل يوم)',
    en: 'Daily close (numbers restart every day)',
  },
  'hoursTab.atClosing': { ar: 'المنتظرون عند الإغلاق', en: 'Tickets waiting at closing' },
  'hoursTab.serveUntilEmpty': { ar: 'تُخدم حتى آخر مواطن', en: 'Served until the line is empty' },
  'hoursTab.cancelAfter': { ar: 'تُلغى بعد الإغلاق بدقائق', en: 'Cancelled some minutes after closing' },
  'hoursTab.cancelMinutes': { ar: 'دقائق بعد الإغلاق', en: 'Minutes after closing' },
  'hoursTab.exceptions': { ar: 'الإجازات والمواعيد الاستثنائية', en: 'Holidays and special hours' },
  'hoursTab.from': { ar: 'من', en: 'From' },
  'hoursTab.to': { ar: 'إلى', en: 'To' },
  'hoursTab.nameAr': { ar: 'الاسم بالعربية', en: 'Name in Arabic' },
  'hoursTab.nameEn': { ar: 'الاسم بالإنجليزية', en: 'Name in English' },
  'hoursTab.hours': { ar: 'المواعيد (فارغة: مغلق)', en: 'Hours (empty: closed)' },
  'hoursTab.closedAllDay': { ar: 'مغلق', en: 'Closed' },
  'hoursTab.add': { ar: 'إضافة', en: 'Add' },
  'hoursTab.remove': { ar: 'حذف', en: 'Remove' },
  'hoursTab.none': { ar: 'لا توجد استثناءات', en: 'No exceptions' },
  'hoursTab.save': { ar: 'حفظ المواعيد', en: 'Save the hours' },
  'hoursTab.saved': { ar: 'تم الحفظ', en: 'Saved' },
  'hoursTab.refused': { ar: 'لم يُحفظ شيء: {reason}', en: 'Nothing was saved: {reason}' },
  'hoursTab.badHours': { ar: 'صيغة المواعيد غير صحيحة: {text}', en: 'Hours not understood: {text}' },
  'hoursTab.ics': { ar: 'استيراد وتصدير ملف التقويم (‎.ics)', en: 'Import and export a calendar file (.ics)' },
  'hoursTab.icsFile': { ar: 'ملف التقويم', en: 'Calendar file' },
  'hoursTab.preview': { ar: 'معاينة التغييرات', en: 'Preview the changes' },
  'hoursTab.import': { ar: 'استيراد', en: 'Import' },
  'hoursTab.export': { ar: 'تصدير', en: 'Export' },
  'hoursTab.added': {
    ar: '{n, plural, zero {لا إضافات} one {إضافة واحدة} two {إضافتان} few {# إضافات} other {# إضافة}}',
    en: '{n, plural, one {# added} other {# added}}',
  },
  'hoursTab.changed': {
    ar: '{n, plural, zero {لا تعديلات} one {تعديل واحد} two {تعديلان} few {# تعديلات} other {# تعديل}}',
    en: '{n, plural, one {# changed} other {# changed}}',
  },
  'hoursTab.unchanged': {
    ar: '{n, plural, zero {لا شيء كما هو} one {واحد كما هو} two {اثنان كما هما} few {# كما هي} other {# كما هي}}',
    en: '{n, plural, one {# unchanged} other {# unchanged}}',
  },
  'hoursTab.imported': { ar: 'تم الاستيراد', en: 'Imported' },
} as const satisfies Catalogue

/** `hoursEditorText(key, lang, values?, digits?)`. */
export const hoursEditorText = messagesOf(HOURS_EDITOR_MESSAGES)

/** A key `hoursEditorText` knows. */
export type HoursEditorMessageKey = Parameters<typeof hoursEditorText>[0]
