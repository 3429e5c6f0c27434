import { networkInterfaces } from 'node:os'
import type { Config } from './config.ts'
import { tlsOn } from './ops/tls.ts'

/** Addresses that mean "every interface": no one can reach the center by them. */
const WILDCARDS = new Set(['0.0.0.0', '::', '::0', '0:0:0:0:0:0:0:0'])

/** The machine's first non-internal IPv4 address (what kiosks and phones on the LAN reach), else 127.0.0.1. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}

/**
 * The center's address as the operator configured it, never as a caller described it: `publicUrl`
 * when set, else the scheme (https with TLS), the address the server is bound to (`listening`,
 * when known: a host app embedding the center may listen elsewhere than `host` says), else the
 * configured `host`, the LAN address for a wildcard; and the port it listens on, else `port`. A
 * request's Host header is the caller's word: a forged one must not reach a ticket's QR or a link
 * the center prints.
 */
export function centerAddress(
  config: Pick<Config, 'publicUrl' | 'host' | 'port' | 'tls'>,
  listening?: { address?: string; port: number },
): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '')
  const bound = [listening?.address, config.host].find((h) => h !== undefined && !WILDCARDS.has(h))
  const host = bound ?? lanAddress()
  const port = listening?.port ?? config.port
  return `${tlsOn(config) ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
