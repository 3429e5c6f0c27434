import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MemoryStorage, RefusingStorage } from '../helpers/memory-storage.ts'
import { decodeToken, encodeToken, TokenStore, tokenKey } from '../../ui-common/token-store.ts'

const globals = globalThis as { localStorage?: Storage; sessionStorage?: Storage }

describe('TokenStore', () => {
  let local: MemoryStorage
  let session: MemoryStorage

  beforeEach(() => {
    local = new MemoryStorage()
    session = new MemoryStorage()
    globals.localStorage = local
    globals.sessionStorage = session
  })
  afterEach(() => {
    delete globals.localStorage
    delete globals.sessionStorage
  })

  it('keeps the keys every screen has always used', () => {
    expect(tokenKey('kiosk-token', '')).toBe('tabour:kiosk-token:/')
    expect(tokenKey('display-token', '/queue')).toBe('tabour:display-token:/queue')
    expect(tokenKey('counter-session', '')).toBe('tabour:counter-session:/')
    expect(tokenKey('hub-read-token')).toBe('tabour:hub-read-token')
  })

  it('writes to the storage of its kind only', () => {
    const device = new TokenStore(tokenKey('kiosk-token', ''), 'local')
    const staff = new TokenStore(tokenKey('counter-session', ''), 'session')
    device.save({ token: 'dev-token' })
    staff.save({ token: 'user-token', username: 'clerk1' })
    expect(local.getItem('tabour:kiosk-token:/')).toBe('dev-token')
    expect(local.length).toBe(1)
    expect(session.length).toBe(1)
    expect(JSON.parse(session.getItem('tabour:counter-session:/')!)).toEqual({ token: 'user-token', username: 'clerk1' })
    expect(device.load()).toEqual({ token: 'dev-token' })
    expect(staff.load()).toEqual({ token: 'user-token', username: 'clerk1' })
    staff.clear()
    expect(staff.load()).toBeNull()
    expect(device.load()).toEqual({ token: 'dev-token' })
  })

  it('keeps a kiosk and a display in one browser, and two centers under two prefixes, apart', () => {
    const kiosk = new TokenStore(tokenKey('kiosk-token', ''))
    const display = new TokenStore(tokenKey('display-token', ''))
    const other = new TokenStore(tokenKey('kiosk-token', '/queue'))
    kiosk.save({ token: 'k' })
    display.save({ token: 'd' })
    other.save({ token: 'q' })
    display.clear()
    expect([kiosk.load(), display.load(), other.load()]).toEqual([{ token: 'k' }, null, { token: 'q' }])
  })

  it('reads entries written before (a bare token, the console JSON) and ignores garbage', () => {
    expect(decodeToken('abc_DEF-123')).toEqual({ token: 'abc_DEF-123' })
    expect(decodeToken('{"token":"t","username":"u"}')).toEqual({ token: 't', username: 'u' })
    expect(decodeToken('{"token":"t"}')).toEqual({ token: 't' })
    expect(decodeToken('{"username":"u"}')).toBeNull()
    expect(decodeToken('{not json')).toBeNull()
    expect(decodeToken('')).toBeNull()
    expect(decodeToken(null)).toBeNull()
    for (const entry of [{ token: 'x' }, { token: 'y', username: 'manager' }, { token: 'z', username: 'alex', scope: 'EG-ALX' }])
      expect(decodeToken(encodeToken(entry))).toEqual(entry)
    expect(decodeToken('{"token":"t","scope":7}')).toEqual({ token: 't' })
  })

  it('behaves like an empty store when the storage refuses, or there is none', () => {
    globals.sessionStorage = new RefusingStorage()
    const store = new TokenStore(tokenKey('dashboard-session', ''), 'session')
    expect(() => store.save({ token: 't' })).not.toThrow()
    expect(store.load()).toBeNull()
    expect(() => store.clear()).not.toThrow()
    delete globals.localStorage
    const none = new TokenStore(tokenKey('kiosk-token', ''))
    expect(none.load()).toBeNull()
    expect(() => none.save({ token: 't' })).not.toThrow()
  })
})
