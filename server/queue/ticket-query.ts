/**
 * What a clerk types or scans to find a ticket, read loosely: a label in any common spelling
 * (`A-15`, `a15`, `A-015`, `A 015`, Arabic-Indic or Persian digits), a bare number, or the
 * ticket's status link (the QR on the paper, pasted or read by a scanner that types it).
 */

/** A ticket id from its status link, a label's parts, or nothing usable. */
export type TicketQuery = { kind: 'id'; id: string } | { kind: 'label'; prefix: string | null; number: number }

/** Ticket ids are URL-safe random strings (server/queue/ticket-issuer.ts); anything else is not one. */
const ID = /^[A-Za-z0-9_-]{16,64}$/

/** ٠-٩ (Arabic-Indic) and ۰-۹ (Persian) to 0-9: scanners and Arabic keyboards type either. */
export function westernDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90))
}

/** Reads a search box; null when it is neither a label nor a link nor an id. */
export function parseTicketQuery(raw: string): TicketQuery | null {
  const text = westernDigits(raw.normalize('NFKC')).trim()
  // a status link: …/t/<id>, whatever the host or base path, with or without a query or fragment
  const link = /\/t\/([^/?#\s]+)/.exec(text)
  if (link) {
    try {
      const id = decodeURIComponent(link[1])
      return ID.test(id) ? { kind: 'id', id } : null
    } catch {
      return null
    }
  }
  // a label: letters (optional), any separators, the number with or without leading zeros
  const compact = text.replace(/[\s\-_.·/]+/g, '').toUpperCase()
  const label = /^([A-Z]{1,3})?0*(\d{1,6})$/.exec(compact)
  if (label) return { kind: 'label', prefix: label[1] ?? null, number: Number(label[2]) }
  return ID.test(text) ? { kind: 'id', id: text } : null
}
