import { describe, expect, it } from 'vitest'
import { applyCodeKey } from '../../kiosk-ui/code-keyboard.ts'
import { BOOKING_CODE_LENGTH } from '../../protocol/booking-code-form.ts'

/** The kiosk's on-screen keys for a booking code (walk finding 9): what each press makes of the code. */
describe('applyCodeKey', () => {
  it('adds a character, deletes the last one, clears the lot', () => {
    expect(applyCodeKey('', 'A')).toBe('A')
    expect(applyCodeKey('AB3', '7')).toBe('AB37')
    expect(applyCodeKey('AB3', 'delete')).toBe('AB')
    expect(applyCodeKey('AB3', 'clear')).toBe('')
  })

  it('deleting or clearing an empty code leaves it empty', () => {
    expect(applyCodeKey('', 'delete')).toBe('')
    expect(applyCodeKey('', 'clear')).toBe('')
  })

  it('a full code takes no more characters, but can still be edited', () => {
    const full = '0123456789ABCDEF'.slice(0, BOOKING_CODE_LENGTH)
    expect(full).toHaveLength(BOOKING_CODE_LENGTH)
    expect(applyCodeKey(full, 'Z')).toBe(full)
    expect(applyCodeKey(full.slice(0, -1), 'Z')).toBe(`${full.slice(0, -1)}Z`)
    expect(applyCodeKey(full, 'delete')).toBe(full.slice(0, -1))
  })
})
