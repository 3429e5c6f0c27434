import { describe, expect, it } from 'vitest'
import { bearerToken, tokenMatches } from '../../protocol/bearer.ts'

/** The one bearer reader of the center and the hub (their own tests send these headers over HTTP: test/ops/metrics.test.ts, test/hub/read-auth.test.ts). */
describe('bearerToken', () => {
  it('reads the token of a Bearer header, the scheme in any case, spaces around ignored', () => {
    expect(bearerToken('Bearer abc.DEF-123_~+/=')).toBe('abc.DEF-123_~+/=')
    expect(bearerToken('bearer abc')).toBe('abc')
    expect(bearerToken('BEARER   abc  ')).toBe('abc')
    expect(bearerToken('Bearer\tabc')).toBe('abc')
  })

  it('gives none for no header, another scheme, no token, or more than one word', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearerabc', ' Bearer abc', 'Bearer a b', 'Token abc'])
      expect(bearerToken(header), JSON.stringify(header)).toBeUndefined()
  })
})

describe('tokenMatches', () => {
  it('matches the whole token only, whatever the lengths', () => {
    const t = 'a-token-of-sixteen+'
    expect(tokenMatches(t, t)).toBe(true)
    for (const other of ['', t.slice(0, -1), `${t}x`, t.toUpperCase(), ` ${t}`]) expect(tokenMatches(other, t), other).toBe(false)
  })
})
