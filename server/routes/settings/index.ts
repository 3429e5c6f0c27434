import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AuditEntry, PutSettingsBody, SettingsReply } from '../../../protocol/settings.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { badRequest, ErrorCodes } from '../../errors.ts'
import { isValidTimeZone } from '../../../protocol/center-clock.ts'
import { CenterSettingsStore } from './center-settings.ts'

const AuditQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) })

/**
 * GET /settings (managers): the center settings now, which keys an admin overrode, and the
 * config's values; PUT /settings (admins): override some (null drops an override). Applied at
 * once (the next call-next uses the new policy). GET /settings/audit (admins): the latest
 * configuration changes from the event log.
 */
export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { db, config, clock } = app.tabour
  const store = new CenterSettingsStore(db, config)

  app.get(
    '/',
    { preValidation: allow(...MANAGERS), schema: { tags: ['settings'], response: { 200: SettingsReply, ...errorResponses(401, 403) } } },
    async () => store.reply(),
  )

  app.put(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['settings'],
        summary: 'override center settings (null: back to the config value)',
        body: PutSettingsBody,
        response: { 200: SettingsReply, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const body = request.body
      if (body.timeZone && !isValidTimeZone(body.timeZone))
        throw badRequest(ErrorCodes.VALIDATION, `body/timeZone ${body.timeZone} is not an IANA time zone`)
      const codes = (body.priorityCategories ?? []).map((c) => c.code)
      if (codes.includes('none'))
        throw badRequest(ErrorCodes.VALIDATION, 'body/priorityCategories code none is reserved for ordinary tickets')
      if (new Set(codes).size !== codes.length) throw badRequest(ErrorCodes.VALIDATION, 'body/priorityCategories codes must be unique')
      const actor = actorOf(request)
      return store.update(body, clock(), actor.type === 'user' ? actor.id : null)
    },
  )

  app.get(
    '/audit',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['settings'],
        summary: 'the latest configuration changes (event log)',
        querystring: AuditQuery,
        response: { 200: Type.Array(AuditEntry), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = db
        .prepare(
          `SELECT e.id, e.at, e.user_id AS userId, u.username, e.data FROM events e LEFT JOIN users u ON u.id = e.user_id
           WHERE e.type = 'config.changed' ORDER BY e.id DESC LIMIT ?`,
        )
        .all(request.query.limit ?? 50) as { id: number; at: number; userId: number | null; username: string | null; data: string }[]
      return rows.map((r) => {
        const d = JSON.parse(r.data) as { method: string; route: string; params: Record<string, unknown>; body: unknown; status: number }
        return {
          id: r.id,
          at: new Date(r.at).toISOString(),
          userId: r.userId,
          username: r.username,
          method: d.method,
          route: d.route,
          params: d.params ?? {},
          body: d.body ?? null,
          status: d.status,
        }
      })
    },
  )
}
