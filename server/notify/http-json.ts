/**
 * One JSON POST to a provider, with its answer sorted the way the outbox acts on it: no answer,
 * 5xx or 429 is `down` (retry), a 4xx is `refused` (failed for good), a 2xx that is not JSON is
 * `garbage` (retry; the provider may have sent it, which is why it gets the idempotency key).
 */
import { ProviderError } from './provider.ts'

export interface JsonAnswer {
  status: number
  // biome-ignore lint/suspicious/noExplicitAny: a provider's JSON answer is untrusted and read defensively
  json: any
}

/** Posts `body` as JSON; resolves with a 2xx's parsed JSON, else throws a ProviderError. */
export async function postJson(url: string, headers: Record<string, string>, body: unknown, timeoutMs: number): Promise<JsonAnswer> {
  let res: Response
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } }
    throw new ProviderError('down', e.cause?.code ?? e.name ?? String(err))
  }
  const text = await res.text().catch(() => '')
  // biome-ignore lint/suspicious/noExplicitAny: see JsonAnswer
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const said = typeof json?.error?.message === 'string' ? `: ${json.error.message.slice(0, 200)}` : ''
  if (res.status === 429 || res.status >= 500) throw new ProviderError('down', `provider answered ${res.status}${said}`)
  if (res.status >= 400) throw new ProviderError('refused', `provider answered ${res.status}${said}`)
  if (res.status < 200 || res.status >= 300) throw new ProviderError('garbage', `provider answered ${res.status}`)
  if (json === undefined || json === null || typeof json !== 'object')
    throw new ProviderError(
      'garbage',
      `provider answered ${res.status} with something that is not JSON: ${JSON.stringify(text.slice(0, 80))}`,
    )
  return { status: res.status, json }
}

/** The value at a dot path (`data.messageId`) of a parsed answer, as a string; undefined when absent. */
export function pathValue(json: unknown, path: string): string | undefined {
  let at: unknown = json
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined
    at = (at as Record<string, unknown>)[key]
  }
  return typeof at === 'string' || typeof at === 'number' ? String(at) : undefined
}
