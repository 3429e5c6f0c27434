/**
 * The Tabour serial frame, shared by counter boards and call keypads (README.md has the byte
 * table). Pure encode and field checks: no I/O, so every byte can be tested without a port.
 *
 *   STX | address (2 ASCII hex) | command (1 byte A–Z) | payload (0–32 printable ASCII) | ETX | checksum (2 ASCII hex)
 *
 * The checksum is the XOR of every byte from the first address byte through ETX. Payload bytes
 * are limited to 0x20–0x7E so STX and ETX can never appear inside a frame: a receiver can
 * always resynchronise on the next STX.
 */
export const STX = 0x02
export const ETX = 0x03

/** Longest payload a frame may carry: a 16-character board line with room to spare. */
export const MAX_PAYLOAD = 32

/** Longest whole frame: STX + 2 address + command + payload + ETX + 2 checksum. */
export const MAX_FRAME_LENGTH = 1 + 2 + 1 + MAX_PAYLOAD + 1 + 2

/** Addresses 0x00 and 0xFF are reserved (broadcast on some buses); devices use 1–254. */
export const MIN_ADDRESS = 1
export const MAX_ADDRESS = 254

export interface Frame {
  /** 1–254. */
  address: number
  /** One capital letter. */
  command: string
  /** Printable ASCII, at most MAX_PAYLOAD characters. */
  payload: string
}

const hex2 = (n: number) => n.toString(16).toUpperCase().padStart(2, '0')

/** XOR of `bytes`; the frame checksum over address…ETX. */
export function xorChecksum(bytes: Uint8Array): number {
  let sum = 0
  for (const b of bytes) sum ^= b
  return sum
}

/** True for the bytes a payload may hold (printable ASCII). */
export const isPayloadByte = (b: number) => b >= 0x20 && b <= 0x7e

/** Throws a RangeError naming the field when a frame cannot be encoded as given. */
export function checkFrame(frame: Frame): void {
  const { address, command, payload } = frame
  if (!Number.isInteger(address) || address < MIN_ADDRESS || address > MAX_ADDRESS) throw new RangeError(`address ${address} is not 1–254`)
  if (!/^[A-Z]$/.test(command)) throw new RangeError(`command ${JSON.stringify(command)} is not one capital letter`)
  if (payload.length > MAX_PAYLOAD) throw new RangeError(`payload is ${payload.length} characters; at most ${MAX_PAYLOAD}`)
  for (let i = 0; i < payload.length; i++) {
    if (!isPayloadByte(payload.charCodeAt(i))) throw new RangeError(`payload character ${i} is not printable ASCII`)
  }
}

/** The bytes of one frame. */
export function encodeFrame(frame: Frame): Buffer {
  checkFrame(frame)
  const body = Buffer.from(`${hex2(frame.address)}${frame.command}${frame.payload}\x03`, 'latin1')
  return Buffer.concat([Buffer.from([STX]), body, Buffer.from(hex2(xorChecksum(body)), 'latin1')])
}

/**
 * Replaces what a board cannot show with '?': a label is ASCII by construction (prefixes are
 * Latin letters), but a board must never receive a byte that would break framing.
 */
export function toPayloadText(text: string, maxLength = MAX_PAYLOAD): string {
  let out = ''
  for (const ch of text) out += ch.length === 1 && isPayloadByte(ch.charCodeAt(0)) ? ch : '?'
  return out.slice(0, maxLength)
}
