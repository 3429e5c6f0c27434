/**
 * The ticket a check-in answers with (POST /check-in; protocol/appointments.ts CheckInTicket), the
 * same for a booking's new ticket and for a place joined from a phone: its status, its counter and
 * its issue time as they are, so the kiosk never shows a called ticket as "nobody ahead" nor the
 * scan's time as its issue time (walk of 2026-12-07, C-001).
 */
import type { CheckInTicket } from '../../protocol/appointments.ts'
import type { TicketRecord } from '../db/repositories/tickets-repo.ts'
import type { QueueContext } from './queue-context.ts'
import { ticketStatusUrlAt } from './ticket-link.ts'
import { counterOfTicket } from './ticket-counter.ts'
import type { Standing } from './types.ts'
import { visitProgressOf } from './visit-steps.ts'

export function checkInTicket(ctx: QueueContext, t: TicketRecord, standing: Standing, publicBase: string | undefined): CheckInTicket {
  const counter = counterOfTicket(ctx, t)
  const visit = visitProgressOf(ctx, t)
  return {
    id: t.id,
    label: t.label,
    serviceId: t.serviceId,
    status: t.status,
    counter: counter ? { number: counter.number, name: counter.name } : null,
    issuedAt: new Date(t.issuedAt).toISOString(),
    position: standing.position,
    estimatedWaitSeconds: standing.estimatedWaitSeconds,
    statusUrl: publicBase === undefined ? null : ticketStatusUrlAt(publicBase, t.id, t.lang),
    ...(visit ? { visit } : {}),
  }
}
