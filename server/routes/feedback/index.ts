import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../protocol/common.ts'
import { RangeQuery } from '../../../protocol/stats.ts'
import { FeedbackConfig } from '../../../protocol/device-config.ts'
import {
  FeedbackLive,
  FeedbackReport,
  PublicRatingBody,
  Rating,
  RatingState,
  TabletRatingBody,
  TabletState,
  TicketIdParam,
} from '../../../protocol/feedback.ts'
import type { RatingRecord } from '../../db/repositories/ratings-repo.ts'
import { actorOf, allow, MANAGERS } from '../../auth/access.ts'
import { DomainError, ErrorCodes, domainError } from '../../errors.ts'
import { FeedbackFigures } from '../../reports/feedback-figures.ts'
import { Value } from '@sinclair/typebox/value'

const ratingDto = (r: RatingRecord): Rating => ({
  ticketId: r.ticketId,
  score: r.score,
  reasons: r.reasons,
  source: r.source,
  at: new Date(r.at).toISOString(),
})

/**
 * Citizen feedback (issue 21): a counter tablet rates the ticket just finished at its counter
 * (POST /feedback), the status page rates its own ticket (POST /feedback/tickets/:id, no token:
 * the ticket id is the capability, throttled like cancel-mine), managers read the figures.
 */
export async function feedbackRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config } = app.tabour
  const figures = new FeedbackFigures(queue.ctx, queue.ratings)

  /** The counter the calling tablet is bound to (its device config), or null when it has none. */
  const boundCounter = (request: FastifyRequest): number | null => {
    const actor = actorOf(request)
    const device = actor.type === 'device' ? queue.ctx.devices.get(actor.id) : undefined
    const cfg = device?.config
    return cfg && Value.Check(FeedbackConfig, cfg) ? cfg.counterId : null
  }

  app.get(
    '/tablet',
    {
      preValidation: allow('feedback'),
      schema: {
        tags: ['feedback'],
        summary: "a feedback tablet's counter, the ask still open there (after a reload) and its idle time",
        response: { 200: TabletState, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const counterId = boundCounter(request)
      const counter = counterId === null ? undefined : queue.ctx.counters.get(counterId)
      const actor = actorOf(request)
      const device = actor.type === 'device' ? queue.ctx.devices.get(actor.id) : undefined
      const own = (device?.config as { idleSeconds?: number } | undefined)?.idleSeconds
      const ask = counter ? queue.ratings.openAsk(counter.id) : null
      return {
        counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
        ask:
          ask && counter
            ? { counterId: counter.id, ticketId: ask.ticketId, label: ask.label, finishedAt: new Date(ask.finishedAt).toISOString() }
            : null,
        idleSeconds: own ?? queue.ratings.settings.tabletIdleSeconds,
        digits: config.screens.digits,
      }
    },
  )

  app.post(
    '/',
    {
      preValidation: allow('feedback'),
      schema: {
        tags: ['feedback'],
        summary: 'a counter tablet rates a ticket just served at its counter',
        body: TabletRatingBody,
        response: { 201: Rating, ...errorResponses(400, 401, 403, 404, 409, 410, 422) },
      },
    },
    async (request, reply) => {
      const counterId = boundCounter(request)
      if (counterId === null)
        throw domainError(ErrorCodes.NOTHING_TO_RATE, 'this tablet is not bound to a counter (device config counterId)')
      const { ticketId, score, reasons } = request.body
      const rating = queue.ratings.rate(actorOf(request), ticketId, { score, reasons, source: 'tablet', boundCounterId: counterId })
      return reply.code(201).send(ratingDto(rating))
    },
  )

  app.post(
    '/tickets/:id',
    {
      config: {
        rateLimit: {
          max: config.auth.loginMaxAttempts,
          timeWindow: config.auth.loginWindowSeconds * 1000,
          keyGenerator: (request: FastifyRequest) => `rate-ticket|${request.ip}`,
          errorResponseBuilder: (_request: FastifyRequest, context: { after: string }) =>
            new DomainError(ErrorCodes.RATE_LIMITED, `too many attempts; try again in ${context.after}`),
        },
      },
      schema: {
        tags: ['feedback'],
        security: [],
        summary: 'the citizen rates their own served ticket from its status page',
        params: TicketIdParam,
        body: PublicRatingBody,
        response: { 201: Rating, ...errorResponses(400, 404, 409, 410, 422, 429) },
      },
    },
    async (request, reply) => {
      const { score, reasons } = request.body
      const rating = queue.ratings.rate({ type: 'system' }, request.params.id, { score, reasons, source: 'status_page' })
      return reply.code(201).send(ratingDto(rating))
    },
  )

  app.get(
    '/tickets/:id',
    {
      schema: {
        tags: ['feedback'],
        security: [],
        summary: 'whether the status page may offer the rating of this ticket now (open, rated, closed, not-served)',
        params: TicketIdParam,
        response: { 200: RatingState, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ state: queue.ratings.stateOf(request.params.id) }),
  )

  app.get(
    '/report',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['feedback'],
        summary:
          'ratings given on local days from..to: count, average, share of low scores and reasons, by service, counter, clerk and hour',
        querystring: RangeQuery,
        response: { 200: FeedbackReport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => figures.report(request.query.from, request.query.to),
  )

  app.get(
    '/live',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['feedback'],
        summary: "today's ratings by counter and the counters whose recent ratings fell below the alert threshold",
        response: { 200: FeedbackLive, ...errorResponses(401, 403) },
      },
    },
    async () => figures.live(),
  )
}
