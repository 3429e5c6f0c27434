/**
 * What a bundle's holidays and service mapping do at its centers, in words, for the bundle form
 * (walk s52): a holiday naming national services closes only those ("Permits system outage",
 * nationalCodes [BLD-PERMIT], was listed as the whole center closed all day), and "What this
 * bundle replaces at its centers" named neither the holidays nor the mapping.
 */
import type { BundleHoliday, CenterBundleRow } from '../../protocol/config-bundle.ts'
import type { NationalService } from '../../protocol/national-catalogue.ts'
import { bundleText } from '../../protocol/messages/hub-bundles.ts'
import { listComma } from '../../protocol/messages/list-comma.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { nameIn } from '../../protocol/name-in-language.ts'
import { inDigitStyle } from '../../ui-common/digits.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import type { MappingRow } from './bundle-draft.ts'
import { hubDigits } from './hub-format.ts'

/** A national code as the catalogue names it ("BLD-PERMIT — Building permits"), or the code alone. */
function serviceName(code: string, catalogue: readonly NationalService[], lang: Lang): string {
  const entry = catalogue.find((s) => s.code === code)
  return entry ? `${code}${SEPARATOR}${nameIn(entry, lang)}` : code
}

/** A holiday's national services as the catalogue names them, joined; empty for one closing the whole center. */
const servicesOf = (h: BundleHoliday, catalogue: readonly NationalService[], lang: Lang) =>
  (h.nationalCodes ?? []).map((c) => serviceName(c, catalogue, lang)).join(listComma(lang))

/** What a holiday closes, as a sentence under its row: the whole center or only its services; all day or but for its hours. */
export function holidayReach(h: BundleHoliday, catalogue: readonly NationalService[], lang: Lang): string {
  const services = servicesOf(h, catalogue, lang)
  const hours = h.hours.map((i) => inDigitStyle(`${i.open}–${i.close}`, hubDigits(lang))).join(listComma(lang))
  if (services)
    return h.hours.length > 0 ? bundleText('holidayOnlyHours', lang, { services, hours }) : bundleText('holidayOnly', lang, { services })
  return h.hours.length > 0 ? bundleText('holidayWholeHours', lang, { hours }) : bundleText('holidayWhole', lang)
}

/** The "replaces" line of the holidays: each by name and whom it closes, or none (the hub's earlier ones removed). */
export function holidaysReplaced(holidays: readonly BundleHoliday[], catalogue: readonly NationalService[], lang: Lang): string {
  if (holidays.length === 0) return bundleText('replacesHolidaysNone', lang)
  const list = holidays
    .map((h) => {
      const name = nameIn(h, lang) || h.id
      const services = servicesOf(h, catalogue, lang)
      return services ? bundleText('holidayScopeOnly', lang, { name, services }) : bundleText('holidayScopeWhole', lang, { name })
    })
    .join(lang === 'ar' ? '؛ ' : '; ')
  return bundleText('replacesHolidays', lang, { list })
}

/**
 * "A → PASSPORT — Passports": the letter and the code in a left-to-right isolate (U+2066 … U+2069), so
 * an Arabic line does not lay them out as "PASSPORT → A", the arrow pointing back.
 */
function mappedPair(r: MappingRow, catalogue: readonly NationalService[], lang: Lang): string {
  const entry = catalogue.find((s) => s.code === r.code)
  return `\u2066${r.local.trim().toUpperCase()} → ${r.code}\u2069${entry ? `${SEPARATOR}${nameIn(entry, lang)}` : ''}`
}

/** The "replaces" line of the mapping: per center, each letter and its national service, or none (each center maps its own). */
export function mappingReplaced(
  rows: readonly MappingRow[],
  centers: readonly Pick<CenterBundleRow, 'centerId' | 'nameAr' | 'nameEn'>[],
  catalogue: readonly NationalService[],
  lang: Lang,
): string {
  const named = rows.filter((r) => r.centerId && r.local.trim())
  if (named.length === 0) return bundleText('replacesMappingNone', lang)
  const byCenter = new Map<string, string[]>()
  for (const r of named) byCenter.set(r.centerId, [...(byCenter.get(r.centerId) ?? []), mappedPair(r, catalogue, lang)])
  const list = [...byCenter]
    .map(([id, pairs]) => {
      const center = centers.find((c) => c.centerId === id)
      return `${center ? nameIn(center, lang) : id}: ${pairs.join(listComma(lang))}`
    })
    .join(lang === 'ar' ? '؛ ' : '; ')
  return bundleText('replacesMapping', lang, { list })
}
