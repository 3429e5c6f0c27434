import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateServiceGroupBody, ServiceGroup, UpdateServiceGroupBody } from '../../../protocol/service-menu.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, STAFF } from '../../auth/access.ts'

/** The kiosk menu's service groups (issue 21): everyone who lists services reads them; admins edit. */
export async function serviceGroupRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const groups = app.tabour.configuration.serviceGroups

  app.get(
    '/',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['services'],
        summary: "the kiosk's groups of services (its grouped menu)",
        response: { 200: Type.Array(ServiceGroup), ...errorResponses(401, 403) },
      },
    },
    async () => groups.list(),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary: "creates a group of services for the kiosk's menu",
        body: CreateServiceGroupBody,
        response: { 201: ServiceGroup, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(groups.create(actorOf(request), request.body)),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary: 'changes a group; fields left out keep their value',
        params: IdParam,
        body: UpdateServiceGroupBody,
        response: { 200: ServiceGroup, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => groups.update(actorOf(request), request.params.id, request.body),
  )

  app.delete(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['services'],
        summary: 'deletes a group (its services stay)',
        params: IdParam,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      groups.delete(actorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )
}
