import type { QueueContext } from './queue-context.ts'
import type { PrinterProblem } from '../../protocol/printer-problem.ts'

/** The event a ticket's log gets when its paper did not come out. */
export const NOT_PRINTED = 'ticket.not_printed'

/**
 * A ticket whose paper did not come out, in its log: `ticket.not_printed` naming the printer's
 * device, the printer's problem code when it said one, and the driver's own words. The printer's
 * alert says only that it is broken, and goes 15 s after it works again; without this a clerk
 * could not tell which waiting tickets have no paper, to reprint them, and a restart forgot them
 * all (walk s46, finding 4). The staff ticket tools show it in the ticket's history. Nothing
 * about the ticket changes, so no domain event goes out (the printer's `device:status` carries
 * the job's outcome).
 */
export function recordNotPrinted(
  ctx: QueueContext,
  ticketId: string,
  deviceId: number,
  problem: PrinterProblem | null,
  detail: string,
): void {
  const ticket = ctx.tickets.get(ticketId)
  if (!ticket) return
  ctx.write((tx) =>
    tx.log({
      type: NOT_PRINTED,
      ticketId,
      serviceId: ticket.serviceId,
      deviceId,
      data: { ...(problem ? { problem } : {}), detail },
    }),
  )
}
