import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { LoginBody, LoginReply } from '../../../protocol/requests.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { User } from '../../../protocol/entities.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { throttle } from '../throttle.ts'

/** POST /auth/login (throttled), POST /auth/logout, GET /auth/me. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { config, queue, configuration } = app.tabour

  app.post(
    '/login',
    {
      config: { rateLimit: throttle(config, 'username') },
      schema: { tags: ['auth'], security: [], body: LoginBody, response: { 200: LoginReply, ...errorResponses(400, 401, 429) } },
    },
    async (request) => {
      const session = await queue.sessions.login(request.body.username, request.body.password, config.auth.userTokenTtlSeconds)
      return { ...session, expiresAt: new Date(session.expiresAt).toISOString() }
    },
  )

  app.post(
    '/logout',
    { preValidation: allow(...STAFF), schema: { tags: ['auth'], response: { 204: Type.Null(), ...errorResponses(401, 403) } } },
    async (request, reply) => {
      queue.sessions.logout(actorOf(request), request.headers.authorization!.replace(/^Bearer\s+/i, '').trim())
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    { preValidation: allow(...STAFF), schema: { tags: ['auth'], response: { 200: User, ...errorResponses(401, 403) } } },
    async (request) => {
      const actor = actorOf(request)
      return configuration.users.get(actor.type === 'user' ? actor.id : 0)
    },
  )
}
