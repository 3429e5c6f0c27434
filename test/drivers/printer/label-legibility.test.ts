import { describe, expect, it } from 'vitest'
import { createCanvas } from '@napi-rs/canvas'
import { ARABIC_FAMILY, LATIN_FAMILY, registerTicketFonts } from '../../../drivers/printer/index.ts'

/**
 * Why a ticket label keeps Western digits (protocol/messages/digits.ts): in the fonts the label is
 * drawn with (Cairo on the paper and the screens, Noto Naskh Arabic for Arabic lines), the
 * Arabic-Indic zero is a dot no bigger than a full stop and the one is a bare stroke the size
 * of a Latin "l". Beside a Latin letter and a dash, «B-٠٠١» reads as "B-··l" at any size.
 * Measured on the ink of each glyph at 100 px.
 */
registerTicketFonts()
const ctx = createCanvas(10, 10).getContext('2d')

function ink(font: string, glyph: string): { height: number; width: number } {
  ctx.font = font
  const m = ctx.measureText(glyph)
  return { height: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent, width: m.actualBoundingBoxLeft + m.actualBoundingBoxRight }
}

describe('the Arabic-Indic digits of a label in our fonts', () => {
  for (const [family, weight] of [
    [LATIN_FAMILY, 900], // the paper's big label
    [LATIN_FAMILY, 700], // the screens' labels (Cairo bold)
    [ARABIC_FAMILY, 700], // Naskh, the Arabic lines
  ] as const) {
    it(`${family} ${weight}: ٠ is a dot the size of a full stop, ١ a stroke the size of "l"`, () => {
      const font = `${weight} 100px "${family}", "${LATIN_FAMILY}"`
      const zero = ink(font, '٠')
      const stop = ink(font, '.')
      const l = ink(font, 'l')
      const one = ink(font, '١')
      expect(zero.height).toBeLessThan(ink(font, '0').height * 0.4)
      // Cairo's is a square dot smaller than its full stop; Naskh's a small diamond, under twice a full stop
      expect(zero.height).toBeLessThan(stop.height * 2)
      expect(zero.width).toBeLessThan(stop.width * 2)
      expect(one.height).toBeGreaterThan(l.height * 0.75)
      expect(one.width).toBeLessThan(l.width * 1.4)
      // the Western digits of the same label are unmistakable: a full-height 0, a 1 with its flag
      expect(ink(font, '0').height).toBeGreaterThan(stop.height * 3)
      expect(ink(font, '1').width).toBeGreaterThan(l.width * 1.5)
    })
  }
})
