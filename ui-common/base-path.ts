/**
 * Where the server is, seen from a page it served. The center may be embedded under a prefix
 * (`/queue/kiosk/`), so UIs never hard-code `/api/v1`: they take the part of their own URL
 * before their page's folder and put the API and socket.io under it.
 */

/** The prefix before `/<segment>/` in `pathname`: ('/queue/kiosk/', 'kiosk') → '/queue'; ('/kiosk/', 'kiosk') → ''. */
export function basePathBefore(pathname: string, segment: string): string {
  const marker = `/${segment}`
  const at = pathname.lastIndexOf(`${marker}/`)
  if (at >= 0) return pathname.slice(0, at)
  return pathname.endsWith(marker) ? pathname.slice(0, -marker.length) : ''
}

/** A prefix as a host wrote it, in the form the rest uses: '/queue/' or 'queue' → '/queue'; '' or '/' → '' (the center at the root). */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/\/+$/, '')
  if (trimmed === '') return ''
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`
}

/** The API v1 URL of `path` ('/services') under `base`. */
export function apiUrl(base: string, path: string): string {
  return `${base}/api/v1${path}`
}

/** socket.io's `path` option under `base`. */
export function socketPath(base: string): string {
  return `${base}/socket.io`
}

/** A ticket's public page `<base>/t/<id>` → its base and id; null for any other path. */
export function parseTicketPath(pathname: string): { base: string; id: string } | null {
  const m = /^(.*)\/t\/([^/]+)\/?$/.exec(pathname)
  if (!m) return null
  try {
    return { base: m[1], id: decodeURIComponent(m[2]) }
  } catch {
    return null
  }
}
