import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** URL of each UI → its folder in the vite build. */
const PAGES = { kiosk: 'kiosk-ui', display: 'display-ui', counter: 'counter-ui', dashboard: 'dashboard-ui' } as const

/**
 * Serves the built UIs: /kiosk/, /display/, /counter/, /dashboard/ and their hashed assets.
 * Assets are immutable (their names change with their content); pages are `no-cache` so a
 * kiosk picks up an upgrade on its next load. Without a build, the pages say how to make one.
 */
export async function serveUi(app: FastifyInstance, uiDir: string): Promise<void> {
  const built = existsSync(join(uiDir, 'assets'))
  if (built) {
    await app.register(fastifyStatic, {
      root: join(uiDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      wildcard: true,
    })
  }
  for (const [path, folder] of Object.entries(PAGES)) {
    // the trailing slash matters: the page refers to ../assets/, relative to its own URL
    app.get(`/${path}`, { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}/`, 301))
    app.get(`/${path}/`, { schema: { hide: true } }, async (_request, reply) => {
      const file = join(uiDir, folder, 'index.html')
      if (!built || !existsSync(file)) {
        return reply.status(503).type('text/plain; charset=utf-8').send('UI not built: run `npm run build` (npm start does it for you).\nالواجهة غير مبنية: شغّل npm run build')
      }
      reply.header('cache-control', 'no-cache')
      return reply.sendFile(join(folder, 'index.html'), uiDir)
    })
  }
}
