import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HUB_OPENAPI_PATH } from '../../hub/openapi.ts'
import { OpenDataPaths } from '../../protocol/open-data.ts'
import { type HourFigures, UpstreamPaths, zeroCounts } from '../../protocol/upstream.ts'
import { finalHour } from './final-hour.ts'
import { minimalBundleDraft } from '../helpers/bundle-draft.ts'
import { addAnalyst, addNationalService, HUB_ADMIN_TOKEN, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * The hub refuses a field it does not know (hub/input-validation.ts): every route of its OpenAPI
 * document that takes a body or a query string answers 400 HUB_ERR_VALIDATION naming the field,
 * where the same request without it is accepted. The signed ingest routes are the exception the
 * protocol promises (an older hub drops a newer center's fields unread): there it is dropped.
 */

const PROBE = 'unknownProbe'
const auth = { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }
const row: HourFigures = { serviceCode: 'A', serviceNameAr: 'خدمة', serviceNameEn: 'Service', nationalCode: 'PASSPORT', ...zeroCounts() }
const today = new Date().toISOString().slice(0, 10)

const contents = minimalBundleDraft()

/** A body each body route accepts; `n` makes each call's new (a username, a center id, a batch's seq). */
const VALID_BODIES: Record<string, (n: number) => Record<string, unknown>> = {
  'POST /api/hub/v1/auth/login': () => ({ username: 'sara', password: 'a-long-enough-password' }),
  'POST /api/hub/v1/admin/analysts': (n) => ({
    username: `analyst${n}`,
    displayName: 'A',
    role: 'national',
    password: 'a-long-enough-password',
  }),
  'POST /api/hub/v1/admin/centers': (n) => ({ id: `N${n}`, nameAr: 'مركز', nameEn: 'Center', governorate: 'Cairo', kind: 'fixed' }),
  'PATCH /api/hub/v1/admin/centers/{id}': () => ({ nameEn: 'Center one' }),
  'PUT /api/hub/v1/admin/national-services/{code}': () => ({ nameAr: 'جواز', nameEn: 'Passport', groupAr: '', groupEn: '' }),
  'POST /api/hub/v1/config-bundles': () => ({ target: { kind: 'all' }, contents }),
  [`POST ${UpstreamPaths.batches}`]: (n) => finalHour('C1', today, [row], { seq: n }),
  [`POST ${UpstreamPaths.backlog}`]: (n) => ({ centerId: 'C1', batches: [finalHour('C1', today, [row], { seq: n, hour: 11 })] }),
  [`POST ${UpstreamPaths.heartbeat}`]: () => ({
    centerId: 'C1',
    health: { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0 },
  }),
  [`POST ${UpstreamPaths.configBundle}`]: () => ({ centerId: 'C1', version: 1 }),
}

/** What a query route needs besides the probe. */
const REQUIRED_QUERY: Record<string, Record<string, string>> = {
  [OpenDataPaths.leastBusy]: { governorate: 'Cairo', service: 'PASSPORT' },
}

const SIGNED: ReadonlySet<string> = new Set(Object.values(UpstreamPaths))
const concrete = (path: string) => path.replace('{id}', 'C1').replace('{code}', 'PASSPORT')

let hub: TestHub
let secret: string
let doc: { paths: Record<string, Record<string, { requestBody?: unknown; parameters?: { in: string }[] }>> }
let calls = 0

async function send(method: string, path: string, body: Record<string, unknown>) {
  calls++
  if (SIGNED.has(path)) {
    const res = await postSigned(hub.url, path, 'C1', secret, body, { seq: (body.seq as number | undefined) ?? calls })
    return { status: res.status, body: res.body }
  }
  const res = await hub.app.inject({ method: method as 'POST', url: concrete(path), headers: auth, payload: body })
  return { status: res.statusCode, body: res.json() }
}

beforeAll(async () => {
  hub = await startTestHub()
  await addNationalService(hub, 'PASSPORT')
  secret = await registerCenter(hub, 'C1')
  await addAnalyst(hub, 'sara', 'a-long-enough-password')
  // the bundle the signed fetch asks for: published, for every center
  const created = await send('POST', '/api/hub/v1/config-bundles', { target: { kind: 'all' }, contents })
  expect(created.status).toBe(201)
  expect((await hub.app.inject({ method: 'POST', url: '/api/hub/v1/config-bundles/1/publish', headers: auth })).statusCode).toBe(200)
  doc = (await hub.app.inject({ url: HUB_OPENAPI_PATH })).json()
})
afterAll(async () => {
  await hub?.close()
})

describe('a field the hub does not know', () => {
  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    )

  it('is refused by every body route, naming it, where the same body without it is accepted; signed ingest drops it', async () => {
    const bodyRoutes = operations()
      .filter(({ op }) => op.requestBody)
      .map(({ method, path }) => `${method} ${path}`)
    // a new body route must say here what it accepts, so the sweep covers it
    expect(bodyRoutes.sort()).toEqual(Object.keys(VALID_BODIES).sort())
    for (const route of bodyRoutes) {
      const [method, path] = route.split(' ') as [string, string]
      const valid = VALID_BODIES[route]!
      const probed = await send(method, path, { ...valid(calls + 1), [PROBE]: 1 })
      if (SIGNED.has(path)) expect(probed.status, route).toBe(200)
      else {
        expect(probed.status, route).toBe(400)
        expect(probed.body, route).toMatchObject({ code: 'HUB_ERR_VALIDATION', message: `body/${PROBE}: not a field of this request` })
      }
      const plain = await send(method, path, valid(calls + 1))
      expect(plain.status, route).toBeLessThan(300)
    }
  })

  it('is refused in the query string of every route that reads one', async () => {
    const queryRoutes = operations().filter(({ method, op }) => method === 'GET' && op.parameters?.some((p) => p.in === 'query'))
    expect(queryRoutes.map((r) => r.path)).toEqual(
      expect.arrayContaining(['/api/hub/v1/figures', '/api/hub/v1/figures.csv', '/api/hub/v1/dashboard', OpenDataPaths.leastBusy]),
    )
    for (const { path } of queryRoutes) {
      const query = new URLSearchParams(REQUIRED_QUERY[path] ?? {})
      const plain = await hub.app.inject({ url: `${path}?${query}`, headers: auth })
      expect(plain.statusCode, path).toBe(200)
      query.set(PROBE, '1')
      const probed = await hub.app.inject({ url: `${path}?${query}`, headers: auth })
      expect(probed.statusCode, path).toBe(400)
      expect(probed.json(), path).toMatchObject({
        code: 'HUB_ERR_VALIDATION',
        message: `querystring/${PROBE}: not a field of this request`,
      })
    }
  })

  it('as `name_ar` for `nameAr` in a center change: 400, and the center keeps its name', async () => {
    const before = (await hub.store.getCenter('C1'))!
    const res = await hub.app.inject({
      method: 'PATCH',
      url: '/api/hub/v1/admin/centers/C1',
      headers: auth,
      payload: { name_ar: 'اسم جديد' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'HUB_ERR_VALIDATION', message: 'body/name_ar: not a field of this request' })
    expect((await hub.store.getCenter('C1'))!.nameAr).toBe(before.nameAr)
  })

  it('deep in a body: named by its path', async () => {
    const res = await send('POST', '/api/hub/v1/config-bundles', { target: { kind: 'all', governorat: 'Cairo' }, contents })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ code: 'HUB_ERR_VALIDATION', message: 'body/target/governorat: not a field of this request' })
  })
})

/**
 * `content-type: application/json` and no body, as curl with `-H` and most HTTP libraries send it
 * (hub/app.ts, protocol/empty-json-body.ts): a route that takes no body answers as without the
 * header (Publish answered 400 "Body cannot be empty", s49); a route that takes one still says its body is missing.
 */
describe('an empty body sent as JSON', () => {
  const json = { ...auth, 'content-type': 'application/json', 'content-length': '0' }
  const writes = () =>
    Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ path, method: method.toUpperCase() as 'POST', op })),
    )

  it('publishes a draft', async () => {
    const created = await send('POST', '/api/hub/v1/config-bundles', { target: { kind: 'all' }, contents })
    const version = (created.body as { version: number }).version
    const res = await hub.app.inject({ method: 'POST', url: `/api/hub/v1/config-bundles/${version}/publish`, headers: json })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ version, publishedAt: expect.any(Number) })
  })

  it('is no body on every route that takes none, and refused on every route that takes one', async () => {
    const bodiless = writes().filter(({ op }) => !op.requestBody)
    expect(bodiless.map((r) => r.path)).toContain('/api/hub/v1/config-bundles/{version}/publish')
    for (const { method, path } of bodiless) {
      const res = await hub.app.inject({
        method,
        url: concrete(path).replace('{version}', '1').replace('{username}', 'sara'),
        headers: json,
      })
      // whatever the route answers (a bundle published already, a center not found), it is not about the body
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(500)
      expect(res.body, `${method} ${path}`).not.toMatch(/Body cannot be empty/)
    }
    for (const { method, path } of writes().filter(({ op, path }) => op.requestBody && !SIGNED.has(path))) {
      const res = await hub.app.inject({ method, url: concrete(path), headers: json })
      expect(res.statusCode, `${method} ${path}`).toBe(400)
      expect(res.json(), `${method} ${path}`).toMatchObject({
        code: 'HUB_ERR_VALIDATION',
        message: "Body cannot be empty when content-type is set to 'application/json'",
      })
    }
  })
})
