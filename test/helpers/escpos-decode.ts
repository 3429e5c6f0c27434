import { PNG } from 'pngjs'

/** One raster image found in a job, 1 bit per dot. */
export interface DecodedImage {
  width: number
  height: number
  /** The image as a PNG (black dots on white), to compare or to look at. */
  png: Buffer
  /** Whether the dot at (x, y) prints. */
  isDark(x: number, y: number): boolean
  /** Fraction of printed dots in [x0, x1) × [y0, y1), clamped to the image. */
  dark(x0: number, y0: number, x1: number, y1: number): number
}

/** What a printer would do with a job, as far as tickets are concerned. */
export interface DecodedJob {
  images: DecodedImage[]
  qrPayloads: string[]
  cuts: number
  /** Every command in order (`ESC @`, `GS v 0`, `LF`, …), for asserting the sequence. */
  ops: string[]
  /** Plain text bytes outside commands. */
  text: string
}

/**
 * Walks an ESC/POS (Epson) or Star Line Mode job byte by byte, the way a printer would, and
 * throws on a truncated command. No package on npm or Debian decodes ESC/POS well enough,
 * so this covers what the ticket driver emits plus the common one-argument commands.
 */
export function decodeJob(bytes: Buffer, dialect: 'epson' | 'star' = 'epson'): DecodedJob {
  const walker = dialect === 'star' ? new StarWalker(bytes) : new EpsonWalker(bytes)
  walker.walk()
  return { images: walker.images, qrPayloads: walker.qrPayloads, cuts: walker.cuts, ops: walker.ops, text: walker.text }
}

const ESC = 0x1b
const GS = 0x1d
const FS = 0x1c
const DLE = 0x10
const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`
const ch = (n: number) => (n >= 0x21 && n < 0x7f ? String.fromCharCode(n) : hex(n))

abstract class Walker {
  images: DecodedImage[] = []
  qrPayloads: string[] = []
  cuts = 0
  ops: string[] = []
  text = ''
  protected i = 0

  constructor(protected readonly b: Buffer) {}

  abstract step(): void

  walk(): void {
    while (this.i < this.b.length) this.step()
  }

  protected take(n: number, what: string): Buffer {
    if (this.i + n > this.b.length) throw new Error(`${what} at offset ${this.i} needs ${n} bytes, ${this.b.length - this.i} left`)
    const out = this.b.subarray(this.i, this.i + n)
    this.i += n
    return out
  }

  protected byte(what: string): number {
    return this.take(1, what)[0]
  }

  protected plain(c: number): void {
    if (c === 0x0a) this.ops.push('LF')
    else if (c === 0x0d) this.ops.push('CR')
    else if (c === 0x0b) this.ops.push('VT')
    else if (c === 0x09) this.ops.push('HT')
    else if (c === 0x0c) this.ops.push('FF')
    else if (c >= 0x20) this.text += String.fromCharCode(c)
    else throw new Error(`unexpected control byte ${hex(c)} at offset ${this.i - 1}`)
  }

  /** Real-time commands are the same in both command sets. */
  protected dle(): void {
    const fn = this.byte('DLE')
    if (fn === 0x04 || fn === 0x05) this.ops.push(`DLE ${fn === 4 ? 'EOT' : 'ENQ'} ${this.byte('DLE n')}`)
    else throw new Error(`unknown DLE ${hex(fn)} at offset ${this.i - 2}`)
  }

  protected image(widthBytes: number, rows: Buffer[]): void {
    this.images.push(toImage(widthBytes, rows))
  }
}

class EpsonWalker extends Walker {
  step(): void {
    const c = this.byte('command')
    if (c === ESC) this.esc()
    else if (c === GS) this.gs()
    else if (c === FS) this.fs()
    else if (c === DLE) this.dle()
    else this.plain(c)
  }

  private esc(): void {
    const x = this.byte('ESC x')
    const name = `ESC ${ch(x)}`
    this.ops.push(name)
    if (x === 0x40 || x === 0x32) return // ESC @, ESC 2: no argument
    if (x === 0x70) return void this.take(3, name) // ESC p m t1 t2 (drawer pulse)
    if (x === 0x42) return void this.take(2, name) // ESC B n t (beep)
    if (x === 0x2a) {
      // ESC * m nL nH: column bit image, 1 or 3 bytes per column
      const [m, nL, nH] = this.take(3, name)
      return void this.take((nL + nH * 256) * (m >= 32 ? 3 : 1), name)
    }
    this.take(1, name) // ESC x n
  }

  private gs(): void {
    const x = this.byte('GS x')
    if (x === 0x76) {
      // GS v 0 m xL xH yL yH d1…dk: raster, xL|xH<<8 bytes per row, yL|yH<<8 rows
      const [zero, , xL, xH, yL, yH] = this.take(6, 'GS v 0')
      if (zero !== 0x30) throw new Error(`GS v ${hex(zero)} is not a raster command`)
      this.ops.push('GS v 0')
      const wb = xL | (xH << 8)
      const h = yL | (yH << 8)
      const data = this.take(wb * h, 'GS v 0 data')
      return this.image(
        wb,
        Array.from({ length: h }, (_, y) => data.subarray(y * wb, (y + 1) * wb)),
      )
    }
    if (x === 0x28) {
      // GS ( fn pL pH data: all "GS (" functions carry their length
      const [fn, pL, pH] = this.take(3, 'GS (')
      const body = this.take(pL | (pH << 8), `GS ( ${ch(fn)}`)
      this.ops.push(`GS ( ${ch(fn)}${fn === 0x6b ? ` ${ch(body[1])}` : ''}`)
      // QR store: cn=0x31 (QR) fn=0x50 (store) m=0x30, then the payload
      if (fn === 0x6b && body[0] === 0x31 && body[1] === 0x50) this.qrPayloads.push(body.subarray(3).toString('latin1'))
      return
    }
    const name = `GS ${ch(x)}`
    this.ops.push(name)
    if (x === 0x56) {
      // GS V m [n]: cut; m 65/66/97/98/103/104 carry a feed amount
      const m = this.byte(name)
      if ([65, 66, 97, 98, 103, 104].includes(m)) this.byte(name)
      this.cuts++
      return
    }
    if (x === 0x4c || x === 0x57) return void this.take(2, name) // GS L / GS W nL nH
    this.take(1, name) // GS x n
  }

  private fs(): void {
    const x = this.byte('FS x')
    this.ops.push(`FS ${ch(x)}`)
    if (x !== 0x26 && x !== 0x2e) this.take(1, `FS ${ch(x)}`) // FS & and FS . take none
  }
}

class StarWalker extends Walker {
  private band: { wb: number; rows: Buffer[] } | null = null

  override walk(): void {
    super.walk()
    this.flush()
  }

  step(): void {
    const c = this.byte('command')
    // Consecutive ESC k bands (with the LF that advances past each) form one image.
    if (c !== ESC && c !== 0x0a) this.flush()
    if (c === ESC) this.esc()
    else if (c === DLE) this.dle()
    else if (c === 0x0a && this.band) this.ops.push('LF')
    else this.plain(c)
  }

  private flush(): void {
    if (this.band) this.image(this.band.wb, this.band.rows)
    this.band = null
  }

  private esc(): void {
    const x = this.byte('ESC x')
    if (x !== 0x6b) this.flush()
    if (x === GS) return this.escGs()
    const name = `ESC ${ch(x)}`
    this.ops.push(name)
    if (x === 0x40 || x === 0x30 || x === 0x31 || x === 0x32) return // ESC @, line spacing presets
    if (x === 0x6b) {
      // ESC k n1 n2 d1…dk: a 24-row band, n1+n2*256 bytes per row, row after row
      const [n1, n2] = this.take(2, name)
      const wb = n1 + n2 * 256
      const data = this.take(wb * 24, 'ESC k data')
      if (this.band && this.band.wb !== wb) this.flush()
      this.band ??= { wb, rows: [] }
      for (let y = 0; y < 24; y++) this.band.rows.push(data.subarray(y * wb, (y + 1) * wb))
      return
    }
    if (x === 0x64) {
      // ESC d n: cut (0/2 full, 1/3 partial)
      this.byte(name)
      this.cuts++
      return
    }
    this.take(1, name) // ESC x n
  }

  private escGs(): void {
    const x = this.byte('ESC GS x')
    if (x === 0x61) return void this.ops.push(`ESC GS a ${this.byte('ESC GS a')}`)
    if (x !== 0x79) throw new Error(`unknown ESC GS ${ch(x)} at offset ${this.i - 3}`)
    const fn = this.byte('ESC GS y')
    this.ops.push(`ESC GS y ${ch(fn)}`)
    if (fn === 0x53) return void this.take(2, 'ESC GS y S') // S k n: model / correction / cell size
    if (fn === 0x50) return // P: print
    if (fn === 0x44) {
      // D 1 m nL nH d1…dk: QR data, automatic mode
      const [one, , nL, nH] = this.take(4, 'ESC GS y D')
      if (one !== 0x31) throw new Error(`ESC GS y D ${hex(one)} is not QR data`)
      return void this.qrPayloads.push(this.take(nL | (nH << 8), 'QR data').toString('latin1'))
    }
    throw new Error(`unknown ESC GS y ${ch(fn)} at offset ${this.i - 4}`)
  }
}

function toImage(widthBytes: number, rows: Buffer[]): DecodedImage {
  const width = widthBytes * 8
  const height = rows.length
  // pixel x of row y prints when bit 7-(x&7) of byte x>>3 is set
  const isDark = (x: number, y: number) => ((rows[y][x >> 3] >> (7 - (x & 7))) & 1) === 1
  const png = new PNG({ width, height })
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4
      const v = isDark(x, y) ? 0 : 255
      png.data[o] = png.data[o + 1] = png.data[o + 2] = v
      png.data[o + 3] = 255
    }
  }
  return {
    width,
    height,
    png: PNG.sync.write(png),
    isDark,
    dark(x0, y0, x1, y1) {
      const [ax, bx] = [Math.max(0, Math.floor(x0)), Math.min(width, Math.ceil(x1))]
      const [ay, by] = [Math.max(0, Math.floor(y0)), Math.min(height, Math.ceil(y1))]
      if (bx <= ax || by <= ay) return 0
      let n = 0
      for (let y = ay; y < by; y++) for (let x = ax; x < bx; x++) if (isDark(x, y)) n++
      return n / ((bx - ax) * (by - ay))
    },
  }
}
