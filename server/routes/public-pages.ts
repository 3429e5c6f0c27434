import type { FastifyInstance, FastifyReply } from 'fastify'
import { sendBuiltPage } from '../ui-static.ts'
import { join } from 'node:path'

/** The built status page (vite entry kiosk-ui/status.html). */
const STATUS_PAGE = join('kiosk-ui', 'status.html')

/** The built booking page (vite entry kiosk-ui/book.html, issue 19). */
const BOOKING_PAGE = join('kiosk-ui', 'book.html')

/** Booking codes as printed (server/queue/booking-code.ts), loosely: the page itself says what is wrong with one. */
const BOOKING_CODE = /^[0-9A-Za-z-]{1,40}$/

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

  // the booking page (issue 19): /b/ books, /b/<code> (the booking's QR) shows it to move or cancel
  const booking = join(opts.uiDir, BOOKING_PAGE)
  const sendBooking = (reply: FastifyReply) => {
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex')
    return sendBuiltPage(reply, booking)
  }
  app.get('/b/', { schema: { hide: true } }, async (_request, reply) => sendBooking(reply))
  app.get('/b', { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}/`, 301))
  app.get<{ Params: { code: string } }>('/b/:code', { schema: { hide: true } }, async (request, reply) => {
    if (!BOOKING_CODE.test(request.params.code)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('No such booking.\nلا يوجد حجز بهذا الرمز.')
    }
    return sendBooking(reply)
  })

  // with a trailing slash the page's ../assets/ would point at /t/assets/: send it to the right address
  app.get<{ Params: { id: string } }>('/t/:id/', { schema: { hide: true } }, (request, reply) =>
    reply.redirect(`${request.url.split('?')[0].replace(/\/+$/, '')}`, 301),
  )
}
