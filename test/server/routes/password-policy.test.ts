import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_PASSWORD, TestCenter } from '../../helpers/test-center.ts'
import { passwordRefusalText } from '../../../protocol/messages/dashboard.ts'
import { runTabour } from '../../ops/cli-runner.ts'
import { expectError } from './route-helpers.ts'

const USERS = '/api/v1/users'
const LOGIN = '/api/v1/auth/login'

describe('staff password policy (issue 16 item 2)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('refuses common and trivially weak passwords for every role', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    for (const [i, password] of ['12345678', 'password', 'aaaaaaaa', 'password123', 'qwertyuiop'].entries()) {
      const res = await center.request('POST', USERS, { token, body: { username: `clerk${i}`, password, role: 'clerk' } })
      expectError(res, 422, 'TABOUR_ERR_PASSWORD_TOO_WEAK')
    }
    expect((await center.request('GET', USERS, { token })).json()).toHaveLength(1)
  })

  it('refuses a password that contains the username, in any case', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const res = await center.request('POST', USERS, { token, body: { username: 'Amira', password: 'x9-amira-Lantern-77', role: 'clerk' } })
    expectError(res, 422, 'TABOUR_ERR_PASSWORD_HAS_USERNAME')
    // and the admin may not change their own to one
    const own = await center.request('PATCH', `${USERS}/1`, { token, body: { password: 'my-ADMIN-Lantern-77' } })
    expectError(own, 422, 'TABOUR_ERR_PASSWORD_HAS_USERNAME')
  })

  it('admins get the stricter minimum, also when a PATCH makes someone an admin with a new password', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    // a fine clerk password (10 characters, not guessable) is too short for an admin
    const clerkOk = 'kq7-Vt2-zw'
    expect((await center.request('POST', USERS, { token, body: { username: 'salma', password: clerkOk, role: 'clerk' } })).statusCode).toBe(
      201,
    )
    const asAdmin = await center.request('POST', USERS, { token, body: { username: 'omar', password: clerkOk, role: 'admin' } })
    expectError(asAdmin, 422, 'TABOUR_ERR_PASSWORD_TOO_SHORT')
    expect(asAdmin.json().message).toContain('12')
    const promoted = await center.request('PATCH', `${USERS}/2`, { token, body: { role: 'admin', password: clerkOk } })
    expectError(promoted, 422, 'TABOUR_ERR_PASSWORD_TOO_SHORT')
    // a guessable 12+ password is still weak for an admin
    const weak = await center.request('POST', USERS, { token, body: { username: 'omar', password: 'Password2024!', role: 'admin' } })
    expectError(weak, 422, 'TABOUR_ERR_PASSWORD_TOO_WEAK')
    expect(
      (await center.request('POST', USERS, { token, body: { username: 'omar', password: 'river-Lantern-91-kite', role: 'admin' } }))
        .statusCode,
    ).toBe(201)
  })

  it('existing accounts keep working: a stored password is never checked again', async () => {
    // the test admin's password contains its username; it was set before the policy (config adminPassword)
    center = await TestCenter.start()
    expect((await center.request('POST', LOGIN, { body: { username: 'admin', password: ADMIN_PASSWORD } })).statusCode).toBe(200)
    // a change that sets no password passes without one
    const token = await center.admin()
    expect((await center.request('PATCH', `${USERS}/1`, { token, body: { displayName: 'Root' } })).statusCode).toBe(200)
  })

  it('each refusal has a sentence in Arabic and English', () => {
    for (const code of ['TABOUR_ERR_PASSWORD_TOO_SHORT', 'TABOUR_ERR_PASSWORD_TOO_WEAK', 'TABOUR_ERR_PASSWORD_HAS_USERNAME']) {
      const en = passwordRefusalText(code, 'needs at least 12 characters', 'en')
      const ar = passwordRefusalText(code, 'needs at least 12 characters', 'ar')
      expect(en).toMatch(/[a-z]/)
      expect(ar).toMatch(/[\u0600-\u06FF]/)
    }
    expect(passwordRefusalText('TABOUR_ERR_PASSWORD_TOO_SHORT', 'at least 12 characters', 'en')).toContain('12')
    expect(passwordRefusalText('TABOUR_ERR_BAD_CREDENTIALS', '', 'en')).toBeNull()
  })
})

describe('tabour admin and the password policy', () => {
  it('refuses a weak password with the reason in both languages and exit code 2', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-cli-policy-'))
    try {
      const weak = await runTabour([
        'admin',
        'create',
        '--data-dir',
        dataDir,
        '--username',
        'amira',
        '--role',
        'clerk',
        '--password',
        'password123',
      ])
      expect(weak.code).toBe(2)
      expect(weak.stderr).toContain('TABOUR_ERR_PASSWORD_TOO_WEAK')
      expect(weak.stderr).toContain(passwordRefusalText('TABOUR_ERR_PASSWORD_TOO_WEAK', '', 'ar')!)
      const short = await runTabour(['admin', 'create', '--data-dir', dataDir, '--password', 'kq7-Vt2-zw'])
      expect(short.code).toBe(2)
      expect(short.stderr).toContain('TABOUR_ERR_PASSWORD_TOO_SHORT')
      const good = await runTabour([
        'admin',
        'create',
        '--data-dir',
        dataDir,
        '--username',
        'amira',
        '--role',
        'clerk',
        '--password',
        'kq7-Vt2-zw',
      ])
      expect(good.code, good.stderr).toBe(0)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
