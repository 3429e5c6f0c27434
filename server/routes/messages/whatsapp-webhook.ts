/**
 * The WhatsApp Cloud API's status webhook (issue 20): Meta tells the business when a message was
 * delivered, read or failed. GET /messages/whatsapp/webhook answers the subscription handshake
 * (hub.mode=subscribe, hub.verify_token = messages.whatsapp.verifyToken → hub.challenge);
 * POST /messages/whatsapp/webhook takes status batches signed with the app secret
 * (X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>), and each status becomes a
 * receipt on the outbox row with that wamid, as SMPP receipts do. Public (Meta has no token):
 * the signature is the authentication. A bad signature is 401, a body that is not JSON 400,
 * and the whole route is 404 unless the provider is whatsapp with an app secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses } from '../../../protocol/common.ts'
import { domainError, ErrorCodes } from '../../errors.ts'
import { WhatsAppProvider } from '../../notify/whatsapp-provider.ts'

/** True when `header` is `sha256=` and the hex HMAC-SHA256 of `raw` with `secret`. */
export function validHubSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false
  const given = Buffer.from(header.slice('sha256='.length), 'hex')
  const expected = createHmac('sha256', secret).update(raw).digest()
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export async function whatsappWebhookRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { config, messages } = app.tabour
  const cfg = config.messages.whatsapp
  const provider = messages?.provider instanceof WhatsAppProvider ? messages.provider : null
  const off = () => domainError(ErrorCodes.WHATSAPP_WEBHOOK_OFF, 'the WhatsApp status webhook is off on this center')

  // the signature is over the bytes Meta sent: keep them (this plugin's routes only)
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 1_048_576 }, (_request, body, done) => done(null, body))

  app.get(
    '/webhook',
    {
      schema: {
        tags: ['messages'],
        security: [],
        summary: "WhatsApp Cloud API's webhook handshake: answers hub.challenge when hub.verify_token matches",
        querystring: Type.Object({
          'hub.mode': Type.Literal('subscribe'),
          'hub.verify_token': Type.String({ minLength: 1, maxLength: 200 }),
          'hub.challenge': Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$' }),
        }),
        response: { 200: Type.String(), ...errorResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      if (!provider || !cfg.verifyToken || !cfg.appSecret) throw off()
      const given = Buffer.from(request.query['hub.verify_token'])
      const expected = Buffer.from(cfg.verifyToken)
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw domainError(ErrorCodes.WHATSAPP_VERIFY_TOKEN, 'hub.verify_token does not match')
      return reply.type('text/plain; charset=utf-8').send(request.query['hub.challenge'])
    },
  )

  app.post(
    '/webhook',
    {
      schema: {
        tags: ['messages'],
        security: [],
        summary: "WhatsApp Cloud API's status webhook (signed with the app secret): delivered, read and failed update the message",
        headers: Type.Object({ 'x-hub-signature-256': Type.Optional(Type.String({ maxLength: 200 })) }),
        response: { 200: Type.Object({ receipts: Type.Integer() }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      if (!provider || !cfg.appSecret) throw off()
      const raw = Buffer.isBuffer(request.body) ? request.body : null
      if (!raw) throw domainError(ErrorCodes.VALIDATION, 'the body must be the JSON Meta sends')
      if (!validHubSignature(raw, request.headers['x-hub-signature-256'], cfg.appSecret))
        throw domainError(ErrorCodes.WHATSAPP_SIGNATURE, 'X-Hub-Signature-256 is missing or does not match the body')
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8'))
      } catch {
        throw domainError(ErrorCodes.VALIDATION, 'the body is not JSON')
      }
      return { receipts: provider.statusWebhook(body) }
    },
  )
}
