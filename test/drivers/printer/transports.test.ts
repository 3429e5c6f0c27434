import { execFileSync } from 'node:child_process'
import { constants } from 'node:fs'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  buildTicketJob,
  FileTransport,
  HEALTHY,
  MemoryTransport,
  openPrinterTransport,
  openTicketPrinter,
  parsePrinterInterface,
  PrintQueue,
  TransportError,
  type JobOutcome,
  type TicketJobOutcome,
} from '../../../drivers/printer/index.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { SAMPLE } from './fixtures.ts'

describe('interface strings', () => {
  it.each([
    ['tcp://10.0.0.5:9100', { kind: 'tcp', host: '10.0.0.5', port: 9100 }],
    ['tcp://printer-3.center.local', { kind: 'tcp', host: 'printer-3.center.local', port: 9100 }],
    ['tcp://[::1]:9101', { kind: 'tcp', host: '::1', port: 9101 }],
    ['/dev/usb/lp0', { kind: 'file', path: '/dev/usb/lp0' }],
    ['serial:/dev/ttyUSB0?baudRate=19200', { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200 }],
    ['serial:/dev/ttyS0', { kind: 'serial', path: '/dev/ttyS0', baudRate: 9600 }],
    ['memory', { kind: 'memory' }],
  ])('%s', (iface, parsed) => {
    expect(parsePrinterInterface(iface)).toEqual(parsed)
  })

  it.each([
    '',
    ' tcp://10.0.0.5:9100',
    'usb://lp0',
    'tcp://10.0.0.5:99999',
    'tcp://10.0.0.5:9100/print',
    'tcp:10.0.0.5',
    'serial:ttyUSB0',
    'serial:/dev/ttyUSB0?baud=9600',
    'serial:/dev/ttyUSB0?baudRate=fast',
    'dev/usb/lp0',
    'printer:EPSON_TM_T20',
  ])('malformed %j → an error naming it', (iface) => {
    expect(() => openPrinterTransport(iface)).toThrow(`bad printer interface ${JSON.stringify(iface)}`)
  })

  it('a ticket printer with a malformed interface does not throw: its jobs fail naming the problem', async () => {
    const printer = openTicketPrinter({ type: 'epson', interface: 'usb://lp0', widthMm: 80 })
    try {
      const outcome = await new Promise<TicketJobOutcome>((resolve) => printer.print(SAMPLE, resolve))
      expect(outcome).toEqual({ outcome: 'failed', reason: expect.stringContaining('bad printer interface "usb://lp0"') })
    } finally {
      await printer.close()
    }
  })
})

describe('memory transport', () => {
  it('records writes, reports a settable status, fails on request', async () => {
    const memory = openPrinterTransport('memory') as MemoryTransport
    expect(memory).toBeInstanceOf(MemoryTransport)
    await memory.write(Buffer.from([1, 2, 3]))
    expect(memory.writes).toEqual([Buffer.from([1, 2, 3])])
    expect(await memory.queryStatus()).toEqual(HEALTHY)
    memory.status = { ...HEALTHY, paperOut: true, online: false }
    expect(await memory.queryStatus()).toMatchObject({ paperOut: true, online: false })
    memory.failNextWrite(new TransportError('write-failed', 'jammed'))
    await expect(memory.write(Buffer.from([4]))).rejects.toThrow('jammed')
    memory.reachable = false
    await expect(memory.queryStatus()).rejects.toMatchObject({ code: 'unreachable' })
    await memory.close()
    memory.reachable = true
    await expect(memory.write(Buffer.from([5]))).rejects.toMatchObject({ code: 'closed' })
    expect(memory.writes).toHaveLength(1)
  })
})

describe('file transport (node:fs, never node-thermal-printer’s retrying file writer)', () => {
  let dir = ''
  const cleanup: (() => Promise<unknown>)[] = []
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tabour-printer-'))
  })
  afterEach(async () => {
    for (const fn of cleanup.splice(0)) await fn()
    await rm(dir, { recursive: true, force: true })
  })

  it('appends each job to the device file, exactly once', async () => {
    const path = join(dir, 'lp0')
    await writeFile(path, '')
    const q = new PrintQueue(openPrinterTransport(path))
    cleanup.push(() => q.close())
    const job = await buildTicketJob(SAMPLE, { type: 'epson', widthMm: 80 })
    const outcomes = await Promise.all([job, job].map((j) => new Promise<JobOutcome>((resolve) => q.enqueue(j, resolve))))
    expect(outcomes.map((o) => o.outcome)).toEqual(['printed', 'printed'])
    const written = await readFile(path)
    expect(written.equals(Buffer.concat([job, job]))).toBe(true)
    expect(decodeJob(written).cuts).toBe(2)
  })

  it('status: present and writable → healthy but flagged unavailable; missing → unreachable', async () => {
    const path = join(dir, 'lp0')
    await writeFile(path, '')
    const transport = new FileTransport(path)
    expect(await transport.queryStatus()).toEqual({ ...HEALTHY, statusAvailable: false })
    await expect(new FileTransport(join(dir, 'lp9')).queryStatus()).rejects.toMatchObject({ code: 'unreachable' })
  })

  it('a missing device: unreachable, so the queue retries and then fails without having written', async () => {
    const q = new PrintQueue(openPrinterTransport(join(dir, 'gone', 'lp0')), { retries: 1, backoffMs: 1 })
    cleanup.push(() => q.close())
    const outcome = await new Promise<JobOutcome>((resolve) => q.enqueue(Buffer.from('x'), resolve))
    expect(outcome).toMatchObject({ outcome: 'failed', attempts: 2, maybePrinted: false })
    expect((outcome as { reason: string }).reason).toMatch(/unreachable.*ENOENT/)
  })

  it('a device nobody reads (a FIFO): no reader → unreachable; a stalled reader → write times out, not retried', async () => {
    const fifo = join(dir, 'fifo')
    execFileSync('mkfifo', [fifo])
    const transport = new FileTransport(fifo, { writeTimeoutMs: 150 })
    await expect(transport.write(Buffer.from('x'))).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/ENXIO/) })
    // A reader that never reads: the pipe buffer (64 KiB) fills, then every write is EAGAIN.
    const reader = await open(fifo, constants.O_RDONLY | constants.O_NONBLOCK)
    cleanup.push(() => reader.close())
    const q = new PrintQueue(transport, { retries: 3, backoffMs: 1 })
    cleanup.push(() => q.close())
    const outcome = await new Promise<JobOutcome>((resolve) => q.enqueue(Buffer.alloc(256 * 1024, 0x55), resolve))
    expect(outcome).toMatchObject({ outcome: 'failed', attempts: 1, maybePrinted: true })
    expect((outcome as { reason: string }).reason).toMatch(/did not take the job within 150 ms \(\d+ of 262144 bytes sent\)/)
  })
})
