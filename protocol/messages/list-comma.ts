/**
 * The comma between the items of a list on a screen: the Arabic «،» on an Arabic page, the Latin
 * "," on an English one. One place for what a dozen screens and the audit log each wrote as
 * `lang === 'ar' ? '، ' : ', '`.
 */
import type { Lang } from './format.ts'

export const listComma = (lang: Lang): string => (lang === 'ar' ? '، ' : ', ')
