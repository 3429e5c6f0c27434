/** A black-and-white image as RGBA (what renderTicketPixels returns): a pixel prints when it is dark. */
export interface RasterPixels {
  width: number
  height: number
  data: Uint8ClampedArray
}

/**
 * Packs the pixels into one byte per 8 dots, row after row, most significant bit leftmost, a
 * set bit for a dot that prints; the row is padded with white to whole bytes. The rule for a
 * dot is node-thermal-printer's (opaque and BT.709 luma below 128), so the job's bytes are the
 * ones its PNG path made, without the PNG round trip and its object per pixel.
 */
function packRows(image: RasterPixels, rows: number): { bytes: Uint8Array; rowBytes: number } {
  const { width, height, data } = image
  const rowBytes = Math.ceil(width / 8)
  const bytes = new Uint8Array(rowBytes * rows)
  for (let y = 0; y < height; y++) {
    const line = y * rowBytes
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      if (data[i + 3] > 126 && Math.trunc(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]) < 128) {
        bytes[line + (x >> 3)] |= 0x80 >> (x & 7)
      }
    }
  }
  return { bytes, rowBytes }
}

/** Epson ESC/POS `GS v 0` (normal density): the whole image in one raster command. */
export function epsonRaster(image: RasterPixels): Buffer {
  const { bytes } = packRows(image, image.height)
  const width = image.width % 8 === 0 ? image.width : image.width + 8
  const header = [0x1d, 0x76, 0x30, 48, (width >> 3) & 0xff, 0x00, image.height & 0xff, (image.height >> 8) & 0xff]
  return Buffer.concat([Buffer.from(header), bytes])
}

/** Star Line Mode: `ESC 0`, then bands of 24 rows as `ESC k n 0` + data + LF, then `ESC z 1`. */
export function starRaster(image: RasterPixels): Buffer {
  const bands = Math.ceil(image.height / 24)
  const { bytes, rowBytes } = packRows(image, bands * 24)
  const parts: Buffer[] = [Buffer.from([0x1b, 0x30])]
  for (let band = 0; band < bands; band++) {
    parts.push(Buffer.from([0x1b, 0x6b, rowBytes & 0xff, 0x00]))
    parts.push(Buffer.from(bytes.buffer, band * 24 * rowBytes, 24 * rowBytes))
    parts.push(Buffer.from('\n'))
  }
  parts.push(Buffer.from([0x1b, 0x7a, 0x01]))
  return Buffer.concat(parts)
}
