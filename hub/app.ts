/**
 * The national hub as a Fastify app (never listens; hub/main.ts does): signed ingest of the
 * centers' hourly batches and heartbeats, the center registry's admin API, national figures as
 * JSON and CSV, and the national dashboard page.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import rateLimit from '@fastify/rate-limit'
import { Type } from '@sinclair/typebox'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import {
  BatchAck,
  Heartbeat,
  HeartbeatAck,
  HourBatch,
  HourBacklog,
  implausibleField,
  HubErrorCodes,
  UpstreamHeaders,
  UpstreamPaths,
  signatureMatches,
  type HubErrorCode,
} from '../protocol/upstream.ts'
import { localDay } from '../protocol/center-clock.ts'
import { csvFileName } from '../protocol/csv.ts'
import { Lang } from '../protocol/common.ts'
import { figuresCsv } from './figures-csv.ts'
import type { HubConfig } from './config.ts'
import { HubError } from './errors.ts'
import { bearerOf, tokenMatches } from './bearer.ts'
import { centerView as centerViewOf, centerViews as centerViewsOf, fleet } from './center-views.ts'
import { catalogueAdminRoutes, catalogueReadRoutes } from './routes/catalogue-routes.ts'
import { analystAdminRoutes, analystLoginRoute } from './routes/analyst-routes.ts'
import { bundleOnHeartbeat, configBundleRoutes, configBundleSignedRoutes } from './routes/config-bundle-routes.ts'
import { hubSigningKey } from './config-signing-key.ts'
import { openDataRoutes } from './routes/open-data-routes.ts'
import { installHubOpenApi } from './openapi.ts'
import { sendBuiltPage } from './built-page.ts'
import { sumRows } from './store/figure-rows.ts'
import { analysisRoutes } from './routes/analysis-routes.ts'
import type { Analyst } from '../protocol/hub-api.ts'
import {
  CENTER_KINDS,
  GROUP_BYS,
  type CenterRecord,
  type CenterStatus,
  type FigureRow,
  type FiguresQuery,
  type GroupBy,
  type HubStore,
} from './store/store.ts'

export { HubError, sumRows }

export interface HubDeps {
  store: HubStore
  /** Epoch-ms clock; default Date.now. */
  clock?: () => number
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: { config: HubConfig; store: HubStore; clock: () => number }
  }
  interface FastifyRequest {
    rawBody?: string
    signedCenter?: CenterRecord
    signedNonce?: string
    /** The analyst whose session token the request carries (their reads are scoped and logged). */
    analyst?: Analyst
  }
}

const PREFIX = '/api/hub/v1'

/** Distinct claimed center names kept between two flushes of the rate-limit counts (more are counted without a center). */
const MAX_LIMITED_NAMES = 1000
const LIMITED_FLUSH_MS = 5_000

/** A fresh center secret: 32 random bytes, base64url. */
export const newSecret = () => randomBytes(32).toString('base64url')

const CenterBody = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
    nameAr: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    governorate: Type.String({ minLength: 1, maxLength: 100 }),
    city: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Union(CENTER_KINDS.map((k) => Type.Literal(k))),
    secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
  },
  { additionalProperties: false },
)
const CenterPatch = Type.Partial(
  Type.Object({ ...Type.Omit(CenterBody, ['id', 'secret']).properties, active: Type.Boolean() }, { additionalProperties: false }),
)
const DAY = '^\\d{4}-\\d{2}-\\d{2}$'
const FiguresQuerystring = Type.Object({
  from: Type.Optional(Type.String({ pattern: DAY })),
  to: Type.Optional(Type.String({ pattern: DAY })),
  by: Type.Optional(Type.Union(GROUP_BYS.map((g) => Type.Literal(g)))),
  governorate: Type.Optional(Type.String()),
  center: Type.Optional(Type.String()),
  service: Type.Optional(Type.String()),
})
/** figures.csv also takes ?lang=ar|en, the language of its headers (default ar). */
const FiguresCsvQuerystring = Type.Object({ ...FiguresQuerystring.properties, lang: Type.Optional(Lang) })

export function buildHub(config: HubConfig, deps: HubDeps): FastifyInstance {
  const app = Fastify({ logger: { level: config.logLevel }, return503OnClosing: true, bodyLimit: 1024 * 1024 })
  installHubOpenApi(app)
  const { store } = deps
  const clock = deps.clock ?? Date.now
  app.decorate('hub', { config, store, clock })
  app.decorateRequest('rawBody', undefined)
  app.decorateRequest('signedCenter', undefined)
  app.decorateRequest('signedNonce', undefined)
  app.decorateRequest('analyst', undefined)

  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (err instanceof HubError)
      return reply.status(err.statusCode).send({ statusCode: err.statusCode, code: err.code, error: err.name, message: err.message })
    if (err.validation || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      const status = err.statusCode ?? 400
      return reply.status(status).send({
        statusCode: status,
        code: status === 400 ? HubErrorCodes.VALIDATION : HubErrorCodes.NOT_FOUND,
        error: 'Bad Request',
        message: err.message,
      })
    }
    request.log.error({ err }, 'hub request failed')
    return reply
      .status(500)
      .send({ statusCode: 500, code: HubErrorCodes.INTERNAL, error: 'Internal Server Error', message: 'internal error' })
  })
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ statusCode: 404, code: HubErrorCodes.NOT_FOUND, error: 'Not Found', message: `no route ${request.method} ${request.url}` }),
  )

  const today = () => localDay(clock(), config.timeZone)
  const centerView = (c: CenterRecord, s: CenterStatus | undefined) => centerViewOf(c, s, config, clock())
  const centerViews = (governorate?: string) => centerViewsOf(store, config, clock(), governorate)

  if (!config.readToken) {
    app.log.warn(
      'HUB_READ_TOKEN is not set: the national figures, the CSV export and the center registry are readable by anyone who can reach the hub (see hub/README.md)',
    )
  }

  // --- rate limit of the ingest: refusals counted in hub_rejections in batches, not one write per refused request
  const limited = new Map<string, number>() // claimed center ('' = none or too many names) → refusals since the last flush
  const flushLimited = async () => {
    if (limited.size === 0) return
    const counts = [...limited]
    limited.clear()
    const at = clock()
    for (const [claimed, hits] of counts) {
      // under the claimed center only if it is registered: anyone can send any name, and the table must not grow with them
      const centerId = claimed && (await store.getCenter(claimed)) ? claimed : null
      await store.countRejection(HubErrorCodes.RATE_LIMITED, centerId, at, hits)
    }
  }
  const flushLimitedQuietly = () => flushLimited().catch((err) => app.log.error({ err }, 'could not count rate-limited requests'))
  const limitedFlusher = setInterval(() => void flushLimitedQuietly(), LIMITED_FLUSH_MS)
  limitedFlusher.unref()
  // preClose: before the onClose hooks, among them hub/main.ts closing the store
  app.addHook('preClose', async () => {
    await flushLimitedQuietly()
  })
  app.addHook('onClose', async () => clearInterval(limitedFlusher))
  const claimedCenter = (request: FastifyRequest) => {
    const v = request.headers[UpstreamHeaders.center]
    return typeof v === 'string' ? v.slice(0, 64) : ''
  }

  // --- signed ingest ---------------------------------------------------------------------------
  app.register(async (signed) => {
    // Per center, before anything is parsed or looked up (a flood costs no database work). The key is
    // the claimed center *and* the source address: the header is not yet authenticated, so someone
    // else naming a center cannot use up that center's allowance; a request without the header is
    // limited by its address alone. Each route has its own allowance (a heartbeat loop does not hold up batches).
    await signed.register(rateLimit, {
      global: false,
      max: config.ingestPerMinute,
      timeWindow: config.ingestWindowMs,
      keyGenerator: (request) => {
        const center = claimedCenter(request)
        return center ? `center:${center}@${request.ip}` : `ip:${request.ip}`
      },
      onExceeded: (request) => {
        const center = claimedCenter(request)
        const name = limited.has(center) || limited.size < MAX_LIMITED_NAMES ? center : ''
        limited.set(name, (limited.get(name) ?? 0) + 1)
      },
      errorResponseBuilder: (_request, context) =>
        new HubError(
          429,
          HubErrorCodes.RATE_LIMITED,
          `more than ${context.max} requests from this center within ${Math.round(config.ingestWindowMs / 1000)} s: retry in ${context.after} (Retry-After)`,
        ),
    })
    // the signature covers the exact bytes sent, so keep them
    signed.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      request.rawBody = body as string
      try {
        done(null, JSON.parse(body as string))
      } catch (err) {
        ;(err as { statusCode?: number }).statusCode = 400
        done(err as Error, undefined)
      }
    })
    const reject = async (code: HubErrorCode, status: number, centerId: string | null, message: string): Promise<never> => {
      await store.countRejection(code, centerId, clock())
      throw new HubError(status, code, message)
    }
    signed.addHook('preValidation', async (request: FastifyRequest) => {
      const h = (name: string) => {
        const v = request.headers[name]
        return typeof v === 'string' ? v : undefined
      }
      const centerId = h(UpstreamHeaders.center)
      const ts = h(UpstreamHeaders.timestamp)
      const nonce = h(UpstreamHeaders.nonce)
      const seq = h(UpstreamHeaders.seq)
      const signature = h(UpstreamHeaders.signature)
      if (
        !centerId ||
        !ts ||
        !nonce ||
        !seq ||
        !signature ||
        !/^\d+$/.test(ts) ||
        !/^\d+$/.test(seq) ||
        !/^[A-Za-z0-9_-]{16,128}$/.test(nonce)
      ) {
        // counted without the claimed center: anyone can send any name, and the table must not grow with them
        return reject(
          HubErrorCodes.UNSIGNED,
          401,
          null,
          'the request is not signed (x-tabour-center, -timestamp, -nonce, -seq, -signature)',
        )
      }
      const center = await store.getCenter(centerId)
      if (!center) {
        request.log.warn({ claimedCenter: centerId.slice(0, 64) }, 'batch from an unregistered center')
        return reject(HubErrorCodes.UNKNOWN_CENTER, 401, null, `no center ${centerId.slice(0, 64)} is registered`)
      }
      // the route is signed too: a batch signed for /batches is no heartbeat
      const parts = {
        path: request.routeOptions.url ?? '',
        centerId,
        timestamp: Number(ts),
        nonce,
        seq: Number(seq),
        body: request.rawBody ?? '',
      }
      if (!signatureMatches(center.secret, parts, signature))
        return reject(HubErrorCodes.BAD_SIGNATURE, 401, centerId, 'the signature does not match')
      if (Math.abs(clock() - parts.timestamp) > config.maxSkewSeconds * 1000) {
        return reject(
          HubErrorCodes.STALE_TIMESTAMP,
          401,
          centerId,
          `the timestamp is more than ${config.maxSkewSeconds} s from the hub's clock`,
        )
      }
      if (!center.active) return reject(HubErrorCodes.CENTER_INACTIVE, 403, centerId, `center ${centerId} is deactivated`)
      const claimed = (request.body as { centerId?: unknown } | undefined)?.centerId
      if (claimed !== centerId)
        return reject(HubErrorCodes.CENTER_MISMATCH, 403, centerId, `center ${centerId} cannot report for ${String(claimed)}`)
      request.signedCenter = center
      request.signedNonce = nonce
    })

    /** Stores a center's batches in one transaction and answers the ack of the last. */
    const storeAndAck = async (request: FastifyRequest, centerId: string, batches: HourBatch[]): Promise<BatchAck> => {
      const result = await store.ingestHours(batches, request.signedNonce!, clock())
      if (result === 'replayed') return reject(HubErrorCodes.REPLAYED, 401, centerId, 'this request was already received (nonce seen)')
      const ack = Math.max(...batches.map((b) => b.seq))
      const { unknownNationalCodes } = result
      if (unknownNationalCodes.length === 0) return { ack, stored: result.stored, ignored: result.ignored }
      // kept (nothing lost: they count once the code is added), shown as unmapped, and counted for the operators
      request.log.warn({ center: centerId, unknownNationalCodes }, 'batch names national codes the catalogue does not hold')
      await store.countRejection(HubErrorCodes.UNKNOWN_NATIONAL_CODE, centerId, clock())
      return { ack, stored: result.stored, ignored: result.ignored, unknownNationalCodes }
    }

    signed.post(
      UpstreamPaths.batches,
      { schema: { body: HourBatch, response: { 200: BatchAck } }, config: { rateLimit: {} } },
      async (request) => {
        const batch = request.body as HourBatch
        const implausible = implausibleField(batch)
        if (implausible) return reject(HubErrorCodes.VALIDATION, 400, batch.centerId, `body/${implausible}`)
        return storeAndAck(request, batch.centerId, [batch])
      },
    )

    signed.post(
      UpstreamPaths.backlog,
      { schema: { body: HourBacklog, response: { 200: BatchAck } }, config: { rateLimit: {} }, bodyLimit: 4 * 1024 * 1024 },
      async (request) => {
        const { centerId, batches } = request.body as HourBacklog
        for (const [i, b] of batches.entries()) {
          // the signed center is the body's; each batch inside must be that center's too
          if (b.centerId !== centerId)
            return reject(HubErrorCodes.CENTER_MISMATCH, 403, centerId, `center ${centerId} cannot report for ${b.centerId.slice(0, 64)}`)
          const implausible = implausibleField(b)
          if (implausible) return reject(HubErrorCodes.VALIDATION, 400, centerId, `body/batches/${i}/${implausible}`)
        }
        return storeAndAck(request, centerId, batches)
      },
    )

    signed.post(
      UpstreamPaths.heartbeat,
      { schema: { body: Heartbeat, response: { 200: HeartbeatAck } }, config: { rateLimit: {} } },
      async (request): Promise<HeartbeatAck> => {
        const body = request.body as Heartbeat
        const result = await store.heartbeat(body.centerId, request.signedNonce!, body.health, clock(), body.live)
        if (result === 'replayed')
          return reject(HubErrorCodes.REPLAYED, 401, body.centerId, 'this request was already received (nonce seen)')
        // the national catalogue goes along only when the center's copy is not the current one
        const catalogue = await store.nationalServices.catalogue()
        const configBundle = await bundleOnHeartbeat(store, request.signedCenter!, body.configBundle, clock())
        return {
          ok: true,
          ...(catalogue.version === body.catalogueVersion ? {} : { catalogue }),
          ...(configBundle ? { configBundle } : {}),
        }
      },
    )
    await signed.register(configBundleSignedRoutes)
  })

  // nonces only need keeping while their timestamps are fresh
  const prune = setInterval(() => void store.pruneNonces(clock() - 2 * config.maxSkewSeconds * 1000).catch(() => {}), 60_000)
  prune.unref()
  app.addHook('onClose', async () => clearInterval(prune))

  // --- admin API -----------------------------------------------------------------------------
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request) => {
      if (!config.adminToken)
        throw new HubError(
          403,
          HubErrorCodes.ADMIN_DISABLED,
          'the admin API is off: set HUB_ADMIN_TOKEN (or use `npm run hub -- center …`)',
        )
      if (!tokenMatches(bearerOf(request), config.adminToken))
        throw new HubError(401, HubErrorCodes.UNAUTHENTICATED, 'a valid admin bearer token is required')
    })
    admin.get(`${PREFIX}/admin/centers`, async () => centerViews())
    admin.post(`${PREFIX}/admin/centers`, { schema: { body: CenterBody } }, async (request, reply) => {
      const body = request.body as typeof CenterBody.static
      const secret = body.secret ?? newSecret()
      const added = await store.addCenter({ ...body, city: body.city ?? '', secret }, clock())
      if (!added) throw new HubError(409, HubErrorCodes.CENTER_EXISTS, `center ${body.id} exists`)
      const center = (await store.getCenter(body.id))!
      // the only time the secret is shown: the center's upstream.secret
      // and the key its configuration bundles are signed with, which the center pins (upstream.hubPublicKey)
      return reply
        .status(201)
        .send({ center: centerView(center, undefined), secret, hubPublicKey: hubSigningKey(config.dataDir).publicKey })
    })
    admin.patch<{ Params: { id: string } }>(`${PREFIX}/admin/centers/:id`, { schema: { body: CenterPatch } }, async (request) => {
      const center = await store.updateCenter(request.params.id, request.body as Partial<CenterRecord>)
      if (!center) throw new HubError(404, HubErrorCodes.CENTER_NOT_FOUND, `no center ${request.params.id}`)
      return centerView(center, (await store.statuses()).get(center.id))
    })
    admin.post<{ Params: { id: string } }>(`${PREFIX}/admin/centers/:id/rotate-secret`, async (request) => {
      const secret = newSecret()
      const center = await store.updateCenter(request.params.id, { secret })
      if (!center) throw new HubError(404, HubErrorCodes.CENTER_NOT_FOUND, `no center ${request.params.id}`)
      return { id: center.id, secret }
    })
    catalogueAdminRoutes(admin, store, clock)
    analystAdminRoutes(admin, store, clock)
    admin.get(`${PREFIX}/admin/rejections`, async () => {
      await flushLimited()
      return store.rejections()
    })
  })

  // --- national figures (read-only; HUB_READ_TOKEN when set) -------------------------------------
  /** With HUB_READ_TOKEN set, the read routes need it (or the admin token) as a bearer token; unset, they are open. */
  const readAuth = async (request: FastifyRequest, reply: FastifyReply) => {
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
  /**
   * The governorate a request may read: a governorate analyst's own (asking for another, or for a
   * center of another, is 403 HUB_ERR_FORBIDDEN_GOVERNORATE), else the one asked for (or all).
   */
  const governorateScope = async (request: FastifyRequest, asked?: string, centerId?: string): Promise<string | undefined> => {
    const a = request.analyst
    if (a?.role !== 'governorate' || a.governorate === null) return asked || undefined
    const center = centerId ? await store.getCenter(centerId) : null
    if ((asked && asked !== a.governorate) || (center && center.governorate !== a.governorate))
      throw new HubError(403, HubErrorCodes.FORBIDDEN_GOVERNORATE, `analyst ${a.username} may read governorate ${a.governorate} only`)
    return a.governorate
  }
  const figuresQuery = async (q: typeof FiguresQuerystring.static, by: GroupBy, request: FastifyRequest): Promise<FiguresQuery> => {
    const governorate = await governorateScope(request, q.governorate, q.center)
    const from = q.from ?? today()
    const to = q.to ?? from
    if (to < from) throw new HubError(400, HubErrorCodes.VALIDATION, '`to` is before `from`')
    const serviceCode = q.service || undefined
    if (serviceCode && (await store.nationalServices.unknownOf([serviceCode])).length > 0)
      throw new HubError(400, HubErrorCodes.UNKNOWN_NATIONAL_CODE, `the national catalogue has no code ${serviceCode.slice(0, 64)}`)
    return { from, to, by, governorate, centerId: q.center || undefined, serviceCode }
  }
  const totalOf = (rows: FigureRow[]) => sumRows(rows)

  // every read by an analyst is logged: who, what, the answer
  app.addHook('onResponse', async (request, reply) => {
    if (request.analyst)
      await store.analysts.logAccess(request.analyst.username, `${request.method} ${request.url}`, reply.statusCode, clock())
  })
  analystLoginRoute(app, store, clock)
  app.get(`${PREFIX}/centers`, { onRequest: readAuth }, async (request) => centerViews(await governorateScope(request)))
  /** The fleet: every center's software and configuration version, health, last backup, and the alerts. */
  app.get(`${PREFIX}/fleet`, { onRequest: readAuth }, async (request) => fleet(store, config, clock(), await governorateScope(request)))
  catalogueReadRoutes(app, store, readAuth)
  app.register(configBundleRoutes)
  app.get(`${PREFIX}/figures`, { onRequest: readAuth, schema: { querystring: FiguresQuerystring } }, async (request) => {
    const q = request.query as typeof FiguresQuerystring.static
    const query = await figuresQuery(q, q.by ?? 'center', request)
    const rows = await store.figures(query)
    return { from: query.from, to: query.to, by: query.by, today: today(), rows, totals: totalOf(rows) }
  })
  app.get(`${PREFIX}/figures.csv`, { onRequest: readAuth, schema: { querystring: FiguresCsvQuerystring } }, async (request, reply) => {
    const q = request.query as typeof FiguresCsvQuerystring.static
    const query = await figuresQuery(q, q.by ?? 'center', request)
    const rows = await store.figures(query)
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${csvFileName(['tabour', query.by, `${query.from}_${query.to}`], config.timeZone)}"`,
      )
      .send(figuresCsv(rows, query, q.lang ?? 'ar'))
  })
  /** Everything the dashboard shows for a date range, in one call. */
  app.get(`${PREFIX}/summary`, { onRequest: readAuth, schema: { querystring: FiguresQuerystring } }, async (request) => {
    const q = request.query as typeof FiguresQuerystring.static
    const base = await figuresQuery(q, 'center', request)
    const [byGovernorate, byCenter, byService, byHour, centers] = await Promise.all([
      store.figures({ ...base, by: 'governorate' }),
      store.figures({ ...base, by: 'center' }),
      store.figures({ ...base, by: 'service' }),
      store.figures({ ...base, by: base.from === base.to ? 'hour' : 'day' }),
      centerViews(base.governorate),
    ])
    return {
      from: base.from,
      to: base.to,
      today: today(),
      offlineAfterMinutes: config.offlineAfterMinutes,
      offlineAfterMissedHeartbeats: config.offlineAfterMissedHeartbeats,
      generatedAt: clock(),
      totals: totalOf(byCenter),
      byGovernorate,
      byCenter,
      byService,
      byTime: byHour,
      centers,
    }
  })

  app.register(analysisRoutes, { readAuth, figuresQuery })

  // open: monitoring needs no token, and it tells nothing about the centers
  app.get('/healthz', async (_request, reply) => {
    try {
      await store.driver.all('SELECT 1 AS ok')
      return { status: 'ok', database: store.dialect }
    } catch {
      return reply.status(503).send({ status: 'degraded', database: store.dialect })
    }
  })

  app.register(openDataRoutes)

  // --- the dashboard page ----------------------------------------------------------------------
  // the vite build puts the page at <uiDir>/hub/ui/index.html, referring to ../../assets/
  if (existsSync(join(config.uiDir, 'assets'))) {
    app.register(fastifyStatic, { root: join(config.uiDir, 'assets'), prefix: '/assets/', immutable: true, maxAge: '365d', index: false })
  }
  app.get('/', (_request, reply) => reply.redirect('/hub/ui/'))
  app.get('/hub/ui/', (_request, reply) => sendBuiltPage(reply, config.uiDir, 'index.html'))
  return app
}
