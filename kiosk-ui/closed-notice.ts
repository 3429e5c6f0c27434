/**
 * What the kiosk says when a tap is refused for the service's hours (422 SERVICE_CLOSED): the
 * kiosk polls the hours once a minute, so in the minute after a closing or a last-ticket time its
 * tile still looked open. It says what the greyed tile now says, why and when it opens next
 * (ui-common/opening-words.ts closedWords), not only "This service is not available now".
 */
import { html, type TemplateResult } from 'lit'
import type { HoursNow } from '../protocol/calendar.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { closedWords } from '../ui-common/opening-words.ts'
import { fetchServices } from './kiosk-api.ts'
import { serviceName } from './service-grid-view.ts'

/** The refused service, with its hours as the server gave them just after the refusal. */
export interface ClosedNotice {
  serviceId: number
  names: { nameAr: string; nameEn: string }
  hours: HoursNow
}

/**
 * The refused service's fresh hours, asked once the refusal came; null when the center cannot be
 * asked or says the service takes tickets again (then the plain "not available now" is all that is known).
 */
export async function closedNoticeFor(base: string, token: string, serviceId: number): Promise<ClosedNotice | null> {
  try {
    const service = (await fetchServices(base, token)).find((s) => s.id === serviceId)
    return service?.hours?.closedReason ? { serviceId, names: service, hours: service.hours } : null
  } catch {
    return null
  }
}

/** «الجوازات: انتهى إصدار التذاكر الساعة 2:50 م · يفتح غدًا الساعة 8:00 ص», in the screen's language. */
export function closedNoticeView(notice: ClosedNotice, timeZone: string | undefined, lang: Lang, digits: DigitStyle): TemplateResult {
  const words = closedWords(notice.hours, timeZone, lang, digits)!
  return html`<p class="notice danger-notice" role="alert" data-notice="service-closed" data-closed=${notice.hours.closedReason ?? ''}>
    <strong>${serviceName(notice.names, lang)}:</strong> ${words.why}${words.opens ? html` · <span data-opens>${words.opens}</span>` : ''}
  </p>`
}
