import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateUserBody, UpdateUserBody } from '../../../protocol/requests.ts'
import { User } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'

/** Staff accounts: managers can see them, admins create and edit them. */
export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configuration } = app.tabour
  const users = configuration.users

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['users'],
        summary: 'the staff accounts (never a password)',
        response: { 200: Type.Array(User), ...errorResponses(401, 403) },
      },
    },
    async () => users.list(),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['users'],
        summary: 'creates a staff account (clerk, manager or admin)',
        body: CreateUserBody,
        response: { 201: User, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['users'],
        summary: 'changes a staff account (display name, role, password, active); fields left out keep their value',
        params: IdParam,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  )
}
