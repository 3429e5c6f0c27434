import type { FastifyInstance } from 'fastify'

/**
 * What the center's pages may load: only their own origin. No inline script anywhere (the built
 * pages load hashed module files; lit's styles are constructed stylesheets, which CSP does not
 * govern), no inline style (each page's boot styles are a file of its own), images and fonts
 * also from data: (the empty favicon, inlined fonts), media also from blob: (the display).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "media-src 'self' blob: data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * The policy above with inline scripts and styles allowed by hash (CSP `'sha256-…'` sources):
 * a kiosk's or display's page carrying its pre-rendered first screen (server/first-screen/)
 * allows exactly its own `<style>` elements and its one small script, nothing else inline.
 */
export function contentSecurityPolicyWith(hashes: { script?: string[]; style?: string[] }): string {
  const extra = (list: string[] | undefined) => (list?.length ? ` ${list.join(' ')}` : '')
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self'${extra(hashes.script)}`).replace(
    "style-src 'self'",
    `style-src 'self'${extra(hashes.style)}`,
  )
}

/** Powerful features no screen uses: a page that is tricked into asking gets nothing. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=()'

/** Seconds a browser keeps to HTTPS after it saw HSTS (one year). */
export const HSTS_MAX_AGE = 31_536_000

/** The headers below but HSTS (which depends on the center serving HTTPS). */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'permissions-policy': PERMISSIONS_POLICY,
  // costs a fresh kiosk ~150 ms at 4× CPU (a renderer process of its own; bench/kiosk-start.bench.ts), kept
  'cross-origin-opener-policy': 'same-origin',
}

/**
 * Security headers on every answer of the center (pages, assets, API, errors): the CSP above
 * with frame-ancestors 'none' and X-Frame-Options DENY (no page can be framed to trick a clerk),
 * nosniff, a Referrer-Policy that sends no address to other sites (the status page, whose
 * address holds a ticket id, already sends none at all), the Permissions-Policy above, and
 * Strict-Transport-Security when `hsts` (the center serves HTTPS). A header a route set wins.
 */
export function installSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }): void {
  const headers: Record<string, string> = {
    ...PAGE_SECURITY_HEADERS,
    ...(options.hsts ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE}` } : {}),
  }
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(headers)) if (!reply.hasHeader(name)) reply.header(name, value)
    return payload
  })
}
