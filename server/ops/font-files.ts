import { openSync, readSync, closeSync, statSync } from 'node:fs'

// the first four bytes of the font files Skia reads: TrueType, OpenType (CFF), a collection, WOFF, WOFF2
const FONT_MAGIC = ['00010000', '74727565', '4f54544f', '74746366', '774f4646', '774f4632']

/**
 * Why `path` cannot be a ticket font, or null when it can: it must exist, be a file and start
 * like a font file. Checked without loading the canvas (a center without a printer never does).
 */
export function fontFileProblem(path: string): string | null {
  let size: number
  try {
    const stat = statSync(path)
    if (!stat.isFile()) return 'is not a file'
    size = stat.size
  } catch {
    return 'does not exist'
  }
  const head = Buffer.alloc(4)
  try {
    const fd = openSync(path, 'r')
    try {
      if (size < 4 || readSync(fd, head, 0, 4, 0) < 4) return 'is not a font file (.ttf, .otf, .woff or .woff2)'
    } finally {
      closeSync(fd)
    }
  } catch (err) {
    return `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`
  }
  return FONT_MAGIC.includes(head.toString('hex')) ? null : 'is not a font file (.ttf, .otf, .woff or .woff2)'
}
