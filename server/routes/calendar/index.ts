import type { FastifyInstance } from 'fastify'
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { CalendarNow, CenterCalendar, HoursException } from '../../../protocol/calendar.ts'
import { errorResponses } from '../../../protocol/common.ts'
import { hoursDay, hoursNow } from '../../../protocol/opening-hours.ts'
import { actorOf, ADMINS, allow, MANAGERS, STAFF } from '../../auth/access.ts'

const ICS_LIMIT_BYTES = 1024 * 1024
const IcsBody = Type.Object({ ics: Type.String({ minLength: 1, maxLength: 900_000 }) }, { additionalProperties: false })
const IcsPreview = Type.Object({
  added: Type.Array(HoursException),
  changed: Type.Array(Type.Object({ before: HoursException, after: HoursException })),
  unchanged: Type.Array(HoursException),
})

/**
 * The center's calendar (issue 18). GET /calendar (managers), PUT /calendar (admins: the whole
 * calendar, validated, audited); POST /calendar/ics/preview (admins: what an .ics import would
 * change, nothing stored), POST /calendar/ics (admins: import it), GET /calendar/ics (managers:
 * the holidays as a file); GET /calendar/now (staff, kiosks, displays: is the center open, when
 * it opens or closes).
 */
export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>()
  const { configuration, queue, config } = app.tabour

  app.get(
    '/',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['calendar'],
        summary: "the center's opening hours: the week, holidays and special days",
        response: { 200: CenterCalendar, ...errorResponses(401, 403) },
      },
    },
    async () => configuration.calendar.calendar(),
  )

  app.put(
    '/',
    {
      preValidation: allow(...ADMINS),
      schema: {
        tags: ['calendar'],
        summary: 'replace the opening hours, exceptions and business day',
        body: CenterCalendar,
        // 409: the same dates twice (DUPLICATE_EXCEPTION), or a holiday or the weekly hours the hub's bundle set (HUB_MANAGED)
        response: { 200: CenterCalendar, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => configuration.calendar.update(actorOf(request), request.body),
  )

  app.get(
    '/now',
    {
      preValidation: allow(...STAFF, 'kiosk', 'display'),
      schema: {
        tags: ['calendar'],
        summary: "whether the center is open now, and the center's date",
        response: { 200: CalendarNow, ...errorResponses(401, 403) },
      },
    },
    async () => {
      const now = queue.ctx.clock()
      const hours = { ...hoursNow(queue.ctx.calendar(), null, now, config.timeZone), today: hoursDay(now, config.timeZone) }
      return hours.open ? hours : { ...hours, servingOn: queue.view.servesAfterClosing() }
    },
  )

  app.post(
    '/ics/preview',
    {
      preValidation: allow(...ADMINS),
      bodyLimit: ICS_LIMIT_BYTES,
      schema: {
        tags: ['calendar'],
        summary: 'what importing an .ics file would change (nothing is stored)',
        body: IcsBody,
        response: { 200: IcsPreview, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (request) => configuration.calendar.previewIcs(request.body.ics),
  )

  app.post(
    '/ics',
    {
      preValidation: allow(...ADMINS),
      bodyLimit: ICS_LIMIT_BYTES,
      schema: {
        tags: ['calendar'],
        summary: 'merge the holidays of an .ics file (same UID replaced)',
        body: IcsBody,
        response: { 200: CenterCalendar, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request) => configuration.calendar.importIcs(actorOf(request), request.body.ics),
  )

  app.get(
    '/ics',
    {
      preValidation: allow(...MANAGERS),
      schema: {
        tags: ['calendar'],
        summary: 'the holidays as an .ics file',
        response: { 200: Type.String(), ...errorResponses(401, 403) },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="center-calendar.ics"')
        .send(configuration.calendar.exportIcs()),
  )
}
