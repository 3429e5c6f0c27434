import type { Lang } from '../../protocol/common.ts'

/**
 * The address of a ticket's public status page (what the QR on the paper opens) under the
 * base address its caller reaches the center at. One definition for the API's answer, the
 * printed ticket and the messages, so they never disagree. A ticket taken in English carries
 * `?lang=en`: the page opens in the language the citizen chose at the kiosk (walk finding 6);
 * Arabic is the page's own default, so an Arabic ticket's address stays as short as it was.
 */
export function ticketStatusUrlAt(publicBase: string, ticketId: string, lang: Lang): string {
  return `${publicBase.replace(/\/$/, '')}/t/${encodeURIComponent(ticketId)}${lang === 'en' ? '?lang=en' : ''}`
}
