import type { FastifyInstance } from 'fastify'
import { join } from 'node:path'
import { sendBuiltPage } from '../ui-static.ts'

/** The built join page (vite entry kiosk-ui/join/index.html): it refers to ../../assets/…, so it is served two folders deep. */
const JOIN_PAGE = join('kiosk-ui', 'join', 'index.html')

/** `ar` and `en` open the join page in that language (the poster's QR and link carry `ar`); `poster` is the printable poster for staff. */
const VIEWS = ['ar', 'en', 'poster'] as const

/**
 * Pages for joining the line from a phone (issue 19), no login: `<base>/join/ar/` (the poster's
 * QR), `<base>/join/en/`, and `<base>/join/poster/` (the poster the dashboard links to, printed
 * by staff). One HTML file; the page reads its view from the URL and asks /api/v1/remote.
 */
export async function joinPages(app: FastifyInstance, opts: { uiDir: string }): Promise<void> {
  const file = join(opts.uiDir, JOIN_PAGE)
  for (const view of VIEWS) {
    app.get(`/join/${view}/`, { schema: { hide: true } }, (_request, reply) =>
      sendBuiltPage(reply.header('referrer-policy', 'no-referrer'), file),
    )
    // without the trailing slash the page's ../../assets/ would miss by one folder
    app.get(`/join/${view}`, { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}/`, 301))
  }
  // a typed or shortened link: the Arabic page first
  app.get('/join', { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}/ar/`, 302))
  app.get('/join/', { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}ar/`, 302))
}
