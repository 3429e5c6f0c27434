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
} as const satisfies Catalogue

/** `visitStepsText(key, lang, values?, digits?)`: the step figures' words and the common ones. */
export const visitStepsText = messagesOf({ ...COMMON_MESSAGES, ...VISIT_STEPS_MESSAGES })
