import { describe, expect, it } from 'vitest'
import { encodeKeyPress, FrameDecoder, parseKeyPress } from '../../../drivers/serial/index.ts'

/** The rating keys 1-5 are keypad keys like N or F: the same frame, read back as that key (drivers/serial/README.md). */
describe('keypad rating keys', () => {
  it('a K frame with 1…5 is a press of that rating key; 0 and 6 are unknown keys', () => {
    const decoder = new FrameDecoder()
    for (const key of ['1', '2', '3', '4', '5'] as const) {
      const [decoded, ...rest] = decoder.push(encodeKeyPress(12, key, '4'))
      expect(rest).toEqual([])
      if (!decoded.ok) throw new Error(`frame not decoded: ${decoded.error}`)
      expect(parseKeyPress(decoded.frame)).toEqual({ address: 12, key, seq: '4' })
    }
    for (const payload of ['01', '61']) {
      expect(parseKeyPress({ address: 12, command: 'K', payload })).toEqual({ bad: expect.stringMatching(/unknown key/), seq: '1' })
    }
  })
})
