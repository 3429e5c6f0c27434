import type { FastifyInstance, FastifyRequest } from 'fastify'
import { REFUSED_META, START_COOKIE, START_DATA_ID } from '../ui-common/start-data.ts'

/**
 * The first screen of a paired kiosk or display, inlined in its page (issue 22; the page's side
 * is ui-common/start-data.ts). On weak hardware the start-up requests could leave only once the
 * page's modules had run, so their round trip came on top of the script time; the display's
 * board also waited for socket.io's client to load, connect and answer a snapshot. The page keeps its
 * device token in a cookie scoped to its own path; when the page is served with one, the center
 * asks its own API in-process what the kiosk would ask, with that token as the bearer, so the
 * same access rules, queries and serializers answer: a revoked or foreign token gets no data, and
 * the page gets no first screen. A token the API refuses (401: revoked, or replaced by a new
 * pairing) is said in the page (REFUSED_META), so that it shows pairing from the start rather
 * than after a request that can only be refused; any other failure serves the page as built (the
 * page then asks over HTTP and handles the answer as always).
 */

/** What each page's start-up asks, as the page names it (KioskStartData in kiosk-ui/kiosk-session.ts, DisplayStartData in display-ui/display-session.ts). */
const START_CALLS: Record<string, Record<string, string>> = {
  kiosk: { device: '/devices/me', center: '/center', services: '/services', groups: '/service-groups' },
  display: { device: '/devices/me', center: '/center', media: '/media', board: '/devices/me/snapshot' },
}

/** The page's cookie, or null. One cookie of a known name: no parser needed for the rest of the header. */
function cookieToken(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === START_COOKIE) {
      try {
        return decodeURIComponent(part.slice(at + 1).trim()) || null
      } catch {
        return null
      }
    }
  }
  return null
}

/** What a page's start-up asks, answered for its device, and the element that carries it in the page. */
export interface StartData {
  /** The answers by the name the page gives them (KioskStartData, DisplayStartData); null when the token was refused. */
  data: Record<string, unknown> | null
  /** `<script type="application/json" id="tabour-start-data">…</script>`, or REFUSED_META. */
  element: string
}

/**
 * What `page`'s start-up asks, for the device token in the request's cookie; no data when the
 * API refused the token (401); null without a cookie, for a page that takes none, or when an
 * answer is anything else than a 200 (the page then asks for itself and handles it as always).
 */
export async function startData(app: FastifyInstance, request: FastifyRequest, page: string): Promise<StartData | null> {
  const calls = START_CALLS[page]
  const token = cookieToken(request)
  if (!calls || !token) return null
  // the center may sit under a prefix: the API is beside the page, at '<base>/api/v1'
  const path = request.url.split('?')[0]
  const base = path.slice(0, path.length - `/${page}/`.length)
  const answers = await Promise.all(
    Object.entries(calls).map(async ([name, url]) => {
      const reply = await app.inject({ method: 'GET', url: `${base}/api/v1${url}`, headers: { authorization: `Bearer ${token}` } })
      return reply.statusCode === 200 ? ([name, reply.json()] as const) : reply.statusCode
    }),
  )
  if (answers.includes(401)) return { data: null, element: REFUSED_META }
  if (answers.some((a) => typeof a === 'number')) return null
  const data = Object.fromEntries(answers as [string, unknown][])
  // '<', '>' and '&' escaped inside the JSON strings: nothing in a name can close the element or open a comment
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  return { data, element: `<script type="application/json" id="${START_DATA_ID}">${json}</script>` }
}
