/**
 * The session of a screen where a person signs in (the clerk's console, the manager's
 * dashboard, the national hub page): the token and who it belongs to, kept in one TokenStore
 * (sessionStorage for all three: closing the browser signs out, a reload does not); requests
 * that carry it as a bearer header (JSON, and files saved from a Blob URL: never a token in a
 * URL); the moment the server refuses it (expired, logged out elsewhere, changed), after which
 * the screen asks to sign in again; and, for the center's screens, the live feed, whose refusal
 * is checked over HTTP before the session counts as ended. The screen's own session decides
 * what "sign in again" looks like (a dialog over the unchanged console, the dashboard's login
 * page, the hub's token form).
 */
import type { ReactiveControllerHost } from 'lit'
import type { Snapshot } from '../protocol/events.ts'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { ApiError, NetworkError, requestJson, type RequestOptions } from './api-client.ts'
import { FeedController } from './feed-controller.ts'
import type { TokenStore } from './token-store.ts'

/** A 401 that means "sign in again" (a wrong password at the login form is not one). */
export function sessionEnded(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401 && err.code !== ErrorCodes.BAD_CREDENTIALS
}

/** The live feed of a center screen. */
export interface StaffFeedOptions {
  /** The server's prefix. */
  base: string
  /** GET this with the token to tell a refused socket from an ended session (`<base>/api/v1/auth/me`). */
  probeUrl: string
  onSnapshot(snapshot: Snapshot): void
  onReachable(reachable: boolean): void
}

/** How a screen sets up its session. */
export interface StaffSessionOptions {
  store: TokenStore
  /** The server refused the current token: ask to sign in again. */
  onExpired?(): void
  /** The screen's live feed, if it has one. */
  feed?: StaffFeedOptions
}

export class StaffSession {
  token: string | null = null
  /** Who signed in last (kept with the token, to prefill a re-login); '' when unknown. */
  username = ''
  /** The server refused the current token; cleared by the next `signIn`. */
  expired = false
  /** The live feed (subscribe with `feed.on()` before `startFeed`), or null for a screen without one. */
  readonly feed: FeedController | null

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StaffSessionOptions,
  ) {
    const feed = options.feed
    this.feed = feed
      ? new FeedController(host, {
          onSnapshot: (s) => feed.onSnapshot(s),
          onReachable: (up) => feed.onReachable(up),
          onRefused: () => void this.probe(),
        })
      : null
  }

  /** Takes the stored token, if any; returns it. */
  restore(): string | null {
    const stored = this.options.store.load()
    this.token = stored?.token ?? null
    this.username = stored?.username ?? ''
    return this.token
  }

  /** A token the server just gave (or the person typed): kept, and the session is live again. */
  signIn(token: string, username?: string): void {
    this.token = token
    if (username !== undefined) this.username = username
    this.expired = false
    this.options.store.save(username === undefined ? { token } : { token, username })
    this.host.requestUpdate()
  }

  /** Forgets the token (signing out, or a stored one that no longer works) and stops the feed. */
  signOut(): void {
    this.feed?.stop()
    this.options.store.clear()
    this.token = null
    this.expired = false
    this.host.requestUpdate()
  }

  /** Connects the feed with the current token. */
  startFeed(): void {
    if (this.feed && this.token !== null) this.feed.start(this.options.feed!.base, this.token)
  }

  /** JSON with the bearer token; a 401 to the current token ends the session (then rejects as usual). */
  async request<T>(url: string, options: Omit<RequestOptions, 'token'> = {}): Promise<T> {
    const token = this.token
    try {
      return await requestJson<T>(url, { ...options, token })
    } catch (err) {
      if (sessionEnded(err)) this.refused(token)
      throw err
    }
  }

  /**
   * Fetches a file with the bearer token and saves it as `name` (or, with `serverName`, under
   * the name the server's Content-Disposition gives, `name` when it gives none).
   */
  async download(url: string, name: string, serverName = false): Promise<void> {
    const token = this.token
    let res: Response
    try {
      res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' })
    } catch (err) {
      throw new NetworkError(err instanceof Error ? err.message : String(err))
    }
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string }
      const err = new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText)
      if (sessionEnded(err)) this.refused(token)
      throw err
    }
    const given = serverName ? /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] : undefined
    const href = URL.createObjectURL(await res.blob())
    const a = document.createElement('a')
    a.href = href
    a.download = given ?? name
    a.style.display = 'none'
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(href), 60_000)
  }

  /** The server refused `token`: if it is still the current one, the session has ended. */
  refused(token: string | null): void {
    if (token === null || token !== this.token || this.expired) return
    this.expired = true
    this.host.requestUpdate()
    this.options.onExpired?.()
  }

  /** The socket was refused: ask over HTTP whether the token still holds (a 401 ends the session). */
  private async probe(): Promise<void> {
    const url = this.options.feed?.probeUrl
    if (!url || this.token === null) return
    await this.request(url).catch(() => undefined)
  }
}
