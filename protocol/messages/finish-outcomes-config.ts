/**
 * The finish outcomes' form in the dashboard's center configuration
 * (dashboard-ui/config/finish-outcomes-config.ts): a manager lists what clerks finish a ticket with.
 */
import { messagesOf, type Catalogue } from './format.ts'

export const FINISH_OUTCOMES_CONFIG_MESSAGES = {
  'outcomes.title': { ar: 'نتائج إنهاء التذكرة', en: 'Finish outcomes' },
  'outcomes.intro': {
    ar: 'يختار الموظف إحدى هذه النتائج عند إنهاء التذكرة؛ النتيجة «الافتراضية» تظهر له أولًا وتكون مختارة مسبقًا.',
    en: 'A clerk picks one of these when finishing a ticket; the “Default” one is shown first, picked already.',
  },
  // how to edit the list: only above the form (the hub's list has nothing to mark or move: walk s53)
  'outcomes.introEdit': {
    ar: 'الافتراضية هي التي تختارها بعلامة «الافتراضية»، ونقل النتائج الأخرى لأعلى أو لأسفل لا يغيّرها. تغيير اسم نتيجة لا يغيّر عدّها في التقارير.',
    en: 'The default is the one you mark “Default”; moving the others up or down does not change it. Renaming an outcome keeps its count in the reports.',
  },
  'outcomes.fromConfig': {
    ar: 'هذه القائمة من ملف الإعدادات حتى تحفظها هنا.',
    en: 'This list comes from the configuration file until you save it here.',
  },
  'outcomes.fromCenter': {
    ar: 'هذه القائمة محفوظة هنا، وتحل محل قائمة ملف الإعدادات.',
    en: 'This list is saved here; it replaces the configuration file’s list.',
  },
  'outcomes.hubManaged': {
    ar: 'تحدد الجهة المركزية هذه النتائج من خلال حزمة الإعدادات رقم {version, number}، ولا يمكن تغييرها هنا.',
    en: 'The national hub sets these outcomes through its configuration bundle {version, number}; they cannot be changed here.',
  },
  'outcomes.row': { ar: 'النتيجة {n, number}', en: 'Outcome {n, number}' },
  'outcomes.nameAr': { ar: 'الاسم بالعربية', en: 'Arabic name' },
  'outcomes.nameEn': { ar: 'الاسم بالإنجليزية', en: 'English name' },
  'outcomes.nameArOf': { ar: 'الاسم بالعربية للنتيجة {n, number}', en: 'Arabic name of outcome {n, number}' },
  'outcomes.nameEnOf': { ar: 'الاسم بالإنجليزية للنتيجة {n, number}', en: 'English name of outcome {n, number}' },
  'outcomes.code': { ar: 'الرمز في التقارير', en: 'Code in the reports' },
  'outcomes.new': { ar: 'جديدة: يُعطى رمزها عند الحفظ', en: 'New: its code is given when saved' },
  'outcomes.default': { ar: 'الافتراضية', en: 'Default' },
  /** In the default's row: why it has no moves and cannot be removed. */
  'outcomes.defaultNote': {
    ar: 'تبقى أولًا ما دامت الافتراضية. لتغييرها، ضع علامة «الافتراضية» على نتيجة أخرى.',
    en: 'It stays first while it is the default. To change it, mark another outcome “Default”.',
  },
  'outcomes.makeDefault': { ar: 'اجعل «{name}» النتيجة الافتراضية', en: 'Make “{name}” the default' },
  'outcomes.up': { ar: 'أعلى', en: 'Up' },
  'outcomes.down': { ar: 'أسفل', en: 'Down' },
  'outcomes.remove': { ar: 'حذف', en: 'Remove' },
  'outcomes.upOf': { ar: 'انقل «{name}» لأعلى', en: 'Move “{name}” up' },
  'outcomes.downOf': { ar: 'انقل «{name}» لأسفل', en: 'Move “{name}” down' },
  'outcomes.removeOf': { ar: 'احذف «{name}»', en: 'Remove “{name}”' },
  'outcomes.unnamed': { ar: 'النتيجة {n, number}', en: 'outcome {n, number}' },
  'outcomes.add': { ar: 'إضافة نتيجة', en: 'Add an outcome' },
  'outcomes.removedNote': {
    ar: 'النتيجة المحذوفة تبقى في تقارير الأيام السابقة برمزها.',
    en: 'A removed outcome stays in past days’ reports under its code.',
  },
} as const satisfies Catalogue

export const outcomesText = messagesOf(FINISH_OUTCOMES_CONFIG_MESSAGES)
