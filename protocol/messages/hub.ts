/**
 * The national hub's dashboard page (hub/ui/).
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { UNKNOWN_GOVERNORATE_NAMES } from '../governorates.ts'

export const HUB_MESSAGES = {
  title: { ar: 'لوحة المتابعة القومية لمراكز خدمة المواطنين', en: 'National dashboard of citizen-service centers' },
  /** The title of a governorate analyst's page: his figures are that governorate's, not the nation's. */
  scopedTitle: { ar: '{governorate}\u00a0— لوحة المتابعة', en: '{governorate}\u00a0— dashboard' },
  /** The browser tab's title (national, and a governorate analyst's). */
  documentTitle: { ar: 'لوحة المتابعة القومية · طابور', en: 'National dashboard · Tabour' },
  scopedDocumentTitle: { ar: '{governorate}\u00a0— لوحة المتابعة · طابور', en: '{governorate}\u00a0— dashboard · Tabour' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  today: { ar: 'اليوم', en: 'Today' },
  show: { ar: 'عرض', en: 'Show' },
  // «الصادرة», as the center's reports and CSV say it (protocol/messages/csv.ts), on every hub screen
  issued: { ar: 'التذاكر الصادرة', en: 'Issued' },
  // every finish at a counter, whatever its outcome (a referral too): the center's dashboard's «أُنهيت» / "Finished" (dashboard.ts col.served);
  // "Served" read 8 where only 5 had the outcome served (walk s50). A visit's each step counts at its desk: finishedNote says so
  served: { ar: 'أُنهيت', en: 'Finished' },
  // under the key figures and the drill-down: "Reconciliation requests: issued 5, finished 6" read as a mistake, and the
  // analysis and CSV said "tickets finished" of a count that holds each step of a visit (walk s55, session 54's leftover)
  finishedNote: {
    ar: 'أُنهيت: كل إنهاء عند شباك أيًّا كانت نتيجته، كما تعدّه لوحة متابعة كل مركز. الزيارة ذات الخطوات تُحسب مرة لكل خطوة، في خدمة تلك الخطوة، فقد يزيد ما أُنهي في خدمة على ما صدر لها؛ أما التذاكر الصادرة فتُحسب كل تذكرة منها مرة واحدة، في الخدمة التي صدرت لها.',
    en: 'Finished: every finish at a counter, whatever its outcome, as each center’s own dashboard counts it. A visit of several steps counts once per step, in the service of that step, so a service may finish more than it issued; issued counts each ticket once, in the service it was issued for.',
  },
  // the mean is over calls (wait sum ÷ calls): a ticket still waiting or gone uncalled is not in it, and the label says so
  avgWait: { ar: 'متوسط الانتظار للتذاكر التي نوديت (دقيقة)', en: 'Avg wait of called tickets (min)' },
  sla: { ar: 'نسبة الالتزام بزمن الانتظار', en: 'Within target wait' },
  avgRating: { ar: 'متوسط تقييم المواطنين (من ٥)', en: "Citizens' average rating (of 5)" },
  avgRatingColumn: { ar: 'متوسط التقييم (من ٥)', en: 'Average rating (of 5)' },
  appointmentWait: { ar: 'متوسط انتظار أصحاب المواعيد (دقيقة)', en: 'Avg wait with an appointment (min)' },
  /**
   * A mean wait under a minute, in a column or a tile of minutes: a 1.8 s mean read "0" (walk s48). The
   * heading says "(min)" / «(دقيقة)», so the cell has no unit of its own (walk s53: "< 1 min" under "(min)");
   * {one} is 1 in the page's digits.
   */
  waitUnderMinute: { ar: 'أقل من {one}', en: '< {one}' },
  noShow: { ar: 'لم يحضروا', en: 'No-show' },
  // the drill-down's and the hours of the day's counts beside the within-target share: an hour whose only tickets were still waiting read
  // "0 issued, 0 called, 0% within target" with nothing saying what the 0% was of, and one count "past target, not called" put the
  // running hour's tickets still in the line with those that had left, as if both were known misses (walks of 2026-12-06)
  leftPastTarget: { ar: 'غادروا دون نداء بعد الزمن المستهدف', en: 'Left uncalled past target' },
  waitingPastTarget: { ar: 'ما زالوا ينتظرون بعد الزمن المستهدف', en: 'Still waiting past target' },
  pastTargetNote: {
    ar: 'غادروا دون نداء بعد الزمن المستهدف: تذاكر خرجت من الطابور دون نداء بعد أن تجاوزت زمنها المستهدف. ما زالوا ينتظرون: تذاكر في الطابور تجاوزت زمنها المستهدف في الساعة الجارية عند آخر تقرير لمركزها، وقد يُنادى عليها بعد. تُحسب نسبة الالتزام من هؤلاء جميعًا ومن نودوا، فساعة بلا نداء وفيها مثل هذه التذاكر نسبتها ٠٪. المراكز بإصدارات أقدم لا تفصل بينهما، فتُعَدّ تذاكرها المنتظرة هنا مع من غادروا.',
    en: 'Left uncalled past target: tickets that left the line uncalled after their target wait. Still waiting past target: tickets in the line past their target in the running hour at their center’s last report; they may yet be called. The within-target share counts both with the calls, so an hour with no call and such tickets is at 0%. Centers on older versions do not tell the two apart, so their waiting tickets are counted here as left.',
  },
  // each sortable table says its order: by figure here, by name on the other tabs (walk of 2026-12-06, finding 12)
  sortedBy: { ar: 'الترتيب: {column}، {order}', en: 'Sorted by {column}, {order}' },
  order_desc: { ar: 'الأكبر أولًا', en: 'highest first' },
  order_asc: { ar: 'الأصغر أولًا', en: 'lowest first' },
  order_name_asc: { ar: 'أبجديًا', en: 'alphabetically' },
  order_name_desc: { ar: 'أبجديًا معكوسًا', en: 'reverse alphabetically' },
  order_offline: { ar: 'غير المتصلة أولًا', en: 'offline first' },
  order_online: { ar: 'المتصلة أولًا', en: 'online first' },
  /** Counts active centers only: a deactivated one is neither offline nor online. */
  centersOffline: { ar: 'مراكز نشطة غير متصلة', en: 'Active centers offline' },
  /** Deferred rollups (HUB_ROLLUP_REFRESH_MS): shown only while the figures lag the batches stored. */
  figuresAsOf: { ar: 'الأرقام حتى {time}', en: 'Figures as of {time}' },
  byGovernorate: { ar: 'حسب المحافظة', en: 'By governorate' },
  byCenter: { ar: 'حسب المركز', en: 'By center' },
  byService: { ar: 'حسب الخدمة', en: 'By service' },
  centersReporting: { ar: 'المراكز التي أرسلت أرقامًا', en: 'Centers reporting' },
  byHourOfDay: { ar: 'حسب ساعة اليوم', en: 'By hour of the day' },
  byHourOfDayNote: {
    ar: 'كل ساعة مجموعة على أيام الفترة؛ الساعات التي لم تصل عنها أرقام غير مذكورة.',
    en: 'Each hour summed over the days of the range; hours nothing was reported for are not listed.',
  },
  byHourOfDayTooLong: {
    ar: 'التوزيع حسب ساعة اليوم متاح لفترة {days, plural, zero {# يوم} one {يوم واحد} two {يومين} few {# أيام} many {# يومًا} other {# يوم}} على الأكثر. اختر فترة أقصر لرؤيته.',
    en: 'By hour of the day covers at most {days, plural, one {# day} other {# days}}. Choose a shorter range to see it.',
  },
  hourOfDay: { ar: 'الساعة', en: 'Hour' },
  governorate: { ar: 'المحافظة', en: 'Governorate' },
  /** A center whose governorate (free text from before the codes) names none of the 27. */
  unknownGovernorate: { ...UNKNOWN_GOVERNORATE_NAMES },
  center: { ar: 'المركز', en: 'Center' },
  service: { ar: 'الخدمة', en: 'Service' },
  status: { ar: 'الحالة', en: 'Status' },
  lastReport: { ar: 'آخر اتصال', en: 'Last contact' },
  online: { ar: 'متصل', en: 'Online' },
  offline: { ar: 'غير متصل', en: 'Offline' },
  deactivated: { ar: 'موقوف', en: 'Deactivated' },
  never: { ar: 'لم يتصل بعد', en: 'Never' },
  csv: { ar: 'تنزيل CSV', en: 'Download CSV' },
  loadFailed: { ar: 'تعذّر تحميل الأرقام، نحاول مرة أخرى…', en: 'Could not load the figures; retrying…' },
  /** The fleet tab's: it shows centers and devices, not figures. */
  fleetLoadFailed: { ar: 'تعذّر تحميل حالة المراكز والأجهزة، نحاول مرة أخرى…', en: 'Could not load the fleet; retrying…' },
  chartTitle: { ar: 'التذاكر الصادرة والمنتهية حسب المحافظة', en: 'Issued and finished by governorate' },
  /** A governorate or center none of whose centers sent figures for the range: not the same fact as 0 tickets. */
  noData: { ar: 'لا بيانات', en: 'No data' },
  /** The range the analyst picked, written out in the page's language beside the date fields (which follow the browser's locale). */
  chosenRange: { ar: 'الفترة: من {from} إلى {to}', en: 'Range: {from} to {to}' },
  kind_fixed: { ar: 'ثابت', en: 'Fixed' },
  kind_mobile: { ar: 'متنقل', en: 'Mobile' },
  kind_new_city: { ar: 'مدينة جديدة', en: 'New city' },
  kind: { ar: 'النوع', en: 'Kind' },
  /** After a center's city shown in the other language (it has none in this one: registered before hub migration 17). */
  cityInEnglish: { ar: 'بالإنجليزية', en: 'in English' },
  cityInArabic: { ar: 'بالعربية', en: 'in Arabic' },
  signInTitle: { ar: 'الدخول إلى لوحة المتابعة القومية', en: 'Sign in to the national dashboard' },
  signInHelp: {
    ar: 'هذه الأرقام تتطلب رمز الاطلاع. اطلبه من مسؤول البيانات في الجهة المركزية.',
    en: "These figures need the read token. Ask the national data center's administrator for it.",
  },
  tokenLabel: { ar: 'رمز الاطلاع', en: 'Read token' },
  signIn: { ar: 'دخول', en: 'Sign in' },
  signOut: { ar: 'خروج', en: 'Sign out' },
  tokenWrong: { ar: 'الرمز غير صحيح أو انتهت صلاحيته.', en: 'That token is not valid (or no longer).' },
  csvFailed: { ar: 'تعذّر تنزيل الملف.', en: 'Could not download the file.' },
  rangeTooLong: {
    ar: 'الفترة أطول من سنة (٣٦٦ يومًا)، ولساعات اليوم أطول من ٣١ يومًا. اختر فترة أقصر.',
    en: 'The range is longer than a year (366 days), or than 31 days by hour. Choose a shorter range.',
  },
  rangeReversed: {
    ar: 'تاريخ «إلى» قبل تاريخ «من». اختر تاريخ «إلى» في يوم «من» أو بعده.',
    en: 'The “To” date is before the “From” date. Choose a “To” date on or after “From”.',
  },
  /** Any other 4xx: the same request would be refused again, so it is not retried. The page puts its own text for the hub's code after it (protocol/messages/hub-errors.ts). */
  requestRefused: {
    ar: 'رفضت الجهة المركزية هذا الطلب: {reason}',
    en: 'The hub refused this request: {reason}',
  },
  analystTitle: { ar: 'أو الدخول بحساب المحلل', en: "Or sign in with an analyst's account" },
  username: { ar: 'اسم المستخدم', en: 'Username' },
  password: { ar: 'كلمة المرور', en: 'Password' },
  badCredentials: { ar: 'اسم المستخدم أو كلمة المرور غير صحيحة.', en: 'Wrong username or password.' },
  tabFigures: { ar: 'الأرقام', en: 'Figures' },
  tabFleet: { ar: 'المراكز والأجهزة', en: 'Fleet' },
  views: { ar: 'العرض', en: 'View' },
  unmapped: { ar: 'غير مربوطة بخدمة قومية: {center}', en: 'Not mapped to a national service: {center}' },
  group: { ar: 'المجموعة', en: 'Group' },
  fleetTitle: { ar: 'المراكز: الإصدار والإعدادات والحالة', en: 'Centers: version, configuration and health' },
  alertsTitle: { ar: 'تنبيهات', en: 'Alerts' },
  noAlerts: { ar: 'لا توجد تنبيهات.', en: 'No alerts.' },
  // {since} is the last heartbeat: the center went quiet then, and counts as offline only some
  // missed heartbeats later (hub/offline-rule.ts), so "offline since" would name the wrong moment
  alertOffline: { ar: '{center}: غير متصل، آخر إشارة منه {since}', en: '{center}: offline, last heard from {since}' },
  alertOfflineNever: { ar: '{center}: لم يتصل بعد', en: '{center}: never reported' },
  alertDevices: {
    ar: '{center}: {count, plural, one {جهاز معطل} two {جهازان معطلان} few {# أجهزة معطلة} other {# جهازًا معطلًا}}',
    en: '{center}: {count, plural, one {# faulty device} other {# faulty devices}}',
  },
  // the count is the heartbeat's, said with its time: "2 faulty devices" from a silent center read as
  // now (walk of 2026-12-06); an offline center's may have changed since
  alertDevicesAsOf: {
    ar: '{center}: {count, plural, one {جهاز معطل} two {جهازان معطلان} few {# أجهزة معطلة} other {# جهازًا معطلًا}} في آخر نبضة منه ({time})',
    en: '{center}: {count, plural, one {# faulty device} other {# faulty devices}} at its last heartbeat ({time})',
  },
  alertDevicesOffline: {
    ar: '{center}: {count, plural, one {جهاز معطل} two {جهازان معطلان} few {# أجهزة معطلة} other {# جهازًا معطلًا}} في آخر نبضة منه ({time})، قبل انقطاعه: قد يكون العدد تغير منذ ذلك',
    en: '{center}: {count, plural, one {# faulty device} other {# faulty devices}} at its last heartbeat ({time}), before it went offline: the count may have changed since',
  },
  // beside the backlog and faulty devices of an offline center: its last heartbeat's, not now's
  atLastHeartbeat: { ar: 'في آخر نبضة', en: 'at last heartbeat' },
  // an offline center's row of a range holding today: the batches it has not sent are not in it (walk of 2026-12-06)
  incompleteToday: {
    ar: 'أرقام اليوم قد تكون ناقصة: آخر أرقام وصلت منه {time}',
    en: 'Today’s figures may be incomplete: its last figures arrived {time}',
  },
  // a governorate's row of a range holding today, when some of its active centers are offline or have batches still to send (figures-view.ts missingToday)
  incompleteGovernorateToday: {
    ar: 'أرقام اليوم قد تكون ناقصة: {count, plural, one {مركز واحد غير متصل أو لديه دفعات لم تُرسل} two {مركزان غير متصلين أو لديهما دفعات لم تُرسل} few {# مراكز غير متصلة أو لديها دفعات لم تُرسل} many {# مركزًا غير متصل أو لديه دفعات لم تُرسل} other {# مركز غير متصل أو لديه دفعات لم تُرسل}}',
    en: 'Today’s figures may be incomplete: {count, plural, one {# center} other {# centers}} offline or with batches still to send',
  },
  pendingBatches: {
    ar: 'في آخر نبضة منه {count, plural, one {دفعة واحدة لم تُرسل} two {دفعتان لم تُرسلا} few {# دفعات لم تُرسل} many {# دفعةً لم تُرسل} other {# دفعة لم تُرسل}} بعد',
    en: 'at its last heartbeat, {count, plural, one {# batch} other {# batches}} still to send',
  },
  alertBackup: { ar: '{center}: فشل آخر نسخ احتياطي', en: '{center}: the last backup failed' },
  /** `{reason}`: the refusal's code in the page's words (protocol/messages/hub-bundles.ts bundleRefusalText). */
  alertBundle: {
    ar: '{center}: رفض حزمة الإعدادات رقم {version, number}: {reason}',
    en: '{center}: refused configuration bundle {version, number}: {reason}',
  },
  // the fleet names a center as registered at the hub; a center renamed in its own settings never
  // tells the hub's registry, so the name its kiosk, screens and tickets say is shown under it (from its heartbeat)
  ownName: { ar: 'اسمه على شاشاته: {name}', en: 'Its own screens say: {name}' },
  ownNameNote: {
    ar: 'يظهر كل مركز بالاسم المسجّل به لدى الجهة المركزية. إذا سمّته إعداداته باسم آخر (وهو الاسم على الكشك والشاشات والتذاكر) يظهر ذلك الاسم تحته كما ذكره في آخر نبضة منه.',
    en: 'Each center is named as it was registered at the hub. When its own settings name it otherwise (the name its kiosk, screens and tickets say), that name is shown under it, as its last heartbeat said it.',
  },
  version: { ar: 'الإصدار', en: 'Version' },
  outdated: { ar: 'أقدم من {version}', en: 'older than {version}' },
  configVersion: { ar: 'حزمة الإعدادات', en: 'Configuration bundle' },
  noBundle: { ar: 'لا شيء', en: 'None' },
  lastHeartbeat: { ar: 'آخر نبضة', en: 'Last heartbeat' },
  outbox: { ar: 'دفعات منتظرة', en: 'Outbox backlog' },
  devicesFaulty: { ar: 'أجهزة معطلة', en: 'Faulty devices' },
  lastBackup: { ar: 'آخر نسخ احتياطي', en: 'Last backup' },
  backupFailed: { ar: 'فشل', en: 'failed' },
  backupsOff: { ar: 'النسخ الاحتياطي غير مفعّل', en: 'backups off' },
  offlineRule: {
    ar: 'يُعد المركز غير متصل بعد {count, plural, one {نبضة واحدة فائتة} two {نبضتين فائتتين} few {# نبضات فائتة} other {# نبضة فائتة}}.',
    en: 'A center counts as offline after {count, plural, one {# missed heartbeat} other {# missed heartbeats}}.',
  },
} as const satisfies Catalogue

/** `hubText(key, lang, values?, digits?)`: the hub page's words and the common ones. */
export const hubText = messagesOf({ ...COMMON_MESSAGES, ...HUB_MESSAGES })

/** A key `hubText` knows. */
export type HubMessageKey = Parameters<typeof hubText>[0]
