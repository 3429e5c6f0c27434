import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SerialPort } from 'serialport'
import { loadMockBinding, type MockPortBinding as MockPort } from '../../helpers/serialport-mock.ts'
import {
  buildTicketJob,
  HEALTHY,
  openPrinterTransport,
  PrintQueue,
  type JobOutcome,
  type PrinterTransport,
  type StatusBytes,
} from '../../../drivers/printer/index.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { SAMPLE } from './fixtures.ts'
import { openPtyPair, type PtyPair } from './pty-pair.ts'

// serialport (CommonJS) requires the CommonJS build of the mock; an ESM import would load the
// .mjs build, a second MockBinding whose ports serialport never sees.
const { MockBinding, MockPortBinding } = loadMockBinding()
type MockPortBinding = MockPort

/** Replies a printer on the far end gives to DLE EOT 1, 2, 4 (null = silent). */
function replyTo(query: Buffer, status: StatusBytes | null): Buffer | null {
  if (!status || query.length < 3 || query[0] !== 0x10 || query[1] !== 0x04) return null
  const byte = { 1: status.printer, 2: status.offline, 4: status.paper }[query[2]]
  return byte === undefined ? null : Buffer.from([byte])
}

describe('serial transport on a real pty pair (socat)', () => {
  let pair: PtyPair
  let far: SerialPort
  let received: Buffer
  let farStatus: StatusBytes | null
  const closers: (() => Promise<unknown>)[] = []

  beforeEach(async () => {
    pair = await openPtyPair()
    received = Buffer.alloc(0)
    farStatus = { printer: 0x12, offline: 0x12, paper: 0x12 }
    // The printer's end of the line: records what arrives and answers status queries.
    far = new SerialPort({ path: pair.b, baudRate: 115200, autoOpen: false })
    await new Promise<void>((resolve, reject) => far.open((err) => (err ? reject(err) : resolve())))
    far.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk])
      const reply = replyTo(chunk, farStatus)
      if (reply) far.write(reply)
    })
  })

  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
    if (far.isOpen) await new Promise((resolve) => far.close(resolve))
    await pair.close()
  })

  function transport(options = {}): PrinterTransport {
    const t = openPrinterTransport(`serial:${pair.a}?baudRate=115200`, options)
    closers.push(() => t.close())
    return t
  }

  async function receivedAtLeast(n: number): Promise<Buffer> {
    await vi.waitFor(() => expect(received.length, `received ${received.length} of ${n} bytes`).toBeGreaterThanOrEqual(n), {
      timeout: 20_000,
      interval: 10,
    })
    return received
  }

  it('a queued ticket crosses the tty byte for byte', async () => {
    const job = await buildTicketJob(SAMPLE, { type: 'epson', widthMm: 58 })
    const q = new PrintQueue(transport())
    closers.push(() => q.close())
    const started = Date.now()
    const outcome = await new Promise<JobOutcome>((resolve) => q.enqueue(job, resolve))
    expect(outcome, `after ${Date.now() - started} ms`).toMatchObject({ outcome: 'printed', attempts: 1 })
    const bytes = await receivedAtLeast(job.length)
    expect(bytes.equals(job)).toBe(true)
    expect(decodeJob(bytes).qrPayloads).toEqual([SAMPLE.statusUrl])
  })

  it('status queries are answered over the same line', async () => {
    const t = transport()
    expect(await t.queryStatus()).toEqual(HEALTHY)
    farStatus = { printer: 0x1a, offline: 0x16, paper: 0x12 }
    expect(await t.queryStatus()).toEqual({ ...HEALTHY, online: false, coverOpen: true })
    expect(
      received.equals(
        Buffer.from([0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04, 0x10, 0x04, 0x01, 0x10, 0x04, 0x02, 0x10, 0x04, 0x04]),
      ),
    ).toBe(true)
  })

  it('a silent printer → no-reply; the line still works afterwards', async () => {
    const t = transport({ statusTimeoutMs: 100 })
    farStatus = null
    await expect(t.queryStatus()).rejects.toMatchObject({ code: 'no-reply' })
    farStatus = { printer: 0x12, offline: 0x12, paper: 0x1e }
    expect(await t.queryStatus()).toEqual({ ...HEALTHY, paperNearEnd: true })
  })

  it('a device that does not exist → unreachable', async () => {
    const t = openPrinterTransport(`serial:${pair.a}-missing`)
    closers.push(() => t.close())
    await expect(t.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'unreachable' })
  })
})

describe('serial transport on serialport’s MockBinding', () => {
  const PATH = '/dev/ttyPRINTER'
  let status: StatusBytes | null
  const closers: (() => Promise<unknown>)[] = []

  beforeEach(() => {
    status = { printer: 0x12, offline: 0x12, paper: 0x12 }
    MockBinding.createPort(PATH, { record: true })
    // The mock printer answers DLE EOT right after it is written, like a real one.
    const write = MockPortBinding.prototype.write
    vi.spyOn(MockPortBinding.prototype, 'write').mockImplementation(async function (this: MockPortBinding, buffer: Buffer) {
      await write.call(this, buffer)
      await this.writeOperation
      const reply = replyTo(buffer, status)
      if (reply) this.emitData(reply)
    })
  })

  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
    vi.restoreAllMocks()
    MockBinding.reset()
  })

  function transport(): PrinterTransport {
    const t = openPrinterTransport(`serial:${PATH}?baudRate=19200`, { serialBinding: 'mock', statusTimeoutMs: 200 })
    closers.push(() => t.close())
    return t
  }

  it('records exactly the job', async () => {
    const recorded: Buffer[] = []
    const write = vi.mocked(MockPortBinding.prototype.write)
    const job = await buildTicketJob(SAMPLE, { type: 'star', widthMm: 80 })
    await transport().write(job)
    for (const call of write.mock.calls) recorded.push(call[0])
    expect(Buffer.concat(recorded).equals(job)).toBe(true)
    const port = write.mock.contexts[0] as MockPortBinding
    expect(port.recording.equals(job)).toBe(true)
    expect(decodeJob(port.recording, 'star').images[0].width).toBe(576)
  })

  it('reads status through the mock', async () => {
    const t = transport()
    status = { printer: 0x12, offline: 0x12, paper: 0x72 }
    expect(await t.queryStatus()).toEqual({ ...HEALTHY, paperOut: true })
    status = null
    await expect(t.queryStatus()).rejects.toMatchObject({ code: 'no-reply' })
  })

  it('a port that does not exist → unreachable', async () => {
    const t = openPrinterTransport('serial:/dev/ttyNOTHERE', { serialBinding: 'mock' })
    closers.push(() => t.close())
    await expect(t.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'unreachable' })
  })
})
