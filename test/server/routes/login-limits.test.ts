import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { HashGate } from '../../../server/auth/hash-gate.ts'
import { RetryLaterError } from '../../../server/errors.ts'
import { expectError } from './route-helpers.ts'

const LOGIN = '/api/v1/auth/login'

/** A login from a given client address (inject's remoteAddress sets request.ip). */
function loginFrom(center: TestCenter, address: string, username: string, password: string) {
  return center.app.inject({ method: 'POST', url: LOGIN, remoteAddress: address, payload: { username, password } })
}

describe('login limits across usernames and across addresses', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('one address trying many usernames is stopped after logins.maxPerAddress, even with a right password', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { logins: { maxPerAddress: 5, windowSeconds: 60 } } })
    for (let i = 0; i < 5; i++)
      expectError(await loginFrom(center, '10.0.0.7', `user${i}`, 'guess-123456'), 401, 'TABOUR_ERR_BAD_CREDENTIALS')
    const sixth = await loginFrom(center, '10.0.0.7', 'admin', ADMIN_PASSWORD)
    expectError(sixth, 429, 'TABOUR_ERR_RATE_LIMITED')
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    // another address is not affected, and the window passes
    expect((await loginFrom(center, '10.0.0.8', 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
    clock.advance(61)
    expect((await loginFrom(center, '10.0.0.7', 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
  })

  it('one username tried from many addresses is stopped after logins.maxFailuresPerUsername failures', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock, config: { logins: { maxFailuresPerUsername: 3, windowSeconds: 60 } } })
    for (let i = 0; i < 3; i++)
      expectError(await loginFrom(center, `10.0.1.${i}`, 'admin', `guess-${i}`), 401, 'TABOUR_ERR_BAD_CREDENTIALS')
    // the right password from a fresh address is refused too: a spray must not learn it
    const res = await loginFrom(center, '10.0.1.99', 'ADMIN', ADMIN_PASSWORD)
    expectError(res, 429, 'TABOUR_ERR_RATE_LIMITED')
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    clock.advance(61)
    expect((await loginFrom(center, '10.0.1.99', 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
  })

  it('successful logins do not count against the username', async () => {
    center = await TestCenter.start({ config: { logins: { maxFailuresPerUsername: 2 } } })
    for (let i = 0; i < 5; i++) expect((await loginFrom(center, `10.0.2.${i}`, 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
  })

  it('past the hashing queue a login is refused at once with 429 and Retry-After, never a 500 or a long wait', async () => {
    center = await TestCenter.start({ config: { logins: { hashConcurrency: 1, hashQueue: 2 } } })
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => loginFrom(center, `10.0.3.${i}`, `nobody${i}`, 'not-the-password')),
    )
    const statuses = answers.map((a) => a.statusCode)
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(3)
    const refused = answers.filter((a) => a.statusCode === 429)
    expect(refused.length).toBeGreaterThanOrEqual(10)
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true)
    for (const r of refused) {
      expectError(r, 429, 'TABOUR_ERR_RATE_LIMITED')
      expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1)
    }
    // the queue drains: a real login works right after
    expect((await loginFrom(center, '10.0.3.200', 'admin', ADMIN_PASSWORD)).statusCode).toBe(200)
  })
})

describe('HashGate', () => {
  it('runs at most `concurrency` at once, queues up to `queueMax`, refuses the rest with RetryLaterError', async () => {
    const gate = new HashGate(2, 3)
    let running = 0
    let most = 0
    const releases: Array<() => void> = []
    const work = () =>
      new Promise<void>((resolve) => {
        running++
        most = Math.max(most, running)
        releases.push(() => {
          running--
          resolve()
        })
      })
    const accepted = Array.from({ length: 5 }, () => gate.run(work))
    expect(gate.load).toEqual({ running: 2, waiting: 3 })
    await expect(gate.run(work)).rejects.toBeInstanceOf(RetryLaterError)
    while (releases.length > 0 || gate.load.running > 0) {
      releases.shift()?.()
      await new Promise((r) => setImmediate(r))
    }
    await Promise.all(accepted)
    expect(most).toBe(2)
    expect(gate.load).toEqual({ running: 0, waiting: 0 })
  })
})
