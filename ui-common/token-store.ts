/**
 * Where every screen keeps its token: one entry under a key, in localStorage (a paired kiosk or
 * display keeps its token across restarts) or sessionStorage (a staff login ends with the
 * browser: a console is often a shared PC). Keys carry the server's base path, so two centers
 * embedded in one host under different prefixes keep their own. Storage failures (a locked-down
 * browser profile) behave like an empty store: the screen asks to be paired or to log in again.
 */

/** Which Web Storage holds the entry. */
export type StorageKind = 'local' | 'session'

/** What is kept: the token, and for staff screens who logged in (to prefill a re-login) and what their account covers. */
export interface StoredToken {
  token: string
  username?: string
  /** The part of the country the account covers (a hub governorate analyst's governorate code): the page says it from its first paint after a reload. */
  scope?: string
}

/** The key of a screen's entry: ('kiosk-token', '') → 'tabour:kiosk-token:/'; without `base`, 'tabour:<name>'. */
export function tokenKey(name: string, base?: string): string {
  return base === undefined ? `tabour:${name}` : `tabour:${name}:${base || '/'}`
}

/** The entry as stored: a bare token, or JSON `{token, username, scope}` when more goes with it. */
export function encodeToken(entry: StoredToken): string {
  const { token, username, scope } = entry
  return username === undefined && scope === undefined ? token : JSON.stringify({ token, username, scope })
}

/** The stored text back; null for anything that is neither form (tokens never start with `{`). */
export function decodeToken(raw: string | null): StoredToken | null {
  if (!raw) return null
  if (!raw.startsWith('{')) return { token: raw }
  try {
    const parsed = JSON.parse(raw) as Partial<StoredToken>
    if (typeof parsed.token !== 'string' || !parsed.token) return null
    return {
      token: parsed.token,
      ...(typeof parsed.username === 'string' ? { username: parsed.username } : {}),
      ...(typeof parsed.scope === 'string' ? { scope: parsed.scope } : {}),
    }
  } catch {
    return null
  }
}

/** One screen's token in one storage; `kind` defaults to localStorage. */
export class TokenStore {
  constructor(
    readonly key: string,
    readonly kind: StorageKind = 'local',
  ) {}

  /** The stored entry, or null (none, unreadable, or no storage at all). */
  load(): StoredToken | null {
    try {
      return decodeToken(this.storage().getItem(this.key))
    } catch {
      return null
    }
  }

  save(entry: StoredToken): void {
    try {
      this.storage().setItem(this.key, encodeToken(entry))
    } catch {
      // kept in memory only; the next reload asks again
    }
  }

  clear(): void {
    try {
      this.storage().removeItem(this.key)
    } catch {
      // nothing stored
    }
  }

  private storage(): Storage {
    return this.kind === 'local' ? localStorage : sessionStorage
  }
}
