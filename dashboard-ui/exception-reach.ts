/**
 * Whom an exception of the hours tab is for (hours-view.ts): the whole center, or one service
 * (`serviceIds` in the API), whose own hours it sets within the center's (opening-hours.ts: a
 * service is open only while the center is too). The form's choice, and the line under a listed
 * exception's name that says which services it is for (walk 2026-12-06: the API took a service's
 * holiday, the tab had no field for it and listed one as if it closed the center).
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { HoursException } from '../protocol/calendar.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import { hoursEditorText as t } from '../protocol/messages/hours-editor.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { serviceLabel } from '../ui-common/service-label.ts'
import { inDigits } from './format.ts'
import { listComma } from '../protocol/messages/list-comma.ts'

/** The choice in the exception form, `serviceId`: empty for the whole center (the default). */
export function reachField(services: readonly ServiceWithQueue[], lang: Lang): TemplateResult {
  // the whole row: a service's full name in the choice, not «All services (the wh»
  return html`<label class="wide"
    >${t('hoursTab.appliesTo', lang)}<select name="serviceId" aria-describedby="applies-to-hint">
      <option value="">${t('hoursTab.allServices', lang)}</option>
      ${services.map((s) => html`<option value=${s.id}>${serviceLabel(s, lang)}</option>`)}
    </select><span class="muted" id="applies-to-hint">${t('hoursTab.appliesToHint', lang)}</span></label
  >`
}

/** The `serviceIds` the form's choice sends: one service, or none (the whole center). */
export const reachOf = (serviceId: string): Pick<HoursException, 'serviceIds'> =>
  Number(serviceId) > 0 ? { serviceIds: [Number(serviceId)] } : {}

/** Under a listed exception's name, the services it is for; nothing for a center-wide one. */
export function reachLine(
  e: HoursException,
  services: readonly ServiceWithQueue[],
  lang: Lang,
  digits: DigitStyle,
): TemplateResult | typeof nothing {
  if (e.serviceIds === undefined) return nothing
  // not isolated: the label is in the page's language, and an isolate led by its Latin prefix put «A» last in Arabic
  const names = e.serviceIds.map((id) => {
    const s = services.find((x) => x.id === id)
    return s ? serviceLabel(s, lang) : t('hoursTab.serviceNo', lang, { id: inDigits(String(id), digits) })
  })
  return html`<p class="reach" data-exception-services=${e.serviceIds.join(' ')}>${t('hoursTab.onlyFor', lang, { services: names.join(listComma(lang)) })}</p>`
}

/**
 * The exception form's box for hours that are for walk-in tickets only: a late evening for the
 * kiosk's line without opening the booking page's slots to it (bookable-hours.ts). Unticked, the
 * exception's hours are everyone's, as before.
 */
export function walkInsOnlyField(lang: Lang): TemplateResult {
  return html`<label class="wide check"><input type="checkbox" name="walkInsOnly" />${t('hoursTab.walkInsOnlyField', lang)}</label>`
}

/** What the form's box sends: the flag when ticked, nothing otherwise (the API's default). */
export const walkInsOnlyOf = (data: FormData): Pick<HoursException, 'walkInsOnly'> =>
  data.get('walkInsOnly') === 'on' ? { walkInsOnly: true } : {}

/** Under a listed exception's name, when its hours are for walk-in tickets only: bookings keep the usual hours (bookable-hours.ts). */
export function walkInsOnlyLine(e: HoursException, lang: Lang): TemplateResult | typeof nothing {
  return e.walkInsOnly ? html`<p class="reach" data-walk-ins-only>${t('hoursTab.walkInsOnly', lang)}</p>` : nothing
}
