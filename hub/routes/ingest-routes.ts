/**
 * Signed ingest (hub/README.md): the centers' hourly batches, a backlog of them, heartbeats and
 * the configuration bundle's fetch. Each request is rate-limited per claimed center and address,
 * HMAC-signed over its exact bytes, fresh (timestamp), never replayed (nonce), and from an active
 * registered center reporting for itself; every refusal is counted in hub_rejections.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import {
  BatchAck,
  Heartbeat,
  HeartbeatAck,
  HourBacklog,
  HourBatch,
  type HubErrorCode,
  HubErrorCodes,
  implausibleField,
  signatureMatches,
  UpstreamHeaders,
  UpstreamPaths,
} from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { bundleOnHeartbeat, configBundleSignedRoutes } from './config-bundle-routes.ts'
import { hubErrors } from './access.ts'

const TAGS = ['ingest']
const errors = hubErrors(400, 401, 403, 429)

/** The center a request names in its header (not yet authenticated), cut to a registry id's length. */
const claimedCenter = (request: FastifyRequest) => {
  const v = request.headers[UpstreamHeaders.center]
  return typeof v === 'string' ? v.slice(0, 64) : ''
}

export const ingestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { config, store, clock } = app.hub

  // nonces only need keeping while their timestamps are fresh
  const prune = setInterval(() => void store.pruneNonces(clock() - 2 * config.maxSkewSeconds * 1000).catch(() => {}), 60_000)
  prune.unref()
  app.addHook('onClose', async () => clearInterval(prune))

  // Per center, before anything is parsed or looked up (a flood costs no database work). The key is
  // the claimed center *and* the source address: the header is not yet authenticated, so someone
  // else naming a center cannot use up that center's allowance; a request without the header is
  // limited by its address alone. Each route has its own allowance (a heartbeat loop does not hold up batches).
  await app.register(rateLimit, {
    global: false,
    max: config.ingestPerMinute,
    timeWindow: config.ingestWindowMs,
    keyGenerator: (request) => {
      const center = claimedCenter(request)
      return center ? `center:${center}@${request.ip}` : `ip:${request.ip}`
    },
    onExceeded: (request) => app.rateLimited.count(claimedCenter(request)),
    errorResponseBuilder: (_request, context) =>
      new HubError(
        429,
        HubErrorCodes.RATE_LIMITED,
        `more than ${context.max} requests from this center within ${Math.round(config.ingestWindowMs / 1000)} s: retry in ${context.after} (Retry-After)`,
      ),
  })
  // the signature covers the exact bytes sent, so keep them (this plugin's own JSON parser, in place of the hub's)
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
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
  app.addHook('preValidation', async (request: FastifyRequest) => {
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
      return reject(HubErrorCodes.UNSIGNED, 401, null, 'the request is not signed (x-tabour-center, -timestamp, -nonce, -seq, -signature)')
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

  app.post(
    UpstreamPaths.batches,
    {
      schema: { tags: TAGS, summary: "One hour's figures of a center", body: HourBatch, response: { 200: BatchAck, ...errors } },
      config: { rateLimit: {} },
    },
    async (request) => {
      const batch = request.body
      const implausible = implausibleField(batch)
      if (implausible) return reject(HubErrorCodes.VALIDATION, 400, batch.centerId, `body/${implausible}`)
      return storeAndAck(request, batch.centerId, [batch])
    },
  )

  app.post(
    UpstreamPaths.backlog,
    {
      schema: {
        tags: TAGS,
        summary: "Several hours' figures of a center, in one transaction",
        body: HourBacklog,
        response: { 200: BatchAck, ...errors },
      },
      config: { rateLimit: {} },
      bodyLimit: 4 * 1024 * 1024,
    },
    async (request) => {
      const { centerId, batches } = request.body
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

  app.post(
    UpstreamPaths.heartbeat,
    {
      schema: {
        tags: TAGS,
        summary: "A center's health and live lines; the answer offers the catalogue and a configuration bundle when newer",
        body: Heartbeat,
        response: { 200: HeartbeatAck, ...errors },
      },
      config: { rateLimit: {} },
    },
    async (request): Promise<HeartbeatAck> => {
      const body = request.body
      const result = await store.heartbeat(
        body.centerId,
        request.signedNonce!,
        body.health,
        clock(),
        body.live,
        body.localLive,
        body.centerName,
      )
      if (result === 'replayed') return reject(HubErrorCodes.REPLAYED, 401, body.centerId, 'this request was already received (nonce seen)')
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
  await app.register(configBundleSignedRoutes)
}
