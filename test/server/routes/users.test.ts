import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, STAFF_PASSWORD, TestCenter } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, expectMalformedBodiesRefused, makeCallers, rows } from './route-helpers.ts'

const USERS = '/api/v1/users'
const LOGIN = '/api/v1/auth/login'

describe('POST /api/v1/users', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('creates a user (201) without ever answering the password or its hash', async () => {
    center = await TestCenter.start()
    const res = await center.request('POST', USERS, {
      token: await center.admin(),
      body: { username: 'mona', password: 'long-enough-pw', role: 'clerk', displayName: 'منى' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).toEqual({ id: 2, username: 'mona', role: 'clerk', displayName: 'منى', active: true })
    expect(res.body).not.toContain('long-enough-pw')
    expect(res.body).not.toContain('scrypt')
    const hash = rows<{ password_hash: string }>(center, 'SELECT password_hash FROM users WHERE username = ?', 'mona')[0].password_hash
    expect(hash.startsWith('scrypt$')).toBe(true)
    expect(hash).not.toContain('long-enough-pw')
    // the new user can log in
    expect((await center.request('POST', LOGIN, { body: { username: 'mona', password: 'long-enough-pw' } })).statusCode).toBe(200)
  })

  it('displayName defaults to the username', async () => {
    center = await TestCenter.start()
    const res = await center.request('POST', USERS, {
      token: await center.admin(),
      body: { username: 'boss', password: STAFF_PASSWORD, role: 'manager' },
    })
    expect(res.json()).toMatchObject({ username: 'boss', role: 'manager', displayName: 'boss' })
  })

  it('a taken username → 409 TABOUR_ERR_DUPLICATE_USERNAME, whatever its case', async () => {
    center = await TestCenter.start()
    await center.createUser('clerk1')
    const token = await center.admin()
    for (const username of ['clerk1', 'CLERK1', 'Admin']) {
      expectError(
        await center.request('POST', USERS, { token, body: { username, password: STAFF_PASSWORD, role: 'clerk' } }),
        409,
        'TABOUR_ERR_DUPLICATE_USERNAME',
      )
    }
    expect((await center.request('GET', USERS, { token })).json()).toHaveLength(2)
  })

  it('refuses bad bodies with 400 TABOUR_ERR_VALIDATION', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const valid = { username: 'clerk1', password: STAFF_PASSWORD, role: 'clerk' }
    const bad: Record<string, unknown>[] = [
      { ...valid, password: 'short' },
      { ...valid, password: 12345678 },
      { ...valid, password: 'x'.repeat(201) },
      { ...valid, role: 'root' },
      { ...valid, role: 'kiosk' },
      { ...valid, role: 'ADMIN' },
      { ...valid, username: 'has space' },
      { ...valid, username: 'x' },
      { ...valid, username: 'مستخدم' },
      { ...valid, username: 'a'.repeat(65) },
      { ...valid, username: 7 },
      { ...valid, displayName: 5 },
      { username: 'clerk1', password: STAFF_PASSWORD },
      { username: 'clerk1', role: 'clerk' },
      { password: STAFF_PASSWORD, role: 'clerk' },
    ]
    for (const body of bad) {
      const res = await center.request('POST', USERS, { token, body })
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(400)
      expectError(res, 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'POST', USERS, valid)
    expect((await center.request('GET', USERS, { token })).json()).toHaveLength(1)
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'POST' as const, url: USERS, body: { username: 'new-one', password: STAFF_PASSWORD, role: 'admin' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
  })
})

describe('GET /api/v1/users', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('managers and admins see the accounts, without password hashes', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    for (const who of ['admin', 'manager'] as const) {
      const res = await center.request('GET', USERS, { token: callers[who] })
      expect(res.statusCode).toBe(200)
      expect(res.json().map((u: { username: string; role: string }) => `${u.username}:${u.role}`)).toEqual([
        'admin:admin',
        'mgr:manager',
        'clerk-x:clerk',
      ])
      expect(res.body).not.toContain('scrypt')
      expect(res.body).not.toMatch(/password/i)
    }
  })

  it('clerks and devices may not list users (a kiosk cannot list users)', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    await expectAuthRequired(center, { method: 'GET', url: USERS })
    await expectForbidden(center, callers, ['clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], { method: 'GET', url: USERS })
  })
})

describe('PATCH /api/v1/users/:id', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('a new password ends every session the user had; only the new password logs in', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const second = await center.login('clerk1', STAFF_PASSWORD)
    const res = await center.request('PATCH', `${USERS}/${clerk.id}`, {
      token: await center.admin(),
      body: { password: 'a-brand-new-password' },
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: clerk.id, username: 'clerk1', role: 'clerk', displayName: 'clerk1', active: true })
    for (const token of [clerk.token, second])
      expectError(await center.request('GET', '/api/v1/auth/me', { token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expectError(
      await center.request('POST', LOGIN, { body: { username: 'clerk1', password: STAFF_PASSWORD } }),
      401,
      'TABOUR_ERR_BAD_CREDENTIALS',
    )
    expect((await center.request('POST', LOGIN, { body: { username: 'clerk1', password: 'a-brand-new-password' } })).statusCode).toBe(200)
  })

  it('disabling a user ends their sessions and refuses their login', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const res = await center.request('PATCH', `${USERS}/${clerk.id}`, { token: await center.admin(), body: { active: false } })
    expect(res.json().active).toBe(false)
    expectError(await center.request('GET', '/api/v1/auth/me', { token: clerk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    expectError(
      await center.request('POST', LOGIN, { body: { username: 'clerk1', password: STAFF_PASSWORD } }),
      401,
      'TABOUR_ERR_BAD_CREDENTIALS',
    )
    // enabling again lets them back in
    await center.request('PATCH', `${USERS}/${clerk.id}`, { token: await center.admin(), body: { active: true } })
    expect((await center.request('POST', LOGIN, { body: { username: 'clerk1', password: STAFF_PASSWORD } })).statusCode).toBe(200)
  })

  it('a role change ends the sessions (the old token carried the old role); a new display name does not', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const renamed = await center.request('PATCH', `${USERS}/${clerk.id}`, {
      token: await center.admin(),
      body: { displayName: 'Clerk One' },
    })
    expect(renamed.json().displayName).toBe('Clerk One')
    expect((await center.request('GET', '/api/v1/auth/me', { token: clerk.token })).statusCode).toBe(200)
    const promoted = await center.request('PATCH', `${USERS}/${clerk.id}`, { token: await center.admin(), body: { role: 'manager' } })
    expect(promoted.json().role).toBe('manager')
    expectError(await center.request('GET', '/api/v1/auth/me', { token: clerk.token }), 401, 'TABOUR_ERR_UNAUTHENTICATED')
    const fresh = await center.login('clerk1', STAFF_PASSWORD)
    expect((await center.request('GET', '/api/v1/stats/today', { token: fresh })).statusCode).toBe(200)
  })

  it('the last admin cannot be demoted or disabled: 422 TABOUR_ERR_LAST_ADMIN', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    expectError(await center.request('PATCH', `${USERS}/1`, { token, body: { role: 'manager' } }), 422, 'TABOUR_ERR_LAST_ADMIN')
    expectError(await center.request('PATCH', `${USERS}/1`, { token, body: { active: false } }), 422, 'TABOUR_ERR_LAST_ADMIN')
    // still an admin, still logged in
    expect((await center.request('GET', '/api/v1/auth/me', { token })).json()).toMatchObject({ role: 'admin', active: true })
    // the last admin may change their own password
    expect((await center.request('PATCH', `${USERS}/1`, { token, body: { password: 'another-root-pw' } })).statusCode).toBe(200)
  })

  it('with a second admin, one of them can be demoted; then the other is the last', async () => {
    center = await TestCenter.start()
    const second = await center.createUser('admin2', 'admin')
    const res = await center.request('PATCH', `${USERS}/1`, { token: second.token, body: { role: 'clerk' } })
    expect(res.statusCode).toBe(200)
    expect(res.json().role).toBe('clerk')
    expectError(
      await center.request('PATCH', `${USERS}/${second.id}`, { token: second.token, body: { active: false } }),
      422,
      'TABOUR_ERR_LAST_ADMIN',
    )
    // a disabled admin does not count as one
    // (admin 1's cached session ended with the demotion, so admin2 creates admin3)
    const third = (
      await center.request('POST', USERS, { token: second.token, body: { username: 'admin3', password: STAFF_PASSWORD, role: 'admin' } })
    ).json()
    expect((await center.request('PATCH', `${USERS}/${third.id}`, { token: second.token, body: { active: false } })).statusCode).toBe(200)
    expectError(
      await center.request('PATCH', `${USERS}/${second.id}`, { token: second.token, body: { role: 'manager' } }),
      422,
      'TABOUR_ERR_LAST_ADMIN',
    )
  })

  it('an unknown user → 404 TABOUR_ERR_USER_NOT_FOUND; bad bodies → 400', async () => {
    center = await TestCenter.start()
    const clerk = await center.createUser('clerk1')
    const token = await center.admin()
    expectError(await center.request('PATCH', `${USERS}/99`, { token, body: { displayName: 'x' } }), 404, 'TABOUR_ERR_USER_NOT_FOUND')
    expectError(await center.request('PATCH', `${USERS}/abc`, { token, body: { displayName: 'x' } }), 400, 'TABOUR_ERR_VALIDATION')
    for (const body of [{}, { password: 'short' }, { role: 'owner' }, { active: 'no' }, { displayName: 42 }]) {
      expectError(await center.request('PATCH', `${USERS}/${clerk.id}`, { token, body }), 400, 'TABOUR_ERR_VALIDATION')
    }
    await expectMalformedBodiesRefused(center, token, 'PATCH', `${USERS}/${clerk.id}`, { displayName: 'x' })
    expect((await center.request('GET', '/api/v1/auth/me', { token: clerk.token })).statusCode).toBe(200)
  })

  it('is admin-only', async () => {
    center = await TestCenter.start()
    const callers = await makeCallers(center)
    const call = { method: 'PATCH' as const, url: `${USERS}/1`, body: { password: 'hijacked-password' } }
    await expectAuthRequired(center, call)
    await expectForbidden(center, callers, ['manager', 'clerk', 'kiosk', 'display', 'printer', 'board', 'keypad'], call)
    expect((await center.request('POST', LOGIN, { body: { username: 'admin', password: ADMIN_PASSWORD } })).statusCode).toBe(200)
  })
})
