import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { REPO_ROOT } from '../../helpers/child-server.ts'

/** One request a receiver got, with the test clock's time when it arrived (for the signature's age). */
export interface Received {
  headers: IncomingHttpHeaders
  body: string
  atMs: number
  answered: number
}

export type ReceiverMode = 'ok' | 'fail' | 'hang' | 'redirect'

/**
 * A real HTTP receiver on a loopback port 0 that answers as told: 200, 500, a redirect, or
 * nothing at all (hangs). Every request it gets is recorded.
 */
export class Receiver {
  mode: ReceiverMode = 'ok'
  readonly received: Received[] = []
  private server!: Server
  url = ''

  constructor(private readonly clock: () => number = Date.now) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const mode = this.mode
        const answered = mode === 'ok' ? 200 : mode === 'fail' ? 500 : mode === 'redirect' ? 302 : 0
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), atMs: this.clock(), answered })
        if (mode === 'hang') return
        if (mode === 'redirect') res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end()
        else res.writeHead(answered, { 'content-type': 'text/plain' }).end(mode === 'ok' ? 'stored' : 'down')
      })
    })
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    const address = this.server.address()
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`
    return this
  }

  /** The deliveries it accepted (answered 2xx), each idempotency id once, in arrival order. */
  accepted(): Received[] {
    const seen = new Set<string>()
    return this.received.filter((r) => {
      const id = String(r.headers['tabour-delivery'])
      if (r.answered !== 200 || seen.has(id)) return false
      seen.add(id)
      return true
    })
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}

/** A TCP server that answers every connection with bytes that are not HTTP. */
export async function garbageServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: TcpServer = createTcpServer((socket) => {
    socket.on('data', () => socket.end('\x00\x01 this is not http at all\r\n\r\n'))
    socket.on('error', () => {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

export type Verify = (secret: string, header: string, rawBody: string, toleranceSeconds?: number, nowSeconds?: number) => boolean

/** The verification snippet exactly as docs/webhooks.md shows it (its first ```js block), loaded as a module. */
export async function documentedVerifier(): Promise<Verify> {
  const doc = readFileSync(join(REPO_ROOT, 'docs/webhooks.md'), 'utf8')
  const block = /```js\n([\s\S]*?)```/.exec(doc)?.[1]
  if (!block) throw new Error('docs/webhooks.md has no ```js block')
  const file = join(mkdtempSync(join(tmpdir(), 'tabour-verify-')), 'verify.mjs')
  writeFileSync(file, block)
  const mod = (await import(pathToFileURL(file).href)) as { verifyTabourSignature: Verify }
  return mod.verifyTabourSignature
}

/** Config for a center whose webhooks may reach loopback receivers (listed by their exact address, over http). */
export const LOOPBACK_WEBHOOKS = {
  allowedHosts: ['127.0.0.1'],
  httpHosts: ['127.0.0.1'],
  timeoutSeconds: 2,
  retryMinSeconds: 10,
  retryMaxSeconds: 600,
  // the tests drive rounds themselves after moving the clock
  pollSeconds: 3600,
}
