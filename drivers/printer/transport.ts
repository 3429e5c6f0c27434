import { isAbsolute } from 'node:path'
import type { PrinterStatus } from './printer-status.ts'
import { TcpTransport } from './tcp-transport.ts'
import { FileTransport } from './file-transport.ts'
import { SerialTransport } from './serial-transport.ts'
import { MemoryTransport } from './memory-transport.ts'

/**
 * A link to one printer. Calls are serialized by the transport itself. Failures reject with
 * a `TransportError` whose code says whether any byte can have reached the printer.
 */
export interface PrinterTransport {
  /** Sends one job; resolves when the bytes have left (socket ended, device written, serial drained), not when paper moves. */
  write(data: Buffer): Promise<void>
  /** Asks the printer for its real-time status (DLE EOT 1, 2, 4). */
  queryStatus(): Promise<PrinterStatus>
  /** Releases the link; later calls reject with code `closed`. */
  close(): Promise<void>
}

/** Tuning for `openPrinterTransport`; every field is optional. */
export interface TransportOptions {
  /** How long to wait for a TCP connection or a serial port to open. Default 3000 ms. */
  connectTimeoutMs?: number
  /** Longest a job may take to send. Default 15000 ms; serial adds twice the time the bytes need at the baud rate. */
  writeTimeoutMs?: number
  /** How long to wait for each status reply byte. Default 1000 ms. */
  statusTimeoutMs?: number
  /** How long a TCP transport waits for the printer to close its side after a job before calling it sent. Default 2000 ms. */
  closeGraceMs?: number
  /** serialport binding: the OS (default) or serialport's MockBinding, for tests. */
  serialBinding?: 'os' | 'mock'
}

/** An interface string, parsed. */
export type ParsedInterface =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'memory' }

/** Baud rate when `serial:` names none: the factory default of most ESC/POS serial printers. */
export const DEFAULT_BAUD_RATE = 9600

const FORMS = 'expected tcp://host:9100, an absolute device path such as /dev/usb/lp0, serial:/dev/ttyUSB0?baudRate=19200 or memory'

/** Parses `tcp://host[:port]` (port default 9100), an absolute path, `serial:/path[?baudRate=N]` (default 9600) or `memory`; throws an Error quoting a malformed one. */
export function parsePrinterInterface(iface: string): ParsedInterface {
  const bad = (why: string) => new Error(`bad printer interface ${JSON.stringify(iface)}: ${why}; ${FORMS}`)
  if (typeof iface !== 'string' || iface.trim() !== iface || iface === '') throw bad('empty or padded')
  if (iface === 'memory') return { kind: 'memory' }
  if (iface.startsWith('tcp:')) {
    let url: URL
    try {
      url = new URL(iface)
    } catch {
      throw bad('not a URL')
    }
    if (
      !iface.startsWith('tcp://') ||
      !url.hostname ||
      url.username ||
      url.password ||
      (url.pathname !== '' && url.pathname !== '/') ||
      url.search ||
      url.hash
    ) {
      throw bad('a TCP printer is tcp://host:port and nothing else')
    }
    const port = url.port === '' ? 9100 : Number(url.port)
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad('port out of range')
    return { kind: 'tcp', host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port }
  }
  if (iface.startsWith('serial:')) {
    const [path, query, ...rest] = iface.slice('serial:'.length).split('?')
    if (rest.length || !path || !isAbsolute(path)) throw bad('a serial printer is serial:/dev/… with an absolute path')
    const params = new URLSearchParams(query ?? '')
    for (const key of params.keys()) if (key !== 'baudRate') throw bad(`unknown option ${key}`)
    const raw = params.get('baudRate')
    const baudRate = raw === null ? DEFAULT_BAUD_RATE : Number(raw)
    if (!/^\d+$/.test(raw ?? '9600') || !Number.isInteger(baudRate) || baudRate < 50 || baudRate > 4_000_000)
      throw bad('baudRate must be a whole number like 9600 or 115200')
    return { kind: 'serial', path, baudRate }
  }
  if (isAbsolute(iface) && !iface.includes('\0')) return { kind: 'file', path: iface }
  throw bad('unknown form')
}

/** Opens a transport for an interface string (see `parsePrinterInterface`). Nothing connects until the first call. */
export function openPrinterTransport(iface: string, options: TransportOptions = {}): PrinterTransport {
  const parsed = parsePrinterInterface(iface)
  switch (parsed.kind) {
    case 'tcp':
      return new TcpTransport(parsed.host, parsed.port, options)
    case 'file':
      return new FileTransport(parsed.path, options)
    case 'serial':
      return new SerialTransport(parsed.path, parsed.baudRate, options)
    case 'memory':
      return new MemoryTransport()
  }
}
