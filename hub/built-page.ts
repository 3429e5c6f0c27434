/**
 * The hub's built pages: vite puts them at <uiDir>/hub/ui/<name> (the dashboard's index.html, the
 * open-data page's open.html), referring to the hub's /assets/.
 */
import type { FastifyReply } from 'fastify'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HUB_TIME_ZONE_META } from './ui/hub-time-zone.ts'

/**
 * Answers a built page, `no-cache` so a browser picks up an upgrade on its next load, or a bilingual 503
 * before `npm run build`. The page is told the hub's time zone (hub/ui/hub-time-zone.ts): it writes its
 * moments there, as its figures' hours are.
 */
export async function sendBuiltPage(
  reply: FastifyReply,
  uiDir: string,
  name: 'index.html' | 'open.html',
  timeZone: string,
): Promise<FastifyReply> {
  let html: Buffer
  try {
    html = await readFile(join(uiDir, 'hub', 'ui', name))
  } catch {
    return reply
      .status(503)
      .type('text/plain; charset=utf-8')
      .send('UI not built: run `npm run build`.\nالواجهة غير مبنية: شغّل npm run build')
  }
  // a validated IANA name (hub/config.ts), escaped all the same
  const zone = timeZone.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)
  const page = html.toString('utf8').replace('<head>', `<head><meta name="${HUB_TIME_ZONE_META}" content="${zone}">`)
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page)
}
