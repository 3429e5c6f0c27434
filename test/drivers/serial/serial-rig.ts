import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { SerialPort } from 'serialport'
import { loadMockBinding, type MockPortBinding as MockPort } from '../../helpers/serialport-mock.ts'
import type { SerialBinding } from '../../../drivers/serial/index.ts'

// serialport (CommonJS) requires the CommonJS build of the mock; an ESM import would load the
// .mjs build, a second MockBinding whose ports serialport never sees.
const { MockBinding } = loadMockBinding()

/**
 * The far end of one serial line, the same for the mock binding and a real pty pair, so one
 * suite runs on both: what the server wrote, a way to send it bytes, and a cable to pull.
 */
export interface SerialRig {
  readonly kind: 'mock' | 'pty'
  /** The path the server opens. */
  readonly path: string
  /** The binding to give the server: MockBinding for mock, undefined (the OS) for pty. */
  readonly binding: SerialBinding | undefined
  /** Every byte the server wrote, across reopens. */
  received(): Buffer
  /** Bytes as if sent by a device on the line; the server's port must be open. */
  send(bytes: Buffer): Promise<void>
  /** The device goes away: the open port breaks and reopening fails. */
  unplug(): Promise<void>
  /** It comes back on the same path. */
  replug(): Promise<void>
  close(): Promise<void>
}

const uid = () => `${process.pid}-${randomBytes(4).toString('hex')}`

/** Waits for `predicate` with a bounded poll; the bound is a safety net, never the thing tested. */
export async function until(predicate: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

/** A MockBinding port whose writes are recorded across reopens and which can be "unplugged". */
export function mockRig(): SerialRig {
  const path = `/dev/ttyMOCK-${uid()}`
  let received = Buffer.alloc(0)
  let current: MockPort | null = null
  let plugged = true
  const breakReads = new Set<(err: Error) => void>()
  MockBinding.createPort(path, { record: false, echo: false })
  const binding: SerialBinding = {
    list: () => MockBinding.list(),
    async open(options) {
      if (!plugged || options.path !== path) throw new Error(`No such file or directory, cannot open ${options.path}`)
      const port = await MockBinding.open(options)
      const write = port.write.bind(port)
      port.write = async (data: Buffer) => {
        await write(data)
        received = Buffer.concat([received, data])
      }
      // a pending read failing with a non-cancel error is how serialport learns of an unplug
      const read = port.read.bind(port)
      port.read = (buffer, offset, length) =>
        new Promise((resolve, reject) => {
          if (!plugged) return reject(new Error('device disconnected'))
          breakReads.add(reject)
          read(buffer, offset, length)
            .then(resolve, reject)
            .finally(() => breakReads.delete(reject))
        })
      current = port
      return port
    },
  }
  return {
    kind: 'mock',
    path,
    binding,
    received: () => received,
    async send(bytes) {
      if (!current?.isOpen) throw new Error('mock port not open')
      current.emitData(bytes)
    },
    async unplug() {
      plugged = false
      for (const fail of [...breakReads]) fail(new Error('device disconnected'))
    },
    async replug() {
      plugged = true
    },
    async close() {
      current = null
    },
  }
}

/** A socat pty pair: the server opens end A, the test plays the device on end B. */
export async function ptyRig(): Promise<SerialRig> {
  const id = uid()
  const a = `/tmp/tabour-${id}-A`
  const b = `/tmp/tabour-${id}-B`
  let socat: ChildProcess | null = null
  let far: SerialPort | null = null
  let received = Buffer.alloc(0)

  // socat links end A under a temporary name, renamed into place only once the far end is
  // open: a real board is listening the moment it is plugged in, and bytes the server sends
  // before anyone opens end B would otherwise be lost
  const pending = `${a}.pending`

  async function startSocat() {
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${pending}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' })
    socat = child
    let exited = false
    child.once('exit', () => (exited = true))
    await until(() => exited || (existsSync(pending) && existsSync(b)), 'socat links')
    if (exited) throw new Error('socat exited before making its links')
    const port = new SerialPort({ path: b, baudRate: 9600, autoOpen: false })
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())))
    port.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])))
    port.on('error', () => {})
    far = port
    renameSync(pending, a)
  }

  async function stopSocat() {
    const child = socat
    socat = null
    const port = far
    far = null
    if (port?.isOpen) await new Promise((r) => port.close(r))
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    // the device node goes, as /dev/ttyUSB0 does when unplugged; a dangling link to /dev/pts/N
    // could otherwise lead to the next socat's pty, which reuses the number
    rmSync(a, { force: true })
  }

  await startSocat()
  return {
    kind: 'pty',
    path: a,
    binding: undefined,
    received: () => received,
    async send(bytes) {
      const port = far
      if (!port) throw new Error('pty far end not open')
      await new Promise<void>((resolve, reject) =>
        port.write(bytes, (err) => (err ? reject(err) : port.drain((e) => (e ? reject(e) : resolve())))),
      )
    },
    unplug: stopSocat,
    replug: startSocat,
    async close() {
      await stopSocat()
      rmSync(pending, { force: true })
    },
  }
}

export const RIGS = [
  ['mock', mockRig],
  ['pty', ptyRig],
] as const satisfies readonly (readonly [string, () => SerialRig | Promise<SerialRig>])[]
