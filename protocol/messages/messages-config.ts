/**
 * The "Messages" section of the dashboard's configuration (issue 20): an admin edits the texts
 * sent to citizens, in Arabic and English, with a live preview and the SMS segment counter.
 * The kinds' names come from the messages card's catalogue (msgs.kind.*).
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const MESSAGES_CONFIG_MESSAGES = {
  'tpl.nav': { ar: 'الرسائل إلى المواطنين', en: 'Messages' },
  'tpl.title': { ar: 'نصوص الرسائل إلى المواطنين', en: 'Texts of the messages to citizens' },
  'tpl.intro': {
    ar: "لكل رسالة نص عربي ونص إنجليزي، ويُرسل كلٌّ بلغة صاحب التذكرة أو الموعد. ما بين القوسين '{ }' يُستبدل عند الإرسال.",
    en: "Each message has an Arabic and an English text; each citizen gets the one of their ticket’s or booking’s language. What is between '{ }' is filled in when it is sent.",
  },
  'tpl.off': { ar: 'الرسائل متوقفة: لم يُضبط مزوّد للرسائل.', en: 'Messages are off: no provider is configured.' },
  'tpl.offHint': {
    ar: 'يمكنك تجهيز النصوص الآن، ولن يُرسل شيء حتى يضبط المسؤول المزوّد في ملف الإعدادات.',
    en: 'You can prepare the texts now; nothing is sent until a provider is set in the configuration file.',
  },
  'tpl.providerOn': { ar: 'تُرسل الرسائل عبر: {provider}', en: 'Messages are sent through: {provider}' },
  'tpl.reminder': {
    ar: '{hours, plural, one {تذكير الموعد: قبل الموعد بساعة} two {تذكير الموعد: قبل الموعد بساعتين} few {تذكير الموعد: قبل الموعد بـ # ساعات} other {تذكير الموعد: قبل الموعد بـ # ساعة}} متى كانت الرسائل مفعّلة، للحجوزات التي تمت قبل ذلك فقط (الإعداد messages.reminderHoursBefore).',
    en: '{hours, plural, one {Appointment reminders: one hour before the slot} other {Appointment reminders: # hours before the slot}} whenever messages are on, only to bookings made earlier than that (setting messages.reminderHoursBefore).',
  },
  'tpl.reminderOff': {
    ar: 'تذكير المواعيد متوقف: الإعداد messages.reminderHoursBefore يساوي 0.',
    en: 'Appointment reminders are off: the setting messages.reminderHoursBefore is 0.',
  },
  // what the links in the texts start with (server/routes/public-url.ts); the previews count their parts with it
  'tpl.links': {
    ar: 'الروابط في هذه الرسائل تبدأ بعنوان المركز العام {base} (الإعداد publicUrl)، وبه تُحسب أجزاء الرسائل هنا.',
    en: "The links in these messages start with the center's public address {base} (setting publicUrl); the SMS parts here are counted with it.",
  },
  'tpl.linksLocal': {
    ar: 'لم يُضبط عنوان عام للمركز (الإعداد publicUrl).',
    en: 'No public address is set for the center (setting publicUrl).',
  },
  'tpl.linksLocalHint': {
    ar: 'الروابط في هذه الرسائل تبدأ بعنوان المركز على شبكته المحلية {base}، ولا يفتحها هاتف خارج هذه الشبكة. تُحسب أجزاء الرسائل هنا بهذا العنوان، ومتى ضُبط العنوان العام في ملف الإعدادات حُسبت به.',
    en: "The links in these messages start with the center's address on its own network, {base}, which a phone outside that network cannot open. The SMS parts here are counted with this address; once the public address is set in the configuration file, with that one.",
  },
  'tpl.kinds': { ar: 'أنواع الرسائل', en: 'Kinds of message' },
  // who gets each closing's text and when (server/queue/queue-context.ts: center_closed, day_closed; message-scanner.ts)
  'tpl.about.ticket_closed': {
    ar: 'تصل إلى كل مواطن كانت تذكرته ما زالت تنتظر في موعد إغلاق المركز، متى كانت ساعات العمل تلغي الطابور عند الإغلاق (لا تُرسل إذا كان المركز يخدم حتى ينتهي الطابور).',
    en: "Goes to each citizen whose ticket was still waiting at the center's closing time, when the opening hours cancel the line at closing (never sent when the center serves until the line is empty).",
  },
  'tpl.about.ticket_day_closed': {
    ar: 'تصل إلى كل مواطن بقيت تذكرته تنتظر حتى انتهى يوم العمل، أو حجز مكانًا عن بُعد ولم يصل (يُغلق طابور اليوم عند نهايته، حتى في مركز يعمل طوال الوقت)، مع بداية اليوم التالي.',
    en: "Goes to each citizen whose ticket was still waiting when the business day ended, or whose place taken from a phone was never checked in (the day's line closes at its end, even in a center open around the clock), as the next day starts.",
  },
  'tpl.edited': { ar: 'معدّل', en: 'Edited' },
  'tpl.default': { ar: 'النص الأصلي', en: 'Default' },
  'tpl.editing': { ar: 'تعديل: {kind}', en: 'Editing: {kind}' },
  'tpl.lang.ar': { ar: 'النص العربي', en: 'Arabic text' },
  'tpl.lang.en': { ar: 'النص الإنجليزي', en: 'English text' },
  'tpl.insert': { ar: 'إدراج متغيّر:', en: 'Insert a placeholder:' },
  'tpl.preview': { ar: 'كما سيقرؤها المواطن (بقيم للتجربة)', en: 'As a citizen would read it (sample values)' },
  'tpl.counter': {
    ar: '{encoding}\u00a0— {segments, plural, =0 {لا رسائل} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة}}\u00a0— {units, number} حرفًا\u00a0— المتبقي في هذه الرسالة {left, number}',
    en: '{encoding}\u00a0— {segments, plural, =0 {no SMS} one {# SMS} other {# SMS parts}}\u00a0— {units, number} characters\u00a0— {left, number} left in this part',
  },
  'tpl.encoding.gsm7': { ar: 'GSM-7 (حروف لاتينية)', en: 'GSM-7 (Latin letters)' },
  'tpl.encoding.ucs2': { ar: 'UCS-2 (يشمل العربية)', en: 'UCS-2 (Arabic and other scripts)' },
  'tpl.save': { ar: 'حفظ', en: 'Save' },
  'tpl.reset': { ar: 'العودة إلى النص الأصلي', en: 'Back to the default' },
  'tpl.saved': { ar: 'تم الحفظ', en: 'Saved' },
  'tpl.resetDone': { ar: 'عاد النص الأصلي', en: 'The default text is back' },
  'tpl.error.TABOUR_ERR_MESSAGE_PLACEHOLDER': {
    ar: 'هذه الرسالة لا تعرف المتغيّر {name}. المتاح لها: {allowed}',
    en: 'This message has no placeholder {name}. It may use: {allowed}',
  },
  'tpl.error.TABOUR_ERR_MESSAGE_TEMPLATE': {
    ar: "صيغة النص غير صحيحة: تأكد من إغلاق كل قوس '{ }'.",
    en: "The text is not well formed: check that every '{' is closed by a '}'.",
  },
  'tpl.error.empty': { ar: 'النص فارغ', en: 'The text is empty' },
  'tpl.error.other': { ar: 'تعذّر الحفظ: {message}', en: 'Could not save: {message}' },
} as const satisfies Catalogue

/** `messagesConfigText(key, lang, values?)`: the section's words and the common ones. */
export const messagesConfigText = messagesOf({ ...COMMON_MESSAGES, ...MESSAGES_CONFIG_MESSAGES })

/** A key `messagesConfigText` knows. */
export type MessagesConfigKey = Parameters<typeof messagesConfigText>[0]

/** The kinds whose name alone cannot say who gets them and when: a sentence under the editor's title. */
export const KINDS_WITH_ABOUT = ['ticket_closed', 'ticket_day_closed'] as const
