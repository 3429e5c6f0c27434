import { isAbsolute } from 'node:path'

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
