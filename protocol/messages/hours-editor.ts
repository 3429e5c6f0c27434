/**
 * The dashboard's opening-hours tab (issue 18): weekly hours, exceptions (holidays, Ramadan),
 * the business day, the month grid, the .ics import and export. Refusals from the server carry
 * `field` and `reason`; `err.<reason>` words them next to the field.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const HOURS_EDITOR_MESSAGES = {
  'hoursTab.tab': { ar: 'مواعيد العمل', en: 'Opening hours' },
  'hoursTab.weekly': { ar: 'المواعيد الأسبوعية', en: 'Weekly hours' },
  'hoursTab.alwaysOpen': { ar: 'مفتوح دائمًا (بلا مواعيد)', en: 'Always open (no hours set)' },
  'hoursTab.dayHint': {
    // {example} is what to type, in the screen's digits (the boxes take Arabic-Indic digits too,
    // dashboard-ui/hours-lines.ts): isolated, so its two intervals keep their order
    ar: 'فترات مثل \u2066{example}\u2069؛ اتركها فارغة ليوم إجازة',
    en: 'Intervals such as {example}; leave empty for a day off',
  },
  'hoursTab.day': {
    ar: '{day, select, mon {الاثنين} tue {الثلاثاء} wed {الأربعاء} thu {الخميس} fri {الجمعة} sat {السبت} other {الأحد}}',
    en: '{day, select, mon {Monday} tue {Tuesday} wed {Wednesday} thu {Thursday} fri {Friday} sat {Saturday} other {Sunday}}',
  },
  'hoursTab.services': { ar: 'كل خدمة: آخر تذكرة ومواعيدها', en: 'Each service: last ticket and hours' },
  'hoursTab.cutoff': { ar: 'دقائق قبل الإغلاق', en: 'Minutes before closing' },
  'hoursTab.stopWhenLate': { ar: 'أوقف الإصدار إذا تجاوز الانتظار موعد الإغلاق', en: 'Stop when the wait runs past closing' },
  'hoursTab.businessDay': { ar: 'يوم العمل', en: 'Business day' },
  'hoursTab.dayStarts': { ar: 'يبدأ يوم العمل الساعة', en: 'The business day starts at' },
  'hoursTab.dayStartHint': {
    // {example} in the screen's digits (the field takes Arabic-Indic digits too, dashboard-ui/hours-lines.ts)
    ar: 'الساعة والدقيقة بنظام الأربع والعشرين ساعة، مثل \u2066{example}\u2069',
    en: 'Hour and minute on the 24-hour clock, such as {example}',
  },
  'hoursTab.badDayStart': {
    ar: 'لم يُحفظ شيء: اكتب بداية اليوم بالساعة والدقيقة، مثل \u2066{example}\u2069 (وليس «{text}»)',
    en: 'Nothing was saved: write the day’s start as hour and minute, such as {example} (not “{text}”)',
  },
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
  /**
   * An exception open 00:00-24:00 (walk s48: «00:00-24:00» over two lines). One service's is still
   * inside the center's hours (opening-hours.ts), so it is not "all day" for that service.
   */
  'hoursTab.openAllDay': {
    ar: '{reach, select, service {مفتوحة طوال مواعيد المركز} other {مفتوح طوال اليوم}}',
    en: '{reach, select, service {Open whenever the center is} other {Open all day}}',
  },
  'hoursTab.add': { ar: 'إضافة', en: 'Add' },
  'hoursTab.remove': { ar: 'حذف', en: 'Remove' },
  'hoursTab.none': { ar: 'لا توجد استثناءات', en: 'No exceptions' },
  /** The exception form's choice of reach: the whole center, or one service (its own hours, within the center's). */
  'hoursTab.appliesTo': { ar: 'يسري على', en: 'Applies to' },
  'hoursTab.allServices': { ar: 'كل الخدمات (المركز كله)', en: 'All services (the whole center)' },
  'hoursTab.appliesToHint': {
    ar: 'استثناء خدمة واحدة يغيّر مواعيدها هي وحدها، داخل مواعيد المركز',
    en: 'One service’s exception changes only that service’s hours, within the center’s',
  },
  /** Under a listed exception's name when it names services: {services} their labels, «A — تراخيص البناء». */
  'hoursTab.onlyFor': { ar: 'لخدمة {services} وحدها', en: 'Only for {services}' },
  /**
   * Under a listed exception's name when its hours are for walk-in tickets only (`walkInsOnly`,
   * protocol/bookable-hours.ts): the booking page keeps the usual hours on its days (the demo's
   * "always open": its kiosk issues at night, its booking page offers 08:00–16:00).
   */
  'hoursTab.walkInsOnly': {
    ar: 'لتذاكر الحضور المباشر فقط: الحجز في المواعيد المعتادة',
    en: 'For walk-in tickets only: appointments keep the usual hours',
  },
  /**
   * Over the week's lines, for each center-wide exception in force today (hours-view.ts weekReplaced):
   * what is saved here does not apply until it ends (the demo's "always open" runs ten years).
   */
  'hoursTab.weekReplaced': {
    ar: '«{name}» يحلّ محل هذه المواعيد حتى {to}{walkIns, select, yes { لتذاكر الحضور المباشر} other {}}: ما تحفظه هنا يسري في الأيام التي لا يشملها.',
    en: '“{name}” replaces these hours until {to}{walkIns, select, yes { for walk-in tickets} other {}}: what you save here applies on the days it does not cover.',
  },
  /** The exception form's box that makes its hours the kiosk's alone (`walkInsOnly`). */
  'hoursTab.walkInsOnlyField': {
    ar: 'لتذاكر الحضور المباشر فقط (يبقى الحجز في المواعيد المعتادة)',
    en: 'For walk-in tickets only (appointments keep the usual hours)',
  },
  /** A service the list cannot name (no longer offered): its number. */
  'hoursTab.serviceNo': { ar: 'الخدمة رقم {id}', en: 'service no. {id}' },
  'hoursTab.save': { ar: 'حفظ المواعيد', en: 'Save the hours' },
  'hoursTab.saved': { ar: 'تم الحفظ', en: 'Saved' },
  'hoursTab.refused': { ar: 'لم يُحفظ شيء: {reason}', en: 'Nothing was saved: {reason}' },
  'hoursTab.badHours': { ar: 'صيغة المواعيد غير صحيحة: {text}', en: 'Hours not understood: {text}' },
  'hoursTab.ics': { ar: 'استيراد وتصدير ملف التقويم (‎.ics)', en: 'Import and export a calendar file (.ics)' },
  'hoursTab.icsFile': { ar: 'ملف التقويم', en: 'Calendar file' },
  // the file field's own button and its "no file" were the browser's English ("Choose File") on the Arabic page
  'hoursTab.icsChoose': { ar: 'اختيار ملف…', en: 'Choose a file…' },
  'hoursTab.icsNone': { ar: 'لم يُختر ملف', en: 'No file chosen' },
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
  'hoursTab.exceptionSaved': { ar: 'حُفظت الاستثناءات', en: 'Exceptions saved' },
  /** Under a holiday the hub's configuration bundle set (its uid `hub:…`): who set it, and where it is changed (it has no remove button here). */
  'hoursTab.setByHub': {
    ar: 'حددتها الجهة المركزية بحزمة الإعدادات؛ تُغيَّر أو تُحذف من الجهة المركزية',
    en: 'Set by the national hub in its configuration bundle; it is changed or removed at the hub',
  },
  /**
   * Over the weekly hours while the hub's running bundle sets them (server/config/hub-weekly-hours.ts):
   * shown, not editable; they change with the hub's next bundle.
   */
  'hoursTab.weeklyByHub': {
    ar: 'حددت الجهة المركزية هذه المواعيد بحزمة الإعدادات رقم {version, number}؛ تُغيَّر من الجهة المركزية لا من هنا',
    en: 'Set by the national hub in its configuration bundle {version, number}; they are changed at the hub, not here',
  },
  'hoursTab.exceptionsSavedAtOnce': {
    ar: 'تُحفظ الإضافة والحذف فورًا',
    en: 'Adding or removing is saved at once',
  },
  /**
   * An exception that overlaps another (protocol/calendar-overlaps.ts): accepted, and this says
   * which one applies on the shared days, in its row. {other}: the other's name; {from}/{to}: the shared days.
   */
  'hoursTab.overlapApplies': {
    ar: 'يتداخل مع «{other}»: {days}، يسري هذا الاستثناء {why, select, shorter {لأنه الأقصر} other {لأنه أُضيف لاحقًا}}',
    en: 'Overlaps “{other}”: this one applies {days}, {why, select, shorter {being the shorter} other {being added later}}',
  },
  'hoursTab.overlapYields': {
    ar: 'يتداخل مع «{other}»: {days}، يسري «{other}» بدلًا منه {why, select, shorter {لأنه الأقصر} other {لأنه أُضيف لاحقًا}}',
    en: 'Overlaps “{other}”: “{other}” applies instead {days}, {why, select, shorter {being the shorter} other {being added later}}',
  },
  /** The shared days of an overlap: one day is "on" it (walk s54 read "from 2026-12-10 to 2026-12-10"). */
  'hoursTab.overlapDays': {
    ar: '{one, select, yes {في {from}} other {من {from} إلى {to}}}',
    en: '{one, select, yes {on {from}} other {from {from} to {to}}}',
  },
  /** After adding one that ended before today (walk 2026-12-06: a past holiday was taken without a word). */
  'hoursTab.exceptionSavedPast': {
    ar: 'حُفظ الاستثناء، لكنه انتهى قبل اليوم فلا يغيّر أي مواعيد من الآن؛ تحقّق من التاريخين',
    en: 'Exception saved, but it ended before today, so it changes no opening hours from now on; check its dates',
  },
  /** After adding one that overlaps another: saved, and where to read which applies. */
  'hoursTab.exceptionSavedOverlaps': {
    ar: 'حُفظ الاستثناء، وهو يتداخل مع استثناء آخر؛ القائمة تبيّن أيهما يسري في الأيام المشتركة',
    en: 'Exception saved; it overlaps another, and the list says which one applies on the shared days',
  },
  'hoursTab.sameAsCenter': { ar: 'مواعيد المركز نفسها', en: 'Same as the center' },
  'hoursTab.serviceHours': { ar: 'مواعيد الخدمة {name}', en: 'Hours of {name}' },
  'hoursTab.icsEvent': { ar: 'الحدث «{name}»: {reason}', en: 'Event “{name}”: {reason}' },
  'calendar.title': { ar: 'التقويم', en: 'Calendar' },
  'calendar.prev': { ar: 'الشهر السابق', en: 'Previous month' },
  'calendar.next': { ar: 'الشهر التالي', en: 'Next month' },
  'calendar.state': {
    ar: '{state, select, holiday {إجازة} special {مواعيد خاصة} closed {عطلة أسبوعية} other {مفتوح كالمعتاد}}',
    en: '{state, select, holiday {Holiday} special {Special hours} closed {Weekly day off} other {Open as usual}}',
  },
  /** A day of the month grid with one service's own exception: {services} their labels, «A — الجوازات» (its name follows after a colon). */
  'calendar.serviceState': {
    ar: '{state, select, holiday {إجازة} other {مواعيد خاصة}} لخدمة {services} وحدها',
    en: '{state, select, holiday {Holiday} other {Special hours}} for {services} only',
  },
  /** The key under the month grid: what each mark is. */
  'calendar.key': { ar: 'دليل العلامات', en: 'Key' },
  'calendar.keyService': { ar: 'استثناء لخدمة واحدة (إجازة أو مواعيد خاصة)', en: 'One service’s exception (holiday or special hours)' },
  'err.overlap': { ar: 'تتداخل هذه الفترة مع فترة أخرى في اليوم نفسه', en: 'This interval overlaps another on the same day' },
  'err.close-before-open': { ar: 'موعد الإغلاق ليس بعد موعد الفتح', en: 'It closes before it opens' },
  'err.ends-before-start': { ar: 'ينتهي قبل أن يبدأ', en: 'It ends before it starts' },
  'err.unknown': { ar: 'خدمة غير موجودة', en: 'No such service' },
  'err.duplicate': { ar: 'مذكورة مرتين', en: 'Listed twice' },
  /** DUPLICATE_EXCEPTION: an exception on the same dates for the same services is already there, named. */
  'err.sameDates': {
    ar: 'يوجد بالفعل استثناء في هذه التواريخ: «{name}». لتغييره احذفه ثم أضفه من جديد',
    en: 'These dates already have an exception: “{name}”. To change it, remove it and add it again',
  },
  'err.pattern': { ar: 'صيغة المواعيد غير صحيحة (HH:MM-HH:MM)', en: 'Hours not understood (HH:MM-HH:MM)' },
  'err.recurrence': {
    ar: 'تكرار لا يمكن تطبيقه: سنويًا في تاريخ ميلادي فقط؛ أرسل الأعياد المتنقلة أحداثًا بتواريخها',
    en: 'A recurrence that cannot be honoured: only yearly on a Gregorian date; send moving holidays as dated events',
  },
  'err.time-of-day': { ar: 'يبدأ في ساعة محددة؛ الإجازة أيام كاملة', en: 'It starts at a time of day; a holiday is whole days' },
  'err.time-zone': { ar: 'منطقة زمنية غير موجودة', en: 'A time zone that does not exist' },
  'err.no-start': { ar: 'بلا تاريخ بداية', en: 'It has no start date' },
  'err.maximum': { ar: 'أحداث أكثر من الحد ({limit})', en: 'More events than allowed ({limit})' },
  /** The business day's start refused by the server (its hint beside it gives an example). */
  'err.moves-business-day': {
    ar: 'لا يمكن تغييرها الآن: ستنتقل هذه اللحظة إلى يوم عمل آخر، فتُغلق تذاكر اليوم وتتكرر أرقامها. غيّرها في وقت يسبق البدايتين أو يليهما',
    en: "Not now: this moment would move into another business day, closing today's tickets and issuing their numbers again. Change it at a time before or after both starts",
  },
  'err.dayStart': { ar: 'ليست ساعة ودقيقة بنظام الأربع والعشرين ساعة', en: 'Not an hour and minute on the 24-hour clock' },
  /** A last-ticket cut-off or the minutes after closing refused by the server. */
  'err.minutes': { ar: 'اكتب عددًا صحيحًا من الدقائق من {min} إلى {max}', en: 'Write a whole number of minutes from {min} to {max}' },
  'err.invalid': { ar: 'قيمة غير صحيحة', en: 'Not a valid value' },
  /** A change of a holiday the hub's configuration bundle set (server/config/hub-holidays.ts): refused, it is the hub's. */
  'err.hub-managed': {
    ar: 'حددتها الجهة المركزية بحزمة الإعدادات؛ تُغيَّر أو تُحذف من الجهة المركزية لا من هنا',
    en: 'Set by the national hub in its configuration bundle; it is changed or removed at the hub, not here',
  },
  /** The same refusal of a change of the weekly hours (a tab opened before the bundle came): nothing there is removed. */
  'err.hub-managed.weekly': {
    ar: 'حددت الجهة المركزية المواعيد الأسبوعية بحزمة الإعدادات؛ تُغيَّر من الجهة المركزية لا من هنا',
    en: 'The national hub sets the weekly hours in its configuration bundle; they are changed at the hub, not here',
  },
} as const satisfies Catalogue

/** `hoursEditorText(key, lang, values?, digits?)`. */
export const hoursEditorText = messagesOf(HOURS_EDITOR_MESSAGES)

/** A key `hoursEditorText` knows. */
export type HoursEditorMessageKey = Parameters<typeof hoursEditorText>[0]
