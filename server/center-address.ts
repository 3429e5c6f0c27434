import { networkInterfaces } from 'node:os'
import type { Config } from './config.ts'
import { tlsOn } from './ops/tls.ts'

/** The machine's first non-internal IPv4 address (what kiosks and phones on the LAN reach), else 127.0.0.1. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address
  }
  return '127.0.0.1'
}

/**
 * The center's address as the operator configured it, never as a caller described it: `publicUrl`
 * when set, else the scheme (https with TLS), the configured `host` (the LAN address when it
 * listens on all of them) and `port` (the one it listens on, when known). A request's Host header
 * is the caller's word: a forged one must not reach a ticket's QR or a link the center prints.
 */
export function centerAddress(config: Pick<Config, 'publicUrl' | 'host' | 'port' | 'tls'>, listeningPort?: number): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/$/, '')
  const host = config.host === '0.0.0.0' || config.host === '::' ? lanAddress() : config.host
  const port = listeningPort ?? config.port
  return `${tlsOn(config) ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`
}
