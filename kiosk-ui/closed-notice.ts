/**
 * What the kiosk says when a tap is refused for the service's hours (422 SERVICE_CLOSED): the
 * kiosk polls the hours once a minute, so in the minute after a closing or a last-ticket time its
 * tile still looked open. It says what the greyed tile now says, why and when it opens next
 * (ui-common/opening-words.ts closedWords), not only "This service is not available now".
 */
import { html, nothing, type TemplateResult } from 'lit'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { closedWords } from '../ui-common/opening-words.ts'
import { serviceName } from './service-grid-view.ts'

/**
 * «الجوازات: انتهى إصدار التذاكر الساعة 2:50 م · يفتح غدًا الساعة 8:00 ص», in the screen's language,
 * from the refused service as the kiosk's services now hold it (the refusal asked the feed for a
 * snapshot, which brings its hours); nothing while they still say it takes tickets (then the plain
 * "not available now" is all that is known).
 */
export function closedNoticeView(
  service: ServiceWithQueue | undefined,
  timeZone: string | undefined,
  lang: Lang,
  digits: DigitStyle,
): TemplateResult | typeof nothing {
  const words = service?.hours && closedWords(service.hours, timeZone, lang, digits)
  if (!service?.hours || !words) return nothing
  return html`<p class="notice danger-notice" role="alert" data-notice="service-closed" data-closed=${service.hours.closedReason ?? ''}>
    <strong>${serviceName(service, lang)}:</strong> ${words.why}${words.opens ? html` · <span data-opens>${words.opens}</span>` : ''}
  </p>`
}
