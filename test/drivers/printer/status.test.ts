import { afterEach, describe, expect, it } from 'vitest'
import {
  decodeStatus,
  HEALTHY,
  openPrinterTransport,
  TransportError,
  type PrinterTransport,
  type StatusBytes,
} from '../../../drivers/printer/index.ts'
import { FakePrinter, refusedPort } from './fake-printer.ts'

// 0x12 = only the fixed bits (1 and 4) set: no fault
const OK = 0x12
const bytes = (over: Partial<StatusBytes>): StatusBytes => ({ printer: OK, offline: OK, paper: OK, ...over })

describe('decodeStatus', () => {
  it('fixed bits only: healthy', () => {
    expect(decodeStatus(bytes({}))).toEqual(HEALTHY)
  })

  it.each([
    ['n=1 0x08 offline', { printer: OK | 0x08 }, { online: false }],
    ['n=2 0x04 cover open', { offline: OK | 0x04 }, { coverOpen: true }],
    ['n=2 0x20 stopped at paper end', { offline: OK | 0x20 }, { paperOut: true }],
    ['n=2 0x40 error', { offline: OK | 0x40 }, { error: true }],
    ['n=4 0x0C paper near end', { paper: OK | 0x0c }, { paperNearEnd: true }],
    ['n=4 0x04 one near-end sensor bit', { paper: OK | 0x04 }, { paperNearEnd: true }],
    ['n=4 0x60 paper out', { paper: OK | 0x60 }, { paperOut: true }],
  ] as const)('%s', (_name, over, expected) => {
    expect(decodeStatus(bytes(over))).toEqual({ ...HEALTHY, ...expected })
  })

  it('a printer out of paper with its cover open reports all of it', () => {
    expect(decodeStatus({ printer: OK | 0x08, offline: OK | 0x04 | 0x20, paper: OK | 0x0c | 0x60 })).toEqual({
      online: false,
      coverOpen: true,
      paperNearEnd: true,
      paperOut: true,
      error: false,
    })
  })

  it.each([
    ['out of range', { paper: 256 }, /paper byte \(DLE EOT 4\) is 256, not a byte/],
    ['negative', { printer: -1 }, /printer byte \(DLE EOT 1\) is -1/],
    ['fractional', { offline: 18.5 }, /offline byte .* is 18.5/],
    ['NaN', { offline: Number.NaN }, /is NaN/],
    ['missing', { paper: undefined as unknown as number }, /paper byte .* is undefined/],
    ['fixed bits clear (0x00)', { printer: 0x00 }, /0x00 is not a reply to DLE EOT 1/],
    ['bit 7 set (0xff)', { paper: 0xff }, /0xff is not a reply to DLE EOT 4/],
  ] as const)('bad byte (%s) → a clear Error', (_name, over, message) => {
    expect(() => decodeStatus(bytes(over))).toThrow(message)
  })

  it('not even an object → an Error, not a TypeError crash', () => {
    expect(() => decodeStatus(null as unknown as StatusBytes)).toThrow(/printer status: the printer byte/)
  })
})

describe('status over TCP (DLE EOT to a fake network printer)', () => {
  let printer: FakePrinter | null = null
  let transport: PrinterTransport | null = null

  afterEach(async () => {
    await transport?.close()
    await printer?.close()
    transport = printer = null
  })

  async function query(status: StatusBytes | null, options = {}) {
    printer = await FakePrinter.start()
    if (status) printer.status = status
    else printer.answersStatus = false
    transport = openPrinterTransport(printer.url, { statusTimeoutMs: 200, ...options })
    return transport.queryStatus()
  }

  it('healthy', async () => {
    expect(await query(bytes({}))).toEqual(HEALTHY)
  })

  it('paper out', async () => {
    expect(await query(bytes({ printer: OK | 0x08, offline: OK | 0x20, paper: OK | 0x6c }))).toEqual({
      ...HEALTHY,
      online: false,
      paperNearEnd: true,
      paperOut: true,
    })
  })

  it('cover open', async () => {
    expect(await query(bytes({ printer: OK | 0x08, offline: OK | 0x04 }))).toEqual({ ...HEALTHY, online: false, coverOpen: true })
  })

  it('one connection per query, closed afterwards', async () => {
    await query(bytes({}))
    await transport!.queryStatus()
    expect(printer!.connections).toBe(2)
    expect(printer!.jobConnections).toBe(0)
  })

  it('a printer that does not answer → no-reply', async () => {
    const err = await query(null).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TransportError)
    expect((err as TransportError).code).toBe('no-reply')
    expect((err as Error).message).toMatch(/did not answer DLE EOT 1 within 200 ms/)
  })

  it('garbage instead of status → bad-reply', async () => {
    const err = await query(bytes({ paper: 0xff })).catch((e: unknown) => e)
    expect((err as TransportError).code).toBe('bad-reply')
    expect((err as Error).message).toMatch(/0xff is not a reply to DLE EOT 4/)
  })

  it('a refused port → unreachable', async () => {
    transport = openPrinterTransport(`tcp://127.0.0.1:${await refusedPort()}`)
    const err = await transport.queryStatus().catch((e: unknown) => e)
    expect((err as TransportError).code).toBe('unreachable')
    expect((err as Error).message).toMatch(/ECONNREFUSED/)
  })
})
