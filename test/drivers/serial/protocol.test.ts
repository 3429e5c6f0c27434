import { describe, expect, it } from 'vitest'
import {
  encodeAck,
  encodeFrame,
  encodeKeyPress,
  encodeNak,
  FrameDecoder,
  MAX_FRAME_LENGTH,
  parseKeyPress,
  tabourAscii,
  xorChecksum,
  type Decoded,
} from '../../../drivers/serial/index.ts'

const ascii = (b: Buffer) => b.toString('latin1').replace('\x02', '<STX>').replace('\x03', '<ETX>')
const frames = (results: Decoded[]) => results.filter((r) => r.ok).map((r) => (r as Extract<Decoded, { ok: true }>).frame)
const errors = (results: Decoded[]) => results.filter((r) => !r.ok).map((r) => (r as Extract<Decoded, { ok: false }>).error)

describe('frame encoding', () => {
  it('STX, address in hex, command, payload, ETX, XOR of address…ETX in hex', () => {
    const bytes = encodeFrame({ address: 0x1a, command: 'D', payload: 'A-015' })
    const body = Buffer.from('1AD' + 'A-015' + '\x03', 'latin1')
    const sum = xorChecksum(body)
    expect(ascii(bytes)).toBe(`<STX>1ADA-015<ETX>${sum.toString(16).toUpperCase().padStart(2, '0')}`)
    // worked by hand: 0x31^0x41^0x44^0x41^0x2d^0x30^0x31^0x35^0x03
    expect(sum).toBe(0x31 ^ 0x41 ^ 0x44 ^ 0x41 ^ 0x2d ^ 0x30 ^ 0x31 ^ 0x35 ^ 0x03)
  })

  it('refuses what it cannot frame, naming the field', () => {
    expect(() => encodeFrame({ address: 0, command: 'D', payload: '' })).toThrow(/address/)
    expect(() => encodeFrame({ address: 255, command: 'D', payload: '' })).toThrow(/address/)
    expect(() => encodeFrame({ address: 1, command: 'd', payload: '' })).toThrow(/command/)
    expect(() => encodeFrame({ address: 1, command: 'D', payload: 'x'.repeat(33) })).toThrow(/payload/)
    expect(() => encodeFrame({ address: 1, command: 'D', payload: 'a\x03b' })).toThrow(/payload/)
  })

  it('board commands: D steady, F flash, X blank; text cut to 16 and non-ASCII made ?', () => {
    expect(ascii(tabourAscii.encode(1, { text: 'A-015', flash: false }))).toMatch(/^<STX>01DA-015<ETX>[0-9A-F]{2}$/)
    expect(ascii(tabourAscii.encode(1, { text: 'A-015', flash: true }))).toMatch(/^<STX>01FA-015<ETX>[0-9A-F]{2}$/)
    expect(ascii(tabourAscii.encode(2, { text: '', flash: false }))).toMatch(/^<STX>02X<ETX>[0-9A-F]{2}$/)
    expect(ascii(tabourAscii.encode(3, { text: `ب-1—${'x'.repeat(20)}`, flash: false }))).toMatch(/^<STX>03D\?-1\?x{12}<ETX>[0-9A-F]{2}$/)
  })

  it('keypad press, ACK and NAK round-trip through the decoder', () => {
    const d = new FrameDecoder()
    const [press, ack, nak] = frames(
      d.push(Buffer.concat([encodeKeyPress(7, 'N', '3'), encodeAck(7, '3', 'A-001'), encodeNak(7, '4', 'C')])),
    )
    expect(parseKeyPress(press)).toEqual({ address: 7, key: 'N', seq: '3' })
    expect(ack).toEqual({ address: 7, command: 'A', payload: '3A-001' })
    expect(nak).toEqual({ address: 7, command: 'N', payload: '4C' })
    expect(parseKeyPress(ack)).toBeNull()
    expect(parseKeyPress({ address: 7, command: 'K', payload: 'Q1' })).toEqual({ bad: expect.stringMatching(/unknown key/), seq: '1' })
    expect(parseKeyPress({ address: 7, command: 'K', payload: 'N' })).toMatchObject({ bad: expect.any(String) })
  })
})

describe('frame decoder', () => {
  const good = encodeFrame({ address: 5, command: 'K', payload: 'N1' })

  it('reassembles a frame split at every possible point, and byte by byte', () => {
    for (let cut = 1; cut < good.length; cut++) {
      const d = new FrameDecoder()
      const results = [...d.push(good.subarray(0, cut)), ...d.push(good.subarray(cut))]
      expect(results, `cut at ${cut}`).toEqual([{ ok: true, frame: { address: 5, command: 'K', payload: 'N1' } }])
    }
    const d = new FrameDecoder()
    expect(frames([...good].flatMap((b) => d.push(Buffer.from([b]))))).toHaveLength(1)
  })

  it('drops garbage around frames and keeps the frames', () => {
    const d = new FrameDecoder()
    const results = d.push(Buffer.concat([Buffer.from('noise\xff\x00', 'latin1'), good, Buffer.from([0x03, 0x41]), good]))
    expect(frames(results)).toHaveLength(2)
    expect(errors(results)).toEqual(['garbage', 'garbage'])
  })

  it('a frame cut short by a new STX is reported and decoding resumes on that STX', () => {
    const d = new FrameDecoder()
    const results = d.push(Buffer.concat([good.subarray(0, 5), good]))
    expect(errors(results)).toEqual(['truncated'])
    expect(frames(results)).toHaveLength(1)
  })

  it('rejects a bad checksum, control bytes, too-short and oversize frames, then recovers', () => {
    const d = new FrameDecoder()
    const corrupt = Buffer.from(good)
    corrupt[4] = 'R'.charCodeAt(0)
    expect(errors(d.push(corrupt))).toEqual(['checksum'])
    expect(errors(d.push(Buffer.from('\x0201K\x07N1\x0300', 'latin1')))).toEqual(['malformed', 'garbage'])
    expect(errors(d.push(Buffer.from('\x0201\x0300', 'latin1')))).toContain('malformed')
    expect(errors(d.push(Buffer.from('\x02zzK\x03' + '00', 'latin1')))).toEqual(['malformed'])
    const long = Buffer.concat([Buffer.from('\x0201D', 'latin1'), Buffer.alloc(MAX_FRAME_LENGTH, 0x41), Buffer.from('\x0300', 'latin1')])
    expect(errors(d.push(long))).toEqual(['oversize', 'garbage'])
    expect(frames(d.push(good))).toHaveLength(1)
  })

  it('survives random bytes without throwing, and still decodes a frame after them', () => {
    const d = new FrameDecoder()
    let seed = 42
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff
    for (let i = 0; i < 200; i++) d.push(Buffer.from(Array.from({ length: 1 + (rand() % 60) }, rand)))
    expect(frames(d.push(good))).toHaveLength(1)
  })
})
