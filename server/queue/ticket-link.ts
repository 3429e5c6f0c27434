import type { Lang } from '../../protocol/common.ts'
import { langQuery } from '../../protocol/lang-query.ts'

/**
 * The address of a ticket's public status page (what the QR on the paper opens) under the
 * base address its caller reaches the center at. One definition for the API's answer, the
 * printed ticket and the messages, so they never disagree. A ticket taken in English carries
 * `?lang=en`: the page opens in the language the citizen chose at the kiosk (walk finding 6);
 * Arabic is the page's own default, so an Arabic ticket's address stays as short as it was.
 */
export function ticketStatusUrlAt(publicBase: string, ticketId: string, lang: Lang): string {
  return `${publicBase.replace(/\/$/, '')}/t/${encodeURIComponent(ticketId)}${langQuery(lang)}`
}

/**
 * The address of a booking's public page (/b/<code>: shows it, moves or cancels it), for its QR
 * link and its messages. A booking made in English adds `?lang=en`, as a ticket's link does;
 * an Arabic one's stays the bare address.
 */
export function bookingPageUrlAt(publicBase: string, code: string, lang?: Lang): string {
  return `${publicBase.replace(/\/$/, '')}/b/${encodeURIComponent(code)}${langQuery(lang)}`
}
