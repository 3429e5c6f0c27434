import type { FastifyInstance } from 'fastify'
import { sendBuiltPage } from '../ui-static.ts'
import { join } from 'node:path'

/** The built status page (vite entry kiosk-ui/status.html). */
const STATUS_PAGE = join('kiosk-ui', 'status.html')

/** Ticket ids are 128 random bits in base64url (server/queue/ticket-issuer.ts); anything else is not a ticket. */
const TICKET_ID = /^[A-Za-z0-9_-]{1,64}$/

/**
 * Pages for citizens' own phones, no login: GET /t/:id is a ticket's public status page (the QR on
 * the ticket and on the kiosk screen opens it). It is one HTML file for every id: the page reads
 * the id from its URL, follows the ticket over a public watch socket (server/realtime/ticket-watch.ts;
 * GET /api/v1/tickets/:id every 60 s only while that is down), neither with personal data. The page
 * refers to ../assets/…, which from /t/<id> resolves to /assets/… (under the prefix, if any).
 */
export async function publicPages(app: FastifyInstance, opts: { uiDir: string }): Promise<void> {
  const file = join(opts.uiDir, STATUS_PAGE)

  app.get<{ Params: { id: string } }>('/t/:id', { schema: { hide: true } }, async (request, reply) => {
    if (!TICKET_ID.test(request.params.id)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('No such ticket.\nلا توجد تذكرة بهذا الرقم.')
    }
    // the page is the same for every ticket and changes only with an upgrade; the status itself is fetched live
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex')
    return sendBuiltPage(reply, file)
  })

  // with a trailing slash the page's ../assets/ would point at /t/assets/: send it to the right address
  app.get<{ Params: { id: string } }>('/t/:id/', { schema: { hide: true } }, (request, reply) =>
    reply.redirect(`${request.url.split('?')[0].replace(/\/+$/, '')}`, 301),
  )
}
