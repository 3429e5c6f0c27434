import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { LoginBody, LoginReply } from '../../../protocol/requests.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { bearerToken } from '../../../protocol/bearer.ts'
import { User } from '../../../protocol/entities.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { throttle } from '../throttle.ts'
import { LoginLimiter } from '../../auth/login-limiter.ts'
import { DomainError, ErrorCodes } from '../../errors.ts'

/** POST /auth/login (throttled per address and username, per address, per username; see LoginLimiter), POST /auth/logout, GET /auth/me. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { config, queue, configuration, clock } = app.tabour
  const limiter = new LoginLimiter(config.logins, clock)

  app.post(
    '/login',
    {
      config: { rateLimit: throttle(config, 'username') },
      schema: {
        tags: ['auth'],
        summary:
          'a member of staff logs in with user name and password: a session token (Bearer) and who they are; attempts are rate-limited per user name',
        security: [],
        body: LoginBody,
        response: { 200: LoginReply, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const { username, password } = request.body
      // refused before any hashing: a flood or a spray costs the server nothing past its limit
      limiter.attempt(request.ip, username)
      const session = await queue.sessions.login(username, password, config.auth.userTokenTtlSeconds).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === ErrorCodes.BAD_CREDENTIALS) limiter.failed(username)
        throw err
      })
      return { ...session, expiresAt: new Date(session.expiresAt).toISOString() }
    },
  )

  app.post(
    '/logout',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['auth'],
        summary: 'ends the calling session (its token stops working at once)',
        response: { 204: Type.Null(), ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      queue.sessions.logout(actorOf(request), bearerToken(request.headers.authorization) ?? '')
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    {
      preValidation: allow(...STAFF),
      schema: {
        tags: ['auth'],
        summary: 'the logged-in member of staff: user name, display name, role',
        response: { 200: User, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      return configuration.users.get(actor.type === 'user' ? actor.id : 0)
    },
  )
}
