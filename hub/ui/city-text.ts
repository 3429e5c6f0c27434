/**
 * A center's city as the hub's pages show it (fleet, dashboard, open data): in the page's
 * language; a center that has only the other language's name (registered before the city had two,
 * hub migration 17) shows that one marked as such — isolated, with its own `lang` so it is read
 * right, and «(بالإنجليزية)» / "(in Arabic)" after it — never as if it were this language's name.
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { Lang } from '../../ui-common/i18n.ts'
import { cityIn, type CityNames } from '../../protocol/hub-city.ts'
import { hubText } from '../../protocol/messages/hub.ts'

/** The city in `lang` (or marked in the other language); `nothing` when the center has none. */
export function cityText(c: CityNames, lang: Lang): TemplateResult | typeof nothing {
  const city = cityIn(c, lang)
  if (!city) return nothing
  if (city.lang === lang) return html`<span data-city>${city.text}</span>`
  const note = hubText(city.lang === 'en' ? 'cityInEnglish' : 'cityInArabic', lang)
  return html`<span data-city data-city-fallback=${city.lang}><bdi lang=${city.lang} dir=${city.lang === 'ar' ? 'rtl' : 'ltr'}>${city.text}</bdi> (${note})</span>`
}

/** "governorate · city", the city as cityText shows it (only the governorate when there is no city). */
export function placeText(governorate: string, c: CityNames, lang: Lang): TemplateResult {
  const city = cityText(c, lang)
  return city === nothing ? html`${governorate}` : html`${governorate} · ${city}`
}
