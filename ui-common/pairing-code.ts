/** The characters a pairing code is made of (server/auth/tokens.ts): no 0/O, no 1/I/L. */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
/** Length of a pairing code. */
export const PAIRING_CODE_LENGTH = 8

/** Upper-cases and keeps only characters of the alphabet, at most 8: ' ab-cd ' → 'ABCD'. */
export function normalizePairingCode(text: string): string {
  return [...text.toUpperCase()]
    .filter((c) => PAIRING_ALPHABET.includes(c))
    .join('')
    .slice(0, PAIRING_CODE_LENGTH)
}

/**
 * The page's query string as it was, after taking `?pair=` out of the address bar: a code works
 * once, so a reload must not try the spent code again. The caller boots with what it returns.
 */
export function takePairingQuery(): string {
  const search = location.search
  const params = new URLSearchParams(search)
  if (params.has('pair')) {
    params.delete('pair')
    const query = params.toString()
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`)
  }
  return search
}
