import jsqrModule from 'jsqr'
import { PNG } from 'pngjs'

type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null
// jsqr is CommonJS with an ES-style default: depending on the loader the import is the function or holds it
const imported = jsqrModule as unknown as Decode | { default: Decode }
const jsQR: Decode = typeof imported === 'function' ? imported : imported.default

/** The text of the QR code in a PNG screenshot, or null when none can be read. */
export function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
  return found?.data ?? null
}
