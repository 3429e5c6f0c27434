import { BlockList, isIP } from 'node:net'
import { posix } from 'node:path'
import { ErrorCodes, fieldError } from '../errors.ts'

/** What config `devicePaths` allows. */
export interface DevicePathRules {
  allowedRoots: string[]
  allowPublicPrinterHosts: boolean
}

/**
 * The one check for a printer's or a serial line's device path: absolute, already canonical (no
 * `..` or `.` segment, no `//`, no trailing `/`, so what is checked is what will be opened) and
 * under one of the allowed roots (/dev by default). Without it an admin could make the printer
 * append ticket bytes to any file the server may write. BAD_DEVICE_PATH (400) names `field`.
 */
export function checkDevicePath(path: string, field: string, rules: DevicePathRules): void {
  const canonical = path.startsWith('/') && !path.includes('\0') && posix.normalize(path) === path && !path.endsWith('/')
  const segments = path.split('/')
  if (!canonical || segments.includes('..') || segments.includes('.'))
    throw fieldError(
      ErrorCodes.BAD_DEVICE_PATH,
      { field, reason: 'invalid' },
      `${field} ${path}: not a canonical absolute path (no .., no //)`,
    )
  const roots = rules.allowedRoots.map((root) => posix.normalize(root).replace(/\/+$/, ''))
  if (!roots.some((root) => path.startsWith(`${root}/`)))
    throw fieldError(ErrorCodes.BAD_DEVICE_PATH, { field, reason: 'not-allowed' }, `${field} ${path}: must be under ${roots.join(' or ')}`)
}

/** Private, loopback and link-local networks: where a center's printers are. */
const LOCAL_NETWORKS = new BlockList()
for (const [net, bits] of [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
] as const)
  LOCAL_NETWORKS.addSubnet(net, bits, 'ipv4')
for (const [net, bits] of [
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  LOCAL_NETWORKS.addSubnet(net, bits, 'ipv6')

/** Whether `host` (an IP literal, bracketed for IPv6, or a name) is on a private or loopback network; only `localhost` among names. */
export function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1')
  if (bare.toLowerCase() === 'localhost') return true
  const family = isIP(bare)
  if (family === 0) return false
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1] : undefined
  if (mapped) return LOCAL_NETWORKS.check(mapped, 'ipv4')
  return LOCAL_NETWORKS.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * Checks a kiosk printer's `interface` (already matched by the schema): a device file or a
 * `serial:` path goes through checkDevicePath; a `tcp://` printer must be on a private or loopback
 * address unless config allows any (PRINTER_HOST_NOT_ALLOWED, 400).
 */
export function checkPrinterInterface(iface: string, field: string, rules: DevicePathRules): void {
  if (iface.startsWith('tcp://')) {
    const host = /^tcp:\/\/(\[[^\]]+\]|[^:]+):\d+$/.exec(iface)?.[1] ?? ''
    if (!rules.allowPublicPrinterHosts && !isLocalHost(host))
      throw fieldError(
        ErrorCodes.PRINTER_HOST_NOT_ALLOWED,
        { field, reason: 'not-allowed' },
        `${field} ${iface}: a network printer must be on a private or loopback address (config devicePaths.allowPublicPrinterHosts)`,
      )
    return
  }
  checkDevicePath(iface.replace(/^serial:/, '').replace(/\?.*$/, ''), field, rules)
}
