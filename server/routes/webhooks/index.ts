import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses, IdParam } from '../../../protocol/common.ts'
import {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookAlert,
  WebhookDelivery,
  WebhookSubscription,
  WebhookWithSecret,
} from '../../../protocol/webhooks.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import type { WebhooksRepo, DeliveryRecord, WebhookRecord } from '../../db/repositories/webhooks-repo.ts'

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

/** A subscription as the API shows it: never the secret. */
function shown(repo: WebhooksRepo, s: WebhookRecord): WebhookSubscription {
  return {
    id: s.id,
    url: s.url,
    description: s.description,
    eventTypes: s.eventTypes,
    pausedAt: iso(s.pausedAt),
    pausedReason: s.pausedReason,
    failingSince: iso(s.failingSince),
    ...repo.counts(s.id),
    createdAt: new Date(s.createdAt).toISOString(),
  }
}

/** `paused`: its subscription is paused, so no try is due (it comes after the resume). */
function deliveryShown(d: DeliveryRecord, paused = false): WebhookDelivery {
  return {
    id: d.id,
    deliveryId: d.deliveryId,
    eventId: `evt_${d.eventId}`,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastErrorCode: d.lastErrorCode,
    lastError: d.lastError,
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: d.status === 'pending' && !paused ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt),
    createdAt: new Date(d.createdAt).toISOString(),
  }
}

const DeliveriesQuery = Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }) })

/**
 * Webhook subscriptions (admins): create (the secret is in that answer only), edit, delete,
 * rotate the secret, pause, resume; the delivery log and a redeliver. Managers see the alerts.
 */
export async function webhookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const hooks = app.tabour.configuration.webhooks
  const repo = hooks.repo
  const withSecret = (s: WebhookRecord): WebhookWithSecret => ({ ...shown(repo, s), secret: s.secret })
  const tags = ['webhooks']

  app.get(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'the webhook subscriptions with their pending, delivered and failed counts (never the secret)',
        response: { 200: Type.Array(WebhookSubscription), ...errorResponses(401, 403) },
      },
    },
    async () => hooks.list().map((s) => shown(repo, s)),
  )

  app.post(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'subscribes a URL to event types; the answer holds its signing secret, shown this once',
        body: CreateWebhookBody,
        response: { 201: WebhookWithSecret, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(withSecret(hooks.create(actorOf(request), request.body))),
  )

  app.get(
    '/alerts',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags,
        summary: 'subscriptions paused or failing, for the dashboard (like device health)',
        response: { 200: Type.Array(WebhookAlert), ...errorResponses(401, 403) },
      },
    },
    async () =>
      hooks
        .list()
        .filter((s) => s.pausedReason === 'failing' || s.failingSince !== null)
        .map((s) => ({
          id: s.id,
          host: new URL(s.url).host,
          pausedAt: iso(s.pausedAt),
          pausedReason: s.pausedReason,
          failingSince: iso(s.failingSince),
          pending: repo.counts(s.id).pending,
        })),
  )

  app.patch(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: "changes a subscription's URL, event types or description",
        params: IdParam,
        body: UpdateWebhookBody,
        response: { 200: WebhookSubscription, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => shown(repo, hooks.update(actorOf(request), request.params.id, request.body)),
  )

  app.delete(
    '/:id',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'deletes a subscription and its delivery log',
        params: IdParam,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      hooks.remove(actorOf(request), request.params.id)
      return reply.status(204).send(null)
    },
  )

  app.post(
    '/:id/rotate-secret',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'a new secret (in this answer only); deliveries from now on are signed with it',
        params: IdParam,
        response: { 200: WebhookWithSecret, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => withSecret(hooks.rotateSecret(actorOf(request), request.params.id)),
  )

  for (const action of ['pause', 'resume'] as const) {
    app.post(
      `/:id/${action}`,
      {
        preValidation: allow(...ADMINS),
        schema: {
          tags,
          summary: action === 'pause' ? 'stops sending (events still queue)' : 'sends again everything pending, in order',
          params: IdParam,
          response: { 200: WebhookSubscription, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => shown(repo, hooks[action](actorOf(request), request.params.id)),
    )
  }

  app.get(
    '/:id/deliveries',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'the delivery log: the latest deliveries, newest first',
        params: IdParam,
        querystring: DeliveriesQuery,
        response: { 200: Type.Array(WebhookDelivery), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const paused = hooks.get(request.params.id).pausedAt !== null
      return repo.recent(request.params.id, request.query.limit).map((d) => deliveryShown(d, paused))
    },
  )

  app.post(
    '/deliveries/:id/redeliver',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags,
        summary: 'queues a delivered or failed delivery again, at the end of its line, with a new idempotency id',
        params: IdParam,
        response: { 201: WebhookDelivery, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const d = hooks.redeliver(actorOf(request), request.params.id)
      return reply.status(201).send(deliveryShown(d, hooks.get(d.subscriptionId).pausedAt !== null))
    },
  )
}
