/**
 * The kiosk's device token in localStorage, one per server base path (two centers embedded
 * in one host under different prefixes keep their own). Storage failures (a locked-down
 * browser profile) behave like an empty store: the kiosk asks to be paired.
 */
const keyOf = (base: string) => `tabour:kiosk-token:${base || '/'}`

export function loadToken(base: string): string | null {
  try {
    return localStorage.getItem(keyOf(base))
  } catch {
    return null
  }
}

export function saveToken(base: string, token: string): void {
  try {
    localStorage.setItem(keyOf(base), token)
  } catch {
    // kept in memory only; the next reload asks for a code again
  }
}

export function clearToken(base: string): void {
  try {
    localStorage.removeItem(keyOf(base))
  } catch {
    // nothing stored
  }
}
