/**
 * A local HTTP SMS gateway for the tests: records every request (headers and JSON body) and
 * answers what the test says (up, down, garbage), on a real loopback port.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'

export interface GatewayRequest {
  path: string
  headers: IncomingHttpHeaders
  body: any
}

export type GatewayMode = 'up' | 'down' | 'garbage' | 'refuse'

export class FakeGateway {
  readonly requests: GatewayRequest[] = []
  mode: GatewayMode = 'up'
  /** Overrides the answer to a request in mode up (the WhatsApp fake checks the documented shape). */
  answer: (req: GatewayRequest) => { status: number; body: any } = (req) => ({
    status: 200,
    body: { id: `gw-${this.requests.indexOf(req) + 1}` },
  })
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeGateway> {
    let gateway!: FakeGateway
    const server = createServer((req, res) => {
      let raw = ''
      req.setEncoding('utf8')
      req.on('data', (c: string) => (raw += c))
      req.on('end', () => {
        if (gateway.mode === 'down') {
          res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"message":"maintenance"}}')
          return
        }
        let body: unknown = null
        try {
          body = JSON.parse(raw)
        } catch {
          body = raw
        }
        const request = { path: req.url ?? '', headers: req.headers, body }
        gateway.requests.push(request)
        if (gateway.mode === 'garbage') {
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Service Temporarily Unavailable</html>')
          return
        }
        if (gateway.mode === 'refuse') {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"destination not served"}}')
          return
        }
        const answer = gateway.answer(request)
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    gateway = new FakeGateway(server, `http://127.0.0.1:${port}`)
    return gateway
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}

/** Polls `check` until true; fails after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}
