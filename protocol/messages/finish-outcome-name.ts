/**
 * A finish outcome's name in the served-by-outcome figures (server/reports/served-by-outcome.ts),
 * the one wording for the dashboard, the printed daily report and the CSV: a configured outcome
 * by its configured name, a code no longer configured by its code (the event log keeps only the
 * code), and the finishes with no outcome recorded in words.
 */
import type { OutcomeColumn } from '../stats.ts'
import { messagesOf, type Catalogue, type Lang } from './format.ts'

export const FINISH_OUTCOME_MESSAGES = {
  'outcome.none': { ar: 'دون نتيجة مسجلة', en: 'No outcome recorded' },
  'outcome.removed': { ar: '{code} (لم تعد ضمن النتائج)', en: '{code} (no longer an outcome)' },
} as const satisfies Catalogue

const text = messagesOf(FINISH_OUTCOME_MESSAGES)

/** The code set off with its own direction (FSI … PDI), so "old_code" reads whole inside an Arabic line. */
const isolated = (code: string) => `\u2068${code}\u2069`

/**
 * An outcome's name in `lang`: its configured name; a code no longer configured, by its code (set
 * off as an isolate on screens; `isolateCode` false for a CSV, where the marks would be text); none, in words.
 */
export function outcomeName(o: OutcomeColumn, lang: Lang, isolateCode = true): string {
  if (o.code === null) return text('outcome.none', lang)
  const name = lang === 'ar' ? o.nameAr : o.nameEn
  return name ?? text('outcome.removed', lang, { code: isolateCode ? isolated(o.code) : o.code })
}
