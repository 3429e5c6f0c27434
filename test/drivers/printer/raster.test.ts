import ThermalPrinterModule from 'node-thermal-printer'
import { describe, expect, it } from 'vitest'
import { renderTicket, renderTicketPixels } from '../../../drivers/printer/render-ticket.ts'
import { epsonRaster, starRaster } from '../../../drivers/printer/raster.ts'
import { SAMPLE } from './fixtures.ts'

const { ThermalPrinter, PrinterTypes } = ThermalPrinterModule

/** The raster as node-thermal-printer makes it from the PNG: what the job carried before raster.ts. */
async function viaPng(type: 'epson' | 'star', widthMm: 58 | 80): Promise<Buffer> {
  const printer = new ThermalPrinter({ type: type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' })
  await printer.printImageBuffer(renderTicket(SAMPLE, { widthMm }))
  return printer.getBuffer()
}

describe('raster rows packed straight from the canvas pixels', () => {
  for (const type of ['epson', 'star'] as const) {
    for (const widthMm of [80, 58] as const) {
      it(`${type}, ${widthMm} mm: the same bytes as node-thermal-printer's PNG path`, async () => {
        const pixels = renderTicketPixels(SAMPLE, { widthMm })
        const packed = type === 'star' ? starRaster(pixels) : epsonRaster(pixels)
        expect(packed.equals(await viaPng(type, widthMm))).toBe(true)
      })
    }
  }

  it('pads a width that is not a whole number of bytes with white, and sets the leftmost dot in the top bit', () => {
    // 10 × 2: row 0 has its first and last dots black, row 1 is white
    const width = 10
    const data = new Uint8ClampedArray(width * 2 * 4).fill(255)
    for (const x of [0, 9]) data.fill(0, x * 4, x * 4 + 3)
    expect([...epsonRaster({ width, height: 2, data })]).toEqual([0x1d, 0x76, 0x30, 48, 2, 0, 2, 0, 0x80, 0x40, 0, 0])
  })
})
