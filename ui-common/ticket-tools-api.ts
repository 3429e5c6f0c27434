/**
 * What the staff ticket tools ask the center, through the signed-in StaffSession (a refused
 * token ends the session, whichever screen asked). Failures are ApiError or NetworkError.
 */
import type { Ticket } from '../protocol/entities.ts'
import type { CancelReason, PrinterTarget, TicketHistory, TicketMatch } from '../protocol/ticket-tools.ts'
import type { PrintingState } from '../protocol/device-config.ts'
import { apiUrl } from './base-path.ts'
import type { StaffSession } from './staff-session.ts'

/** The ticket tools' calls, bound to a server base path and a staff session. */
export class TicketToolsApi {
  constructor(
    readonly base: string,
    private readonly session: StaffSession,
  ) {}

  /** Today's tickets matching a loosely typed label, or the one a status link names. */
  search(q: string): Promise<TicketMatch[]> {
    return this.session.request(apiUrl(this.base, `/tickets/search?q=${encodeURIComponent(q)}`))
  }

  history(ticketId: string): Promise<TicketHistory> {
    return this.session.request(apiUrl(this.base, `/tickets/${encodeURIComponent(ticketId)}/history`))
  }

  /** The center's printers with their health. */
  printers(): Promise<PrinterTarget[]> {
    return this.session.request(apiUrl(this.base, '/printers'))
  }

  /** Prints the ticket on `deviceId` (any of the center's printers). */
  reprint(ticketId: string, deviceId: number): Promise<{ printing: PrintingState }> {
    return this.session.request(apiUrl(this.base, `/tickets/${encodeURIComponent(ticketId)}/reprint`), {
      method: 'POST',
      body: { deviceId },
    })
  }

  cancel(ticketId: string, reason: CancelReason, note: string): Promise<Ticket> {
    return this.session.request(apiUrl(this.base, `/tickets/${encodeURIComponent(ticketId)}/cancel`), {
      method: 'POST',
      body: { reason, ...(note.trim() ? { note: note.trim() } : {}) },
    })
  }
}
