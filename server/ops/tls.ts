import { readFileSync, unwatchFile, watchFile } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { Config } from '../config.ts'

/** Whether config `tls` turns HTTPS on (a certificate and a key are named). */
export const tlsOn = (config: Pick<Config, 'tls'>): boolean => Boolean(config.tls.certFile && config.tls.keyFile)

/** The certificate and key of config `tls`, read now; undefined when TLS is off. */
export function readTlsFiles(config: Pick<Config, 'tls'>): { cert: Buffer; key: Buffer } | undefined {
  const { certFile, keyFile } = config.tls
  if (!certFile || !keyFile) return undefined
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) }
}

/** How often the certificate files are checked for a change (a renewal). */
const WATCH_INTERVAL_MS = 2_000

/**
 * Keeps an HTTPS server on the current certificate without a restart: re-reads both files when
 * either changes (polled, so a renewal tool's rename is seen too) and when `reload()` is called
 * (SIGHUP in main.ts). New connections get the new certificate; open ones keep theirs. A pair that
 * cannot be read or does not match is logged and the old one stays in use. Returns a stop function.
 */
export function keepTlsFresh(
  server: HttpsServer,
  config: Pick<Config, 'tls'>,
  log: { info: (o: object, m: string) => void; error: (o: object, m: string) => void },
): { reload: () => boolean; stop: () => void } {
  const reload = (): boolean => {
    try {
      const files = readTlsFiles(config)
      if (!files) return false
      server.setSecureContext(files)
      log.info({ certFile: config.tls.certFile }, 'TLS certificate reloaded')
      return true
    } catch (err) {
      log.error({ err, certFile: config.tls.certFile }, 'TLS certificate not reloaded; the previous one stays in use')
      return false
    }
  }
  const files = [config.tls.certFile, config.tls.keyFile].filter((f): f is string => f !== undefined)
  let pending: NodeJS.Timeout | undefined
  // cert and key are often replaced one after the other: reload once both have landed
  const changed = () => {
    clearTimeout(pending)
    pending = setTimeout(reload, 200)
  }
  for (const file of files) watchFile(file, { interval: WATCH_INTERVAL_MS, persistent: false }, changed)
  return {
    reload,
    stop: () => {
      clearTimeout(pending)
      for (const file of files) unwatchFile(file, changed)
    },
  }
}

/**
 * A plain-HTTP listener that sends every request to the same path over HTTPS (301 for GET and
 * HEAD, 308 for the rest so a method and body are kept), on the host the client asked for.
 */
export function startHttpRedirect(port: number, host: string, httpsPort: number): Promise<Server> {
  const server = createServer((request, response) => {
    // the name the client used, if it is one (a Host header is the client's own word, never echoed raw)
    const asked = (request.headers.host ?? '').replace(/:\d+$/, '')
    const hostname = /^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:.]+\]$/.test(asked) ? asked : 'localhost'
    const target = `https://${hostname}${httpsPort === 443 ? '' : `:${httpsPort}`}${request.url ?? '/'}`
    const status = request.method === 'GET' || request.method === 'HEAD' ? 301 : 308
    response.writeHead(status, { location: target, 'content-type': 'text/plain; charset=utf-8', connection: 'close' })
    response.end(`HTTPS only: ${target}\n`)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}
