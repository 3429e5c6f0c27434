/**
 * A center's governorate at the hub is a code of protocol/governorates.ts. What comes in (the
 * admin API, the CLI, a query string) may be a code or a name the list knows and is turned into
 * the code; hubs from before the codes held free text, which hub migration 15
 * (store/migration-15-governorates.ts) turned into codes where it names a governorate, and which
 * the read side shows as the unknown governorate where it names none.
 */
import {
  GOVERNORATES,
  GOVERNORATE_CODES,
  governorateCodeOf,
  governorateOf,
  UNKNOWN_GOVERNORATE,
  UNKNOWN_GOVERNORATE_NAMES,
} from '../protocol/governorates.ts'
import type { FigureRow } from '../protocol/hub-api.ts'
import { HubErrorCodes } from '../protocol/upstream.ts'
import { HubError } from './errors.ts'
import { sumRows } from './store/figure-rows.ts'

/** The accepted governorates, each code with its English name ("EG-GZ Giza"): a bare "EG-GZ" does not say which one is Giza (walk s50). */
export const governorateChoices = (): string => GOVERNORATES.map((g) => `${g.code} ${g.nameEn}`).join(', ')

/** Why `value` is refused as a governorate, naming the valid codes (`field`: where it came from). */
export const unknownGovernorateMessage = (value: string, field: string) =>
  `${field}: ${value.slice(0, 100)} is no governorate of Egypt; use one of ${governorateChoices()} (the code, or the Arabic or English name)`

/** The code `value` names, or 400 HUB_ERR_UNKNOWN_GOVERNORATE listing the valid codes (`field` is the request field, for the message). */
export function governorateCode(value: string, field = 'body/governorate'): string {
  const g = governorateOf(value)
  if (g) return g.code
  throw new HubError(400, HubErrorCodes.UNKNOWN_GOVERNORATE, unknownGovernorateMessage(value, field), GOVERNORATE_CODES)
}

/** A governorate filter as asked (a code or a known name → its code; anything else as given, which then matches nothing). */
export const governorateFilter = (asked: string | undefined): string | undefined =>
  asked ? (governorateOf(asked)?.code ?? asked) : undefined

/**
 * Figure rows with their governorate as a code: "by governorate" rows named in both languages,
 * and those of a governorate that names none (free text from before the codes) summed into one
 * row of the unknown governorate, counted and never dropped.
 */
export function withGovernorateCodes(rows: FigureRow[], byGovernorate: boolean): FigureRow[] {
  if (!byGovernorate) return rows.map((r) => (r.governorate === null ? r : { ...r, governorate: governorateCodeOf(r.governorate) }))
  const known: FigureRow[] = []
  const unknown: FigureRow[] = []
  for (const r of rows) {
    const g = governorateOf(r.key)
    if (g) known.push({ ...r, key: g.code, nameAr: g.nameAr, nameEn: g.nameEn, governorate: g.code })
    else unknown.push(r)
  }
  if (unknown.length === 0) return known
  const { ar, en } = UNKNOWN_GOVERNORATE_NAMES
  const reportingCenters = unknown.reduce((n, r) => n + (r.reportingCenters ?? 0), 0)
  return [
    ...known,
    { key: UNKNOWN_GOVERNORATE, nameAr: ar, nameEn: en, governorate: UNKNOWN_GOVERNORATE, ...sumRows(unknown), reportingCenters },
  ]
}
