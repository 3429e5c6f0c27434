/**
 * The kiosk's grouped menu, its search and the "what to bring" step (issue 21), and the
 * dashboard's fields for them. The heading over the documents is the ticket's
 * (`ticket.bringTitle`), so screen and paper say the same words.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { TICKET_MESSAGES } from './ticket.ts'
import type { ServiceIcon } from '../service-menu.ts'

const ICON_NAMES = {
  'icon.id-card': { ar: 'بطاقة هوية', en: 'ID card' },
  'icon.birth': { ar: 'مولود', en: 'Birth' },
  'icon.family': { ar: 'أسرة', en: 'Family' },
  'icon.car': { ar: 'سيارة', en: 'Car' },
  'icon.house': { ar: 'منزل', en: 'House' },
  'icon.money': { ar: 'نقود', en: 'Money' },
  'icon.document': { ar: 'مستند', en: 'Document' },
  'icon.stamp': { ar: 'ختم', en: 'Stamp' },
  'icon.passport': { ar: 'جواز سفر', en: 'Passport' },
  'icon.health': { ar: 'صحة', en: 'Health' },
  'icon.work': { ar: 'عمل', en: 'Work' },
  'icon.education': { ar: 'تعليم', en: 'Education' },
  'icon.utility': { ar: 'مرافق', en: 'Utilities' },
  'icon.law': { ar: 'قانون', en: 'Law' },
  'icon.info': { ar: 'استعلام', en: 'Information' },
} as const satisfies Record<`icon.${ServiceIcon}`, { ar: string; en: string }>

export const SERVICE_MENU_MESSAGES = {
  ...TICKET_MESSAGES,
  ...ICON_NAMES,
  'menu.search': { ar: 'ابحث عن خدمة', en: 'Search for a service' },
  'menu.searchHint': { ar: 'اكتب جزءًا من اسم الخدمة', en: 'Type part of the service name' },
  'menu.clearSearch': { ar: 'مسح البحث', en: 'Clear the search' },
  'menu.noMatch': { ar: 'لا توجد خدمة بهذا الاسم', en: 'No service has this name' },
  'menu.back': { ar: 'رجوع إلى المجموعات', en: 'Back to the groups' },
  'menu.otherServices': { ar: 'خدمات أخرى', en: 'Other services' },
  'menu.groupCount': {
    ar: '{n, plural, zero {لا خدمات} one {خدمة واحدة} two {خدمتان} few {# خدمات} many {# خدمة} other {# خدمة}}',
    en: '{n, plural, one {# service} other {# services}}',
  },
  'bring.hint': { ar: 'تأكد أن معك هذه المستندات قبل أن تأخذ تذكرة', en: 'Make sure you have these documents before you take a ticket' },
  'bring.haveThem': { ar: 'معي المستندات، أريد تذكرة', en: 'I have them, give me a ticket' },
  'bring.continue': { ar: 'متابعة', en: 'Continue' },
  'bring.back': { ar: 'رجوع', en: 'Back' },
  // the dashboard's services form and groups editor
  'form.documents': { ar: 'المستندات المطلوبة', en: 'Documents to bring' },
  'form.documentsHint': {
    ar: 'تظهر على الكشك بعد اختيار الخدمة وتُطبع على التذكرة؛ {max, number} على الأكثر',
    en: 'Shown on the kiosk once the service is chosen and printed on the ticket; at most {max, number}',
  },
  'form.documentAr': { ar: 'المستند {n, number} بالعربية', en: 'Document {n, number} in Arabic' },
  'form.documentEn': { ar: 'المستند {n, number} بالإنجليزية', en: 'Document {n, number} in English' },
  'form.addDocument': { ar: 'إضافة مستند', en: 'Add a document' },
  'form.removeDocument': { ar: 'حذف المستند {n, number}', en: 'Remove document {n, number}' },
  'form.confirmDocuments': { ar: 'يسأل الكشك «معي المستندات» قبل إصدار التذكرة', en: 'The kiosk asks "I have them" before issuing' },
  'form.group': { ar: 'المجموعة في قائمة الكشك', en: 'Group on the kiosk menu' },
  'form.noGroup': { ar: 'بدون مجموعة', en: 'No group' },
  'form.icon': { ar: 'الأيقونة', en: 'Icon' },
  'form.sortOrder': { ar: 'الترتيب', en: 'Order' },
  'form.noIcon': { ar: 'بدون أيقونة', en: 'No icon' },
  'groups.title': { ar: 'مجموعات الخدمات على الكشك', en: 'Service groups on the kiosk' },
  'groups.rule': {
    ar: 'يعرض الكشك المجموعات ومربع البحث عندما يقدّم أكثر من {max, number} خدمة؛ وإلا يعرض الخدمات كلها مباشرة',
    en: 'The kiosk shows the groups and a search box when it offers more than {max, number} services; otherwise all services at once',
  },
  'groups.add': { ar: 'إضافة مجموعة', en: 'Add a group' },
  'groups.edit': { ar: 'تعديل المجموعة {name}', en: 'Edit group {name}' },
  'groups.delete': { ar: 'حذف المجموعة {name}', en: 'Delete group {name}' },
  'groups.empty': { ar: 'لا توجد مجموعات بعد', en: 'No groups yet' },
} as const satisfies Catalogue

export type ServiceMenuMessageKey = keyof typeof SERVICE_MENU_MESSAGES

/** `serviceMenuText(key, lang, values?, digits?)` over these messages. */
export const serviceMenuText = messagesOf(SERVICE_MENU_MESSAGES)
