import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import { ApiError, NetworkError } from '../../ui-common/api-client.ts'
import { sessionEnded, StaffSession } from '../../ui-common/staff-session.ts'
import { TokenStore, tokenKey } from '../../ui-common/token-store.ts'
import { MemoryStorage } from '../helpers/memory-storage.ts'

const globals = globalThis as { localStorage?: Storage; sessionStorage?: Storage }
const realFetch = globalThis.fetch

/** What the fake server answers to a bearer token: 200 for `good`, 401 for anything else. */
function serveTokens(good: Set<string>, seen: (string | null)[]): void {
  globalThis.fetch = (async (_url: string, init?: RequestInit) => {
    const auth = (init?.headers as Record<string, string> | undefined)?.authorization ?? null
    seen.push(auth)
    const token = auth?.replace(/^Bearer /, '') ?? ''
    if (good.has(token)) return new Response(JSON.stringify({ ok: true }), { status: 200 })
    const body = { statusCode: 401, code: ErrorCodes.TOKEN_EXPIRED, error: 'Unauthorized', message: 'expired' }
    return new Response(JSON.stringify(body), { status: 401 })
  }) as typeof fetch
}

const host = () => ({
  updates: 0,
  addController() {},
  removeController() {},
  requestUpdate() {
    this.updates++
  },
  updateComplete: Promise.resolve(true),
})

describe('StaffSession', () => {
  let session: MemoryStorage
  const store = () => new TokenStore(tokenKey('counter-session', ''), 'session')

  beforeEach(() => {
    session = new MemoryStorage()
    globals.sessionStorage = session
    globals.localStorage = new MemoryStorage()
  })
  afterEach(() => {
    globalThis.fetch = realFetch
    delete globals.sessionStorage
    delete globals.localStorage
  })

  it('keeps the token with its user in the storage it was given, and forgets it on sign-out', () => {
    const a = new StaffSession(host(), { store: store() })
    a.signIn('t-1', 'clerk1')
    expect(JSON.parse(session.getItem('tabour:counter-session:/')!)).toEqual({ token: 't-1', username: 'clerk1' })
    expect(globals.localStorage!.length).toBe(0)
    // a reload: a new session object finds it
    const b = new StaffSession(host(), { store: store() })
    expect(b.restore()).toBe('t-1')
    expect(b.username).toBe('clerk1')
    b.signOut()
    expect(session.length).toBe(0)
    expect(new StaffSession(host(), { store: store() }).restore()).toBeNull()
  })

  it('sends the token as a bearer header, and ends the session once when the server refuses it', async () => {
    const seen: (string | null)[] = []
    const good = new Set(['t-1'])
    serveTokens(good, seen)
    let expiredCalls = 0
    const s = new StaffSession(host(), { store: store(), onExpired: () => expiredCalls++ })
    s.signIn('t-1', 'clerk1')
    await expect(s.request('http://center/api/v1/counters')).resolves.toEqual({ ok: true })
    expect(seen).toEqual(['Bearer t-1'])
    expect(s.expired).toBe(false)

    good.clear() // the token expires at the server
    await expect(s.request('http://center/api/v1/counters')).rejects.toMatchObject({ status: 401, code: ErrorCodes.TOKEN_EXPIRED })
    await expect(s.request('http://center/api/v1/stats/me')).rejects.toBeInstanceOf(ApiError)
    expect(s.expired).toBe(true)
    expect(expiredCalls).toBe(1)
    // the token and the user stay for the re-login dialog (the console keeps its counter on screen)
    expect(s.token).toBe('t-1')
    expect(s.username).toBe('clerk1')

    // logging in again: live, and a later refusal counts again
    good.add('t-2')
    s.signIn('t-2', 'clerk1')
    expect(s.expired).toBe(false)
    await expect(s.request('http://center/api/v1/counters')).resolves.toEqual({ ok: true })
    good.clear()
    await expect(s.request('http://center/api/v1/counters')).rejects.toBeInstanceOf(ApiError)
    expect(expiredCalls).toBe(2)
  })

  it('ignores a refusal of a token it no longer holds (an answer that arrives after a new login)', () => {
    let expiredCalls = 0
    const s = new StaffSession(host(), { store: store(), onExpired: () => expiredCalls++ })
    s.signIn('old', 'u')
    s.signIn('new', 'u')
    s.refused('old')
    s.refused(null)
    expect(s.expired).toBe(false)
    s.refused('new')
    expect(s.expired).toBe(true)
    expect(expiredCalls).toBe(1)
  })

  it('tells an ended session from a wrong password and from an outage', () => {
    expect(sessionEnded(new ApiError(401, ErrorCodes.TOKEN_EXPIRED, ''))).toBe(true)
    expect(sessionEnded(new ApiError(401, ErrorCodes.UNAUTHENTICATED, ''))).toBe(true)
    expect(sessionEnded(new ApiError(401, ErrorCodes.BAD_CREDENTIALS, ''))).toBe(false)
    expect(sessionEnded(new ApiError(403, ErrorCodes.FORBIDDEN, ''))).toBe(false)
    expect(sessionEnded(new NetworkError('refused'))).toBe(false)
  })

  it('a hub-style session without a stored token sends no header', async () => {
    const seen: (string | null)[] = []
    serveTokens(new Set(), seen)
    const s = new StaffSession(host(), { store: new TokenStore(tokenKey('hub-read-token'), 'session') })
    expect(s.restore()).toBeNull()
    await expect(s.request('http://hub/api/hub/v1/summary')).rejects.toMatchObject({ status: 401 })
    expect(seen).toEqual([null])
    expect(s.expired).toBe(false)
    s.signIn('read-token')
    expect(session.getItem('tabour:hub-read-token')).toBe('read-token')
  })

  it("keeps what a hub analyst's account covers with the token, until signing out", () => {
    const store = new TokenStore(tokenKey('hub-read-token'), 'session')
    new StaffSession(host(), { store }).signIn('session-token', 'alex', 'EG-ALX')
    const reloaded = new StaffSession(host(), { store })
    expect(reloaded.restore()).toBe('session-token')
    expect(reloaded.scope).toBe('EG-ALX')
    reloaded.signOut()
    expect(reloaded.scope).toBeNull()
    reloaded.signIn('read-token')
    const again = new StaffSession(host(), { store })
    again.restore()
    expect(again.scope).toBeNull()
  })
})
