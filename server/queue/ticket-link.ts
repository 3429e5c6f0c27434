/**
 * The address of a ticket's public status page (what the QR on the paper opens) under the
 * base address its caller reaches the center at. One definition for the API's answer and the
 * printed ticket, so the two never disagree.
 */
export function ticketStatusUrlAt(publicBase: string, ticketId: string): string {
  return `${publicBase.replace(/\/$/, '')}/t/${encodeURIComponent(ticketId)}`
}
