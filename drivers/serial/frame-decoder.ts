import { ETX, MAX_FRAME_LENGTH, MAX_PAYLOAD, STX, isPayloadByte, xorChecksum, type Frame } from './frame.ts'

/** Why bytes were thrown away. */
export type FrameErrorKind =
  /** bytes outside any frame (line noise, another protocol, a board's echo) */
  | 'garbage'
  /** a frame cut short by a new STX (a sender restarted mid-frame, or bytes were lost) */
  | 'truncated'
  /** no ETX within MAX_FRAME_LENGTH bytes */
  | 'oversize'
  /** a byte that no frame may contain (control byte in the payload, non-hex address) */
  | 'malformed'
  /** the checksum does not match: corrupted on the wire */
  | 'checksum'

export type Decoded = { ok: true; frame: Frame } | { ok: false; error: FrameErrorKind; bytes: Buffer }

const HEX = /^[0-9A-Fa-f]{2}$/

/**
 * Splits a byte stream into frames, whatever the chunking: a frame may arrive one byte at a
 * time or several per chunk. Anything that is not a valid frame is reported and dropped, and
 * decoding always resumes at the next STX, so one bad byte costs at most one frame.
 * serialport's DelimiterParser cannot do this alone: the checksum follows ETX.
 */
export class FrameDecoder {
  private buf: number[] = []
  /** Bytes after ETX still expected (the two checksum characters); -1 while before ETX. */
  private checksumLeft = -1
  private garbage: number[] = []

  /** Feeds bytes; returns the frames and errors they complete, in order. */
  push(chunk: Uint8Array): Decoded[] {
    const out: Decoded[] = []
    for (const b of chunk) this.step(b, out)
    this.flushGarbage(out)
    return out
  }

  /** Forgets a partial frame (the port was reopened: its other half is gone for good). */
  reset(): void {
    this.buf = []
    this.checksumLeft = -1
    this.garbage = []
  }

  private step(b: number, out: Decoded[]): void {
    if (b === STX) {
      this.flushGarbage(out)
      if (this.buf.length) this.fail(out, 'truncated')
      this.buf = [STX]
      return
    }
    if (this.buf.length === 0) {
      this.garbage.push(b)
      return
    }
    this.buf.push(b)
    if (this.checksumLeft > 0) {
      if (--this.checksumLeft === 0) this.finish(out)
      return
    }
    if (b === ETX) {
      // STX, 2 address bytes and a command come before ETX
      if (this.buf.length < 5) return this.fail(out, 'malformed')
      this.checksumLeft = 2
      return
    }
    if (!isPayloadByte(b)) return this.fail(out, 'malformed')
    if (this.buf.length > MAX_FRAME_LENGTH - 3) this.fail(out, 'oversize')
  }

  private finish(out: Decoded[]): void {
    const bytes = Buffer.from(this.buf)
    this.buf = []
    this.checksumLeft = -1
    const body = bytes.subarray(1, bytes.length - 2)
    const address = bytes.toString('latin1', 1, 3)
    const command = bytes.toString('latin1', 3, 4)
    const sum = bytes.toString('latin1', bytes.length - 2)
    if (!HEX.test(address) || !/^[A-Z]$/.test(command) || !HEX.test(sum) || body.length - 4 > MAX_PAYLOAD) {
      out.push({ ok: false, error: 'malformed', bytes })
      return
    }
    if (parseInt(sum, 16) !== xorChecksum(body)) {
      out.push({ ok: false, error: 'checksum', bytes })
      return
    }
    const addr = parseInt(address, 16)
    out.push({ ok: true, frame: { address: addr, command, payload: body.toString('latin1', 3, body.length - 1) } })
  }

  private fail(out: Decoded[], error: FrameErrorKind): void {
    out.push({ ok: false, error, bytes: Buffer.from(this.buf) })
    this.buf = []
    this.checksumLeft = -1
  }

  private flushGarbage(out: Decoded[]): void {
    if (!this.garbage.length) return
    out.push({ ok: false, error: 'garbage', bytes: Buffer.from(this.garbage) })
    this.garbage = []
  }
}
