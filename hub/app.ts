/**
 * The national hub as a Fastify app (never listens; hub/main.ts does). This file holds what every
 * route shares — the `hub` decoration, the error shape, the ingest's refusal counts, the access
 * log and the OpenAPI document — and composes one plugin per concern (hub/routes/): signed
 * ingest, the center registry and fleet, the national catalogue, analysts, configuration bundles,
 * the figures, analysis, open data and the pages.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { HubErrorCodes } from '../protocol/upstream.ts'
import type { Analyst } from '../protocol/hub-api.ts'
import type { HubConfig } from './config.ts'
import { HubError } from './errors.ts'
import { installHubOpenApi } from './openapi.ts'
import { refuseUnknownFields, validationMessage } from './input-validation.ts'
import { buildSerializersOnFirstAnswer } from './response-serializers.ts'
import { emptyBodyAsNone } from '../protocol/empty-json-body.ts'
import { RateLimitedCounts } from './rate-limited-counts.ts'
import { sumRows } from './store/figure-rows.ts'
import { RollupRefresher } from './store/rollup-refresher.ts'
import type { CenterRecord, HubStore } from './store/store.ts'
import { ingestRoutes } from './routes/ingest-routes.ts'
import { fleetRoutes, newSecret } from './routes/fleet-routes.ts'
import { catalogueRoutes } from './routes/catalogue-routes.ts'
import { analystRoutes } from './routes/analyst-routes.ts'
import { configBundleRoutes } from './routes/config-bundle-routes.ts'
import { figuresRoutes } from './routes/figures-routes.ts'
import { analysisRoutes } from './routes/analysis-routes.ts'
import { openDataRoutes } from './routes/open-data-routes.ts'
import { uiRoutes } from './routes/ui-routes.ts'
import { STATUS_CODES } from 'node:http'

export { HubError, newSecret, sumRows }

export interface HubDeps {
  store: HubStore
  /** Epoch-ms clock; default Date.now. */
  clock?: () => number
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: { config: HubConfig; store: HubStore; clock: () => number }
    /** Requests the ingest's rate limit refused, written to hub_rejections in batches. */
    rateLimited: RateLimitedCounts
  }
  interface FastifyRequest {
    rawBody?: string
    signedCenter?: CenterRecord
    signedNonce?: string
    /** The analyst whose session token the request carries (their reads are scoped and logged). */
    analyst?: Analyst
  }
}

/** How often the rate limit's refusal counts are written. */
const LIMITED_FLUSH_MS = 5_000

const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops

export function buildHub(config: HubConfig, deps: HubDeps): FastifyInstance {
  const app = Fastify({
    logger: { level: config.logLevel },
    return503OnClosing: true,
    bodyLimit: 1024 * 1024,
    // addresses, or the nearest hops (Fastify's own rule for a number, which its types leave out); never every caller's word
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : (config.trustProxy ?? false),
  }).withTypeProvider<TypeBoxTypeProvider>()
  installHubOpenApi(app)
  // after the OpenAPI collector (its document then shows the closed schemas), before any route
  refuseUnknownFields(app)
  buildSerializersOnFirstAnswer(app)
  // `content-type: application/json` with no body, as API clients send it, on a route that takes none (Publish, a DELETE): no body
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, emptyBodyAsNone(app.getDefaultJsonParser('error', 'error')))
  const { store } = deps
  const clock = deps.clock ?? Date.now
  app.decorate('hub', { config, store, clock })
  app.decorateRequest('rawBody', undefined)
  app.decorateRequest('signedCenter', undefined)
  app.decorateRequest('signedNonce', undefined)
  app.decorateRequest('analyst', undefined)

  // the shared error shape: {statusCode, code, error, message} with a stable HUB_ERR_* code, never a 500 for bad input
  app.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown; code?: string }, request, reply) => {
    if (err instanceof HubError)
      return reply.status(err.statusCode).send({
        statusCode: err.statusCode,
        code: err.code,
        error: STATUS_CODES[err.statusCode] ?? 'Error',
        message: err.message,
        ...(err.validCodes ? { validCodes: [...err.validCodes] } : {}),
      })
    if (err.validation || (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)) {
      const status = err.statusCode ?? 400
      // Fastify's own 4xx (bad JSON, a body too large, an unsupported type) are the caller's request; only a 404 is "not found"
      return reply.status(status).send({
        statusCode: status,
        code: status === 404 ? HubErrorCodes.NOT_FOUND : HubErrorCodes.VALIDATION,
        error: STATUS_CODES[status] ?? 'Bad Request',
        message: validationMessage(err),
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

  if (!config.readToken) {
    app.log.warn(
      'HUB_READ_TOKEN is not set: the national figures, the CSV export and the center registry are readable by anyone who can reach the hub (see hub/README.md)',
    )
  }

  // the ingest's rate limit counts its refusals here (hub/routes/ingest-routes.ts); /admin/rejections flushes them first
  const rateLimited = new RateLimitedCounts(store, clock)
  app.decorate('rateLimited', rateLimited)
  const flushQuietly = () => rateLimited.flush().catch((err) => app.log.error({ err }, 'could not count rate-limited requests'))
  const flusher = setInterval(() => void flushQuietly(), LIMITED_FLUSH_MS)
  flusher.unref()
  // preClose: before the onClose hooks, among them hub/main.ts closing the store
  app.addHook('preClose', async () => {
    await flushQuietly()
  })
  app.addHook('onClose', async () => clearInterval(flusher))

  // deferred rollups (HUB_ROLLUP_REFRESH_MS > 0): fold the marked days while the hub runs; stopped
  // in preClose, before the store closes (an interrupted fold loses nothing: its marks stay)
  if (store.defersRollups && config.rollupRefreshMs > 0) {
    const refresher = new RollupRefresher(
      () => store.foldRollups(),
      config.rollupRefreshMs,
      (err) => app.log.error({ err }, 'could not fold the rollups (retried at the next refresh)'),
    )
    refresher.start()
    app.addHook('preClose', async () => refresher.stop())
  }

  // every read by an analyst is logged: who, what, the answer (here, so it covers every plugin's routes).
  // onSend, before the answer leaves: no read is answered unlogged, and an analyst who reads the log
  // next finds this read in it (onResponse wrote it after the answer, so a quick client could not)
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.analyst)
      await store.analysts.logAccess(request.analyst.username, `${request.method} ${request.url}`, reply.statusCode, clock())
    return payload
  })

  app.register(ingestRoutes)
  app.register(fleetRoutes)
  app.register(catalogueRoutes)
  app.register(analystRoutes)
  app.register(configBundleRoutes)
  app.register(figuresRoutes)
  app.register(analysisRoutes)
  app.register(openDataRoutes)
  app.register(uiRoutes)
  return app as unknown as FastifyInstance
}
