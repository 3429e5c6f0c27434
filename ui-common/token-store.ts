/**
 * A paired device's token in localStorage, one per device kind and server base path: a kiosk
 * and a display opened in one browser keep their own, and two centers embedded in one host
 * under different prefixes too. Storage failures (a locked-down browser profile) behave like
 * an empty store: the screen asks to be paired.
 */

/** The kinds of device that pair from a browser page. */
export type PairedKind = 'kiosk' | 'display'

const keyOf = (kind: PairedKind, base: string) => `tabour:${kind}-token:${base || '/'}`

export function loadToken(kind: PairedKind, base: string): string | null {
  try {
    return localStorage.getItem(keyOf(kind, base))
  } catch {
    return null
  }
}

export function saveToken(kind: PairedKind, base: string, token: string): void {
  try {
    localStorage.setItem(keyOf(kind, base), token)
  } catch {
    // kept in memory only; the next reload asks for a code again
  }
}

export function clearToken(kind: PairedKind, base: string): void {
  try {
    localStorage.removeItem(keyOf(kind, base))
  } catch {
    // nothing stored
  }
}
