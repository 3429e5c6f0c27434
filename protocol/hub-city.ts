/**
 * A center's city at the hub, in Arabic and in English (hub migration 17). Before it the hub kept
 * one `city` string, typed in Latin letters, and the Arabic pages showed "Nasr City" as it was.
 * The wire carries both names as stored (either may be '') and, for clients of before, `city`:
 * the English one. A request may still send `city`: it is the English name.
 */
import { Type } from '@sinclair/typebox'
import type { Lang } from './common.ts'

/** The city fields of a center in an answer (CenterView, open data). */
export const CityFields = {
  /** The city in Arabic ('' when not given). */
  cityAr: Type.String(),
  /** The city in English ('' when not given). */
  cityEn: Type.String(),
  /** Deprecated: the English city (`cityEn`), as answered before the city had two languages. */
  city: Type.String({ deprecated: true }),
}

const cityName = Type.String({ maxLength: 100 })

/** The city fields of a registration or a change: each language optional; `city` is the English name (as before). */
export const CityBodyFields = {
  cityAr: Type.Optional(cityName),
  cityEn: Type.Optional(cityName),
  /** Deprecated: the English city, as `cityEn`; both given and different is refused. */
  city: Type.Optional(cityName),
}

export interface CityNames {
  cityAr: string
  cityEn: string
}

/** The answer's city fields of a stored center. */
export const cityFieldsOf = (c: CityNames) => ({ cityAr: c.cityAr, cityEn: c.cityEn, city: c.cityEn })

/**
 * The names a request gives (`city` as the English one), trimmed; only those it names. A string
 * saying why when `city` and `cityEn` are both given and differ (which one is meant cannot be told).
 */
export function cityNamesOf(b: { city?: string; cityAr?: string; cityEn?: string }): Partial<CityNames> | string {
  const en = b.cityEn?.trim()
  const legacy = b.city?.trim()
  if (en !== undefined && legacy !== undefined && en !== legacy)
    return `city (the English city, as before) and cityEn differ ("${legacy.slice(0, 100)}", "${en.slice(0, 100)}"): give cityEn and cityAr`
  const names: Partial<CityNames> = {}
  if (b.cityAr !== undefined) names.cityAr = b.cityAr.trim()
  if (en !== undefined || legacy !== undefined) names.cityEn = en ?? legacy
  return names
}

/**
 * The city a page in `lang` shows: its own language's name; when that is empty, the other one,
 * said to be in the other language (`lang` differs from the page's, so the page marks it and
 * screen readers read it right) rather than shown as if it were this language's; null when neither.
 */
export function cityIn(c: CityNames, lang: Lang): { text: string; lang: Lang } | null {
  const own = lang === 'ar' ? c.cityAr : c.cityEn
  if (own) return { text: own, lang }
  const other = lang === 'ar' ? c.cityEn : c.cityAr
  return other ? { text: other, lang: lang === 'ar' ? 'en' : 'ar' } : null
}
