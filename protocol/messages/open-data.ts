/**
 * The hub's public open-data page (hub/ui/open.html, served at /open/): where to go now, by
 * governorate and service, and every center's lines now. Waits are worded by ticket.ts `waitText`.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'
import { TICKET_MESSAGES } from './ticket.ts'

export const OPEN_DATA_MESSAGES = {
  'open.title': { ar: 'الانتظار الآن في مراكز خدمة المواطنين', en: 'Waiting now at citizen-service centers' },
  'open.intro': {
    ar: 'أرقام مباشرة من آخر تقرير لكل مركز: أعداد فقط، بلا أي بيانات شخصية.',
    en: "Live figures from each center's latest report: counts only, no personal data.",
  },
  'open.views': { ar: 'طريقة العرض', en: 'View' },
  // the page never reads the phone's location: the citizen picks a governorate (walk of 2026-12-06)
  'open.tab.nearest': { ar: 'أقل المراكز ازدحامًا في محافظتك', en: 'Least busy center in your governorate' },
  'open.tab.centers': { ar: 'كل المراكز الآن', en: 'All centers now' },
  'open.governorate': { ar: 'المحافظة', en: 'Governorate' },
  'open.service': { ar: 'الخدمة', en: 'Service' },
  'open.choose': { ar: 'اختر…', en: 'Choose…' },
  'open.allGovernorates': { ar: 'كل المحافظات', en: 'All governorates' },
  'open.pickBoth': {
    ar: 'اختر المحافظة والخدمة لترى مراكزها مرتبة من الأقل انتظارًا.',
    en: 'Pick a governorate and a service to see its centers, the shortest wait first.',
  },
  'open.waiting': {
    ar: '{n, plural, =0 {لا أحد ينتظر} one {شخص واحد ينتظر} two {شخصان ينتظران} few {# أشخاص ينتظرون} many {# شخصًا ينتظرون} other {# شخص ينتظرون}}',
    en: '{n, plural, =0 {Nobody waiting} other {# waiting}}',
  },
  'open.typicalWait': { ar: 'الانتظار المعتاد الآن: {wait}', en: 'Typical wait now: {wait}' },
  'open.noCounter': { ar: 'لا يوجد شباك مفتوح لهذه الخدمة الآن', en: 'No counter is open for this service now' },
  'open.notIssuing': { ar: 'لا تُصدر تذاكر لهذه الخدمة الآن', en: 'No tickets are issued for this service now' },
  // true of a center that reported long ago and of one that never did ("no recent data" implied old data)
  'open.noRecentData': { ar: 'لا توجد أرقام الآن', en: 'No figures now' },
  'open.updated': {
    ar: 'آخر تحديث {minutes, plural, =0 {منذ أقل من دقيقة} one {منذ دقيقة} two {منذ دقيقتين} few {منذ # دقائق} many {منذ # دقيقة} other {منذ # دقيقة}}',
    en: 'Updated {minutes, plural, =0 {less than a minute ago} one {# minute ago} other {# minutes ago}}',
  },
  'open.noCenters': {
    ar: 'لا يوجد مركز في هذه المحافظة يقدّم هذه الخدمة الآن.',
    en: 'No center in this governorate offers this service now.',
  },
  // least busy: the centers silent now are listed apart from the ranked ones, not ranked themselves
  'open.noLive': {
    ar: 'لم يرسل أي مركز في هذه المحافظة أرقامًا حديثة لهذه الخدمة.',
    en: 'No center in this governorate has sent recent figures for this service.',
  },
  // a center whose lines never reached the hub: «لا توجد أرقام الآن» hinted at older figures (walk of 2026-12-06)
  'open.notReportedYet': { ar: 'لم يرسل هذا المركز أرقامًا بعد', en: 'This center has not sent figures yet' },
  // a center's services without a national code were only said to exist (walk of 2026-12-06): now listed on its card, marked, never ranked
  'open.unlistedServices': {
    ar: 'أقل المراكز ازدحامًا يقارن خدمات الدليل القومي فقط. خدمات المركز الخاصة تظهر في بطاقته ضمن «كل المراكز الآن» بأسمائها عنده، ولا تُقارن بخدمات مراكز أخرى.',
    en: 'The least busy center compares the national catalogue’s services only. A center’s own services are listed on its card under “All centers now”, by its names for them, and are not compared with other centers’.',
  },
  'open.localService': { ar: 'خدمة خاصة بهذا المركز', en: 'This center’s own service' },
  'open.staleTitle': { ar: 'مراكز بلا أرقام الآن (غير مرتبة)', en: 'Centers with no figures now (not ranked)' },
  'open.noServices': { ar: 'لا يعرض هذا المركز خدمات الآن.', en: 'This center shows no service now.' },
  'open.explainWait': {
    ar: 'الانتظار المعتاد هو ما تقوله التذكرة لو أخذتها الآن من المركز، محسوبًا من المنتظرين والشبابيك المفتوحة. الشباك الذي يخدم أكثر من خدمة يخدم المنتظرين لها جميعًا، فقد يكون هناك انتظار لخدمة لا ينتظرها أحد.',
    en: 'The typical wait is what a ticket taken at the center now would say, worked out from the people waiting and the counters open. A counter that serves several services serves the people waiting for any of them, so a service with nobody waiting may still have a wait.',
  },
  'open.loadFailed': { ar: 'تعذّر تحميل الأرقام، نحاول مرة أخرى…', en: 'Could not load the figures; retrying…' },
  'open.api': { ar: 'البيانات المفتوحة للمطورين (OpenAPI)', en: 'Open data for developers (OpenAPI)' },
} as const satisfies Catalogue

/** `openDataText(key, lang, values?, digits?)`: the open-data page's words, the ticket's (waits) and the common ones. */
export const openDataText = messagesOf({ ...COMMON_MESSAGES, ...TICKET_MESSAGES, ...OPEN_DATA_MESSAGES })

/** A key `openDataText` knows. */
export type OpenDataMessageKey = Parameters<typeof openDataText>[0]
