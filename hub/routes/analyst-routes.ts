/**
 * Analysts' sign-in and the admin API of their accounts and of the access log. What an analyst
 * may read (their governorate) is enforced by the read routes (hub/app.ts, `governorateScope`).
 */
import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { Type } from '@sinclair/typebox'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import type { HubStore } from '../store/store.ts'

const PREFIX = '/api/hub/v1'
/** How long an analyst's session lasts: a working day. */
export const ANALYST_SESSION_MS = 8 * 3_600_000

const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
const AnalystBody = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{1,63}$' }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: Type.Union([Type.Literal('national'), Type.Literal('governorate')]),
    governorate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
)

/** Sign-in attempts per source address per minute; more get 429 HUB_ERR_RATE_LIMITED (password guessing). */
export const SIGN_INS_PER_MINUTE = 20

/** POST /auth/login: a session token for a right username and password (the attempt is logged either way). */
export function analystLoginRoute(app: FastifyInstance, store: HubStore, clock: () => number): void {
  app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      max: SIGN_INS_PER_MINUTE,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) =>
        new HubError(
          429,
          HubErrorCodes.RATE_LIMITED,
          `more than ${context.max} sign-ins from this address within a minute: retry in ${context.after}`,
        ),
    })
    scope.post(`${PREFIX}/auth/login`, { schema: { body: LoginBody }, config: { rateLimit: {} } }, async (request) => {
      const { username, password } = request.body as typeof LoginBody.static
      const session = await store.analysts.signIn(username, password, clock(), ANALYST_SESSION_MS)
      await store.analysts.logAccess(username, 'sign-in', session ? 200 : 401, clock())
      if (!session) throw new HubError(401, HubErrorCodes.BAD_CREDENTIALS, 'wrong username or password')
      return session
    })
  })
}

/** Inside the admin plugin (its bearer hook): create and list analysts, read the access log. */
export function analystAdminRoutes(admin: FastifyInstance, store: HubStore, clock: () => number): void {
  admin.get(`${PREFIX}/admin/analysts`, async () => store.analysts.list())
  admin.post(`${PREFIX}/admin/analysts`, { schema: { body: AnalystBody } }, async (request, reply) => {
    const body = request.body as typeof AnalystBody.static
    if (body.role === 'governorate' && !body.governorate)
      throw new HubError(400, HubErrorCodes.VALIDATION, 'body/governorate: a governorate analyst needs their governorate')
    if (!(await store.analysts.create(body, clock())))
      throw new HubError(409, HubErrorCodes.ANALYST_EXISTS, `analyst ${body.username} exists`)
    return reply.status(201).send((await store.analysts.list()).find((a) => a.username === body.username))
  })
  admin.get(`${PREFIX}/admin/access-log`, async () => store.analysts.accessLog())
}
