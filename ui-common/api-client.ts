/**
 * JSON over fetch for the UIs, with the two failures a screen must tell apart: the server
 * answered with an error (`ApiError`, its stable `code` from protocol/error-codes.ts), or it
 * could not be reached at all (`NetworkError`: refused, reset, timed out, or a 502/503/504
 * from whatever stands in front of it).
 */
import type { ClosedDetail, UnservedDetail } from '../protocol/error-codes.ts'

/** What an error body says about one field (protocol/error-codes.ts ErrorDetail), as received. */
export interface ApiErrorDetail {
  /** The request field at fault, `/` between levels (`prefix`, `config/printer/interface`). */
  field: string
  /** Why, a stable word (`required`, `minLength`, `duplicate`, `too-weak`…). */
  reason: string
  limit?: number
}

/** The server answered with an error body `{statusCode, code, error, message}` (and `field`, `reason`, `limit` when one field is at fault). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The field the server named, if any: screens put their own sentence next to it. Default none. */
    readonly detail: ApiErrorDetail | null = null,
    /** A refusal for the service's hours (SERVICE_CLOSED): the hours' facts the body carried; default none. */
    readonly closed: ClosedDetail | null = null,
    /** A counter edit that would leave waiting lines with no counter (LAST_COUNTER_OF_WAITING_SERVICE): each line and how many wait; default none. */
    readonly unserved: UnservedDetail['unserved'] | null = null,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The server could not be reached, or a gateway in front of it said so. */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NetworkError'
  }
}

/** Options for `requestJson`. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  /** Bearer token; none by default. */
  token?: string | null
  body?: unknown
  headers?: Record<string, string>
  /** Give up after this long (a hung connection must not freeze a kiosk); default 10 s. */
  timeoutMs?: number
}

/** Statuses that mean "the server is not there", not "the server said no". */
const UNREACHABLE = new Set([502, 503, 504])

/** One request; resolves with the parsed JSON body, rejects with ApiError or NetworkError. */
export async function requestJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    })
  } catch (err) {
    throw new NetworkError(err instanceof Error ? err.message : String(err))
  }
  let text: string
  try {
    text = await res.text()
  } catch (err) {
    // the body never came whole (the timeout fired, or the connection dropped, after the headers):
    // for a 2xx that is no answer at all, not an empty one (a screen would take `null` for its data)
    if (res.ok) throw new NetworkError(err instanceof Error ? err.message : String(err))
    text = ''
  }
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    // not JSON (a proxy's error page): handled below by the status
  }
  if (res.ok) return body as T
  const err = (body ?? {}) as {
    code?: unknown
    message?: unknown
    field?: unknown
    reason?: unknown
    limit?: unknown
    closedReason?: unknown
    unserved?: unknown
  }
  // a 503 with a Tabour code (NOT_READY) is still the server talking, but it cannot serve: unreachable for a screen
  if (UNREACHABLE.has(res.status)) throw new NetworkError(`HTTP ${res.status}`)
  throw new ApiError(
    res.status,
    typeof err.code === 'string' ? err.code : `HTTP_${res.status}`,
    typeof err.message === 'string' ? err.message : res.statusText,
    typeof err.field === 'string'
      ? { field: err.field, reason: String(err.reason ?? 'invalid'), ...(typeof err.limit === 'number' ? { limit: err.limit } : {}) }
      : null,
    typeof err.closedReason === 'string' ? closedDetailOf(err as Record<string, unknown>) : null,
    Array.isArray(err.unserved) ? (err.unserved as UnservedDetail['unserved']) : null,
  )
}

/** A SERVICE_CLOSED body's hours facts, as received (the server's ErrorResponse schema vouches for their types). */
function closedDetailOf(err: Record<string, unknown>): ClosedDetail {
  const isoOrNull = (v: unknown) => (typeof v === 'string' ? v : null)
  return {
    closedReason: err.closedReason as ClosedDetail['closedReason'],
    opensAt: isoOrNull(err.opensAt),
    closesAt: isoOrNull(err.closesAt),
    lastTicketAt: isoOrNull(err.lastTicketAt),
    dayClose: err.dayClose === true,
    at: typeof err.at === 'string' ? err.at : new Date().toISOString(),
  }
}
