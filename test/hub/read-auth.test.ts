import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_INGEST_PER_MINUTE, HubConfigError, loadHubConfig } from '../../hub/config.ts'
import { tokenMatches } from '../../protocol/bearer.ts'
import { BACKENDS, batchPath, HUB_ADMIN_TOKEN, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * The hub's read side behind HUB_READ_TOKEN, on every backend and over real HTTP: figures,
 * figures.csv, summary and centers answer 401 HUB_ERR_UNAUTHENTICATED without the token or with
 * a wrong one, and serve the read token and the admin token; /healthz and the page stay open;
 * without the token set the read side is open as before. Plus the settings' validation.
 */

const READ_TOKEN = 'hub-read-token-for-tests-0123'
const READ_ROUTES = [
  '/api/hub/v1/figures?from=2026-03-10',
  '/api/hub/v1/figures.csv?from=2026-03-10&by=service',
  '/api/hub/v1/summary?from=2026-03-10',
  '/api/hub/v1/centers',
]

const get = (hub: TestHub, path: string, token?: string) =>
  fetch(hub.url + path, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } })

describe.each(BACKENDS)('hub read side on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('with HUB_READ_TOKEN: 401 without or with a wrong token, served with the read token and the admin token; /healthz open', async () => {
    hub = await startTestHub({ backend, config: { readToken: READ_TOKEN } })
    const secret = await registerCenter(hub, 'C1')
    // ingest is signed, not token-guarded: a center needs no read token
    const sent = await postSigned(hub.url, batchPath, 'C1', secret, {
      centerId: 'C1',
      seq: 1,
      day: '2026-03-10',
      hour: 10,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: Date.now(),
      rows: [
        {
          serviceCode: 'A',
          serviceNameAr: 'خدمة',
          serviceNameEn: 'Service',
          issued: 7,
          called: 6,
          served: 5,
          noShow: 1,
          cancelled: 0,
          transferredIn: 0,
          transferredOut: 0,
          waitSumSeconds: 600,
          waitCount: 6,
          waitMaxSeconds: 200,
          waitWithinTarget: 5,
          serviceSumSeconds: 300,
          serviceCount: 5,
          counterOpenMinutes: 60,
        },
      ],
    })
    expect(sent.status).toBe(200)

    for (const path of READ_ROUTES) {
      for (const [why, token] of [
        ['no token', undefined],
        ['a wrong token', 'not-the-read-token-at-all'],
        ['the token with a suffix', `${READ_TOKEN}x`],
        ['an empty bearer', ''],
      ] as const) {
        const res = await get(hub, path, token)
        expect(res.status, `${path} with ${why}`).toBe(401)
        expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
        const body = await res.json()
        expect(body).toMatchObject({ statusCode: 401, code: 'HUB_ERR_UNAUTHENTICATED' })
        expect(JSON.stringify(body)).not.toContain('"issued"')
      }
      // not "Bearer": refused too
      expect((await fetch(hub.url + path, { headers: { authorization: `Basic ${READ_TOKEN}` } })).status).toBe(401)
      for (const token of [READ_TOKEN, HUB_ADMIN_TOKEN]) {
        const res = await get(hub, path, token)
        expect(res.status, `${path} with ${token}`).toBe(200)
      }
      // the header read as the center reads it (protocol/bearer.ts): the scheme in any case, a token is one word
      expect((await fetch(hub.url + path, { headers: { authorization: `bearer  ${READ_TOKEN} ` } })).status).toBe(200)
      expect((await fetch(hub.url + path, { headers: { authorization: `Bearer ${READ_TOKEN} x` } })).status).toBe(401)
    }
    const figures = await (await get(hub, '/api/hub/v1/figures?from=2026-03-10', READ_TOKEN)).json()
    expect(figures.rows[0]).toMatchObject({ key: 'C1', issued: 7 })
    const csv = await get(hub, '/api/hub/v1/figures.csv?from=2026-03-10&by=service', READ_TOKEN)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(await csv.text()).toContain('A,خدمة,Service')

    // the read token is no admin token
    const admin = await get(hub, '/api/hub/v1/admin/centers', READ_TOKEN)
    expect(admin.status).toBe(401)
    expect((await admin.json()).code).toBe('HUB_ERR_UNAUTHENTICATED')

    // monitoring and the page need no token (the page asks for it itself)
    const health = await get(hub, '/healthz')
    expect(health.status).toBe(200)
    expect((await health.json()).status).toBe('ok')
    const home = await fetch(`${hub.url}/`, { redirect: 'manual' })
    expect(home.status).toBe(302)
    expect(home.headers.get('location')).toBe('/hub/ui/')
    // the query goes along (walk s52: /?lang=en opened the page in Arabic)
    const english = await fetch(`${hub.url}/?lang=en`, { redirect: 'manual' })
    expect([english.status, english.headers.get('location')]).toEqual([302, '/hub/ui/?lang=en'])
    expect((await get(hub, '/hub/ui/')).status).not.toBe(401) // 503 here: no UI built for this hub
  })

  it('without HUB_READ_TOKEN the read side stays open', async () => {
    hub = await startTestHub({ backend })
    expect(hub.config.readToken).toBeUndefined()
    for (const path of READ_ROUTES) expect((await get(hub, path)).status, path).toBe(200)
    // a token sent anyway does no harm
    expect((await get(hub, READ_ROUTES[0]!, 'whatever-token-whatever')).status).toBe(200)
  })
})

describe('hub settings', () => {
  it('HUB_READ_TOKEN: unset = open read side; set, at least 16 characters', () => {
    expect(loadHubConfig({}).readToken).toBeUndefined()
    expect(loadHubConfig({ HUB_READ_TOKEN: '' }).readToken).toBeUndefined()
    expect(loadHubConfig({ HUB_READ_TOKEN: READ_TOKEN }).readToken).toBe(READ_TOKEN)
    expect(() => loadHubConfig({ HUB_READ_TOKEN: 'short-token' })).toThrow(HubConfigError)
    expect(() => loadHubConfig({ HUB_READ_TOKEN: 'short-token' })).toThrow('HUB_READ_TOKEN must be at least 16 characters')
    expect(() => loadHubConfig({}, { readToken: '123456789012345' })).toThrow('HUB_READ_TOKEN must be at least 16 characters')
    expect(loadHubConfig({ HUB_READ_TOKEN: '1234567890123456' }).readToken).toHaveLength(16)
  })

  it('HUB_INGEST_PER_MINUTE: default 600, a whole number ≥ 1', () => {
    expect(DEFAULT_INGEST_PER_MINUTE).toBe(600)
    expect(loadHubConfig({})).toMatchObject({ ingestPerMinute: 600, ingestWindowMs: 60_000 })
    expect(loadHubConfig({ HUB_INGEST_PER_MINUTE: '1200' }).ingestPerMinute).toBe(1200)
    for (const bad of ['0', '-5', '1.5', 'lots']) {
      expect(() => loadHubConfig({ HUB_INGEST_PER_MINUTE: bad }), bad).toThrow(HubConfigError)
      expect(() => loadHubConfig({ HUB_INGEST_PER_MINUTE: bad }), bad).toThrow('HUB_INGEST_PER_MINUTE must be an integer ≥ 1')
    }
  })

  it('HUB_TRUST_PROXY: unset = no proxy; a hop count, or addresses and CIDR ranges; never "true"', () => {
    expect(loadHubConfig({}).trustProxy).toBeUndefined()
    expect(loadHubConfig({ HUB_TRUST_PROXY: '1' }).trustProxy).toBe(1)
    expect(loadHubConfig({ HUB_TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toBe('10.0.0.5,10.1.0.0/16,::1')
    for (const bad of ['0', 'true', '10.0.0.0/33', '10.0.0.5,', 'proxy.local', '::1/129']) {
      expect(() => loadHubConfig({ HUB_TRUST_PROXY: bad }), bad).toThrow(HubConfigError)
      expect(() => loadHubConfig({ HUB_TRUST_PROXY: bad }), bad).toThrow(/^HUB_TRUST_PROXY must be/)
    }
  })

  it('every setting checked by its schema, as the center checks its own (protocol/config-load.ts), the variable named', () => {
    expect(loadHubConfig({})).toMatchObject({
      port: 8090,
      host: '0.0.0.0',
      maxSkewSeconds: 300,
      offlineAfterMinutes: 30,
      timeZone: 'Africa/Cairo',
    })
    expect(loadHubConfig({ HUB_PORT: '', HUB_HOST: '' })).toMatchObject({ port: 8090, host: '0.0.0.0' })
    expect(loadHubConfig({ HUB_PORT: '0', HUB_OFFLINE_MISSED_HEARTBEATS: '5' })).toMatchObject({ port: 0, offlineAfterMissedHeartbeats: 5 })
    expect(() => loadHubConfig({ HUB_PORT: '70000' })).toThrow('HUB_PORT must be an integer ≥ 0 and ≤ 65535 (got 70000)')
    expect(() => loadHubConfig({ HUB_MAX_SKEW_SECONDS: 'soon' })).toThrow('HUB_MAX_SKEW_SECONDS must be an integer ≥ 1 (got "soon")')
    expect(() => loadHubConfig({ HUB_ADMIN_TOKEN: 'short' })).toThrow('HUB_ADMIN_TOKEN must be at least 16 characters')
    expect(() => loadHubConfig({ HUB_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow('HUB_TIME_ZONE Mars/Olympus_Mons is not an IANA time zone')
    expect(() => loadHubConfig({ HUB_DATABASE_URL: 'mysql://x' })).toThrow('HUB_DATABASE_URL must be a postgres:// URL')
    // a setting no variable sets is named by its path
    expect(() => loadHubConfig({}, { ingestWindowMs: 0 })).toThrow('/ingestWindowMs must be an integer ≥ 1 (got 0)')
  })

  it('tokens are compared whole, whatever their length', () => {
    expect(tokenMatches(READ_TOKEN, READ_TOKEN)).toBe(true)
    expect(tokenMatches(READ_TOKEN.slice(0, -1), READ_TOKEN)).toBe(false)
    expect(tokenMatches('', READ_TOKEN)).toBe(false)
    expect(tokenMatches(READ_TOKEN.toUpperCase(), READ_TOKEN)).toBe(false)
  })
})
