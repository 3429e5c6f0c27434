import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'

/**
 * The code points a WOFF (1.0) font maps to glyphs, from its cmap table (formats 4 and 12).
 * Enough to prove every character on a ticket comes from the bundled fonts, never a host fallback.
 */
export function woffCodePoints(path: string): Set<number> {
  const woff = readFileSync(path)
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${path} is not WOFF 1.0`)
  const numTables = woff.readUInt16BE(12)
  let cmap: Buffer | null = null
  for (let t = 0; t < numTables; t++) {
    const entry = 44 + t * 20
    if (woff.toString('latin1', entry, entry + 4) !== 'cmap') continue
    const [offset, compLength, origLength] = [woff.readUInt32BE(entry + 4), woff.readUInt32BE(entry + 8), woff.readUInt32BE(entry + 12)]
    const raw = woff.subarray(offset, offset + compLength)
    cmap = compLength < origLength ? inflateSync(raw) : raw
  }
  if (!cmap) throw new Error(`${path} has no cmap`)
  const points = new Set<number>()
  const subtables = cmap.readUInt16BE(2)
  for (let s = 0; s < subtables; s++) {
    const at = cmap.readUInt32BE(4 + s * 8 + 4)
    const format = cmap.readUInt16BE(at)
    if (format === 4) {
      const segX2 = cmap.readUInt16BE(at + 6)
      const ends = at + 14
      const starts = ends + segX2 + 2
      const deltas = starts + segX2
      const rangeOffsets = deltas + segX2
      for (let i = 0; i < segX2 / 2; i++) {
        const [end, start] = [cmap.readUInt16BE(ends + i * 2), cmap.readUInt16BE(starts + i * 2)]
        const delta = cmap.readInt16BE(deltas + i * 2)
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + i * 2)
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = rangeOffset === 0 ? (c + delta) & 0xffff : cmap.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (c - start) * 2)
          if (glyph !== 0) points.add(c)
        }
      }
    } else if (format === 12) {
      const groups = cmap.readUInt32BE(at + 12)
      for (let g = 0; g < groups; g++) {
        const [start, end] = [cmap.readUInt32BE(at + 16 + g * 12), cmap.readUInt32BE(at + 20 + g * 12)]
        for (let c = start; c <= end; c++) points.add(c)
      }
    }
  }
  return points
}
