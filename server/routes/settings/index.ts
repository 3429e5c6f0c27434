import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { AuditEntry, PutSettingsBody, SettingsReply } from '../../../protocol/settings.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { auditEntry } from './audit-routes.ts'

const AuditQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) })

/**
 * GET /settings (managers): the center settings now, which keys an admin overrode, and the
 * config's values; PUT /settings (admins): override some (null drops an override). Applied at
 * once (the next call-next uses the new policy). GET /settings/audit (admins): the latest
 * configuration changes from the event log.
 */
export async function settingsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configuration } = app.tabour

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['settings'],
        summary: "the center's settings the dashboard edits",
        response: { 200: SettingsReply, ...errorResponses(401, 403) },
      },
    },
    async () => configuration.center.settings(),
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
    async (request) => configuration.center.updateSettings(actorOf(request), request.body),
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
    async (request) => configuration.auditLog(request.query.limit ?? 50).map(auditEntry),
  )
}
