import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { LoginBody, LoginReply } from '../../../protocol/requests.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { User } from '../../../protocol/entities.ts'
import { UsersRepo } from '../../db/repositories/users-repo.ts'
import { TokensRepo } from '../../db/repositories/tokens-repo.ts'
import { EventsRepo } from '../../db/repositories/events-repo.ts'
import { DUMMY_HASH, verifyPassword } from '../../auth/passwords.ts'
import { newUserToken } from '../../auth/tokens.ts'
import { actorOf, allow, STAFF } from '../../auth/access.ts'
import { ErrorCodes, domainError } from '../../errors.ts'
import { throttle } from '../throttle.ts'

/** POST /auth/login (throttled), POST /auth/logout, GET /auth/me. */
export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, config, clock, queue } = app.tabour
  const users = new UsersRepo(db)
  const tokens = new TokensRepo(db)
  const events = new EventsRepo(db)

  app.post(
    '/login',
    {
      config: { rateLimit: throttle(config, 'username') },
      schema: { tags: ['auth'], security: [], body: LoginBody, response: { 200: LoginReply, ...errorResponses(400, 401, 429) } },
    },
    async (request) => {
      const found = users.findForLogin(request.body.username)
      const ok = await verifyPassword(request.body.password, found?.passwordHash ?? DUMMY_HASH)
      // the account may have changed while scrypt ran (new password, disabled): judge by what holds now
      const current = found && users.findForLogin(request.body.username)
      if (!found || !ok || !current || current.passwordHash !== found.passwordHash || !current.user.active) {
        throw domainError(ErrorCodes.BAD_CREDENTIALS, 'wrong username or password')
      }
      const now = clock()
      const token = newUserToken()
      const expiresAt = now + config.auth.userTokenTtlSeconds * 1000
      tokens.pruneExpired(now)
      tokens.insert(token, 'user', found.user.id, now, expiresAt)
      events.append({ at: now, day: queue.ctx.dayOf(now), type: 'clerk.logged_in', userId: found.user.id })
      const { id, username, role } = current.user
      return { token, expiresAt: new Date(expiresAt).toISOString(), user: { id, username, role } }
    },
  )

  app.post(
    '/logout',
    { preValidation: allow(...STAFF), schema: { tags: ['auth'], response: { 204: Type.Null(), ...errorResponses(401, 403) } } },
    async (request, reply) => {
      const actor = actorOf(request)
      const now = clock()
      tokens.revokeToken(request.headers.authorization!.replace(/^Bearer\s+/i, '').trim(), now)
      if (actor.type === 'user') {
        events.append({ at: now, day: queue.ctx.dayOf(now), type: 'clerk.logged_out', userId: actor.id })
        // the console's live feed ends with its session (a user works one console at a time)
        app.tabour.realtime.disconnectUser(actor.id)
      }
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/me',
    { preValidation: allow(...STAFF), schema: { tags: ['auth'], response: { 200: User, ...errorResponses(401, 403) } } },
    async (request) => {
      const actor = actorOf(request)
      const user = actor.type === 'user' ? users.get(actor.id) : undefined
      if (!user) throw domainError(ErrorCodes.USER_NOT_FOUND, 'no such user')
      return user
    },
  )
}
