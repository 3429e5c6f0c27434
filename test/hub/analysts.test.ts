import { afterEach, describe, expect, it } from 'vitest'
import { type HourBatch, zeroCounts } from '../../protocol/upstream.ts'
import { BACKENDS, batchPath, HUB_ADMIN_TOKEN, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Issue 23: analysts sign in with their own accounts instead of sharing the read token (kept for
 * machine clients); a national analyst reads everything, a governorate analyst only their
 * governorate (asking for another is 403 HUB_ERR_FORBIDDEN_GOVERNORATE); every read is logged.
 */

let hub: TestHub | undefined
afterEach(async () => {
  await hub?.close()
  hub = undefined
})

const READ_TOKEN = 'machine-read-token-for-tests'

async function admin(method: 'GET' | 'POST', path: string, payload?: object) {
  return hub!.app.inject({ method, url: `/api/hub/v1/admin/${path}`, headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }, payload })
}

async function get(path: string, token?: string) {
  const res = await fetch(hub!.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: res.status, body: await res.json() }
}

async function signIn(username: string, password: string) {
  const res = await fetch(`${hub!.url}/api/hub/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  return { status: res.status, body: await res.json() }
}

describe.each(BACKENDS)("analysts' accounts on %s", (backend) => {
  it('national and governorate-scoped analysts; another governorate is 403 with a stable code; reads are logged', async () => {
    hub = await startTestHub({ backend, config: { readToken: READ_TOKEN } })
    for (const [id, governorate, issued] of [
      ['CAI-1', 'Cairo', 7],
      ['ALX-1', 'Alexandria', 3],
    ] as const) {
      const secret = await registerCenter(hub, id, { governorate })
      const batch: HourBatch = {
        centerId: id,
        seq: 1,
        day: '2026-03-10',
        hour: 10,
        timeZone: 'Africa/Cairo',
        revision: 1,
        final: true,
        generatedAt: Date.now(),
        rows: [{ serviceCode: 'A', serviceNameAr: 'أ', serviceNameEn: 'A', ...zeroCounts(), issued }],
      }
      expect((await postSigned(hub.url, batchPath, id, secret, batch)).status).toBe(200)
    }
    const password = 'a long enough password'
    expect((await admin('POST', 'analysts', { username: 'nour', displayName: 'Nour', role: 'national', password })).statusCode).toBe(201)
    const created = await admin('POST', 'analysts', {
      username: 'alex',
      displayName: 'Alex',
      role: 'governorate',
      governorate: 'Alexandria',
      password,
    })
    expect(created.json()).toEqual({ username: 'alex', displayName: 'Alex', role: 'governorate', governorate: 'EG-ALX', active: true })
    expect((await admin('POST', 'analysts', { username: 'alex', displayName: 'Again', role: 'national', password })).json().code).toBe(
      'HUB_ERR_ANALYST_EXISTS',
    )
    expect((await admin('POST', 'analysts', { username: 'nogov', displayName: 'X', role: 'governorate', password })).statusCode).toBe(400)

    // a wrong password: 401 with its code, and no token
    const wrong = await signIn('alex', 'not the password at all')
    expect([wrong.status, wrong.body.code]).toEqual([401, 'HUB_ERR_BAD_CREDENTIALS'])
    const nour = (await signIn('nour', password)).body.token as string
    const alex = (await signIn('alex', password)).body.token as string

    // national: everything
    const all = await get('/api/hub/v1/figures?from=2026-03-10&by=center', nour)
    expect(all.body.rows.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([
      ['ALX-1', 3],
      ['CAI-1', 7],
    ])
    // governorate: theirs only, without asking
    const own = await get('/api/hub/v1/figures?from=2026-03-10&by=center', alex)
    expect(own.body.rows.map((r: { key: string }) => r.key)).toEqual(['ALX-1'])
    expect((await get('/api/hub/v1/summary?from=2026-03-10', alex)).body.totals.issued).toBe(3)
    // the dashboard says whose figures they are: the page names the scope from it
    expect((await get('/api/hub/v1/dashboard?from=2026-03-10', alex)).body.scope).toBe('EG-ALX')
    expect((await get('/api/hub/v1/dashboard?from=2026-03-10', nour)).body.scope).toBeNull()
    expect((await get('/api/hub/v1/centers', alex)).body.map((c: { id: string }) => c.id)).toEqual(['ALX-1'])
    expect((await get('/api/hub/v1/fleet', alex)).body.centers.map((c: { id: string }) => c.id)).toEqual(['ALX-1'])
    // so does the fleet: the page's title names his governorate on that tab too
    expect((await get('/api/hub/v1/fleet', alex)).body.scope).toBe('EG-ALX')
    expect((await get('/api/hub/v1/fleet', nour)).body.scope).toBeNull()
    // another governorate, or a center of another: 403 with a stable code
    for (const path of ['/api/hub/v1/figures?from=2026-03-10&governorate=Cairo', '/api/hub/v1/summary?center=CAI-1']) {
      const refused = await get(path, alex)
      expect([refused.status, refused.body.code], path).toEqual([403, 'HUB_ERR_FORBIDDEN_GOVERNORATE'])
    }
    // the machine read token still works; no token is still refused
    expect((await get('/api/hub/v1/figures?from=2026-03-10', READ_TOKEN)).status).toBe(200)
    expect((await get('/api/hub/v1/figures?from=2026-03-10')).status).toBe(401)

    // the access log: who read what, and the answer
    const log = (await admin('GET', 'access-log')).json() as { username: string; action: string; status: number }[]
    expect(log).toContainEqual(expect.objectContaining({ username: 'alex', action: 'sign-in', status: 401 }))
    expect(log).toContainEqual(expect.objectContaining({ username: 'alex', action: 'GET /api/hub/v1/summary?center=CAI-1', status: 403 }))
    expect(log).toContainEqual(
      expect.objectContaining({ username: 'nour', action: 'GET /api/hub/v1/figures?from=2026-03-10&by=center', status: 200 }),
    )

    // password guessing is paced: 20 sign-ins a minute from one address
    let last = 0
    for (let i = 0; i < 25 && last !== 429; i++) last = (await signIn('nour', `guess ${i} guess guess`)).status
    expect(last).toBe(429)
  })
})
