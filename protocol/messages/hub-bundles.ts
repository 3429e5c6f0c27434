/**
 * The hub page's configuration bundles tab (hub/ui/bundles-view.ts, bundle-form.ts): the list,
 * what each center did with a bundle, and the form that publishes a new one.
 */
import { messagesOf, type Catalogue } from './format.ts'
import type { Lang } from '../common.ts'

export const HUB_BUNDLE_MESSAGES = {
  tabBundles: { ar: 'حزم الإعدادات', en: 'Configuration bundles' },
  listTitle: { ar: 'حزم الإعدادات المنشورة', en: 'Configuration bundles' },
  none: { ar: 'لم تُنشر أي حزمة بعد.', en: 'No bundle yet.' },
  version: { ar: 'الرقم', en: 'Version' },
  target: { ar: 'المراكز المستهدفة', en: 'Target' },
  targetAll: { ar: 'كل المراكز', en: 'All centers' },
  targetGovernorate: { ar: 'محافظة {name}', en: 'Governorate {name}' },
  targetCenters: {
    ar: '{count, plural, one {مركز واحد} two {مركزان} few {# مراكز} other {# مركزًا}}',
    en: '{count, plural, one {# center} other {# centers}}',
  },
  published: { ar: 'تاريخ النشر', en: 'Published' },
  draft: { ar: 'مسودة', en: 'Draft' },
  note: { ar: 'ملاحظة', en: 'Note' },
  runs: { ar: 'يعمل بها', en: 'Running it' },
  runsOf: { ar: '{applied, number} من {targeted, number}', en: '{applied, number} of {targeted, number}' },
  refusedCount: { ar: 'رفضتها', en: 'Refused' },
  pendingCount: { ar: 'لم ترد بعد', en: 'Not yet' },
  details: { ar: 'التفاصيل', en: 'Details' },
  refresh: { ar: 'تحديث', en: 'Refresh' },
  detailsOf: { ar: 'الحزمة رقم {version, number}: حالة كل مركز', en: 'Bundle {version, number}: each center' },
  publish: { ar: 'نشر', en: 'Publish' },
  center: { ar: 'المركز', en: 'Center' },
  governorate: { ar: 'المحافظة', en: 'Governorate' },
  status: { ar: 'الحالة', en: 'Status' },
  status_applied: { ar: 'طُبقت', en: 'Applied' },
  status_refused: { ar: 'رُفضت', en: 'Refused' },
  status_superseded: { ar: 'تعمل بحزمة أحدث', en: 'Runs a newer one' },
  status_pending: { ar: 'في الانتظار', en: 'Pending' },
  running: { ar: 'الحزمة العاملة', en: 'Running' },
  reason: { ar: 'سبب الرفض', en: 'Why refused' },
  /** When the center's bundle state (what it runs, its refusal) was first reported; a pending center's: the bundle's publication. */
  stateSince: { ar: 'على هذه الحالة منذ', en: 'State since' },
  /** A center the operator deactivated: it sends nothing, so no bundle reaches it. */
  deactivated: { ar: 'موقوف', en: 'Deactivated' },
  noActiveGovernorate: { ar: '{name} (لا مركز عاملًا فيها)', en: '{name} (no active center)' },
  reachesNone: {
    ar: 'لا تصل هذه الحزمة إلى أي مركز عامل: المراكز التي تستهدفها موقوفة، فستبقى «لم ترد بعد».',
    en: 'This bundle reaches no active center: the centers it targets are deactivated, so it will stay "not yet".',
  },
  centersTitle: { ar: 'الحزمة التي يعمل بها كل مركز', en: 'The bundle each center runs' },
  noneRunning: { ar: 'لا شيء', en: 'None' },
  lastRefusal: { ar: 'آخر رفض', en: 'Last refusal' },
  refusalOf: { ar: 'الحزمة {version, number}: {reason}', en: 'Bundle {version, number}: {reason}' },
  /** The center's own words beside its code (English, as it sent them): what the reason names (a missing field, a code). */
  centerWords: { ar: 'بكلمات المركز', en: 'In the center’s words' },
  needsAdmin: {
    ar: 'إدارة حزم الإعدادات تتطلب رمز الإدارة أو حساب محلل على المستوى القومي.',
    en: "Managing configuration bundles needs the admin token or a national analyst's account.",
  },
  nationalOnly: {
    ar: 'حسابك مقصور على محافظة؛ حزم الإعدادات قومية.',
    en: 'Your account is limited to one governorate; configuration bundles are national.',
  },
  /** Signed out: there is no account to change. */
  signIn: { ar: 'تسجيل الدخول', en: 'Sign in' },
  signInOther: { ar: 'الدخول بحساب آخر', en: 'Sign in with another account' },
  loadFailed: { ar: 'تعذّر تحميل حزم الإعدادات.', en: 'Could not load the configuration bundles.' },
  // the form
  formTitle: { ar: 'حزمة جديدة', en: 'A new bundle' },
  // what it replaces: all it carries, as the "replaces" list under the form says (the holidays and the mapping were left out: walk s52)
  formHelp: {
    ar: 'تبدأ الحزمة الجديدة بمحتوى آخر حزمة منشورة (وإن لم تُنشر أي حزمة تبدأ فارغة، عدا نتائج إنهاء الخدمة فتبدأ بنتائج المركز الافتراضية)، وتحل محلها كاملة في المراكز التي تصلها: فئات الأولوية ونتائج إنهاء الخدمة وشريط الأخبار فيها تحل محل ما حدده كل مركز بنفسه، وعطلاتها وربط خدماتها يحلان محل ما حددته حزمة سابقة (وتبقى عطلات كل مركز الخاصة به).',
    en: "A new bundle starts as a copy of the last published one (with none published, it starts blank, except its finish outcomes: a center's defaults), and replaces it whole at the centers it reaches: its priority categories, finish outcomes and news line replace the ones each center set itself, and its holidays and service mapping replace what an earlier bundle set (each center's own holidays stay).",
  },
  startsFrom: {
    ar: 'بدأ هذا النموذج من الحزمة المنشورة رقم {version, number} (نُشرت {time}).',
    en: 'This form started from published bundle {version, number} (published {time}).',
  },
  // after startsFrom when centers refused that bundle: its contents, what they refused included, are the form's now (walk s55)
  startsFromRefused: {
    ar: 'رفضها من المراكز التي تستهدفها {refused, number} من {targeted, number}، ونُسخ محتواها هنا كما هو، بما فيه ما رُفضت بسببه (الأسباب في تفاصيلها أعلاه).',
    en: 'Centers refused it: {refused, number} of the {targeted, number} it targets; its contents are copied here as they were, what was refused included (the reasons are in its details above).',
  },
  startsBlank: { ar: 'لم تُنشر أي حزمة بعد، فبدأ هذا النموذج فارغًا.', en: 'No bundle is published yet, so this form started blank.' },
  /** Said after either: a draft (someone's unfinished bundle) is never what the form copies. */
  draftsNotCopied: {
    ar: '{count, plural, one {المسودة غير المنشورة لم تُنسخ هنا.} two {المسودتان غير المنشورتين لم تُنسخا هنا.} few {المسودات غير المنشورة (#) لم تُنسخ هنا.} many {المسودات غير المنشورة (#) لم تُنسخ هنا.} other {المسودات غير المنشورة (#) لم تُنسخ هنا.}}',
    en: '{count, plural, one {The unpublished draft is not copied here.} other {The # unpublished drafts are not copied here.}}',
  },
  /** A bundle published while the form was being typed in (by someone else, or another page): the typing is kept. */
  newerPublished: {
    ar: 'نُشرت الحزمة رقم {version, number} بعد أن بدأ هذا النموذج، وما كتبته باقٍ هنا. إن نُشر كما هو فسيحل محل الحزمة رقم {version, number} كاملةً في المراكز التي يصلها.',
    en: 'Bundle {version, number} was published after this form started; what you typed is kept here. Published as it is, it replaces bundle {version, number} whole at the centers it reaches.',
  },
  startFromNewer: {
    ar: 'البدء من الحزمة رقم {version, number} (يُحذف ما كتبته)',
    en: 'Start again from bundle {version, number} (what you typed is discarded)',
  },
  replacesTitle: { ar: 'ما تستبدله هذه الحزمة في مراكزها', en: 'What this bundle replaces at its centers' },
  replacesCategories: { ar: 'فئات الأولوية: {list}', en: 'Priority categories: {list}' },
  replacesCategoriesNone: {
    ar: 'فئات الأولوية: لا شيء\u00a0— ستُحذف فئات المراكز الخاصة بها',
    en: "Priority categories: none\u00a0— the centers' own categories will be removed",
  },
  replacesOutcomes: {
    ar: 'نتائج إنهاء الخدمة: {list}\u00a0— تحل محل نتائج المراكز الخاصة بها',
    en: "Finish outcomes: {list}\u00a0— they replace the centers' own",
  },
  replacesNews: { ar: 'شريط الأخبار: {text}', en: 'News line: {text}' },
  replacesNewsNone: {
    ar: 'شريط الأخبار: لا شيء\u00a0— سيُمسح شريط الأخبار من شاشات المراكز',
    en: "News line: none\u00a0— the centers' displays will show no news line",
  },
  replacesOutcomesDropped: {
    ar: 'نتائج إنهاء الخدمة: {list}\u00a0— ستُحذف من المراكز: {dropped}',
    en: 'Finish outcomes: {list}\u00a0— removed from the centers: {dropped}',
  },
  // the holidays and the mapping replace what an earlier bundle set there too (walk s52: the list left them out)
  replacesHolidays: {
    ar: 'العطلات (تحل محل ما حددته الجهة المركزية من قبل، وتبقى عطلات كل مركز الخاصة به): {list}',
    en: 'Holidays (they replace the ones the hub set before; each center’s own stay): {list}',
  },
  replacesHolidaysNone: {
    ar: 'العطلات: لا شيء — تُحذف العطلات التي حددتها الجهة المركزية من قبل، وتبقى عطلات كل مركز الخاصة به',
    en: 'Holidays: none — the ones the hub set before are removed; each center’s own stay',
  },
  replacesMapping: {
    ar: 'ربط الخدمات (يُقفل في المركز حرف الخدمة وخدمتها القومية): {list}',
    en: 'Service mapping (each service’s letter and national service are locked at its center): {list}',
  },
  replacesMappingNone: {
    ar: 'ربط الخدمات: لا شيء — يربط كل مركز خدماته بنفسه، وتبقى الرموز التي حددتها حزمة سابقة دون قفل',
    en: 'Service mapping: none — each center maps its own services; codes an earlier bundle set stay, unlocked',
  },
  // what a holiday closes (hub/ui/bundle-reach.ts): one naming national services closes only those (walk s52)
  holidayWhole: { ar: 'يُغلق المركز كله طوال اليوم.', en: 'Closes the whole center all day.' },
  holidayWholeHours: { ar: 'يعمل المركز كله في هذه الأيام فقط {hours}.', en: 'The whole center opens only {hours} on these days.' },
  holidayOnly: {
    ar: 'يُغلق هذه الخدمات فقط طوال اليوم: {services}. وتعمل باقي خدمات المركز.',
    en: 'Closes only these services, all day: {services}. The center’s other services stay open.',
  },
  holidayOnlyHours: {
    ar: 'تعمل هذه الخدمات فقط {hours} في هذه الأيام: {services}. وتبقى مواعيد باقي خدمات المركز.',
    en: 'Only these services, open only {hours} on these days: {services}. The center’s other services keep their hours.',
  },
  // a holiday in the "replaces" list: its name and whom it closes
  holidayScopeWhole: { ar: '{name} (المركز كله)', en: '{name} (the whole center)' },
  holidayScopeOnly: { ar: '{name} (هذه الخدمات فقط: {services})', en: '{name} (only {services})' },
  confirmEmpty: {
    ar: 'تحذف هذه الحزمة من كل مركز تصله ما نُبّه إليه أعلاه. هل تنشرها رغم ذلك؟',
    en: 'This bundle removes from each center it reaches what is called out above. Publish it anyway?',
  },
  confirmPublish: { ar: 'النشر رغم ذلك', en: 'Publish anyway' },
  cancelPublish: { ar: 'رجوع', en: 'Go back' },
  targetKind: { ar: 'ترسل إلى', en: 'Send to' },
  kind_all: { ar: 'كل المراكز', en: 'All centers' },
  kind_governorate: { ar: 'محافظة', en: 'One governorate' },
  kind_centers: { ar: 'مراكز محددة', en: 'Chosen centers' },
  chooseGovernorate: { ar: 'المحافظة', en: 'Governorate' },
  chooseCenters: { ar: 'المراكز', en: 'Centers' },
  categories: { ar: 'فئات الأولوية', en: 'Priority categories' },
  outcomes: { ar: 'نتائج إنهاء الخدمة (الأولى هي الافتراضية)', en: 'Finish outcomes (the first is the default)' },
  code: { ar: 'الرمز', en: 'Code' },
  nameAr: { ar: 'الاسم بالعربية', en: 'Arabic name' },
  nameEn: { ar: 'الاسم بالإنجليزية', en: 'English name' },
  add: { ar: 'إضافة', en: 'Add' },
  remove: { ar: 'حذف {what}', en: 'Remove {what}' },
  row: { ar: 'السطر {n, number}', en: 'row {n, number}' },
  news: { ar: 'شريط الأخبار على الشاشات', en: "The displays' news line" },
  newsAr: { ar: 'بالعربية', en: 'In Arabic' },
  newsEn: { ar: 'بالإنجليزية', en: 'In English' },
  // not "(closed all day)": a holiday may close only some services, or set shorter hours (walk s52); each row says which
  // a row carried over from the last bundle may close one service only and says so on its row (walk s53)
  holidays: {
    ar: 'العطلات والإغلاق (سطر جديد يُغلق المركز كله طوال اليوم؛ السطر المنقول من الحزمة السابقة يبقى كما هو مكتوب فيه)',
    en: 'Holidays and closures (a new row closes the whole center all day; a row carried over from the last bundle keeps what it says)',
  },
  holidayId: { ar: 'المعرّف', en: 'Id' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  mapping: { ar: 'ربط خدمات المراكز بالخدمات القومية', en: "Centers' services to national services" },
  mappingHelp: {
    // the letters in an LTR isolate (U+2066 … U+2069): bare, the bidi algorithm showed them as "(B ،A…)"
    ar: 'رمز الخدمة في المركز هو حرفها (\u2066A, B, …\u2069). يرى مدير المركز الربط ولا يستطيع تغييره.',
    en: "A center's service is named by its letter (A, B, …). The center's admin sees the mapping and cannot change it.",
  },
  localCode: { ar: 'حرف الخدمة في المركز', en: 'Service letter at the center' },
  nationalService: { ar: 'الخدمة القومية', en: 'National service' },
  hours: { ar: 'مواعيد العمل الأسبوعية', en: 'Weekly opening hours' },
  setHours: { ar: 'تحديد مواعيد العمل لهذه المراكز', en: "Set these centers' weekly hours" },
  hoursHelp: {
    ar: 'دون تحديد يحتفظ كل مركز بمواعيده.',
    en: 'Left unset, each center keeps its own hours.',
  },
  // the time fields are text in the page's digits (the browser's own wrote «08:00 AM» on the Arabic page)
  timeHint: { ar: 'الأوقات بنظام {hours, number} ساعة، مثل {example}', en: '{hours, number}-hour times, e.g. {example}' },
  open: { ar: 'يفتح', en: 'Opens' },
  close: { ar: 'يغلق', en: 'Closes' },
  closedDay: { ar: 'مغلق', en: 'Closed' },
  day_mon: { ar: 'الاثنين', en: 'Monday' },
  day_tue: { ar: 'الثلاثاء', en: 'Tuesday' },
  day_wed: { ar: 'الأربعاء', en: 'Wednesday' },
  day_thu: { ar: 'الخميس', en: 'Thursday' },
  day_fri: { ar: 'الجمعة', en: 'Friday' },
  day_sat: { ar: 'السبت', en: 'Saturday' },
  day_sun: { ar: 'الأحد', en: 'Sunday' },
  review: { ar: 'مراجعة المحتوى (JSON)', en: 'Review the contents (JSON)' },
  publishNew: { ar: 'نشر الحزمة', en: 'Publish the bundle' },
  publishedOk: { ar: 'نُشرت الحزمة رقم {version, number}.', en: 'Bundle {version, number} is published.' },
  /** `{what}`: the page's text for the hub's code (protocol/messages/hub-errors.ts). */
  refusedByHub: { ar: 'رفضت الجهة المركزية الحزمة: {what}', en: 'The hub refused the bundle: {what}' },
  /** A refusal whose code the page does not know. */
  err_other: { ar: 'خطأ غير متوقع.', en: 'An unexpected error.' },
  /** No answer (the hub down, the network, a proxy's 502–504): nobody refused anything. */
  err_noAnswer: { ar: 'لم ترد الجهة المركزية.', en: 'The hub did not answer.' },
  /** The form's bundle was made (a draft at the hub) but not published: not "refused", and sending again would make a second one. */
  draftNotPublished: {
    ar: 'حُفظت الحزمة رقم {version, number} مسودةً ولم تُنشر: {what} يمكن نشرها من القائمة أعلاه.',
    en: 'Bundle {version, number} is saved as a draft, not published: {what} It can be published from the list above.',
  },
  /** The list's Publish button on a draft, when the hub did not publish it: the list below shows what the bundle is now. */
  publishFailed: {
    ar: 'لم تُنشر الحزمة رقم {version, number}: {what}',
    en: 'Bundle {version, number} was not published: {what}',
  },
} as const satisfies Catalogue

/**
 * Why a center refused a bundle, by its stable code (protocol/config-bundle.ts BundleRefusalCodes):
 * the page says it in its own language; the center's reason is English prose for its log (walk of
 * 2026-12-06: the Arabic page showed it as it came, inside a left-to-right box).
 */
export const BUNDLE_REFUSAL_MESSAGES = {
  TABOUR_BUNDLE_NO_PINNED_KEY: {
    ar: 'لم يُثبَّت مفتاح الجهة المركزية في المركز، فلا يمكنه الوثوق بأي حزمة',
    en: 'The center has no hub key pinned, so it cannot trust any bundle',
  },
  TABOUR_BUNDLE_BAD_SIGNATURE: {
    ar: 'التوقيع لا يطابق مفتاح الجهة المركزية المثبَّت في المركز',
    en: 'The signature does not match the hub key the center pinned',
  },
  TABOUR_BUNDLE_MALFORMED: { ar: 'محتوى الحزمة تالف أو ليس رقمها المطلوب', en: 'The bundle is damaged, or not the version asked for' },
  TABOUR_BUNDLE_MISSING_FIELD: { ar: 'ينقص الحزمة حقل مطلوب', en: 'The bundle lacks a required field' },
  TABOUR_BUNDLE_INVALID: { ar: 'في الحزمة قيمة ترفضها قواعد المركز', en: 'The bundle holds a value the center’s rules refuse' },
  TABOUR_BUNDLE_UNKNOWN_REFERENCE: { ar: 'تذكر الحزمة شيئًا ليس في المركز', en: 'The bundle names something the center does not have' },
  TABOUR_BUNDLE_UNKNOWN_SERVICE: {
    ar: 'يربط جدول الخدمات خدمة ليست في المركز',
    en: 'Its service mapping names a service the center does not have',
  },
  TABOUR_BUNDLE_UNKNOWN_NATIONAL_CODE: {
    ar: 'يربط جدول الخدمات رمزًا قوميًا ليس في قائمة الحزمة نفسها',
    en: 'Its service mapping names a national code its own catalogue does not hold',
  },
  TABOUR_BUNDLE_APPLY_FAILED: {
    ar: 'تعذّر على المركز حفظ الحزمة، فلم يُطبَّق منها شيء',
    en: 'The center could not store it; nothing of it applies',
  },
  /** A code this page does not know (a newer center): said as such, the code shown beside it. */
  other: { ar: 'سبب لا تعرفه هذه الصفحة', en: 'A reason this page does not know' },
} as const satisfies Catalogue

const refusalText = messagesOf(BUNDLE_REFUSAL_MESSAGES)

/** Why a center refused a bundle, in `lang`, from its stable code (its English reason stays the center's log). */
export function bundleRefusalText(code: string, lang: Lang): string {
  return refusalText(Object.hasOwn(BUNDLE_REFUSAL_MESSAGES, code) ? (code as keyof typeof BUNDLE_REFUSAL_MESSAGES) : 'other', lang)
}

/** `bundleText(key, lang, values?, digits?)`. */
export const bundleText = messagesOf(HUB_BUNDLE_MESSAGES)
export type BundleMessageKey = Parameters<typeof bundleText>[0]
