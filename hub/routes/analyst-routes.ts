/**
 * Analysts' sign-in and the admin API of their accounts and of the access log. What an analyst
 * may read (their governorate) is enforced by the read routes (hub/routes/access.ts, `governorateScope`).
 */
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import rateLimit from '@fastify/rate-limit'
import { Type } from '@sinclair/typebox'
import { AccessLogEntry, Analyst, AnalystBody, AnalystLogin, AnalystSession } from '../../protocol/hub-api.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { governorateCode } from '../governorate-codes.ts'
import { adminAuth, hubErrors, PREFIX } from './access.ts'

/** How long an analyst's session lasts: a working day. */
export const ANALYST_SESSION_MS = 8 * 3_600_000

/** Sign-in attempts per source address per minute; more get 429 HUB_ERR_RATE_LIMITED (password guessing). */
export const SIGN_INS_PER_MINUTE = 20

const tags = ['analysts']

export const analystRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, clock } = app.hub

  // POST /auth/login: a session token for a right username and password (the attempt is logged either way)
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<TypeBoxTypeProvider>()
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
    scope.post(
      `${PREFIX}/auth/login`,
      {
        schema: {
          tags,
          summary: "An analyst's sign-in: a session token for a working day",
          body: AnalystLogin,
          response: { 200: AnalystSession, ...hubErrors(400, 401, 429) },
        },
        config: { rateLimit: {} },
      },
      async (request) => {
        const { username, password } = request.body
        const session = await store.analysts.signIn(username, password, clock(), ANALYST_SESSION_MS)
        await store.analysts.logAccess(username, 'sign-in', session ? 200 : 401, clock())
        if (!session) throw new HubError(401, HubErrorCodes.BAD_CREDENTIALS, 'wrong username or password')
        return session
      },
    )
  })

  // the admin API (its bearer hook): create and list analysts, read the access log
  await app.register(async (plain) => {
    const admin = plain.withTypeProvider<TypeBoxTypeProvider>()
    admin.addHook('onRequest', adminAuth)
    admin.get(
      `${PREFIX}/admin/analysts`,
      { schema: { tags, summary: "Every analyst's account", response: { 200: Type.Array(Analyst), ...hubErrors(401, 403) } } },
      async () => store.analysts.list(),
    )
    admin.post(
      `${PREFIX}/admin/analysts`,
      {
        schema: {
          tags,
          summary: "Creates an analyst's account (a governorate analyst with their governorate's code or name)",
          body: AnalystBody,
          response: { 201: Analyst, ...hubErrors(400, 401, 403, 409) },
        },
      },
      async (request, reply) => {
        const body = request.body
        if (body.role === 'governorate' && !body.governorate)
          throw new HubError(400, HubErrorCodes.VALIDATION, 'body/governorate: a governorate analyst needs their governorate')
        // a national analyst's governorate is not kept (hub/store/analysts.ts), so only a governorate analyst's is checked
        const governorate = body.role === 'governorate' && body.governorate ? governorateCode(body.governorate) : body.governorate
        if (!(await store.analysts.create({ ...body, governorate }, clock())))
          throw new HubError(409, HubErrorCodes.ANALYST_EXISTS, `analyst ${body.username} exists`)
        return reply.status(201).send((await store.analysts.list()).find((a) => a.username === body.username)!)
      },
    )
    admin.get(
      `${PREFIX}/admin/access-log`,
      {
        schema: {
          tags,
          summary: "The analysts' access log, newest first",
          response: { 200: Type.Array(AccessLogEntry), ...hubErrors(401, 403) },
        },
      },
      async () => store.analysts.accessLog(),
    )
  })
}
