/**
 * The clerk's session in sessionStorage, not localStorage, on purpose: a console is often a
 * shared PC, and closing the browser must log the clerk out. A reload (or a crashed tab
 * restored) keeps the session, so the counter's screen comes back without a login. One entry
 * per server base path. Storage failures behave like an empty store (the clerk logs in).
 */
const keyOf = (base: string) => `tabour:counter-session:${base || '/'}`

/** What the console keeps across a reload. */
export interface StoredSession {
  token: string
  username: string
}

export function loadSession(base: string): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(keyOf(base))
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredSession>) : null
    return parsed && typeof parsed.token === 'string' && typeof parsed.username === 'string'
      ? { token: parsed.token, username: parsed.username }
      : null
  } catch {
    return null
  }
}

export function saveSession(base: string, session: StoredSession): void {
  try {
    sessionStorage.setItem(keyOf(base), JSON.stringify(session))
  } catch {
    // kept in memory only; a reload asks to log in
  }
}

export function clearSession(base: string): void {
  try {
    sessionStorage.removeItem(keyOf(base))
  } catch {
    // nothing stored
  }
}
