/**
 * The dashboard's configuration forms (issue 15): the device forms' fields, the test print, the
 * zone picker, the counter weights' help, and every refusal worded next to the field it names
 * (the error body's `field`, `reason`, `limit`: protocol/error-codes.ts), never the server's
 * English message.
 */
import { messagesOf, type Catalogue, type Lang } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { DASHBOARD_MESSAGES, PASSWORD_REFUSALS } from './dashboard.ts'
import { ErrorCodes, type ErrorCode } from '../error-codes.ts'
import type { PrinterProblem } from '../printer-problem.ts'
import { formatNumber, type DigitStyle } from './digits.ts'

/** A mapped service's letter: the hub's bundle names services by letter (docs/central-configuration.md). */
const PREFIX_LOCKED = {
  ar: 'تربط الجهة المركزية هذه الخدمة بحرفها من خلال حزمة الإعدادات، ولا يمكن تغيير الحرف هنا.',
  en: 'The national hub maps this service by its prefix through its configuration bundle; the prefix cannot be changed here.',
}

export const CONFIG_FORM_MESSAGES = {
  'config.nav': { ar: 'أقسام الإعدادات', en: 'Configuration sections' },
  'config.list.services': { ar: 'الخدمات الحالية', en: 'Current services' },
  // a failed load is said, never shown as an empty list ("no services")
  'config.load.services.failed': {
    ar: 'تعذّر تحميل الخدمات من الخادم، فالقائمة غير معروضة.',
    en: 'The services could not be loaded from the server, so no list is shown.',
  },
  'config.load.catalogue.failed': {
    ar: 'تعذّر تحميل الدليل الوطني للخدمات، فتظهر الرموز الوطنية كما هي.',
    en: 'The national service catalogue could not be loaded, so national codes show as they are.',
  },
  'config.load.retry': { ar: 'أعد المحاولة', en: 'Try again' },
  'config.list.counters': { ar: 'الشبابيك الحالية', en: 'Current counters' },
  'config.list.users': { ar: 'المستخدمون الحاليون', en: 'Current users' },
  'config.list.devices': { ar: 'الأجهزة الحالية', en: 'Current devices' },
  'form.add.services': { ar: 'إضافة خدمة', en: 'Add a service' },
  'form.edit.services': { ar: 'تعديل الخدمة {name}', en: 'Edit service {name}' },
  'form.add.counters': { ar: 'إضافة شباك', en: 'Add a counter' },
  'form.edit.counters': { ar: 'تعديل الشباك {name}', en: 'Edit counter {name}' },
  'form.add.users': { ar: 'إضافة مستخدم', en: 'Add a user' },
  'form.edit.users': { ar: 'تعديل المستخدم {name}', en: 'Edit user {name}' },
  'form.add.devices': { ar: 'إضافة جهاز', en: 'Add a device' },
  'form.edit.devices': { ar: 'تعديل الجهاز {name}', en: 'Edit device {name}' },
  'form.unchanged': { ar: 'لا تغيير لحفظه', en: 'Nothing changed' },
  'form.optional': { ar: 'اختياري؛ يُترك فارغًا للقيمة الافتراضية:', en: 'Optional; leave empty for the default:' },
  'f.newsAr': { ar: 'شريط الأخبار بالعربية', en: 'News line in Arabic' },
  'f.newsEn': { ar: 'شريط الأخبار بالإنجليزية', en: 'News line in English' },
  'zone.new': { ar: 'منطقة جديدة…', en: 'New zone…' },
  'zone.none': { ar: 'بدون منطقة', en: 'No zone' },
  'zone.newName': { ar: 'اسم المنطقة الجديدة', en: 'New zone name' },
  // a zone is an id (its key everywhere); these name it on the screens in each language
  'zone.names': { ar: 'أسماء المناطق', en: 'Zone names' },
  'f.zoneNames': { ar: 'أسماء المناطق', en: 'Zone names' },
  'zone.namesHelp': {
    ar: 'المنطقة رمز ثابت تُطابَق به الشبابيك والأجهزة؛ اكتب اسمها كما يُعرض بكل لغة. تبقى المنطقة بلا اسم معروضة برمزها.',
    en: 'A zone is a fixed code that counters and devices are matched by; write its name as shown in each language. A zone without a name is shown by its code.',
  },
  'zone.code': { ar: 'الرمز', en: 'Code' },
  'zone.nameAr': { ar: 'الاسم بالعربية', en: 'Arabic name' },
  'zone.nameEn': { ar: 'الاسم بالإنجليزية', en: 'English name' },
  // {zone}: its name in the page's language, its code while it has none (zone-names-config.ts)
  'zone.nameOf': { ar: 'اسم المنطقة «{zone}» بالعربية', en: 'Arabic name of zone “{zone}”' },
  'zone.nameOfEn': { ar: 'اسم المنطقة «{zone}» بالإنجليزية', en: 'English name of zone “{zone}”' },
  'weights.help': {
    ar: 'اترك الخانة فارغة إن كان الشباك لا يخدم الخدمة. {backup, number}: خدمة احتياطية، يُنادى عليها فقط إن لم ينتظر أحد في الخدمات الأخرى. {normal, number}: عادي. {double, number}: ضعف الأهمية؛ يُحسب انتظار تذكرتها مضاعفًا فتسبق تذكرة بوزن {normal, number} أقدم منها متى انتظرت أكثر من نصف مدتها.',
    en: 'Leave empty when the counter does not serve the service. {backup, number}: a backup service, called only when nothing else waits. {normal, number}: normal. {double, number}: twice as urgent; its tickets’ wait counts double, so one overtakes an older weight-{normal, number} ticket once it has waited more than half as long.',
  },
  // what a change of a counter's services does to the line, and the counter that would serve nothing (walk 2026-12-06:
  // a counter saved with no service said "Saved", and a clerk opening it would never be called a ticket)
  'weights.waiting': {
    ar: 'تغيير خدمات الشباك لا ينقل أي تذكرة: التذاكر المنتظرة تبقى في طابور خدمتها وتناديها الشبابيك التي تخدمها؛ خدمة لا يخدمها أي شباك مفعّل لا ينادي تذاكرها أحد.',
    en: 'Changing a counter’s services moves no ticket: tickets already waiting stay in their service’s line, for the counters that serve it; a service no active counter serves has its tickets called by no one.',
  },
  'weights.none': {
    ar: 'الشباك المفعّل يحتاج خدمة واحدة على الأقل، وإلا لن تُنادى إليه أي تذكرة: اكتب وزنًا لخدمة، أو ألغِ «مفعّل» لحفظه لاحقًا',
    en: 'An active counter needs at least one service, or no ticket is ever called to it: give a service a weight, or untick Active to keep it for later',
  },
  'counter.noServices': { ar: 'لا شيء: لا تُنادى إليه أي تذكرة', en: 'None: no ticket is called to it' },
  // a save refused because it takes a waiting line off its last active counter (409 LAST_COUNTER_OF_WAITING_SERVICE; decision 0008)
  'counter.unserved': {
    ar: 'لا يقدّم أي شباك مفعّل آخر خدمة {service}، وفي طابورها {waiting, plural, zero {لا أحد} one {شخص واحد ينتظر} two {شخصان ينتظران} few {# أشخاص ينتظرون} many {# شخصًا ينتظرون} other {# شخص ينتظرون}}: لن يناديهم أحد بعد هذا الحفظ.',
    en: 'No other active counter serves {service}, and {waiting, plural, one {# person waits} other {# people wait}} in its line: no one will call them after this save.',
  },
  'counter.unserved.how': {
    ar: 'اترك الشباك يُنهي هذا الطابور أولًا، أو أضف الخدمة إلى شباك آخر. إن حفظت على أي حال، تطلب صفحات تذاكرهم منهم سؤال أحد موظفي المركز.',
    en: 'Let the counter empty this line first, or give the service to another counter. If you save anyway, their ticket pages tell them to ask a member of staff.',
  },
  'counter.unserved.confirm': { ar: 'احفظ على أي حال', en: 'Save anyway' },
  // the target wait is typed in seconds while the hours and the appointments count minutes: the figure read back in minutes
  // (walk 2026-12-06: 15 typed meaning a quarter of an hour is 15 seconds)
  'service.targetWaitHint': {
    ar: 'بالثواني: {seconds, number} ثانية = {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتان} few {# دقائق} many {# دقيقة} other {# دقيقة}}{rest, plural, =0 {} one { وثانية واحدة} two { وثانيتان} few { و# ثوانٍ} many { و# ثانية} other { و# ثانية}}',
    en: 'In seconds: {seconds, number} seconds = {minutes, plural, one {# minute} other {# minutes}}{rest, plural, =0 {} one { and # second} other { and # seconds}}',
  },
  // a service's Active box: what unticking does now, and to the tickets already waiting (call-policy serves them still)
  'service.activeHint': {
    ar: 'عند إلغائه: يتوقف الكشك وصفحة الهاتف عن عرض الخدمة ولا تُقبل لها حجوزات جديدة؛ والتذاكر المنتظرة تحتفظ بدورها وتناديها شبابيكها كالمعتاد.',
    en: 'Unticked: the kiosk and the phone page stop offering the service and it takes no new bookings; tickets already waiting keep their place and its counters still call them.',
  },
  /** A counter has one name, shown as written on every screen in either language (decided in server/demo/seed.ts). */
  'counter.nameHint': {
    ar: 'يظهر الاسم كما هو على كل الشاشات بالعربية والإنجليزية، والشاشات تكتب رقم الشباك بنفسها؛ اكتب ما عدا الرقم، بالعربية والإنجليزية إن كانت شاشاتك ثنائية اللغة: «تراخيص · Permits».',
    en: 'The name shows as written on every screen, in Arabic and in English, and the screens write the counter number themselves: write what else the sign says, in both languages if your screens are bilingual: “تراخيص · Permits”.',
  },
  // no-break spaces: «(وزن» never at a line's end with «٢)» on the next (walk s50, the counters table at 1366 px)
  'weights.served': { ar: '{service}\u00a0(وزن\u00a0{weight, number})', en: '{service}\u00a0(weight\u00a0{weight, number})' },
  'weights.weight': { ar: 'وزن {service}', en: 'Weight of {service}' },
  'device.kindFixed': { ar: 'النوع: {kind}', en: 'Kind: {kind}' },
  'device.printer': { ar: 'الطابعة', en: 'Printer' },
  // the services a kiosk offers (its config's serviceIds; only JSON before the walk of 2026-12-06)
  'device.offers': { ar: 'الخدمات التي يقدمها هذا الكشك', en: 'Services this kiosk offers' },
  'device.offersAll': { ar: 'كل الخدمات، ومنها ما يُضاف لاحقًا', en: 'Every service, also those added later' },
  'device.offersHint': {
    ar: 'ألغِ هذا الاختيار لتحدد خدمات بعينها، مثل كشك في الدور الأول يقدم خدمات ذلك الدور فقط؛ الخدمات الأخرى لا تظهر عليه.',
    en: 'Untick to choose the services, such as a first-floor kiosk offering that floor’s services only; the others do not show on it.',
  },
  'device.offersNone': {
    ar: 'اختر خدمة واحدة على الأقل، أو اختر «كل الخدمات»',
    en: 'Tick at least one service, or choose every service',
  },
  'device.hasPrinter': { ar: 'طابعة تذاكر موصولة بهذا الجهاز', en: 'A ticket printer is attached' },
  'device.printer.type': { ar: 'نوع الطابعة', en: 'Printer type' },
  'device.printer.type.epson': { ar: 'إبسون (ESC/POS)', en: 'Epson (ESC/POS)' },
  'device.printer.type.star': { ar: 'ستار (Star Line)', en: 'Star (Star Line)' },
  'device.printer.interface': { ar: 'عنوان الطابعة', en: 'Printer address' },
  'device.printer.interfaceHint': { ar: 'أمثلة:', en: 'Examples:' },
  'device.printer.widthMm': { ar: 'عرض الورق', en: 'Paper width' },
  // a figure: in the screen's digits (dashboard-ui/config/device-option-label.ts)
  'device.printer.width': { ar: '{mm, number} مم', en: '{mm, number} mm' },
  'device.askPriority': { ar: 'السؤال عن فئة الأولوية', en: 'Ask for a priority category' },
  'device.askPhone': { ar: 'عرض إدخال رقم الهاتف (اختياري للمواطن)', en: 'Offer a phone number (optional for the citizen)' },
  'device.phonePattern': { ar: 'شكل رقم الهاتف المقبول (تعبير نمطي)', en: 'Accepted phone number (regular expression)' },
  'device.idleSeconds': { ar: 'العودة للبداية بعد (ثوانٍ بلا لمس)', en: 'Back to start after (seconds untouched)' },
  'device.recentCalls': { ar: 'عدد النداءات السابقة المعروضة', en: 'Earlier calls listed' },
  'device.showWaiting': { ar: 'عرض عدد المنتظرين لكل خدمة', en: 'Show how many wait per service' },
  'device.announce.ar': { ar: 'نطق النداء بالعربية', en: 'Announce calls in Arabic' },
  'device.announce.en': { ar: 'نطق النداء بالإنجليزية', en: 'Announce calls in English' },
  'device.chime': { ar: 'نغمة قبل النداء', en: 'Chime before a call' },
  'device.announcement': { ar: 'صيغة النداء', en: 'Call wording' },
  'device.announcement.short': { ar: 'قصيرة (A خمسة عشر، شباك ثلاثة)', en: 'Short (A fifteen, counter three)' },
  'device.announcement.long': { ar: 'كاملة (العميل رقم…، الشباك رقم…)', en: 'Long (customer number…, counter number…)' },
  'device.hijriDate': { ar: 'عرض التاريخ الهجري', en: 'Show the Hijri date' },
  'device.media': { ar: 'عرض الصور والفيديو', en: 'Show images and videos' },
  'device.mediaSeconds': { ar: 'مدة عرض الصورة (ثوانٍ)', en: 'Seconds per image' },
  'device.flashSeconds': { ar: 'مدة وميض النداء الجديد (ثوانٍ)', en: 'Seconds a new call flashes' },
  'device.serial': { ar: 'الخط التسلسلي', en: 'Serial line' },
  'device.wired': { ar: 'موصول بخط تسلسلي', en: 'Wired to a serial line' },
  'device.path': { ar: 'منفذ الخط التسلسلي', en: 'Serial port' },
  'device.pathHint': { ar: 'مثال:', en: 'Example:' },
  // a display shows the calls of its zone's counters: in a zone none has, it lists every line and never a call (walk s55)
  'device.zoneNoCounter': { ar: 'لا يوجد شباك في هذه المنطقة', en: 'No counter is in this zone' },
  'device.zoneNoCounterHint': {
    ar: 'لا يوجد شباك في هذه المنطقة: ستعرض الشاشة كل خدمات المركز ولن تعرض أي نداء حتى يوضع فيها شباك.',
    en: 'No counter is in this zone: the screen will list every line of the center and show no call until a counter is put in it.',
  },
  'device.baudRate': { ar: 'سرعة الخط (باود)', en: 'Line speed (baud)' },
  'device.address': { ar: 'العنوان على الخط ({min, number}–{max, number})', en: 'Address on the line ({min, number}–{max, number})' },
  'device.counterId': { ar: 'الشباك', en: 'Counter' },
  'device.counterNone': { ar: 'اختر شباكًا', en: 'Choose a counter' },
  'device.protocol': { ar: 'بروتوكول اللوحة', en: 'Board protocol' },
  'testPrint.button': { ar: 'طباعة تجريبية', en: 'Test print' },
  'testPrint.running': { ar: 'جارٍ الطباعة التجريبية…', en: 'Printing a test ticket…' },
  'testPrint.saveFirst': { ar: 'احفظ التغييرات أولًا لتجربة هذه الطابعة', en: 'Save your changes first to test this printer' },
  'testPrint.ok': { ar: 'طُبعت تذكرة تجريبية؛ الطابعة تعمل', en: 'A test ticket was printed; the printer works' },
  'testPrint.not-answering': {
    ar: 'الطابعة لا تستجيب: تحقق من العنوان ومن أنها مشغّلة وموصولة بالشبكة',
    en: 'The printer is not answering: check the address, and that it is switched on and connected',
  },
  'testPrint.bad-status-reply': {
    ar: 'الطابعة ترد بحالة غير مفهومة: تحقق من نوع الطابعة',
    en: 'The printer answers its status check with garbage: check the printer type',
  },
  'testPrint.cover-open': { ar: 'غطاء الطابعة مفتوح', en: 'The printer cover is open' },
  'testPrint.paper-out': { ar: 'نفد ورق الطابعة', en: 'The printer is out of paper' },
  'testPrint.printer-error': { ar: 'الطابعة تبلغ عن عطل', en: 'The printer reports an error' },
  'testPrint.offline': { ar: 'الطابعة غير متصلة (offline)', en: 'The printer is offline' },
  'testPrint.paper-near-end': {
    ar: 'طُبعت التذكرة التجريبية، لكن الورق يوشك أن ينفد',
    en: 'The test ticket printed, but the paper is running low',
  },
  'err.required': { ar: '«{field}» مطلوب', en: '{field} is required' },
  'err.minLength': { ar: '«{field}»: {limit} من الأحرف على الأقل', en: '{field} needs at least {limit} characters' },
  'err.maxLength': { ar: '«{field}»: {limit} من الأحرف على الأكثر', en: '{field} allows at most {limit} characters' },
  'err.maxItems': { ar: '«{field}»: {limit} على الأكثر', en: '{field} allows at most {limit}' },
  'err.minimum': { ar: '«{field}»: أقل قيمة {limit}', en: '{field} must be at least {limit}' },
  'err.maximum': { ar: '«{field}»: أكبر قيمة {limit}', en: '{field} must be at most {limit}' },
  'err.pattern': { ar: '«{field}» ليس بالشكل المطلوب', en: '{field} is not in the expected form' },
  'err.type': { ar: '«{field}»: أدخل قيمة صحيحة', en: '{field}: enter a valid value' },
  'err.enum': { ar: '«{field}»: اختر إحدى القيم المتاحة', en: '{field}: choose one of the offered values' },
  'err.invalid': { ar: '«{field}»: هذه القيمة غير مقبولة', en: '{field}: this value is not accepted' },
  'err.duplicate': { ar: '«{field}» مستخدم بالفعل', en: '{field} is already in use' },
  'err.unknown': { ar: '«{field}»: لا توجد قيمة بهذا الاسم', en: '{field}: no such value' },
  'err.reordering-control': {
    ar: '«{field}» يحتوي على رمز خفي يغيّر اتجاه الكتابة؛ احذفه وأعد الكتابة',
    en: '{field} holds an invisible direction control; remove it and type the text again',
  },
  'err.not-allowed': { ar: '«{field}»: هذه القيمة غير مسموح بها هنا', en: '{field}: this value is not allowed here' },
  'err.prefix.pattern': {
    ar: '«{field}»: من حرف إلى ثلاثة أحرف لاتينية كبيرة، مثل \u2066A\u2069',
    en: '{field}: one to three capital Latin letters, e.g. A',
  },
  // the hub's bundle maps services by letter (docs/central-configuration.md): a renamed one refused the next bundle (walk s52)
  'err.prefix.locked': PREFIX_LOCKED,
  'err.prefix.duplicate': { ar: 'هذا الحرف مستخدم لخدمة أخرى', en: 'Another service already uses this prefix' },
  'err.number.duplicate': { ar: 'يوجد شباك آخر بهذا الرقم', en: 'Another counter has this number' },
  'err.username.duplicate': { ar: 'اسم المستخدم هذا مأخوذ', en: 'This username is taken' },
  'err.username.pattern': {
    ar: '«{field}»: أحرف لاتينية وأرقام و \u2066. _ -\u2069 فقط',
    en: '{field}: Latin letters, digits and . _ - only',
  },
  // zones match exactly: "Ground" for the counters' "ground" is refused (TABOUR_ERR_ZONE_SPELLED_OTHERWISE, walk s55)
  'err.zone.duplicate': {
    ar: 'منطقة الشبابيك بهذا الاسم مكتوبة بحروف كبيرة وصغيرة مختلفة؛ اخترها من القائمة',
    en: "The counters' zone of this name is written in other capitals; choose it from the list",
  },
  'err.zone.pattern': {
    ar: '«{field}»: حروف وأرقام و \u2066_ -\u2069 فقط، بلا مسافات',
    en: '{field}: letters, digits, _ and - only, no spaces',
  },
  'err.timeZone.unknown': { ar: 'منطقة زمنية غير معروفة (مثل \u2066Africa/Cairo\u2069)', en: 'Not a known time zone (e.g. Africa/Cairo)' },
  'err.priorityCategories.duplicate': { ar: 'رمز فئة مكرر', en: 'A category code is listed twice' },
  // one line of the categories box at fault, by its number (the walk of 2026-12-06 read "needs at least 1 characters" for
  // a line without its English name, and "not in the expected form" for a code with a capital and a space)
  'err.priorityCategories.line': {
    ar: 'السطر {line}: اكتب الرمز ثم الاسم بالعربية ثم الاسم بالإنجليزية، تفصل بينها فواصل',
    en: 'Line {line}: write the code, the Arabic name and the English name, separated by commas',
  },
  'err.priorityCategories.code': {
    ar: 'السطر {line}: الرمز حروف لاتينية صغيرة وأرقام و \u2066_\u2069 فقط، يبدأ بحرف، بلا مسافات (مثل \u2066elderly\u2069)',
    en: 'Line {line}: the code is lower-case Latin letters, digits and _ only, starting with a letter, no spaces (e.g. elderly)',
  },
  'err.priorityCategories.not-allowed': {
    ar: 'الرمز \u2066none\u2069 محجوز للتذاكر العادية',
    en: 'The code none is reserved for ordinary tickets',
  },
  'err.interface.pattern': {
    ar: '«{field}» ليس عنوان طابعة صحيحًا؛ انظر الأمثلة تحت الخانة',
    en: '{field} is not a printer address; see the examples under the field',
  },
  'err.interface.not-allowed': {
    ar: 'طابعة الشبكة يجب أن تكون على الشبكة الداخلية للمركز',
    en: 'A network printer must be on the center’s private network',
  },
  'err.path.not-allowed': { ar: 'المنفذ يجب أن يكون تحت \u2066/dev\u2069', en: 'The port must be under /dev' },
  'err.path.invalid': { ar: 'مسار المنفذ غير صالح (بلا \u2066..\u2069 ولا \u2066//\u2069)', en: 'Not a valid port path (no .., no //)' },
  'err.counterId.unknown': { ar: 'لا يوجد شباك بهذا الرقم', en: 'There is no such counter' },
  'err.services.unknown': { ar: 'إحدى الخدمات لم تعد موجودة؛ أعد تحميل الصفحة', en: 'A service no longer exists; reload the page' },
  'err.role.lastAdmin': {
    ar: 'لا يمكن تغيير دور آخر مدير نظام مفعّل أو إيقافه',
    en: 'The last active admin cannot be demoted or disabled',
  },
  'err.noPrinter': { ar: 'لا توجد طابعة محفوظة لهذا الجهاز', en: 'No printer is saved for this device' },
  'err.notFound': { ar: 'لم يعد هذا العنصر موجودًا؛ أعد تحميل الصفحة', en: 'This item no longer exists; reload the page' },
  'err.forbidden': { ar: 'ليست لديك صلاحية لهذا التغيير', en: 'You may not make this change' },
  'err.network': { ar: 'تعذّر الاتصال بالخادم؛ لم يُحفظ شيء', en: 'Cannot reach the server; nothing was saved' },
  'err.rateLimited': { ar: 'محاولات كثيرة؛ انتظر قليلًا', en: 'Too many attempts; wait a moment' },
  'err.other': { ar: 'رفض الخادم هذا التغيير ({code})', en: 'The server refused this change ({code})' },
  // the center form's citizen-feedback settings (issue 21)
  'f.feedbackWindowMinutes': { ar: 'مهلة تقييم الخدمة بعد انتهائها (دقيقة)', en: 'Rating allowed for (minutes after the finish)' },
  // the alert judges each counter alone (server/feedback): 6 ratings at 2.3 over three counters raised none,
  // and the labels did not say why (walk 2026-12-06)
  'f.feedbackAlertBelowAverage': {
    ar: 'تنبيه عندما يقل متوسط تقييم شباك واحد عن (من {max, number})',
    en: 'Alert when one counter’s average rating is below (of {max, number})',
  },
  'f.feedbackAlertMinRatings': {
    ar: 'أقل عدد تقييمات للشباك الواحد قبل التنبيه',
    en: 'Fewest ratings at that one counter before an alert',
  },
  'f.feedbackAlertWindowMinutes': { ar: 'فترة حساب التنبيه (دقيقة)', en: 'Alert looks at the last (minutes)' },
  // a setting the national hub manages through its configuration bundles (issue 23)
  'config.hubManaged': {
    ar: 'تديره الجهة المركزية (حزمة الإعدادات رقم {version, number}): الحزمة التالية تستبدل أي تعديل هنا',
    en: 'Managed by the national hub (configuration bundle {version, number}): the next bundle replaces a change made here',
  },
  // after a refused bundle the next one did not replace anything (walk s52: the news line stayed "Local news")
  'config.hubManaged.refused': {
    ar: 'تديره الجهة المركزية (حزمة الإعدادات رقم {version, number})؛ رُفضت هنا حزمتها رقم {refused, number}، فيبقى أي تعديل هنا حتى تُطبَّق حزمة',
    en: 'Managed by the national hub (configuration bundle {version, number}); its bundle {refused, number} was refused here, so a change made here stays until a bundle is applied',
  },
  // the Center section's note of a refused bundle (dashboard-ui/config/hub-bundle-note.ts): only the hub knew (walk s52)
  'config.bundleRefused': {
    ar: 'رفض هذا المركز حزمة الإعدادات رقم {version, number} من الجهة المركزية يوم {when}: {why}. لم يُطبَّق منها شيء؛ ما زال المركز يعمل بالحزمة رقم {running, number}.',
    en: 'This center refused configuration bundle {version, number} from the national hub on {when}: {why}. Nothing of it applied; the center still runs bundle {running, number}.',
  },
  'config.bundleRefused.noneRunning': {
    ar: 'رفض هذا المركز حزمة الإعدادات رقم {version, number} من الجهة المركزية يوم {when}: {why}. لم يُطبَّق منها شيء، ولا تعمل هنا أي حزمة من الجهة المركزية.',
    en: 'This center refused configuration bundle {version, number} from the national hub on {when}: {why}. Nothing of it applied; no bundle of the hub runs here.',
  },
  'config.bundleRefused.reason': {
    ar: 'السبب كما أرسله المركز إلى الجهة المركزية (بالإنجليزية)',
    en: 'The reason as the center sent it to the hub',
  },
  // a service's national service code (issue 23; dashboard-ui/config/national-code-field.ts)
  'f.nationalCode': { ar: 'الخدمة القومية المقابلة', en: 'National service' },
  'f.nationalCode.none': { ar: 'غير مربوطة بخدمة قومية', en: 'Not mapped to a national service' },
  'f.nationalCode.hubManaged': {
    ar: 'تحدد الجهة المركزية هذا الربط من خلال حزمة الإعدادات، ولا يمكن تغييره هنا.',
    en: 'The national hub sets this mapping through its configuration bundle; it cannot be changed here.',
  },
  // the same sentence under the read-only letter
  'f.prefix.hubManaged': PREFIX_LOCKED,
} as const satisfies Catalogue

/** `configText(key, lang, values?)`: the configuration forms' words, the dashboard's and the common ones. */
const CONFIG_BUNDLE = { ...COMMON_MESSAGES, ...DASHBOARD_MESSAGES, ...CONFIG_FORM_MESSAGES }
export const configText = messagesOf(CONFIG_BUNDLE)

/** A key `configText` knows. */
export type ConfigMessageKey = Parameters<typeof configText>[0]

/** A refusal as a screen received it: the stable code, and the field at fault when the server named one. */
export interface FieldRefusal {
  code: string
  detail: { field: string; reason: string; limit?: number } | null
}

/** Whether `configText` knows `key` (a field's label looked up by its name). */
export const isConfigKey = (key: string): key is ConfigMessageKey => Object.hasOwn(CONFIG_BUNDLE, key)
const has = isConfigKey

/**
 * The sentence for a refusal about one field, with the field as the form labels it (`label`):
 * a password refusal's own sentence; else a sentence for this field and reason
 * (`err.<last segment of the field>.<reason>`, e.g. duplicate prefix); else the reason's sentence.
 * Its limit is written in `digits` (default Western).
 */
export function fieldErrorText(refusal: FieldRefusal, label: string, lang: Lang, digits: DigitStyle = 'western'): string {
  // the limit in the screen's digits (the walk of 2026-12-06 read «8 من الأحرف» on an Arabic-Indic page)
  const figure = (n: number | undefined) => (n === undefined ? '' : formatNumber(n, { digits, maximumFractionDigits: 2 }))
  const passwordKey = PASSWORD_REFUSALS[refusal.code as ErrorCode]
  if (passwordKey) return configText(passwordKey, lang, { min: figure(refusal.detail?.limit ?? 8) })
  if (refusal.code === ErrorCodes.LAST_ADMIN) return configText('err.role.lastAdmin', lang)
  const reason = refusal.detail?.reason ?? 'invalid'
  const category = categoryLineOf(refusal.detail?.field ?? '')
  if (category) {
    const key = category.part === 'code' && reason === 'pattern' ? 'err.priorityCategories.code' : 'err.priorityCategories.line'
    return configText(key, lang, { line: figure(category.index + 1) })
  }
  // a text that must not be empty is, to the one typing, required: never "at least 1 characters"
  if (reason === 'minLength' && refusal.detail?.limit === 1) return configText('err.required', lang, { field: label })
  const leaf =
    refusal.detail?.field
      .split('/')
      .filter((s) => !/^\d+$/.test(s))
      .at(-1) ?? ''
  const specific = `err.${leaf}.${reason}`
  const key = has(specific) ? specific : has(`err.${reason}`) ? (`err.${reason}` as ConfigMessageKey) : 'err.invalid'
  return configText(key, lang, { field: label, limit: figure(refusal.detail?.limit) })
}

/** The line (from 0) and part of a priority category a refusal's field names (`priorityCategories/1/nameEn`), or null. */
function categoryLineOf(field: string): { index: number; part: string } | null {
  const m = /(?:^|\/)priorityCategories\/(\d+)(?:\/(\w+))?/.exec(field)
  return m ? { index: Number(m[1]), part: m[2] ?? '' } : null
}

/** The sentence for a refusal that names no field of the form (not found, forbidden, unreachable…). */
export function formErrorText(code: string, lang: Lang): string {
  if (code === ErrorCodes.NO_PRINTER) return configText('err.noPrinter', lang)
  if (code.endsWith('_NOT_FOUND')) return configText('err.notFound', lang)
  if (code === ErrorCodes.FORBIDDEN) return configText('err.forbidden', lang)
  if (code === ErrorCodes.RATE_LIMITED) return configText('err.rateLimited', lang)
  return configText('err.other', lang, { code })
}

/** What a test print found, in words: printed, or the printer's problem. */
export function testPrintText(problem: PrinterProblem | null, lang: Lang): string {
  return configText(problem ? `testPrint.${problem}` : 'testPrint.ok', lang)
}
