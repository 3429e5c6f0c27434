import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CreateUserBody, UpdateUserBody } from '../../../protocol/requests.ts'
import { User } from '../../../protocol/entities.ts'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import { UsersRepo } from '../../db/repositories/users-repo.ts'
import { TokensRepo } from '../../db/repositories/tokens-repo.ts'
import { hashPassword } from '../../auth/passwords.ts'
import { ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { conflict, ErrorCodes, notFound, unprocessable } from '../../errors.ts'

/** Staff accounts: managers can see them, admins create and edit them. */
export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, clock } = app.tabour
  const users = new UsersRepo(db)
  const tokens = new TokensRepo(db)

  app.get(
    '/',
    { preValidation: allow(...MANAGERS), schema: { tags: ['users'], response: { 200: Type.Array(User), ...errorResponses(401, 403) } } },
    async () => users.list(),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: { tags: ['users'], body: CreateUserBody, response: { 201: User, ...errorResponses(400, 401, 403, 409) } },
    },
    async (request, reply) => {
      const b = request.body
      if (users.findForLogin(b.username)) throw conflict(ErrorCodes.DUPLICATE_USERNAME, `username ${b.username} is taken`)
      const passwordHash = await hashPassword(b.password)
      // another request may have taken the name while scrypt ran: a 409, not the UNIQUE constraint's 500
      if (users.findForLogin(b.username)) throw conflict(ErrorCodes.DUPLICATE_USERNAME, `username ${b.username} is taken`)
      const user = users.insert({ username: b.username, passwordHash, role: b.role, displayName: b.displayName ?? b.username }, clock())
      return reply.status(201).send(user)
    },
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['users'],
        params: IdParam,
        body: UpdateUserBody,
        response: { 200: User, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const b = request.body
      // hash first: nothing below yields, so the checks still hold when the update is written
      const passwordHash = b.password ? await hashPassword(b.password) : undefined
      const current = users.get(request.params.id)
      if (!current) throw notFound(ErrorCodes.USER_NOT_FOUND, `user ${request.params.id} does not exist`)
      const losesAdmin = current.role === 'admin' && current.active && ((b.role && b.role !== 'admin') || b.active === false)
      if (losesAdmin && users.countActiveAdmins() <= 1)
        throw unprocessable(ErrorCodes.LAST_ADMIN, 'the last active admin cannot be demoted or disabled')
      const user = users.update(current.id, { passwordHash, role: b.role, displayName: b.displayName, active: b.active })
      // a new password or a disabled account ends every session the user had
      if (passwordHash || b.active === false || (b.role && b.role !== current.role)) {
        tokens.revokeSubject('user', user.id, clock())
        app.tabour.realtime.disconnectUser(user.id)
      }
      return user
    },
  )
}
