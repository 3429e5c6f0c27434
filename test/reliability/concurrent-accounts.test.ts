import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setPasswordHashCostForTests } from '../../server/auth/passwords.ts'
import { STAFF_PASSWORD } from '../helpers/test-center.ts'
import { useListeningCenter } from '../helpers/socket-client.ts'
import { http, loginAs } from '../helpers/http.ts'
import { sleep } from '../helpers/child-server.ts'

/**
 * Account changes race with slow password hashing (scrypt runs off the event loop, so other
 * requests run meanwhile): the rules must hold whatever the interleaving.
 */
describe('concurrent account changes over real HTTP', () => {
  const { start } = useListeningCenter()
  // the race is with hashing at its real cost: the cheap hashes of the test run (test/cheap-password-hashes.ts)
  // let one admin's change commit before the other was even authenticated
  beforeAll(() => setPasswordHashCostForTests('real'))
  afterAll(() => setPasswordHashCostForTests('cheap'))

  async function setUp() {
    const { center: c, url: base } = await start()
    return { c, base, admin: await c.admin() }
  }

  it('the same username created 10 times at once: one 201, nine 409, never a 500', async () => {
    const { c, base, admin } = await setUp()
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        http(base, 'POST', '/api/v1/users', { token: admin, body: { username: 'samira', password: STAFF_PASSWORD, role: 'clerk' } }),
      ),
    )
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(409)])
    for (const a of answers.filter((a) => a.status === 409)) expect(a.body.code).toBe('TABOUR_ERR_DUPLICATE_USERNAME')
    expect(c.app.tabour.db.prepare(`SELECT COUNT(*) AS n FROM users WHERE username = 'samira'`).get()).toEqual({ n: 1 })
  })

  it('two admins demoted at once (with new passwords): one stays admin', async () => {
    const { c, base, admin } = await setUp()
    const second = await c.createUser('second-admin', 'admin')
    const firstId = (await http(base, 'GET', '/api/v1/auth/me', { token: admin })).body.id as number
    const answers = await Promise.all(
      [firstId, second.id].map((id) =>
        http(base, 'PATCH', `/api/v1/users/${id}`, { token: admin, body: { role: 'clerk', password: 'a-new-password' } }),
      ),
    )
    expect(answers.map((a) => a.status).sort(), JSON.stringify(answers.map((a) => a.body))).toEqual([200, 422])
    expect(answers.find((a) => a.status === 422)!.body.code).toBe('TABOUR_ERR_LAST_ADMIN')
    expect(c.app.tabour.db.prepare(`SELECT COUNT(*) AS n FROM users WHERE role = 'admin' AND active = 1`).get()).toEqual({ n: 1 })
  })

  it('a login racing a disable leaves the disabled clerk without a working token', async () => {
    const { c, base, admin } = await setUp()
    const clerk = await c.createUser('karim')
    for (let attempt = 0; attempt < 3; attempt++) {
      await http(base, 'PATCH', `/api/v1/users/${clerk.id}`, { token: admin, body: { active: true } })
      // the login checks the password (scrypt, tens of ms) while the disable goes through
      const login = http(base, 'POST', '/api/v1/auth/login', { body: { username: 'karim', password: STAFF_PASSWORD } })
      await sleep(5)
      const disable = await http(base, 'PATCH', `/api/v1/users/${clerk.id}`, { token: admin, body: { active: false } })
      expect(disable.status).toBe(200)
      const answer = await login
      if (answer.status === 200) {
        expect(
          (await http(base, 'GET', '/api/v1/auth/me', { token: answer.body.token })).status,
          'a disabled clerk still holds a session',
        ).toBe(401)
      } else {
        expect(answer.status).toBe(401)
      }
    }
  })

  it('a login with the old password racing a password change leaves no session made with the old one', async () => {
    const { c, base, admin } = await setUp()
    const clerk = await c.createUser('laila')
    for (let attempt = 0; attempt < 3; attempt++) {
      const oldPassword = attempt === 0 ? STAFF_PASSWORD : `new-desk-password-${attempt}`
      const newPassword = `new-desk-password-${attempt + 1}`
      // both hash with scrypt; the change starts first, the login reads the old hash meanwhile
      const change = http(base, 'PATCH', `/api/v1/users/${clerk.id}`, { token: admin, body: { password: newPassword } })
      await sleep(2)
      const login = await http(base, 'POST', '/api/v1/auth/login', { body: { username: 'laila', password: oldPassword } })
      expect((await change).status).toBe(200)
      if (login.status === 200) {
        expect(
          (await http(base, 'GET', '/api/v1/auth/me', { token: login.body.token })).status,
          'a session made with the old password survived the change',
        ).toBe(401)
      } else {
        expect(login.status).toBe(401)
      }
      expect(await loginAs(base, 'laila', newPassword)).toBeTruthy()
    }
  })
})
