/**
 * The audit log («سجل التغييرات») as sentences: what changed and who changed it, in the page's
 * language, one per configuration command (server/config/config-audit.ts CONFIG_COMMANDS). The walk
 * of 2026-12-06 read raw requests there (`PUT /settings {"digits":"arabic-indic"}`, a pairing with
 * «—» as its actor); the request stays under each sentence for an admin who wants it.
 */
import { messagesOf, type Catalogue, type Lang } from './format.ts'
import { inDigitStyle, type DigitStyle } from './digits.ts'
import { configText, isConfigKey, type ConfigMessageKey } from './config-forms.ts'
import { CenterSettings } from '../settings.ts'
import { listComma } from './list-comma.ts'
import { bundleRefusalText } from './hub-bundles.ts'
import { namePart } from '../name-in-language.ts'
import { staffingText } from './staffing.ts'

export const AUDIT_LOG_MESSAGES = {
  'audit.when': { ar: 'الوقت', en: 'When' },
  'audit.who': { ar: 'بواسطة', en: 'By' },
  'audit.what': { ar: 'التغيير', en: 'Change' },
  'audit.request': { ar: 'الطلب كما وصل', en: 'The request as received' },
  /**
   * Under a change the hub's bundle made: no request arrived. What the bundle's apply wrote (a
   * calendar row holds the whole calendar, the center's own days kept beside the hub's holidays).
   */
  'audit.bundleWrote': { ar: 'ما كتبته حزمة الإعدادات', en: 'What the configuration bundle wrote' },
  /** Under a bundle the center refused: it wrote nothing; what the center recorded of the refusal. */
  'audit.bundleRefusal': { ar: 'الرفض كما سجّله المركز', en: 'The refusal as the center recorded it' },
  'audit.hub': { ar: 'الجهة المركزية', en: 'The national hub' },
  'audit.system': { ar: 'النظام', en: 'The system' },
  'audit.device': { ar: 'الجهاز {name}', en: 'Device {name}' },
  'audit.numbered': { ar: 'رقم {id, number}', en: 'no. {id, number}' },
  'audit.service.create': { ar: 'أُضيفت الخدمة {subject}', en: 'Service {subject} added' },
  'audit.service.update': { ar: 'عُدّلت الخدمة {subject}', en: 'Service {subject} edited' },
  // the active box ticked off or on: said so, not as any edit (walk s54 read «عُدّلت الخدمة» for both)
  'audit.service.deactivate': { ar: 'أُوقفت الخدمة {subject} عن إصدار التذاكر', en: 'Service {subject} deactivated' },
  'audit.service.activate': { ar: 'أُعيد تفعيل الخدمة {subject}', en: 'Service {subject} activated again' },
  'audit.service.steps': { ar: 'عُدّلت خطوات الخدمة {subject}', en: 'Steps of service {subject} changed' },
  'audit.service.national-mapping': { ar: 'رُبطت الخدمات بالرموز الوطنية', en: 'Services matched to national codes' },
  'audit.counter.create': { ar: 'أُضيف الشباك {subject}', en: 'Counter {subject} added' },
  'audit.counter.update': { ar: 'عُدّل الشباك {subject}', en: 'Counter {subject} edited' },
  'audit.user.create': { ar: 'أُضيف المستخدم {subject}', en: 'User {subject} added' },
  'audit.user.update': { ar: 'عُدّل المستخدم {subject}', en: 'User {subject} edited' },
  'audit.device.create': { ar: 'أُضيف الجهاز {subject}', en: 'Device {subject} added' },
  'audit.device.update': { ar: 'عُدّل الجهاز {subject}', en: 'Device {subject} edited' },
  'audit.device.pairing-code': { ar: 'أُنشئ رمز ربط جديد للجهاز {subject}', en: 'New pairing code made for device {subject}' },
  'audit.device.revoke': { ar: 'أُلغي ربط الجهاز {subject}', en: 'Device {subject} revoked' },
  'audit.device.reinstate': { ar: 'أُعيد تفعيل الجهاز {subject}', en: 'Device {subject} reactivated' },
  'audit.device.pair': { ar: 'رُبط الجهاز {subject}', en: 'Device {subject} paired' },
  'audit.settings.update': { ar: 'عُدّلت إعدادات المركز: {fields}', en: 'Center settings changed: {fields}' },
  'audit.news.set': { ar: 'تغيّر شريط الأخبار', en: 'News line changed' },
  'audit.calendar.update': { ar: 'عُدّلت مواعيد العمل', en: 'Opening hours changed' },
  'audit.calendar.import': { ar: 'استُوردت العطلات من ملف تقويم', en: 'Holidays imported from a calendar file' },
  'audit.service-group.create': { ar: 'أُضيفت مجموعة الخدمات {subject}', en: 'Service group {subject} added' },
  'audit.service-group.update': { ar: 'عُدّلت مجموعة الخدمات {subject}', en: 'Service group {subject} edited' },
  'audit.service-group.delete': { ar: 'حُذفت مجموعة الخدمات {subject}', en: 'Service group {subject} deleted' },
  'audit.webhook.create': { ar: 'أُضيف ربط مع نظام آخر {subject}', en: 'Webhook {subject} added' },
  'audit.webhook.update': { ar: 'عُدّل الربط مع نظام آخر {subject}', en: 'Webhook {subject} edited' },
  'audit.webhook.delete': { ar: 'حُذف الربط مع نظام آخر {subject}', en: 'Webhook {subject} deleted' },
  'audit.webhook.rotate-secret': { ar: 'تغيّر سر الربط مع نظام آخر {subject}', en: 'Secret of webhook {subject} replaced' },
  'audit.webhook.pause': { ar: 'أُوقف الربط مع نظام آخر {subject} مؤقتًا', en: 'Webhook {subject} paused' },
  'audit.webhook.resume': { ar: 'استُؤنف الربط مع نظام آخر {subject}', en: 'Webhook {subject} resumed' },
  'audit.webhook.redeliver': { ar: 'أُعيد إرسال إشعار {subject}', en: 'Delivery {subject} sent again' },
  'audit.message-template.update': { ar: 'عُدّل نص رسالة للمواطنين', en: 'A message to citizens changed' },
  'audit.appointments.settings': { ar: 'عُدّلت إعدادات المواعيد للخدمة {subject}', en: 'Appointment settings of service {subject} changed' },
  'audit.appointments.day': { ar: 'عُدّل يوم {day} في مواعيد الخدمة {subject}', en: 'Appointments of service {subject} changed on {day}' },
  'audit.config-bundle.apply': { ar: 'طُبّقت حزمة إعدادات من الجهة المركزية', en: 'Configuration bundle from the national hub applied' },
  // a bundle the center refused whole: which, and why in the page's words (its stable code); the center's reason, in English, is under it
  'audit.config-bundle.refuse': {
    ar: 'رفض المركز حزمة الإعدادات رقم {version, number} من الجهة المركزية، فلم يُطبَّق منها شيء: {why}',
    en: 'Configuration bundle {version, number} from the national hub refused; nothing of it applied: {why}',
  },
  'audit.finish-outcomes.replace': { ar: 'عُدّلت نتائج إنهاء الخدمة', en: 'Finish outcomes changed' },
  // what an edit changed, one line a field, before → after (walk s55: "Counter … edited" for a counter moved between zones)
  'audit.fieldChange': { ar: '{field}: {from} ← {to}', en: '{field}: {from} → {to}' },
  // a password: never its value
  'audit.secretChanged': { ar: '{field}: تغيّرت', en: '{field}: changed' },
  'audit.none': { ar: 'لا شيء', en: 'none' },
  'audit.yes': { ar: 'نعم', en: 'yes' },
  'audit.no': { ar: 'لا', en: 'no' },
  'audit.weighted': { ar: '{name} (الوزن {weight, number})', en: '{name} (weight {weight, number})' },
  // a field named as the form names it, without the form's hint on how to type it (walk s55 read «فئات الأولوية (رمز، عربي، إنجليزي في كل سطر)»)
  'audit.field.priorityCategories': { ar: 'فئات الأولوية', en: 'Priority categories' },
  'audit.field.zoneName': { ar: 'اسم المنطقة {zone}', en: 'Name of zone {zone}' },
  'audit.field.config': { ar: 'الإعدادات', en: 'Settings' },
  'audit.field.documents': { ar: 'المستندات المطلوبة', en: 'Required documents' },
  'audit.field.groupId': { ar: 'مجموعة الخدمات', en: 'Service group' },
  'audit.field.icon': { ar: 'الأيقونة', en: 'Icon' },
  'audit.field.sortOrder': { ar: 'الترتيب', en: 'Order' },
} as const satisfies Catalogue

export const auditText = messagesOf(AUDIT_LOG_MESSAGES)
export type AuditMessageKey = Parameters<typeof auditText>[0]

const has = (key: string): key is AuditMessageKey => Object.hasOwn(AUDIT_LOG_MESSAGES, key)
const isolate = (s: string) => `\u2068${s}\u2069`
const quoted = (s: string, lang: Lang) => (lang === 'ar' ? `«${isolate(s)}»` : `“${isolate(s)}”`)

/** One audit-log row as the sentence needs it (protocol/settings.ts AuditEntry). */
export interface AuditChange {
  command: string | null
  method: string
  route: string
  params: Record<string, unknown>
  body: unknown
}

/** The largest value a center setting takes (its schema's `maximum`), for a label that names its scale; 0 when it has none. */
function maximumOf(setting: string): number {
  return (CenterSettings.properties as Record<string, { maximum?: number }>)[setting]?.maximum ?? 0
}

/**
 * What a change did, as a sentence in `lang` and `digits`. `subject` is the name of what it
 * changed in the page's language (the caller picks the part of a bilingual name), or null: then
 * the id it names («رقم ٣»). A row older than commands, or a command this screen does not know,
 * is said as its request.
 */
export function auditChangeText(change: AuditChange, subject: string | null, lang: Lang, digits: DigitStyle): string {
  const key = `audit.${change.command}`
  if (!change.command || !has(key)) return `${change.method} ${change.route}`
  const id = change.params.id
  const named =
    subject !== null && subject !== ''
      ? quoted(subject, lang)
      : typeof id === 'number'
        ? auditText('audit.numbered', lang, { id }, digits)
        : ''
  const body = (change.body ?? {}) as Record<string, unknown>
  // the settings a change set, by their form labels (a key the form does not label is shown as it is); a label that
  // names its scale («من ٥» / "of 5") takes it from the setting's schema, as the form takes it from its field
  const fields = Object.keys(body)
    .map((k) => fieldLabel(k, lang, digits))
    .join(listComma(lang))
  const day = typeof change.params.day === 'string' ? isolate(inDigitStyle(change.params.day, digits)) : ''
  // a refused bundle: its version and why, by its stable code
  const version = typeof body.version === 'number' ? body.version : 0
  const why = typeof body.code === 'string' ? bundleRefusalText(body.code, lang) : ''
  return auditText(key, lang, { subject: named, fields, day, version, why }, digits)
    .replace(/\s+$/, '')
    .replace(/\s{2,}/g, ' ')
}

/**
 * A field as the change log names it: its own label when the form's carries a hint on how to type it,
 * else the form's label (a scale it names, «من ٥», from the setting's schema), a device's setting by its
 * form label, else the key as it is.
 */
function fieldLabel(field: string, lang: Lang, digits: DigitStyle): string {
  if (field.startsWith('zoneNames.')) return auditText('audit.field.zoneName', lang, { zone: isolate(field.slice('zoneNames.'.length)) })
  if (field === 'whenUnstaffed') return staffingText('staffing.whenUnstaffed', lang)
  if (has(`audit.field.${field}`)) return auditText(`audit.field.${field}` as AuditMessageKey, lang)
  if (isConfigKey(`f.${field}`)) return configText(`f.${field}` as ConfigMessageKey, lang, { max: maximumOf(field) }, digits)
  const setting = field.startsWith('config.') ? `device.${field.slice('config.'.length)}` : ''
  if (isConfigKey(setting)) return configText(setting as ConfigMessageKey, lang, { min: 1, max: 254 }, digits)
  return field
}

/** Values said by their labels in the forms (a role, a call policy, a digit style), not as stored. */
const LABELLED: Record<string, string> = { role: 'role', callPolicy: 'policy', digits: 'digits' }

/** A value before or after an edit, in the page's language: a name in both languages by its part, yes/no, a list, «none». */
function valueText(field: string, v: unknown, lang: Lang, digits: DigitStyle): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return auditText('audit.none', lang)
  if (typeof v === 'boolean') return auditText(v ? 'audit.yes' : 'audit.no', lang)
  if (typeof v === 'number') return inDigitStyle(String(v), digits)
  if (typeof v === 'string') {
    if (field === 'whenUnstaffed' && (v === 'not-offered' || v === 'offer-without-estimate'))
      return staffingText(`staffing.whenUnstaffed.${v}`, lang)
    const key = `${LABELLED[field]}.${v}`
    return isConfigKey(key) ? configText(key, lang) : namePart(v, lang)
  }
  if (Array.isArray(v)) return v.map((item) => isolate(valueText(field, item, lang, digits))).join(listComma(lang))
  const o = v as { name?: unknown; weight?: unknown; code?: unknown; nameAr?: unknown; nameEn?: unknown }
  if (typeof o.name === 'string' && typeof o.weight === 'number')
    return o.weight === 1
      ? namePart(o.name, lang)
      : auditText('audit.weighted', lang, { name: namePart(o.name, lang), weight: o.weight }, digits)
  // a priority category: its code and its name in the page's language
  if (typeof o.code === 'string' && typeof o.nameAr === 'string' && typeof o.nameEn === 'string')
    return `${o.code} ${lang === 'ar' ? o.nameAr : o.nameEn}`
  return JSON.stringify(v)
}

/**
 * One field an edit changed, as a line of the change log: «المنطقة: الدور الأرضي ← الدور الأول» /
 * "Zone: Ground floor → First floor" (each value isolated: a Latin name keeps its place in an Arabic
 * line); a password only as changed.
 */
export function auditFieldChangeText(change: { field: string; from?: unknown; to?: unknown }, lang: Lang, digits: DigitStyle): string {
  const field = fieldLabel(change.field, lang, digits)
  if (!('from' in change) && !('to' in change)) return auditText('audit.secretChanged', lang, { field })
  const side = (v: unknown) => isolate(valueText(change.field, v, lang, digits))
  return auditText('audit.fieldChange', lang, { field, from: side(change.from), to: side(change.to) })
}

/** Whether the hub's configuration bundle made a change (its own row, and each change it made through a command). */
export const byHub = (entry: { method: string }): boolean => entry.method === 'HUB'

/**
 * What the folded detail under a change is: the request as received, what a bundle wrote (no request
 * arrived), or, for a bundle the center refused, the refusal it recorded (the bundle wrote nothing).
 */
export function auditDetailKey(entry: { method: string; command: string | null }): AuditMessageKey {
  if (entry.command === 'config-bundle.refuse') return 'audit.bundleRefusal'
  return byHub(entry) ? 'audit.bundleWrote' : 'audit.request'
}

/** Who made a change: its user, the device that paired (its name in the page's language), the hub, or the system. */
export function auditActorText(
  entry: { username: string | null; deviceName: string | null; method: string },
  deviceName: string | null,
  lang: Lang,
): string {
  if (entry.username) return entry.username
  if (entry.deviceName) return auditText('audit.device', lang, { name: quoted(deviceName ?? entry.deviceName, lang) })
  return auditText(byHub(entry) ? 'audit.hub' : 'audit.system', lang)
}
