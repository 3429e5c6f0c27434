/**
 * The session of a screen where a person signs in (the clerk's console, the manager's
 * dashboard, the national hub page): the token and who it belongs to, kept in one TokenStore
 * (sessionStorage for all three: closing the browser signs out, a reload does not); requests
 * that carry it as a bearer header (files too, through staff-download.ts: never a token in a
 * URL); the moment the server refuses it (expired, logged out elsewhere, changed), after which
 * the screen asks to sign in again; and, for the center's screens, the live feed, whose refusal
 * is checked over HTTP before the session counts as ended. The screen's own session decides
 * what "sign in again" looks like (a dialog over the unchanged console, the dashboard's login
 * page, the hub's token form).
 */
import type { ReactiveControllerHost } from 'lit'
import { ErrorCodes } from '../protocol/error-codes.ts'
import { ApiError, requestJson, type RequestOptions } from './api-client.ts'
import type { FeedController } from './feed-controller.ts'
import type { TokenStore } from './token-store.ts'

/** A 401 that means "sign in again" (a wrong password at the login form is not one). */
export function sessionEnded(err: unknown): boolean {
  return err instanceof ApiError && err.status === 401 && err.code !== ErrorCodes.BAD_CREDENTIALS
}

/** How a screen sets up its session. */
export interface StaffSessionOptions {
  store: TokenStore
  /** The server refused the current token: ask to sign in again. */
  onExpired?(): void
}

export class StaffSession {
  token: string | null = null
  /** Who signed in last (kept with the token, to prefill a re-login); '' when unknown. */
  username = ''
  /** What the account covers, kept with the token (StoredToken.scope); null: everything, or not known. */
  scope: string | null = null
  /** The server refused the current token; cleared by the next `signIn`. */
  expired = false
  /** The screen's live feed, if it has one (the hub page has none, and so loads no socket.io). */
  private feed: { controller: FeedController; base: string } | null = null

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: StaffSessionOptions,
  ) {}

  /**
   * Makes `feed` the session's: `startFeed` connects it with the current token, `signOut` stops it.
   * Its `onRefused` should call `probe` (a refused socket is checked over HTTP before the session ends).
   */
  attachFeed(feed: FeedController, base: string): FeedController {
    this.feed = { controller: feed, base }
    return feed
  }

  /** Takes the stored token, if any; returns it. */
  restore(): string | null {
    const stored = this.options.store.load()
    this.token = stored?.token ?? null
    this.username = stored?.username ?? ''
    this.scope = stored?.scope ?? null
    return this.token
  }

  /** A token the server just gave (or the person typed), with what its account covers: kept, and the session is live again. */
  signIn(token: string, username?: string, scope: string | null = null): void {
    this.token = token
    if (username !== undefined) this.username = username
    this.scope = scope
    this.expired = false
    this.options.store.save({ token, ...(username === undefined ? {} : { username }), ...(scope === null ? {} : { scope }) })
    this.host.requestUpdate()
  }

  /** Forgets the token (signing out, or a stored one that no longer works) and stops the feed. */
  signOut(): void {
    this.feed?.controller.stop()
    this.options.store.clear()
    this.token = null
    this.scope = null
    this.expired = false
    this.host.requestUpdate()
  }

  /** Connects the feed with the current token. */
  startFeed(): void {
    if (this.feed && this.token !== null) this.feed.controller.start(this.feed.base, this.token)
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

  /** The server refused `token`: if it is still the current one, the session has ended. */
  refused(token: string | null): void {
    if (token === null || token !== this.token || this.expired) return
    this.expired = true
    this.host.requestUpdate()
    this.options.onExpired?.()
  }

  /** The socket was refused: asks `url` (GET /auth/me) whether the token still holds; a 401 ends the session. */
  async probe(url: string): Promise<void> {
    if (this.token === null) return
    await this.request(url).catch(() => undefined)
  }
}
