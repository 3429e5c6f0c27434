import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { Type, type TSchema } from '@sinclair/typebox'
import { CallTicketBody, FinishBody, OpenCounterBody, PauseBody, TransferBody } from '../../../protocol/requests.ts'
import { CounterActionResult } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import type { Actor } from '../../queue/actor.ts'
import type { CounterActionResult as DomainResult } from '../../queue/counter-actions.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { counterDto, staffTicketDto } from '../../dto.ts'

const EmptyBody = Type.Object({}, { additionalProperties: false })

/** Whether an action's body schema needs a field: an object with a required one, or a union (transfer's either-or) of such. */
const hasRequiredField = (schema: TSchema): boolean =>
  Array.isArray(schema.anyOf) ? (schema.anyOf as TSchema[]).every(hasRequiredField) : (schema.required?.length ?? 0) > 0

/**
 * POST /counters/:id/<action>: what a clerk does at the counter it opened. Each answers
 * `{counter, ticket}`; call-next with nobody waiting answers 200 with `ticket: null`.
 */
export async function counterActionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { counters } = app.tabour.queue

  const action = <B extends TSchema>(
    name: string,
    body: B,
    summary: string,
    // biome-ignore lint/suspicious/noExplicitAny: each action's body is validated by its own TypeBox schema before run() sees it
    run: (actor: Actor, id: number, body: any) => DomainResult,
  ) => {
    app.post(
      `/:id/${name}`,
      {
        preValidation: allow(...STAFF),
        schema: {
          tags: ['counter actions'],
          summary,
          params: IdParam,
          // the body is optional for actions whose fields are all optional: a bare POST is fine. One that names
          // what to act on (call's ticket, transfer's target) needs it: without, "body must be object", not the 404
          // of a ticket or counter `undefined` (the OpenAPI document says which, server/openapi-optional-body.ts)
          body: hasRequiredField(body) ? body : Type.Union([body, Type.Null()]),
          response: { 200: CounterActionResult, ...errorResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (request) => {
        const params = request.params as { id: number }
        const result = run(actorOf(request), params.id, request.body ?? {})
        return {
          counter: counterDto(result.counter),
          ticket: result.ticket && staffTicketDto(result.ticket, app.tabour.queue.view),
        }
      },
    )
  }

  action(
    'open',
    OpenCounterBody,
    'open (or resume) the counter; it is then yours. takeover: managers take a held counter',
    (actor, id, b) => counters.open(actor, id, { takeover: b.takeover }),
  )
  action('pause', PauseBody, 'pause: no calls until you open it again', (actor, id, b) => counters.pause(actor, id, b.reason ?? null))
  action('close', EmptyBody, 'close the counter and release it', (actor, id) => counters.close(actor, id))
  action('call-next', EmptyBody, 'call the ticket the call policy picks', (actor, id) => counters.callNext(actor, id))
  action('call', CallTicketBody, 'call one waiting ticket by id, out of order (audited)', (actor, id, b) =>
    counters.callTicket(actor, id, b.ticketId),
  )
  action('recall', EmptyBody, 'call the current ticket again', (actor, id) => counters.recall(actor, id))
  action('start', EmptyBody, 'the citizen arrived: start serving', (actor, id) => counters.start(actor, id))
  action('finish', FinishBody, 'finish serving, with an optional outcome and note', (actor, id, b) =>
    counters.finish(actor, id, b.outcome ?? null, b.note ?? null),
  )
  action('no-show', EmptyBody, 'the called citizen did not come', (actor, id) => counters.noShow(actor, id))
  action('transfer', TransferBody, 'send the current ticket to another service or counter', (actor, id, b) =>
    counters.transfer(actor, id, b),
  )
}
