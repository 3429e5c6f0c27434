/**
 * Bearer tokens, read and compared one way by the center (users', devices' and the metrics
 * scraper's tokens) and the hub (its admin and read tokens, analysts' sessions). Node only (it
 * hashes): the screens send tokens, they never check one.
 */
import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * The token of an `Authorization: Bearer <token>` header, or undefined without one. The scheme
 * in any case (RFC 7235), spaces around the token ignored; a token is one word (RFC 6750's
 * token68 has no spaces), so `Bearer a b` carries none.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1]
}

/** Constant-time token check: both sides hashed first, so neither the content nor the length of the token leaks through timing. */
export function tokenMatches(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(given), digest(expected))
}
