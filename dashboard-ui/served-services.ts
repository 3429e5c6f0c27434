/**
 * The services a counter serves, in words: "Passports (wait counts double), Civil records" /
 * "الجوازات (انتظارها مضاعف)، السجل المدني", in the counter's order. Replaces the "A×2 B" notation
 * that nobody outside the team could read. Pure (unit-tested in test/dashboard-ui).
 */
import { dashboardText } from '../protocol/messages/dashboard.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { nameIn } from '../protocol/name-in-language.ts'
import { configText } from '../protocol/messages/config-forms.ts'
import { formatNumber } from '../ui-common/digits.ts'
import { serviceListItem } from '../ui-common/service-label.ts'
import { listComma } from '../protocol/messages/list-comma.ts'

/** A service as far as its name goes. */
export interface NamedService {
  id: number
  prefix: string
  nameAr: string
  nameEn: string
  /** False for a deactivated service: marked so wherever a counter lists it (absent: active). */
  active?: boolean
}

/** `words` with "(deactivated)" after it when the service is deactivated (it issues no tickets; those waiting are still called). */
const marked = (s: NamedService | undefined, words: string, lang: Lang): string =>
  s?.active === false ? dashboardText('serves.inactive', lang, { name: words }) : words

/**
 * Each served service's name in `lang` with its share when the weight is not 1 (0: backup, 2:
 * wait counts double), joined by the language's comma; a service no longer known shows its id's
 * prefix or "?"; a deactivated one is marked so; no services at all says so. Digits default to western.
 */
export function servedInWords(
  served: readonly { serviceId: number; weight: number }[],
  services: readonly NamedService[],
  lang: Lang,
  digits: DigitStyle = 'western',
): string {
  if (served.length === 0) return dashboardText('serves.none', lang)
  return eachServed(served, services, lang, (s, x) =>
    marked(s, dashboardText('serves.service', lang, { name: s ? nameIn(s, lang) : '?', weight: x.weight }, digits), lang),
  )
}

/** Each served service (undefined: no longer known) in words, joined by the language's comma. */
function eachServed(
  served: readonly { serviceId: number; weight: number }[],
  services: readonly NamedService[],
  lang: Lang,
  words: (service: NamedService | undefined, served: { serviceId: number; weight: number }) => string,
): string {
  const byId = new Map(services.map((s) => [s.id, s]))
  return served.map((x) => words(byId.get(x.serviceId), x)).join(listComma(lang))
}

/**
 * The counters form's table: each served service by its prefix and name («A — تراخيص البناء (وزن ٢)،
 * B — طلبات التصالح»), its weight when not 1, held so that no line of the wrapping cell starts with
 * the dash (serviceListItem); a service no longer known by its id.
 */
export function servedWithPrefixes(
  served: readonly { serviceId: number; weight: number }[],
  services: readonly NamedService[],
  lang: Lang,
  digits: DigitStyle = 'western',
): string {
  return eachServed(served, services, lang, (s, x) => {
    const name = s ? serviceListItem(s, lang) : formatNumber(x.serviceId, { digits })
    return marked(s, x.weight === 1 ? name : configText('weights.served', lang, { service: name, weight: x.weight }, digits), lang)
  })
}
