import { describe, expect, it } from 'vitest'
import { type PageDevice, startToken } from '../../ui-common/start-data.ts'

/**
 * Which token a kiosk's or display's page starts with (ui-common/start-data.ts): its stored token
 * and the one in its page's cookie are both the device's credential (a kiosk profile's reset may
 * clear one and keep the other). The screen the center drew for the cookie's token is the one
 * that stays; a token the center refused shows pairing from the start, with the sentence that
 * says it was unpaired.
 */
const page = (token: string | null, drawn = false, refused = false): PageDevice => ({ token, drawn, refused })
const uses = (token: string, save = false) => ({ token, save, refused: false })
const NONE = { token: null, save: false, refused: false }
const REFUSED = { token: null, save: false, refused: true }

describe('startToken', () => {
  it('uses the stored token when the page has none, or the same one', () => {
    expect(startToken('A', page(null))).toEqual(uses('A'))
    expect(startToken('A', page('A', true))).toEqual(uses('A'))
    expect(startToken('A', page('A'))).toEqual(uses('A'))
    expect(startToken(null, page(null)), 'never paired: the plain pairing screen').toEqual(NONE)
  })

  it("storage cleared, the cookie kept: the cookie's token, stored again, so that the drawn screen stays", () => {
    expect(startToken(null, page('A', true))).toEqual(uses('A', true))
    // no first screen for it (an answer other than 200 or 401): the page asks with it, as it does with a stored one
    expect(startToken(null, page('A'))).toEqual(uses('A', true))
  })

  it('another token in the cookie than in storage: the one the center drew the screen for; else the stored one', () => {
    expect(startToken('B', page('A', true))).toEqual(uses('A', true))
    expect(startToken('B', page('A'))).toEqual(uses('B'))
  })

  it('a refused token shows pairing from the start, unless storage holds another that may work', () => {
    expect(startToken('A', page('A', false, true)), 'revoked while the kiosk was off').toEqual(REFUSED)
    expect(startToken(null, page('A', false, true)), 'revoked, and storage cleared').toEqual(REFUSED)
    expect(startToken('B', page('A', false, true))).toEqual(uses('B'))
  })
})
