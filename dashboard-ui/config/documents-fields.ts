/**
 * A service's documents in the services form (issue 21): each row is two fields named as the
 * API names them (`documents/0/ar`, `documents/0/en`), so a refusal such as
 * TABOUR_ERR_DOCUMENTS_TOO_LONG on `documents/1/ar` lands next to that very input.
 */
import type { RequiredDocument } from '../../protocol/service-menu.ts'
import { serviceMenuText } from '../../protocol/messages/service-menu.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import { str, type FieldSpec, type Values } from './config-form.ts'

const ROW = /^documents\/\d+\/(ar|en)$/

/** Whether `name` is one document row's field. */
export const isDocumentField = (name: string): boolean => ROW.test(name)

/** The field specs of `rows` document rows, Arabic then English. */
export function documentFields(rows: number, lang: 'ar' | 'en', digits: DigitStyle = 'western'): FieldSpec[] {
  return Array.from({ length: rows }, (_, i) => [
    { name: `documents/${i}/ar`, label: serviceMenuText('form.documentAr', lang, { n: i + 1 }, digits), lang: 'ar' as const },
    { name: `documents/${i}/en`, label: serviceMenuText('form.documentEn', lang, { n: i + 1 }, digits), lang: 'en' as const },
  ]).flat()
}

/** A service's documents as form values. */
export function documentValues(documents: readonly RequiredDocument[]): Values {
  return Object.fromEntries(documents.flatMap((d, i) => [[`documents/${i}/ar`, d.ar] as const, [`documents/${i}/en`, d.en] as const]))
}

/** The rows as the API takes them; a row left blank in both languages is dropped, one half-filled is sent (the server names the empty half). */
export function documentsOf(values: Values, rows: number): RequiredDocument[] {
  return Array.from({ length: rows }, (_, i) => ({
    ar: str(values[`documents/${i}/ar`]).trim(),
    en: str(values[`documents/${i}/en`]).trim(),
  })).filter((d) => d.ar !== '' || d.en !== '')
}

/** The values without row `i` of `rows`, the rows after it moved up one. */
export function withoutDocument(values: Values, i: number, rows: number): Values {
  const out: Values = Object.fromEntries(Object.entries(values).filter(([k]) => !isDocumentField(k)))
  let to = 0
  for (let from = 0; from < rows; from++) {
    if (from === i) continue
    out[`documents/${to}/ar`] = values[`documents/${from}/ar`] ?? ''
    out[`documents/${to}/en`] = values[`documents/${from}/en`] ?? ''
    to++
  }
  return out
}
