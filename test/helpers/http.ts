import { request } from 'node:http'

/**
 * Real HTTP against a listening server (Node's global fetch; node:http where the timing of the
 * body matters): JSON in, JSON out. Used where `inject()` would hide what the network does
 * (concurrency, crashes, shutdown).
 */
export interface HttpAnswer<T = any> {
  status: number
  body: T
  headers: Headers
}

export interface HttpOptions {
  token?: string
  body?: unknown
  headers?: Record<string, string>
}

/** One request; resolves with the status and the parsed body, rejects only on a network error. */
export async function http<T = any>(base: string, method: string, path: string, options: HttpOptions = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(base + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  })
  const text = await res.text()
  let body: unknown = text
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON: keep the text so a failure message shows it
  }
  return { status: res.status, body: body as T, headers: res.headers }
}

/** Like `http`, but throws (with the body) unless the status is the expected one. */
export async function expectHttp<T = any>(
  expected: number,
  base: string,
  method: string,
  path: string,
  options: HttpOptions = {},
): Promise<T> {
  const res = await http<T>(base, method, path, options)
  if (res.status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** Runs `fn` over `items` with at most `limit` at a time (scrypt-heavy setup would starve the server otherwise). */
export async function mapLimit<I, O>(items: readonly I[], limit: number, fn: (item: I, index: number) => Promise<O>): Promise<O[]> {
  const out: O[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** Admin setup through the real API: login, a service, a paired kiosk. */
export async function loginAs(base: string, username: string, password: string): Promise<string> {
  const body = await expectHttp<{ token: string }>(200, base, 'POST', '/api/v1/auth/login', { body: { username, password } })
  return body.token
}

export async function createService(base: string, adminToken: string, prefix: string): Promise<{ id: number; prefix: string }> {
  return expectHttp(201, base, 'POST', '/api/v1/services', {
    token: adminToken,
    // offered with no counter open (issue 14's default is not-offered): these tests issue from kiosks without opening one
    body: {
      prefix,
      nameAr: `خدمة ${prefix}`,
      nameEn: `Service ${prefix}`,
      targetWaitSeconds: 600,
      whenUnstaffed: 'offer-without-estimate',
    },
  })
}

/** Creates and pairs a device; returns its id and token. */
export async function createDevice(
  base: string,
  adminToken: string,
  kind: 'kiosk' | 'display',
  name: string,
): Promise<{ id: number; token: string }> {
  const device = await expectHttp<{ id: number; pairingCode: string }>(201, base, 'POST', '/api/v1/devices', {
    token: adminToken,
    body: { kind, name },
  })
  const paired = await expectHttp<{ token: string }>(200, base, 'POST', '/api/v1/devices/pair', {
    body: { pairingCode: device.pairingCode },
  })
  return { id: device.id, token: paired.token }
}

/**
 * A POST whose body arrives in two parts: the server has the request (headers parsed, handler
 * waiting for the body) before `finish()` sends the rest. An in-flight request, on demand.
 */
export function slowPost(base: string, path: string, token: string, body: unknown) {
  const text = JSON.stringify(body)
  const cut = Math.floor(text.length / 2)
  const req = request(`${base}${path}`, {
    method: 'POST',
    agent: false,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
  })
  const response = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.on('error', reject)
    req.on('response', (res) => {
      let data = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (data += chunk))
      res.on('end', () => {
        let parsed: unknown = data || null
        try {
          parsed = data ? JSON.parse(data) : null
        } catch {
          // not JSON: keep the text for the failure message
        }
        resolve({ status: res.statusCode ?? 0, body: parsed })
      })
      res.on('error', reject)
    })
  })
  response.catch(() => {}) // observed by the test; never an unhandled rejection meanwhile
  // the connection's own port, which the center's request log names (remotePort): see `heardBy`
  const localPort = new Promise<number>((resolve, reject) => {
    req.on('socket', (socket) => socket.once('connect', () => resolve(socket.localPort!)))
    req.on('error', reject)
  })
  localPort.catch(() => {})
  req.flushHeaders()
  req.write(text.slice(0, cut))
  return {
    response,
    /** The connection's own port (rejects when it never connected): the center's request log names it. */
    port: localPort,
    finish: () => req.end(text.slice(cut)),
    /**
     * Resolves once the server has read the request's headers, going by its request log (`output`,
     * a child's, read afresh): a fixed sleep is not enough on a loaded box, and headers still unread
     * when the server closes leave the connection idle in Node's eyes, to be reset, not answered.
     */
    async heardBy(output: () => string, timeoutMs = 15_000): Promise<void> {
      // the port whole: 4123 is not 41234
      const mark = new RegExp(`"remotePort":${await localPort}[,}]`)
      for (const until = Date.now() + timeoutMs; !mark.test(output()); ) {
        if (Date.now() > until) throw new Error(`the server did not log the request from port ${await localPort} within ${timeoutMs} ms`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
  }
}
