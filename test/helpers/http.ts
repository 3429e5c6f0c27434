/**
 * Real HTTP against a listening server with Node's global fetch: JSON in, JSON out. Used where
 * `inject()` would hide what the network does (concurrency, crashes, shutdown).
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
export async function expectHttp<T = any>(expected: number, base: string, method: string, path: string, options: HttpOptions = {}): Promise<T> {
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
    body: { prefix, nameAr: `خدمة ${prefix}`, nameEn: `Service ${prefix}`, targetWaitSeconds: 600 },
  })
}

/** Creates and pairs a device; returns its id and token. */
export async function createDevice(base: string, adminToken: string, kind: 'kiosk' | 'display', name: string): Promise<{ id: number; token: string }> {
  const device = await expectHttp<{ id: number; pairingCode: string }>(201, base, 'POST', '/api/v1/devices', { token: adminToken, body: { kind, name } })
  const paired = await expectHttp<{ token: string }>(200, base, 'POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })
  return { id: device.id, token: paired.token }
}
