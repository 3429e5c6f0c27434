import type { Queue } from '../../queue/queue.ts'
import type { Actor } from '../../queue/actor.ts'
import type { CheckInResult } from '../../../protocol/appointments.ts'
import type { Lang } from '../../../protocol/common.ts'
import { codeInText } from '../../queue/booking-code.ts'
import { arriveByScan } from '../../queue/remote-arrival.ts'
import { checkInTicket } from '../../queue/check-in-ticket.ts'

/** What was scanned or typed, by whom, and where the center's public pages are (the ticket's QR). */
export interface CheckInRequest {
  actor: Actor
  text: string
  /** The language the citizen uses at the kiosk (the kiosk sends it); absent: not known. */
  lang?: Lang
  publicBase: string
}

/** Answers for the texts it recognises (or throws its own error about them); null: not its kind of text, ask the next. */
export type CheckInResolver = (queue: Queue, req: CheckInRequest) => CheckInResult | null

/** A booking code, or a manage link holding one (issue 19). */
export const bookingCheckIn: CheckInResolver = (queue, req) =>
  codeInText(req.text) === null ? null : queue.appointments.checkIn(req.actor, req.text, req.publicBase, req.lang)

/** A place joined from a phone: its status page's code (or link) scanned at the kiosk checks it in (remote-arrival.ts). */
export const remoteArrival: CheckInResolver = (queue, req) => {
  const ticket = arriveByScan(queue.ctx, req.text, req.actor)
  if (ticket === null) return null
  return { outcome: 'ticket', kind: 'remote', ticket: checkInTicket(queue.ctx, ticket, queue.view.standing(ticket), req.publicBase) }
}

/** Asked in this order: a booking code, then a remote ticket's status link. */
export const RESOLVERS: readonly CheckInResolver[] = [bookingCheckIn, remoteArrival]
