/**
 * How two screenshots of one screen differ, for the pre-rendered first screens (issue 22):
 * the screen the center drew into the page and the one the app then draws must look the same.
 */
import { PNG } from 'pngjs'

/** The pixels that differ between two PNG screenshots of the same size, and the box around them. */
export function pixelDifference(a: Buffer, b: Buffer): { pixels: number; box: [number, number, number, number] | null } {
  const [pa, pb] = [PNG.sync.read(a), PNG.sync.read(b)]
  if (pa.width !== pb.width || pa.height !== pb.height) throw new Error(`sizes differ: ${pa.width}×${pa.height}, ${pb.width}×${pb.height}`)
  let pixels = 0
  let box: [number, number, number, number] | null = null
  for (let y = 0; y < pa.height; y++)
    for (let x = 0; x < pa.width; x++) {
      const i = (y * pa.width + x) * 4
      if (pa.data[i] === pb.data[i] && pa.data[i + 1] === pb.data[i + 1] && pa.data[i + 2] === pb.data[i + 2]) continue
      pixels++
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y]
    }
  return { pixels, box }
}
