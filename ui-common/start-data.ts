/**
 * What a paired kiosk or display needs for its first screen, handed over in its HTML page (issue
 * 22): on weak hardware the start-up requests could only leave once the page's modules had run,
 * so their round trip came on top of the script time. The page keeps its device token in a
 * cookie scoped to its own page's path (never sent to the API, which only takes a bearer token);
 * the center reads it when it serves the page and inlines what the device's own API calls answer
 * (server/routes/start-data.ts). The data is used once, at the first load, and only when the
 * cookie it was rendered for is the token the page starts with; everything later comes over
 * HTTP and the live feed as before.
 */

/** The cookie's name (the same on the server); its path keeps one per page and base path. */
export const START_COOKIE = 'tabour-device'
/** The `<script type="application/json">` element's id. */
export const START_DATA_ID = 'tabour-start-data'
const YEAR_SECONDS = 365 * 24 * 3600

/** The page's own path: '<base>/<kind>/'. */
const pagePath = (base: string, kind: string) => `${base}/${kind}/`

/** `token` just worked: keep it for the page's next load (the center then inlines the first screen's data). */
export function rememberForPage(base: string, kind: string, token: string): void {
  const secure = location.protocol === 'https:' ? '; Secure' : ''
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API exists only in secure contexts, and a kiosk on the center's LAN is served over plain HTTP
  document.cookie = `${START_COOKIE}=${encodeURIComponent(token)}; Path=${pagePath(base, kind)}; Max-Age=${YEAR_SECONDS}; SameSite=Strict${secure}`
}

/** The device was unpaired: its page is served plain again. */
export function forgetForPage(base: string, kind: string): void {
  // biome-ignore lint/suspicious/noDocumentCookie: as above
  document.cookie = `${START_COOKIE}=; Path=${pagePath(base, kind)}; Max-Age=0; SameSite=Strict`
}

/** The token in the page's cookie, or null. */
function cookieToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=')
    if (name === START_COOKIE) return decodeURIComponent(value.join('='))
  }
  return null
}

/**
 * The start data inlined in the page for `token`, once: the element is removed, so a later load
 * (a reconnect, the hours tick) asks the center. Null when there is none, when it was rendered
 * for another token, or when it does not parse.
 */
export function takeStartData<T>(token: string): T | null {
  const element = document.getElementById(START_DATA_ID)
  if (!element) return null
  element.remove()
  if (cookieToken() !== token) return null
  try {
    return JSON.parse(element.textContent ?? '') as T
  } catch {
    return null
  }
}
