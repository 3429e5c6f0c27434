import type { QueueView } from './queue/queue-view.ts'
import type { PublicTicket } from '../protocol/entities.ts'

/** The center's name in both languages (config centerName). */
export interface CenterName {
  ar: string
  en: string
}

/**
 * A ticket as anyone holding its id may see it (GET /tickets/:id and the `ticket:status` push):
 * label, service, status, position, estimate, counter when called, the center's name. Never the
 * phone or anything else personal. Throws TICKET_NOT_FOUND for an unknown id.
 */
export function publicTicketOf(view: QueueView, centerName: CenterName, ticketId: string): PublicTicket {
  const { ticket: t, service, counter } = view.publicTicket(ticketId)
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    serviceNameAr: service.nameAr,
    serviceNameEn: service.nameEn,
    status: t.status,
    ...view.standing(t),
    issuedAt: new Date(t.issuedAt).toISOString(),
    counter: counter ? { number: counter.number, name: counter.name } : null,
    center: { nameAr: centerName.ar, nameEn: centerName.en },
  }
}
