/**
 * What a paired kiosk or display needs for its first screen, handed over in its HTML page (issue
 * 22): on weak hardware the start-up requests could only leave once the page's modules had run,
 * so their round trip came on top of the script time. The page keeps its device token in a
 * cookie scoped to its own page's path (never sent to the API, which only takes a bearer token);
 * the center reads it when it serves the page and inlines what the device's own API calls answer
 * (server/routes/start-data.ts). The data is used once, at the first load, and only when the
 * cookie it was rendered for is the token the page starts with; everything later comes over
 * HTTP and the live feed as before.
 *
 * The cookie is the device's credential as much as its stored token is: a browser policy or a
 * kiosk profile's reset may clear storage and keep cookies (or the other way round). The page
 * therefore starts with the token the center drew its first screen for, and when the center
 * refused the cookie's token (revoked, or replaced by a new pairing) the page says so, and the
 * pairing screen shows from the start rather than after a request that can only fail
 * (`startToken`).
 */

/** The cookie's name (the same on the server); its path keeps one per page and base path. */
export const START_COOKIE = 'tabour-device'
/** The `<script type="application/json">` element's id. */
export const START_DATA_ID = 'tabour-start-data'
/** `<meta name="tabour-device" content="refused">`: the center said 401 to the cookie's token when it served the page. */
export const REFUSED_META = '<meta name="tabour-device" content="refused">'
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
export function cookieToken(): string | null {
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

/** What a page says of the device it was served for. */
export interface PageDevice {
  /** The token in its cookie, or null. */
  token: string | null
  /** The center inlined start data for that token (and drew its first screen from it, where it draws one). */
  drawn: boolean
  /** The center refused that token (REFUSED_META). */
  refused: boolean
}

/** What this page says of its device (read before `takeStartData` removes the data). */
export function pageDevice(): PageDevice {
  return {
    token: cookieToken(),
    drawn: document.getElementById(START_DATA_ID) !== null,
    refused: document.querySelector('meta[name="tabour-device"][content="refused"]') !== null,
  }
}

/** The token a page starts with: `save` when it is not the stored one; `refused` when the page's token no longer works and no other is known. */
export type StartToken = { token: string; save: boolean; refused: false } | { token: null; save: false; refused: boolean }

/**
 * Which token a page starts with, from the one in its storage and what the page says: the token
 * the center drew the first screen for, so that the screen shown first is the one that stays;
 * else the stored one, else the cookie's (the page then asks for itself, as it always did); none
 * when the center refused the only one there is.
 */
export function startToken(stored: string | null, page: PageDevice): StartToken {
  const cookie = page.token
  if (cookie !== null && page.refused) {
    // a stored token other than the refused one may still work: the page asks with it
    return stored !== null && stored !== cookie
      ? { token: stored, save: false, refused: false }
      : { token: null, save: false, refused: true }
  }
  if (cookie !== null && cookie !== stored && (stored === null || page.drawn)) return { token: cookie, save: true, refused: false }
  return stored === null ? { token: null, save: false, refused: false } : { token: stored, save: false, refused: false }
}
