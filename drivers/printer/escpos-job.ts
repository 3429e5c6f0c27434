import ThermalPrinterModule from 'node-thermal-printer'
import type { TicketContent } from './ticket-content.ts'
import { renderTicketPixels } from './render-ticket.ts'
import { epsonRaster, starRaster } from './raster.ts'
import type { PaperWidthMm, PrinterType } from '../../protocol/printer-settings.ts'

const { ThermalPrinter, PrinterTypes } = ThermalPrinterModule

/** Options for `buildTicketJob`. */
export interface JobOptions {
  /** Command set: Epson ESC/POS (most printers, clones included) or Star Line Mode. */
  type: PrinterType
  /** Paper width in mm; sets the image width (576 / 384 dots) and the QR module size. */
  widthMm: PaperWidthMm
}

/** Longest status URL printed as a QR; a longer one makes a QR too dense for 58 mm paper. */
export const MAX_QR_BYTES = 500

// ESC @ resets modes left by a previous job (or a half-sent one); the same on Epson and Star.
const INIT = Buffer.from([0x1b, 0x40])

/**
 * The bytes of one ticket: init, the rendered ticket as one raster image, the status URL as a
 * native QR (sharper than a drawn one and a third of the bytes), a short feed and a full cut.
 * Needs no printer. Throws when the URL cannot be a QR (not ASCII once encoded, too long).
 */
export async function buildTicketJob(content: TicketContent, options: JobOptions): Promise<Buffer> {
  const url = qrPayload(content.statusUrl)
  const pixels = renderTicketPixels(content, { widthMm: options.widthMm })
  // No interface: the job is only built here; transports send it (see transport.ts).
  const printer = new ThermalPrinter({ type: options.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON, interface: '' })
  printer.add(INIT)
  printer.alignCenter()
  printer.add(options.type === 'star' ? starRaster(pixels) : epsonRaster(pixels))
  const cellSize = options.widthMm === 80 ? 6 : 5
  if (options.type === 'star') printer.add(starQr(url, cellSize))
  else printer.printQR(url, { cellSize, correction: 'M', model: 2 })
  printer.newLine()
  // One ESC d 4 (Epson) / VT (Star) before the cut: enough to move the QR past the cutter
  // without the ~30 mm of blank paper node-thermal-printer's default feed wastes.
  printer.cut({ verticalTabAmount: 1 })
  return printer.getBuffer()
}

/**
 * The QR data as printable ASCII. Both command sets count bytes, and node-thermal-printer
 * counts UTF-16 units, so a non-ASCII URL would corrupt the job: URL-encode it first.
 */
function qrPayload(statusUrl: string): string {
  let url = statusUrl.trim()
  try {
    url = new URL(url).href
  } catch {
    throw new Error(`statusUrl is not a URL: ${JSON.stringify(statusUrl)}`)
  }
  if (!/^[\x21-\x7e]+$/.test(url)) throw new Error(`statusUrl is not ASCII once encoded: ${JSON.stringify(url)}`)
  if (url.length > MAX_QR_BYTES) throw new Error(`statusUrl is ${url.length} bytes; at most ${MAX_QR_BYTES} fit a ticket's QR`)
  return url
}

/**
 * Star Line Mode QR: model 2, correction M, cell size, data (automatic mode), print.
 * node-thermal-printer 4.6 omits the `ESC GS y D 1 0` header before the data, so Star
 * printers would print the URL as text; these are the commands from Star's specification.
 */
function starQr(data: string, cellSize: number): Buffer {
  const bytes = Buffer.from(data, 'ascii')
  return Buffer.concat([
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]),
    Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00, bytes.length & 0xff, bytes.length >> 8]),
    bytes,
    Buffer.from([0x1b, 0x1d, 0x79, 0x50]),
  ])
}
