import type { QueueContext } from './queue-context.ts'
import type { QueueView } from './queue-view.ts'
import { ErrorCodes, domainError } from '../errors.ts'
import { ticketStatusUrlAt } from './ticket-link.ts'
import { assertPrinter } from './printer-targets.ts'

/**
 * Asks for a ticket to be printed again on the printer of the kiosk that issued it, or on
 * `deviceId`: any of the center's printers (a kiosk's or a stand-alone one; DEVICE_NOT_FOUND,
 * NO_PRINTER otherwise), when the first paper failed or a walk-in wants paper. Nothing about the ticket changes, so nothing is
 * written: the request goes out as a `ticket:reprint` domain event that the printer binding
 * follows. Returns the kiosk it was sent to.
 */
export function requestReprint(
  ctx: QueueContext,
  view: QueueView,
  ticketId: string,
  deviceId: number | undefined,
  publicBase: string,
): { deviceId: number } {
  const ticket = ctx.tickets.get(ticketId)
  if (!ticket) throw domainError(ErrorCodes.TICKET_NOT_FOUND, 'no such ticket')
  if (deviceId !== undefined) assertPrinter(ctx, deviceId)
  const kiosk = deviceId ?? (ticket.issuedByType === 'device' ? ticket.issuedById : null)
  if (kiosk === null)
    throw domainError(ErrorCodes.NO_PRINTER, 'this ticket was not issued at a kiosk; name the kiosk (deviceId) to print it on')
  ctx.publish([
    {
      type: 'ticket:reprint',
      ticket,
      deviceId: kiosk,
      standing: view.standing(ticket),
      statusUrl: ticketStatusUrlAt(publicBase, ticket.id, ticket.lang),
    },
  ])
  return { deviceId: kiosk }
}
