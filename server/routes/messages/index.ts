import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { errorResponses, Lang } from '../../../protocol/common.ts'
import {
  MessageKindName,
  MessageLogEntry,
  MessagePreview,
  MessagesToday,
  MessageTemplate,
  PreviewMessageBody,
  PutMessageTemplateBody,
} from '../../../protocol/citizen-messages.ts'
import { CITIZEN_PLACEHOLDERS, type MessageKind } from '../../../protocol/messages/citizen.ts'
import type { MessageValues } from '../../../protocol/messages/format.ts'
import { countSegments } from '../../../protocol/sms-segments.ts'
import { localDay } from '../../../protocol/center-clock.ts'
import { actorOf, ADMINS, allow, MANAGERS } from '../../auth/access.ts'
import { MessageTemplateCommands } from '../../config/message-template-commands.ts'
import { checkTemplate, fillTemplate } from '../../notify/templates.ts'
import { messageCounts, messageLog, recentFailures } from '../../notify/message-figures.ts'
import type { Lang as LangName } from '../../../protocol/common.ts'
import { clockTime, dayName } from '../../../protocol/messages/clock-time.ts'
import { digitsFor, type DigitStyle } from '../../../protocol/messages/digits.ts'
import { waitText } from '../../../protocol/messages/ticket.ts'
import { bookingPageUrlAt, ticketStatusUrlAt } from '../../queue/ticket-link.ts'
import { publicBase } from '../public-url.ts'
import { whatsappWebhookRoutes } from './whatsapp-webhook.ts'
import { named } from '../../plugin-name.ts'

/** A booking code as the booking gives it (protocol/booking-code-form.ts: 16 characters in groups of four). */
const SAMPLE_CODE = 'K7Q2-M9XC-4TBW-8HDR'
/** A ticket id as long as a real one (ticket-issuer.ts: 16 random bytes, base64url). */
const SAMPLE_TICKET_ID = 'Xk3q9VbT2mNcR8wLpZ4hYg'

/**
 * Values a preview fills in: what a real message of the kind would carry. `base` is the address the
 * real links start with (public-url.ts): a placeholder host counted two parts where a center's long
 * publicUrl sent three.
 */
function sampleValues(
  kind: MessageKind,
  lang: LangName,
  center: string,
  digits: DigitStyle,
  timeZone: string,
  base: string,
): MessageValues {
  // a slot written as a real text writes it (appointment-messages.ts): the page's words, the center's digits for Arabic
  const slot = Date.parse('2026-12-06T08:30:00Z')
  const all: MessageValues = {
    label: 'A-017',
    center,
    ahead: 3,
    // a ticket's message links its status page, a booking's message the booking's page, built as the sent ones are
    // (ticket-link.ts: the center's address, an id or code as long as a real one, ?lang=en in English), so the
    // preview's count of SMS parts is the real text's (it said two where a real booking's text took three)
    link: kind.startsWith('appointment_') ? bookingPageUrlAt(base, SAMPLE_CODE, lang) : ticketStatusUrlAt(base, SAMPLE_TICKET_ID, lang),
    minutes: 12,
    wait: waitText(12 * 60, lang, digits),
    // 3 ahead and 12 minutes is near by the default rule; a ticket taken at the kiosk (in the building)
    near: 'yes',
    where: 'here',
    counter: 4,
    counterName: lang === 'ar' ? 'الجوازات' : 'Passports',
    grace: 30,
    code: SAMPLE_CODE,
    service: lang === 'ar' ? 'استخراج بطاقة' : 'ID card',
    date: dayName(localDay(slot, timeZone), timeZone, lang, digits),
    time: clockTime(slot, timeZone, lang, digits),
  }
  return Object.fromEntries(CITIZEN_PLACEHOLDERS[kind].map((p) => [p, all[p]]))
}

/**
 * Messages to citizens (issue 20). GET /messages/templates and PUT /messages/templates/:kind/:lang
 * (admins: edit a text, audited; an unknown placeholder is refused), POST /messages/preview
 * (admins: a text with sample values and its SMS segments, nothing stored), GET /messages/today
 * (managers: the day's counts by kind, provider and status, and the provider's health),
 * GET /messages (managers: the latest messages, numbers masked except for admins);
 * /messages/whatsapp/webhook: the Cloud API's signed status webhook (whatsapp-webhook.ts).
 */
export async function messageRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { queue, config, db, messages } = app.tabour
  const commands = new MessageTemplateCommands(queue.ctx)
  await app.register(named(whatsappWebhookRoutes), { prefix: '/whatsapp' })
  const preview = (request: FastifyRequest, kind: MessageKind, lang: LangName, text: string) => {
    const digits = digitsFor(lang, config.screens.digits)
    const values = sampleValues(kind, lang, config.centerName[lang], digits, config.timeZone, publicBase(request))
    const filled = fillTemplate(text, lang, values, digits)
    return { preview: filled, segments: countSegments(filled) }
  }

  app.get(
    '/templates',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['messages'],
        summary: 'every message template, with a preview and its segments',
        response: { 200: Type.Array(MessageTemplate), ...errorResponses(401, 403) },
      },
    },
    async (request) =>
      commands.templates
        .all()
        .map((t) => ({ ...t, placeholders: [...CITIZEN_PLACEHOLDERS[t.kind]], ...preview(request, t.kind, t.lang, t.text) })),
  )

  app.put(
    '/templates/:kind/:lang',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['messages'],
        summary: "change a message's text (null: back to the default); only its kind's placeholders",
        params: Type.Object({ kind: MessageKindName, lang: Lang }),
        body: PutMessageTemplateBody,
        response: { 200: MessageTemplate, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { kind, lang } = request.params
      commands.update(actorOf(request), kind, lang, request.body.text)
      const t = commands.templates.all().find((x) => x.kind === kind && x.lang === lang)!
      return { ...t, placeholders: [...CITIZEN_PLACEHOLDERS[kind]], ...preview(request, kind, lang, t.text) }
    },
  )

  app.post(
    '/preview',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['messages'],
        summary: 'a template with sample values and its SMS segment count (nothing is stored)',
        body: PreviewMessageBody,
        response: { 200: MessagePreview, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => {
      const { kind, lang, text } = request.body
      return preview(request, kind, lang, checkTemplate(kind, text))
    },
  )

  app.get(
    '/today',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['messages'],
        summary: "today's messages by kind, provider and status",
        response: { 200: MessagesToday, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const day = localDay(queue.ctx.clock(), config.timeZone)
      const provider = messages?.provider.name ?? null
      const h = messages?.notifier.health() ?? null
      // an answering provider that refuses every message is not "connected" (walk s52)
      const failing = provider === null ? null : recentFailures(db, provider)
      return {
        day,
        provider,
        health: h && {
          up: h.up,
          lastError: h.lastError,
          since: h.since,
          pending: h.pending,
          ...(failing ? { failing } : {}),
        },
        counts: messageCounts(db, day, provider),
        reminderHoursBefore: config.messages.reminderHoursBefore,
        links: { base: publicBase(request), publicUrl: config.publicUrl !== undefined },
      }
    },
  )

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['messages'],
        summary: 'the latest messages; numbers masked except for admins',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })) }),
        response: { 200: Type.Array(MessageLogEntry), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = actorOf(request)
      return messageLog(db, request.query.limit ?? 100, actor.type === 'user' && actor.role === 'admin')
    },
  )
}
