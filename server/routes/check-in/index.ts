import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CheckInBody, CheckInResult } from '../../../protocol/appointments.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { domainError, ErrorCodes } from '../../errors.ts'
import { publicBase } from '../public-url.ts'
import { closingOf } from '../../public-ticket.ts'
import { RESOLVERS } from './resolvers.ts'

/**
 * POST /check-in: what a kiosk's barcode scanner (or a citizen's typing, or a clerk at the
 * console) gave: a booking code or a link holding one. Each resolver in RESOLVERS is asked in
 * turn; the first that recognises the text answers (a ticket, come back at, too late) or throws
 * its own error; none → CHECK_IN_UNRECOGNISED.
 */
export async function checkInRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, printing, config } = app.tabour

  app.post(
    '/',
    {
      preValidation: allow(...STAFF, 'kiosk'),
      schema: {
        tags: ['appointments'],
        summary: 'check in by a scanned or typed booking code (or link): a ticket, "come back at", or "too late"',
        body: CheckInBody,
        response: { 200: CheckInResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const req = {
        actor: actorOf(request),
        text: request.body.text.trim(),
        ...(request.body.lang ? { lang: request.body.lang } : {}),
        publicBase: publicBase(request),
      }
      for (const resolve of RESOLVERS) {
        const result = resolve(queue, req)
        if (result === null) continue
        // printed like any ticket: the kiosk shows "take your ticket" or the ticket itself when the printer is down
        if (result.outcome !== 'ticket') return result
        // and its closing note, as a walk-in's (POST /tickets): the paper prints it, the kiosk's screen said nothing (walk s55)
        const record = queue.ctx.tickets.get(result.ticket.id)
        const closing = record ? closingOf(queue.view, record, result.ticket.estimatedWaitSeconds, config.timeZone) : {}
        return { ...result, ticket: { ...result.ticket, printing: printing.stateOf(result.ticket.id), ...closing } }
      }
      throw domainError(
        ErrorCodes.CHECK_IN_UNRECOGNISED,
        'this is neither a booking code, a link to one, nor the status link of a place joined from a phone',
      )
    },
  )
}
