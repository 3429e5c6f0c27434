import { request, type Agent } from 'node:http'

/**
 * JSON over node:http through the caller's keep-alive agent, for load generators (the soak test,
 * the busy-day bench): lighter than fetch, so the load leaves the server its core, and the caller
 * destroys its connections when the load stops (fetch would keep them ~70 s). No vitest here:
 * bench/ runs outside it.
 */
export interface JsonAnswer {
  status: number
  /** Parsed JSON; null for an empty body; the text when it is not JSON. */
  body: any
}

/** One request; resolves with the status and the body, rejects only on a network error. */
export function requestJson(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonAnswer> {
  const text = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(
      base + path,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(text ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let data = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (data += chunk))
        res.on('end', () => {
          let parsed: unknown = data
          try {
            parsed = data ? JSON.parse(data) : null
          } catch {
            // keep the text for the failure message
          }
          resolve({ status: res.statusCode ?? 0, body: parsed })
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(text)
  })
}
