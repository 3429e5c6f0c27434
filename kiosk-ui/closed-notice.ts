/**
 * What the kiosk says when a tap is refused for the service's hours (422 SERVICE_CLOSED): the
 * kiosk polls the hours once a minute, so in the minute after a closing or a last-ticket time its
 * tile still looked open. It says what the greyed tile now says, why and when it opens next
 * (ui-common/opening-words.ts closedWords), from the refusal's own facts (protocol/error-codes.ts
 * ClosedDetail), not only "This service is not available now", and without waiting for the hours
 * to be fetched again. Its times' zeros are drawn as the tile's (legibleZeros): the same time read «٨:◆◆» on
 * the tile and «٨:··» here (walk s55).
 */
import { html, type TemplateResult } from 'lit'
import type { ClosedDetail } from '../protocol/error-codes.ts'
import type { ServiceWithQueue } from '../protocol/entities.ts'
import type { DigitStyle } from '../ui-common/digits.ts'
import type { Lang } from '../ui-common/i18n.ts'
import { closedWords } from '../ui-common/opening-words.ts'
import { legibleZeros } from '../ui-common/legible-zeros.ts'
import { SEPARATOR } from '../protocol/messages/separator.ts'
import { serviceName } from './service-grid-view.ts'

/** A tap refused for the hours: which service, and the hours' facts the refusal carried. */
export interface ClosedRefusal {
  serviceId: number
  closed: ClosedDetail
}

/**
 * «الجوازات: انتهى إصدار التذاكر الساعة 2:50 م — يفتح غدًا الساعة 8:00 ص», in the screen's language,
 * as the phone's join page says a refused join (the one SEPARATOR: a middle dot reads as ٠); the
 * service's name as the kiosk holds it (without it, the words alone).
 */
export function closedNoticeView(
  refusal: ClosedRefusal,
  service: ServiceWithQueue | undefined,
  timeZone: string | undefined,
  lang: Lang,
  digits: DigitStyle,
): TemplateResult {
  const words = closedWords(refusal.closed, timeZone, lang, digits)!
  return html`<p class="notice danger-notice" role="alert" data-notice="service-closed" data-closed=${refusal.closed.closedReason}>
    ${service ? html`<strong>${serviceName(service, lang)}:</strong> ` : ''}${legibleZeros(words.why)}${words.opens ? html`${SEPARATOR}<span data-opens>${legibleZeros(words.opens)}</span>` : ''}
  </p>`
}
