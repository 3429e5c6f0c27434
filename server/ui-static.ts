import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { FirstScreen } from './first-screen/kiosk-first-screen.ts'
import { startData } from './ui-start-data.ts'

/** URL of each UI → its folder in the vite build. */
const PAGES = {
  kiosk: 'kiosk-ui',
  display: 'display-ui',
  counter: 'counter-ui',
  dashboard: 'dashboard-ui',
  feedback: 'counter-ui/feedback',
} as const

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
  await serveSounds(app, uiDir)
  for (const [path, folder] of Object.entries(PAGES)) {
    // the trailing slash matters: the page refers to ../assets/, relative to its own URL
    app.get(`/${path}`, { schema: { hide: true } }, (request, reply) => reply.redirect(`${request.url.split('?')[0]}/`, 301))
    app.get(`/${path}/`, { schema: { hide: true } }, async (request, reply) => {
      // a paired kiosk's page carries its first screen's data, and that screen drawn (issue 22); the same address serves every device, so vary on the cookie
      const start = await startData(app, request, path)
      // lit's server renderer is loaded with the first such page, not at start (issue 22: a center starts in under a second)
      const first = start?.data ? (await import('./first-screen/first-screen-for.ts')).firstScreenFor(path, start.data, request) : null
      return sendBuiltPage(reply.header('vary', 'cookie'), join(uiDir, folder, 'index.html'), start?.element ?? null, first)
    })
  }
}

/**
 * The display's announcement clips at /sounds/…: a center's own recording in
 * `<dataDir>/sounds/` (same name, e.g. `ar/15.ogg`) wins over the built-in clip in
 * `<uiDir>/sounds/` (display-ui/sounds/README.md). `no-cache`, so a replaced recording is heard
 * from the display's next page load. Only folders that exist at start are served (a missing
 * root would log a warning on every start of every center without recordings).
 */
async function serveSounds(app: FastifyInstance, uiDir: string): Promise<void> {
  const dataDir = app.tabour?.config.dataDir
  const candidates = [...(dataDir ? [join(resolve(dataDir), 'sounds')] : []), join(uiDir, 'sounds')]
  const roots = [...new Set(candidates)].filter((dir) => existsSync(dir))
  if (roots.length === 0) return
  await app.register(fastifyStatic, {
    root: roots,
    prefix: '/sounds/',
    decorateReply: false, // the assets registration above already added reply.sendFile
    index: false,
    dotfiles: 'ignore',
    cacheControl: false,
    setHeaders: (res) => res.setHeader('cache-control', 'no-cache'),
  })
}

const NOT_BUILT = 'UI not built: run `npm run build` (npm start does it for you).\nالواجهة غير مبنية: شغّل npm run build'

/**
 * Answers a built HTML page, `no-cache` so a screen picks up an upgrade on its next load, or a
 * bilingual 503 when the UI has not been built; `headExtra` goes at the end of its `<head>`, `firstScreen` into its slot. Reads the file itself, so it works in whichever
 * plugin context a route lives, with or without @fastify/static there.
 */
export async function sendBuiltPage(
  reply: FastifyReply,
  file: string,
  headExtra: string | null = null,
  firstScreen: FirstScreen | null = null,
): Promise<FastifyReply> {
  let page: Buffer | string
  try {
    page = await readFile(file)
  } catch {
    return reply.status(503).type('text/plain; charset=utf-8').send(NOT_BUILT)
  }
  // before the page's module scripts run (they are deferred), at the end of <head>
  if (headExtra) page = page.toString('utf8').replace('</head>', `${headExtra}</head>`)
  // the first screen drawn in the page, where the page keeps its slot (server/first-screen/)
  if (firstScreen)
    page = (await import('./first-screen/first-screen-for.ts')).withFirstScreen(page.toString('utf8'), firstScreen, reply, dirname(file))
  // a page carrying a device's data is that device's alone: no shared cache keeps it
  return reply
    .header('cache-control', headExtra ? 'private, no-cache' : 'no-cache')
    .type('text/html; charset=utf-8')
    .send(page)
}
