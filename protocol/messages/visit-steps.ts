/**
 * Visits with several steps (issue 21): the dashboard's step figures (GET /stats/steps). The
 * status page's step lines are in status.ts, with the rest of that page.
 */
import { messagesOf, type Catalogue } from './format.ts'
import { COMMON_MESSAGES } from './common.ts'

export const VISIT_STEPS_MESSAGES = {
  'steps.title': { ar: 'الزيارات متعددة الخطوات', en: 'Visits with several steps' },
  'steps.hint': {
    ar: 'الالتزام بزمن الانتظار يُحسب لكل خطوة: انتظار كل خطوة مقارنةً بالزمن المستهدف لخدمتها. زمن الزيارة كلها من إصدار التذكرة حتى إنهاء آخر خطوة.',
    en: "The wait target applies per step: each step's wait against its own service's target. A whole visit runs from the ticket's issue to its last step's finish.",
  },
  'steps.route': { ar: 'المسار يبدأ من: {service}', en: 'Route starting at: {service}' },
  'steps.visits': { ar: 'زيارات', en: 'Visits' },
  'steps.completed': { ar: 'اكتملت', en: 'Completed' },
  'steps.avgVisit': { ar: 'متوسط زمن الزيارة', en: 'Average visit' },
  'steps.maxVisit': { ar: 'أطول زيارة', en: 'Longest visit' },
  'steps.avgTotalWait': { ar: 'متوسط الانتظار الكلي', en: 'Average total wait' },
  'steps.visitWithin': { ar: 'ضمن مجموع الأزمنة المستهدفة', en: 'Within the sum of targets' },
  'steps.col.step': { ar: 'الخطوة', en: 'Step' },
  'steps.col.service': { ar: 'الخدمة', en: 'Service' },
  'steps.col.calls': { ar: 'نداءات', en: 'Calls' },
  'steps.col.avgWait': { ar: 'متوسط الانتظار', en: 'Average wait' },
  'steps.col.maxWait': { ar: 'أطول انتظار', en: 'Longest wait' },
  'steps.col.sla': { ar: 'ضمن المستهدف', en: 'Within target' },
  // the services form (dashboard-ui/config/steps-fields.ts): the route was only JSON (PUT /services/:id/steps) before the walk of 2026-12-06
  'steps.form.legend': { ar: 'الخطوات بعد هذه الخدمة', en: 'Steps after this service' },
  'steps.form.hint': {
    ar: 'للزيارة التي تمر بأكثر من شباك: يحتفظ المواطن بتذكرة واحدة، وعند إنهائها هنا «تمت الخدمة» تنتقل إلى طابور الخطوة التالية بالرقم نفسه. على الأكثر {max, plural, one {خطوة واحدة} two {خطوتان} few {# خطوات} many {# خطوة} other {# خطوة}}؛ اتركها فارغة لزيارة من خطوة واحدة.',
    en: 'For a visit that passes more than one desk: the citizen keeps one ticket, and finished here as served it goes on to the next step’s line with the same number. At most {max, plural, one {# step} other {# steps}}; leave empty for a one-desk visit.',
  },
  'steps.form.step': { ar: 'الخطوة {n, number}', en: 'Step {n, number}' },
  'steps.form.none': { ar: 'بدون', en: 'None' },
  'steps.form.twice': {
    ar: 'اختر كل خدمة مرة واحدة فقط في المسار',
    en: 'Choose each service only once in the route',
  },
  'steps.form.inactive': {
    ar: 'إحدى الخدمات المختارة غير مفعّلة؛ فعّلها أو اختر غيرها',
    en: 'One of the chosen services is not active; activate it or choose another',
  },
  'steps.form.notSaved': {
    ar: 'حُفظت الخدمة، لكن لم تُحفظ الخطوات: {reason}',
    en: 'The service was saved, but not its steps: {reason}',
  },
} as const satisfies Catalogue

/** `visitStepsText(key, lang, values?, digits?)`: the step figures' words and the common ones. */
export const visitStepsText = messagesOf({ ...COMMON_MESSAGES, ...VISIT_STEPS_MESSAGES })
