/**
 * Who may call what at the hub, shared by the route plugins: the admin token for /admin, the read
 * side's token or an analyst's session for the figures, and a governorate analyst's scope. They
 * read the `hub` decoration (hub/app.ts) through the request, so any plugin can use them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { type Static, Type } from '@sinclair/typebox'
import { localDay } from '../../protocol/center-clock.ts'
import { ErrorResponse } from '../../protocol/common.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { bearerToken, tokenMatches } from '../../protocol/bearer.ts'
import { HubError } from '../errors.ts'
import { governorateFilter } from '../governorate-codes.ts'
import type { FiguresQuery, GroupBy } from '../store/store.ts'

/** The bearer token of a request ('' without one). */
const bearerOf = (request: FastifyRequest) => bearerToken(request.headers.authorization) ?? ''

/** The API's prefix. */
export const PREFIX = '/api/hub/v1'

/** Every error the hub answers: the shared shape, `{statusCode, code, error, message}` with a stable HUB_ERR_* code; the valid codes when a value is not one. */
export const HubErrorBody = Type.Object({
  ...ErrorResponse.properties,
  validCodes: Type.Optional(Type.Array(Type.String(), { description: 'the values that are accepted, when the one given is not' })),
})
export type HubErrorBody = Static<typeof HubErrorBody>

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503
/** The error answers a route may give, for its response schema (and the OpenAPI document). */
export const hubErrors = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(statuses.map((s) => [s, HubErrorBody])) as Record<ErrorStatus, typeof HubErrorBody>

/** The admin API's check: HUB_ADMIN_TOKEN as a bearer token; without it set, the admin API is off (403). */
export async function adminAuth(request: FastifyRequest): Promise<void> {
  const { config } = request.server.hub
  if (!config.adminToken)
    throw new HubError(403, HubErrorCodes.ADMIN_DISABLED, 'the admin API is off: set HUB_ADMIN_TOKEN (or use `npm run hub -- center …`)')
  if (!tokenMatches(bearerOf(request), config.adminToken))
    throw new HubError(401, HubErrorCodes.UNAUTHENTICATED, 'a valid admin bearer token is required')
}

/** With HUB_READ_TOKEN set, the read routes need it (or the admin token, or an analyst's session) as a bearer token; unset, they are open. */
export async function readAuth(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const { config, store, clock } = request.server.hub
  const given = bearerOf(request)
  // an analyst's session (people); the read token is for machine clients
  const analyst = given ? await store.analysts.bySession(given, clock()) : null
  if (analyst) {
    request.analyst = analyst
    return
  }
  if (!config.readToken) return
  // both checked, always: which one matched does not show in the timing
  const read = tokenMatches(given, config.readToken)
  const admin = config.adminToken !== undefined && tokenMatches(given, config.adminToken)
  if (read || admin) return
  reply.header('www-authenticate', 'Bearer realm="tabour-hub"')
  throw new HubError(401, HubErrorCodes.UNAUTHENTICATED, 'a valid read bearer token is required (Authorization: Bearer <HUB_READ_TOKEN>)')
}

/** The national management routes (configuration bundles): the admin token, or a national analyst's session (403 for a governorate one). */
export async function nationalAuth(request: FastifyRequest): Promise<void> {
  const { config, store, clock } = request.server.hub
  const given = bearerOf(request)
  const analyst = given ? await store.analysts.bySession(given, clock()) : null
  if (analyst) {
    request.analyst = analyst
    if (analyst.role !== 'national')
      throw new HubError(403, HubErrorCodes.NATIONAL_ONLY, `analyst ${analyst.username} has a governorate scope: bundles are national`)
    return
  }
  if (config.adminToken && tokenMatches(given, config.adminToken)) return
  throw new HubError(401, HubErrorCodes.UNAUTHENTICATED, 'the admin token or a national analyst session is required')
}

/**
 * The governorate a request may read: a governorate analyst's own (asking for another, or for a
 * center of another, is 403 HUB_ERR_FORBIDDEN_GOVERNORATE), else the one asked for (or all).
 */
export async function governorateScope(request: FastifyRequest, asked?: string, centerId?: string): Promise<string | undefined> {
  const a = request.analyst
  if (a?.role !== 'governorate' || a.governorate === null) return governorateFilter(asked)
  // codes on both sides: an account or a center from before the codes may hold a name
  const own = governorateFilter(a.governorate)
  const center = centerId ? await request.server.hub.store.getCenter(centerId) : null
  if ((asked && governorateFilter(asked) !== own) || (center && governorateFilter(center.governorate) !== own))
    throw new HubError(403, HubErrorCodes.FORBIDDEN_GOVERNORATE, `analyst ${a.username} may read governorate ${a.governorate} only`)
  return own
}

/** A figures query from the query string: defaults (today), the governorate scope, a known service code. */
export async function figuresQuery(
  q: { from?: string; to?: string; governorate?: string; center?: string; service?: string },
  by: GroupBy,
  request: FastifyRequest,
): Promise<FiguresQuery> {
  const { config, store, clock } = request.server.hub
  const governorate = await governorateScope(request, q.governorate, q.center)
  const from = q.from ?? localDay(clock(), config.timeZone)
  const to = q.to ?? from
  if (to < from) throw new HubError(400, HubErrorCodes.VALIDATION, '`to` is before `from`')
  const serviceCode = q.service || undefined
  if (serviceCode && (await store.nationalServices.unknownOf([serviceCode])).length > 0)
    throw new HubError(400, HubErrorCodes.UNKNOWN_NATIONAL_CODE, `the national catalogue has no code ${serviceCode.slice(0, 64)}`)
  return { from, to, by, governorate, centerId: q.center || undefined, serviceCode }
}
