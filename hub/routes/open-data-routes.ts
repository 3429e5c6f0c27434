/**
 * Open data for citizens (issue 23): the public, unauthenticated API of each center's lines now
 * and "the least busy center near me", and the page that shows them (/open/). Counts only, from
 * the centers' heartbeats (hub/store/live-queues.ts). Rate-limited per source address
 * (HUB_OPEN_DATA_PER_MINUTE) and cached for a few seconds (openDataCacheMs, 5 s): a crowd
 * refreshing its phones costs the database one read per 5 s whatever its size.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import {
  LeastBusy,
  LeastBusyQuery,
  OpenCatalogue,
  OpenCenters,
  OpenCentersQuery,
  OpenDataPaths,
  OPEN_DATA_PAGE,
} from '../../protocol/open-data.ts'
import { sendBuiltPage } from '../built-page.ts'
import { HubError } from '../errors.ts'
import { leastBusy, openCatalogue, openCenters, type OpenDataSources } from '../open-data-views.ts'
import { hubErrors } from './access.ts'

const TAGS = ['open data']
const errors = hubErrors(400, 404, 429)

/** The open-data routes as a Fastify plugin (its own rate limit); needs the `hub` decoration (hub/app.ts). */
export const openDataRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { store, config, clock } = app.hub
  // global within this plugin only: one allowance per address for the whole public API and page
  await app.register(rateLimit, {
    global: true,
    max: config.openDataPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: (_request, context) =>
      new HubError(
        429,
        HubErrorCodes.RATE_LIMITED,
        `more than ${context.max} requests a minute from this address: retry in ${context.after}`,
      ),
  })

  const cacheMs = config.openDataCacheMs
  // one read of the store at a time, shared by every request within cacheMs (and by those that arrive while it runs)
  let cached: { at: number; sources: Promise<OpenDataSources> } | null = null
  const sources = (): Promise<OpenDataSources> => {
    const now = clock()
    if (cached && now - cached.at < cacheMs && now >= cached.at) return cached.sources
    const read = (async () => {
      const [centers, statuses, reports, services] = await Promise.all([
        store.listCenters(),
        store.statuses(),
        store.liveQueues.reports(),
        store.nationalServices.list(),
      ])
      return { centers, statuses, reports, services, config, now }
    })()
    cached = { at: now, sources: read }
    read.catch(() => {
      if (cached?.sources === read) cached = null
    })
    return read
  }
  const publicHeaders = (reply: FastifyReply) =>
    reply.header('cache-control', `public, max-age=${Math.ceil(cacheMs / 1000)}`).header('access-control-allow-origin', '*')

  app.get(
    OpenDataPaths.catalogue,
    {
      schema: {
        tags: TAGS,
        summary: 'The national services and the governorates with a center',
        response: { 200: OpenCatalogue, ...errors },
      },
    },
    async (_request, reply) => {
      publicHeaders(reply)
      return openCatalogue(await sources())
    },
  )

  app.get(
    OpenDataPaths.centers,
    {
      schema: {
        tags: TAGS,
        summary: "Every center's lines now (waiting, typical wait) per national service; 'no_recent_data' when its heartbeats stopped",
        querystring: OpenCentersQuery,
        response: { 200: OpenCenters, ...errors },
      },
    },
    async (request, reply) => {
      publicHeaders(reply)
      return openCenters(await sources(), request.query.governorate)
    },
  )

  app.get(
    OpenDataPaths.leastBusy,
    {
      schema: {
        tags: TAGS,
        summary: "A governorate's centers for one service, the shortest typical wait first, those with no recent data last",
        querystring: LeastBusyQuery,
        response: { 200: LeastBusy, ...errors },
      },
    },
    async (request, reply) => {
      const src = await sources()
      const { service: code } = request.query
      const service = src.services.find((s) => s.code === code)
      if (!service) throw new HubError(400, HubErrorCodes.UNKNOWN_NATIONAL_CODE, `the national catalogue has no code ${code}`)
      // null: no active center there (the governorate asked, a code or a name the list knows, matched none)
      const answer = leastBusy(src, request.query.governorate, service)
      if (!answer) throw new HubError(404, HubErrorCodes.NOT_FOUND, `no center in governorate ${request.query.governorate.slice(0, 100)}`)
      publicHeaders(reply)
      return answer
    },
  )

  // the page (hub/ui/open.html, built by vite to <uiDir>/hub/ui/open.html; its assets are the hub's /assets/)
  app.get(OPEN_DATA_PAGE, { schema: { hide: true } }, (_request, reply) => sendBuiltPage(reply, config.uiDir, 'open.html', config.timeZone))
}
