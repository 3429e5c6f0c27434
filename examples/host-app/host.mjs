/**
 * A host application that embeds a Tabour center: its own routes and page, the center under a
 * prefix (API, socket.io, the center's own pages, all at /queue/…), and @tabour/ui's screens
 * served as static files for its page. Copy this folder to start your own (README.md).
 */
import fastifyStatic from '@fastify/static'
import { loadConfig, tabourPlugin } from '@tabour/server'
import { elementsDir, pagesDir } from '@tabour/ui/paths'
import Fastify from 'fastify'
import { fileURLToPath } from 'node:url'

/** Where the center is mounted; the page's elements say the same in their `base` attribute. */
export const PREFIX = '/queue'

/**
 * Builds (does not start) the host app. The center's configuration comes from the environment
 * (TABOUR_DATA_DIR, TABOUR_DEMO, TABOUR_ADMIN_PASSWORD, … see the center's CONFIG.md) and
 * `overrides`; its pages come from @tabour/ui. `expose` receives the center's services.
 * @param {{
 *   overrides?: Record<string, unknown>,
 *   logger?: import('fastify').FastifyServerOptions['logger'],
 *   expose?: import('@tabour/server').TabourPluginOptions['expose'],
 * }} [options]
 */
export async function buildHost({ overrides = {}, logger = false, expose } = {}) {
  const app = Fastify({ logger })

  // the host's own page and files (index.html, host.css) and one route of its own
  await app.register(fastifyStatic, { root: fileURLToPath(new URL('./public/', import.meta.url)), index: 'index.html' })
  app.get('/api/opening-times', async () => ({ weekdays: '08:00–15:00', fridays: 'closed' }))

  // the screens (tabour-ui.js) and their fonts (fonts.css and fonts/), as static files
  await app.register(fastifyStatic, { root: elementsDir, prefix: '/tabour-ui/', decorateReply: false, index: false })

  // the center: its API at /queue/api/v1, socket.io at /queue/socket.io, its own pages at /queue/kiosk/ …
  const config = loadConfig({ overrides: { uiDir: pagesDir, ...overrides } })
  await app.register(tabourPlugin, { prefix: PREFIX, config, expose })
  return app
}
