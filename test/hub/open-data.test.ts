import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import Fastify from 'fastify'
import { Type } from '@sinclair/typebox'
import { TestCenter } from '../helpers/test-center.ts'
import { UPSTREAM_TEST_CONFIG } from '../server/upstream/upstream-helpers.ts'
import { addNationalService, BACKENDS, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { Heartbeat, UpstreamPaths } from '../../protocol/upstream.ts'
import { OpenDataPaths } from '../../protocol/open-data.ts'
import { leastBusy, openCatalogue, openCenters, type OpenDataSources } from '../../hub/open-data-views.ts'

/**
 * Open data (issue 23): two real centers (in-process, real SQLite, their real reporters) send
 * their lines now with the heartbeat; the hub's public API shows them per center and orders a
 * governorate's centers for one service by typical wait; a stopped center turns to "no recent
 * data" and goes last; the JSON holds the documented keys only; the API is rate-limited; the
 * hub's OpenAPI document parses and lists the public routes.
 */

const cleanups: (() => Promise<void>)[] = []
// closing two real centers (their reporters) and the hub: under the full suite on two cores the cleanup passed vitest's
// 30 s default once (local CI of session 44; why it was that slow is not known), alone it takes under a second
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
}, 90_000)

async function startCenter(hub: TestHub, id: string, nameEn: string) {
  const secret = await registerCenter(hub, id, { governorate: 'Cairo', nameEn })
  const center = await TestCenter.start({ config: { upstream: { url: hub.url, centerId: id, secret, ...UPSTREAM_TEST_CONFIG } } })
  let closed = false
  cleanups.push(async () => {
    if (!closed) await center.close()
  })
  return {
    center,
    close: async () => {
      closed = true
      await center.close()
    },
  }
}

/** A service mapped to PASSPORT with `waiting` tickets and one open counter (so it has an estimate). */
async function passportLine(center: TestCenter, waiting: number) {
  const service = await center.createService({ prefix: 'P', nameEn: 'Passports', nationalCode: 'PASSPORT' })
  const other = await center.createService({ prefix: 'X', nameEn: 'Local only' }) // no national code: never public
  const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
  await center.openCounterAs('clerk1', counter.id)
  const token = await center.admin()
  for (let i = 0; i < waiting; i++) await center.issue(token, { serviceId: service.id })
  await center.issue(token, { serviceId: other.id })
  const mine = (await center.request('GET', '/api/v1/services', { token })).json().find((s: { id: number }) => s.id === service.id)
  expect(mine.estimatedWaitSeconds).toBeGreaterThan(0)
  return { waiting, estimate: mine.estimatedWaitSeconds as number }
}

const get = async (hub: TestHub, path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(hub.url + path, { headers })
  return { status: res.status, headers: res.headers, body: await res.json() }
}

describe('open data from two real centers', () => {
  // on SQLite only (CI time): the same SQL on PostgreSQL is run by the heartbeat test below
  it('two centers’ lines reach the public API; least busy first; a stopped center shows no recent data, last; one that never reported is not listed', {
    timeout: 120_000,
  }, async () => {
    const hub = await startTestHub({ config: { openDataCacheMs: 0 } })
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT', { nameAr: 'جوازات السفر', nameEn: 'Passports' })
    // in the catalogue, offered by no center: the citizen's picker leaves it out
    await addNationalService(hub, 'BIRTH-CERT', { nameAr: 'شهادة الميلاد', nameEn: 'Birth certificate' })
    await registerCenter(hub, 'EG-CAI-009', { governorate: 'Cairo', nameEn: 'Silent center' }) // never reports
    await registerCenter(hub, 'EG-ALX-001', { governorate: 'Alexandria' })
    const busy = await startCenter(hub, 'EG-CAI-001', 'Busy center')
    const quiet = await startCenter(hub, 'EG-CAI-002', 'Quiet center')
    const busyLine = await passportLine(busy.center, 4)
    const quietLine = await passportLine(quiet.center, 1)
    expect(quietLine.estimate).toBeLessThan(busyLine.estimate)

    const least = `${OpenDataPaths.leastBusy}?governorate=Cairo&service=PASSPORT`
    const look = (path: string) => get(hub, path)
    await expect
      .poll(async () => (await look(least)).body.centers.map((c: { id: string; waiting: number | null }) => [c.id, c.waiting]), {
        timeout: 20_000,
      })
      .toEqual([
        ['EG-CAI-002', 1],
        ['EG-CAI-001', 4],
      ])
    const answer = await look(least)
    expect(answer.status).toBe(200)
    // EG-CAI-009 never sent a line: nothing says it offers passports or how busy it is, so it is not "least busy" (walk of 2026-12-05)
    const [first, second] = answer.body.centers
    // the figure is the center's own estimate for a ticket taken now
    expect(first).toMatchObject({ status: 'live', waitSeconds: quietLine.estimate, open: true, nameEn: 'Quiet center', city: 'Nasr City' })
    expect(second).toMatchObject({ status: 'live', waitSeconds: busyLine.estimate, open: true })
    expect(answer.body.service).toEqual({ code: 'PASSPORT', nameAr: 'جوازات السفر', nameEn: 'Passports' })
    // only the documented keys: nothing about tickets, clerks, counters, secrets or health
    expect(Object.keys(answer.body).sort()).toEqual(['centers', 'generatedAt', 'governorate', 'service'])
    const centerKeys = [
      'city',
      'cityAr',
      'cityEn',
      'everReported',
      'governorate',
      'id',
      'nameAr',
      'nameEn',
      'open',
      'status',
      'updatedAt',
      'waitSeconds',
      'waiting',
    ]
    for (const c of answer.body.centers) expect(Object.keys(c).sort()).toEqual(centerKeys)

    const all = (await look(OpenDataPaths.centers)).body
    expect(Object.keys(all).sort()).toEqual(['centers', 'generatedAt'])
    expect(all.centers.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ['EG-ALX-001', 'no_recent_data'],
      ['EG-CAI-001', 'live'],
      ['EG-CAI-002', 'live'],
      ['EG-CAI-009', 'no_recent_data'],
    ])
    const busyNow = all.centers[1]
    expect(Object.keys(busyNow).sort()).toEqual([
      'city',
      'cityAr',
      'cityEn',
      'everReported',
      'governorate',
      'id',
      'localServices',
      'nameAr',
      'nameEn',
      'services',
      'status',
      'updatedAt',
    ])
    // the local-only service is not among the national ones; the mapped one is, with exactly these keys
    expect(busyNow.services).toEqual([{ code: 'PASSPORT', waiting: 4, waitSeconds: busyLine.estimate, open: true }])
    // it is listed apart, by the center's own names, from the center's own heartbeat (no counter serves it: no estimate)
    expect(busyNow.localServices).toHaveLength(1)
    expect(busyNow.localServices[0]).toMatchObject({ code: 'X', nameEn: 'Local only', waiting: 1, waitSeconds: null })
    const catalogue = (await look(OpenDataPaths.catalogue)).body
    expect(catalogue).toEqual({
      services: [{ code: 'PASSPORT', nameAr: 'جوازات السفر', nameEn: 'Passports' }],
      governorates: ['EG-ALX', 'EG-C'],
    })

    // the quiet center stops: once its beats are missed it shows "no recent data", after the live one
    await quiet.close()
    await expect
      .poll(async () => (await look(least)).body.centers.map((c: { id: string; status: string }) => [c.id, c.status]), {
        timeout: 20_000,
      })
      .toEqual([
        ['EG-CAI-001', 'live'],
        ['EG-CAI-002', 'no_recent_data'],
      ])
    const silent = (await look(least)).body.centers[1]
    expect(silent).toMatchObject({ status: 'no_recent_data', updatedAt: null, waitSeconds: null, open: null })
    const stale = (await look(`${OpenDataPaths.centers}?governorate=Cairo`)).body.centers.find((c: { id: string }) => c.id === 'EG-CAI-002')
    expect(stale).toMatchObject({ status: 'no_recent_data', updatedAt: null, services: [] })

    // bad input: clear errors with stable codes
    const unknownService = await get(hub, `${OpenDataPaths.leastBusy}?governorate=Cairo&service=NO-SUCH`)
    expect([unknownService.status, unknownService.body.code]).toEqual([400, 'HUB_ERR_UNKNOWN_NATIONAL_CODE'])
    const unknownGovernorate = await get(hub, `${OpenDataPaths.leastBusy}?governorate=Atlantis&service=PASSPORT`)
    expect([unknownGovernorate.status, unknownGovernorate.body.code]).toEqual([404, 'HUB_ERR_NOT_FOUND'])
    const missing = await get(hub, `${OpenDataPaths.leastBusy}?service=PASSPORT`)
    expect([missing.status, missing.body.code]).toEqual([400, 'HUB_ERR_VALIDATION'])
  })
})

describe.each(BACKENDS)('open data in the heartbeat on %s', (backend) => {
  it('a heartbeat without live figures (an older center) clears what was held; an older hub takes a newer heartbeat', async () => {
    const hub = await startTestHub({ backend })
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT')
    const secret = await registerCenter(hub, 'C1')
    const health = { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: 60 }
    await addNationalService(hub, 'CIV-BIRTH')
    const live = [
      { nationalCode: 'CIV-BIRTH', waiting: 0, open: true }, // no counter open: no estimate
      { nationalCode: 'PASSPORT', waiting: 2, waitSeconds: 0, open: true },
    ]
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, { centerId: 'C1', health, live })).status).toBe(200)
    expect((await hub.store.liveQueues.reports()).get('C1')?.queues).toEqual(live)
    // the next beat writes only what changed: the same lines write nothing; one changed line, one gone, one new
    const store = hub.store.liveQueues
    expect(await hub.store.db.transaction().execute((trx) => store.replace(trx, 'C1', live, Date.now()))).toBe(0)
    const next = [
      { nationalCode: 'PASSPORT', waiting: 3, waitSeconds: 240, open: true },
      { nationalCode: 'TRAFFIC', waiting: 1, open: false },
    ]
    expect(await hub.store.db.transaction().execute((trx) => store.replace(trx, 'C1', next, Date.now()))).toBe(3)
    expect((await store.reports()).get('C1')?.queues).toEqual(next)
    expect(await hub.store.db.transaction().execute((trx) => store.replace(trx, 'C1', live, Date.now()))).toBe(3)
    // a wait of 0 stays 0 and an unknown one stays unknown (a validator coercing null to 0 once told citizens "less than a minute")
    expect((await hub.app.inject({ url: OpenDataPaths.centers })).json().centers[0].services).toEqual([
      { code: 'CIV-BIRTH', waiting: 0, waitSeconds: null, open: true },
      { code: 'PASSPORT', waiting: 2, waitSeconds: 0, open: true },
    ])
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, { centerId: 'C1', health })).status).toBe(200)
    expect((await hub.store.liveQueues.reports()).has('C1')).toBe(false)
    // a malformed entry is refused like any bad heartbeat
    const bad = [{ nationalCode: 'lower', waiting: -1, open: true }]
    expect((await postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, { centerId: 'C1', health, live: bad })).status).toBe(400)

    // a hub of before (its heartbeat schema without `live`) drops the field unread and answers 200
    const older = Fastify()
    cleanups.push(() => older.close())
    older.post(
      '/hb',
      { schema: { body: Type.Omit(Heartbeat, ['live'], { additionalProperties: false }) } },
      async (request) => request.body,
    )
    const res = await older.inject({ method: 'POST', url: '/hb', payload: { centerId: 'C1', health, live } })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ centerId: 'C1', health })
  })
})

describe.each(BACKENDS)("open data: a center's own services on %s", (backend) => {
  it("a heartbeat's own services (no national code) are listed on the center's card by its names, kept as the lines are, and cleared with them", async () => {
    const hub = await startTestHub({ backend, config: { openDataCacheMs: 0 } })
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT')
    const secret = await registerCenter(hub, 'C1')
    const health = { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: 60 }
    const live = [{ nationalCode: 'PASSPORT', waiting: 2, waitSeconds: 120, open: true }]
    const localLive = [
      { serviceCode: 'N', nameAr: 'توثيق محلي', nameEn: 'Local notary', waiting: 4, waitSeconds: 600, open: true },
      { serviceCode: 'Q', nameAr: 'استعلامات', nameEn: 'Enquiries', waiting: 0, open: false },
    ]
    const beat = (body: Record<string, unknown>) =>
      postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, { centerId: 'C1', health, ...body })
    expect((await beat({ live, localLive })).status).toBe(200)
    const card = async () => (await hub.app.inject({ url: OpenDataPaths.centers })).json().centers[0]
    expect((await card()).localServices).toEqual([
      { code: 'N', nameAr: 'توثيق محلي', nameEn: 'Local notary', waiting: 4, waitSeconds: 600, open: true },
      { code: 'Q', nameAr: 'استعلامات', nameEn: 'Enquiries', waiting: 0, waitSeconds: null, open: false },
    ])
    // never among the national services, nor in the pickers
    expect((await card()).services.map((x: { code: string }) => x.code)).toEqual(['PASSPORT'])
    expect((await hub.app.inject({ url: OpenDataPaths.catalogue })).json().services.map((x: { code: string }) => x.code)).toEqual([
      'PASSPORT',
    ])
    // the same lines again write nothing; a changed one rewrites them
    const store = hub.store.liveQueues
    expect(await hub.store.db.transaction().execute((trx) => store.replaceLocal(trx, 'C1', localLive))).toBe(0)
    expect((await beat({ live, localLive: [localLive[0]] })).status).toBe(200)
    expect((await card()).localServices.map((x: { code: string }) => x.code)).toEqual(['N'])
    // a heartbeat without lines (an older center) clears them with the national ones
    expect((await beat({})).status).toBe(200)
    expect((await card()).localServices).toEqual([])
    expect((await store.reports()).has('C1')).toBe(false)
  })
})

describe('open data: the cache, the limit and the document', () => {
  it('answers from one read of the store for a few seconds (Cache-Control says so), then reads again', async () => {
    let offset = 0
    const hub = await startTestHub({ clock: () => Date.now() + offset })
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT')
    const secret = await registerCenter(hub, 'C1')
    const beat = (waiting: number) =>
      postSigned(hub.url, UpstreamPaths.heartbeat, 'C1', secret, {
        centerId: 'C1',
        health: { at: Date.now(), countersOpen: 1, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: 60 },
        live: [{ nationalCode: 'PASSPORT', waiting, waitSeconds: 60 * waiting, open: true }],
      })
    const waiting = async () => {
      const res = await get(hub, OpenDataPaths.centers)
      expect(res.headers.get('cache-control')).toBe('public, max-age=5')
      return res.body.centers[0].services[0]?.waiting
    }
    expect((await beat(2)).status).toBe(200)
    expect(await waiting()).toBe(2)
    expect((await beat(7)).status).toBe(200)
    expect(await waiting()).toBe(2) // within 5 s: the same read
    offset += 5_000
    expect(await waiting()).toBe(7)
  })

  it('rate-limits the public API per address: 429 HUB_ERR_RATE_LIMITED with Retry-After', async () => {
    const hub = await startTestHub({ config: { openDataPerMinute: 3 } })
    cleanups.push(() => hub.close())
    for (let i = 0; i < 3; i++) expect((await get(hub, OpenDataPaths.catalogue)).status).toBe(200)
    const refused = await get(hub, OpenDataPaths.centers)
    expect(refused.status).toBe(429)
    expect(refused.body.code).toBe('HUB_ERR_RATE_LIMITED')
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    // the analysts' and centers' routes are not held up by it
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200)
  })

  it.each([
    ['its address', '127.0.0.1'],
    ['a hop count', 1],
  ] as const)(
    'behind a reverse proxy trusted by %s (HUB_TRUST_PROXY) each citizen has an allowance of their own; an untrusted X-Forwarded-For is ignored',
    async (_how, trustProxy) => {
      const behindProxy = await startTestHub({ config: { openDataPerMinute: 2, trustProxy } })
      const direct = await startTestHub({ config: { openDataPerMinute: 2 } })
      cleanups.push(
        () => behindProxy.close(),
        () => direct.close(),
      )
      const from = (address: string) => ({ 'x-forwarded-for': address })
      for (const hub of [behindProxy, direct])
        for (let i = 0; i < 2; i++) expect((await get(hub, OpenDataPaths.catalogue, from('198.51.100.7'))).status).toBe(200)
      expect((await get(behindProxy, OpenDataPaths.catalogue, from('198.51.100.7'))).status).toBe(429)
      expect((await get(behindProxy, OpenDataPaths.catalogue, from('203.0.113.9'))).status, 'another citizen behind the proxy').toBe(200)
      // without the setting the header is the caller's own word: both "citizens" are the one socket address
      expect((await get(direct, OpenDataPaths.catalogue, from('203.0.113.9'))).status).toBe(429)
    },
  )

  it('GET /api/hub/v1/openapi.json parses, lists the public routes with their response schemas, and marks what needs a token', async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    const res = await fetch(`${hub.url}/api/hub/v1/openapi.json`)
    expect(res.status).toBe(200)
    const doc = JSON.parse(await res.text())
    expect(doc.openapi).toBe('3.0.3')
    expect(doc.info.title).toBe('Tabour national hub API')
    const ajv = new Ajv({ strict: false })
    for (const path of Object.values(OpenDataPaths)) {
      const op = doc.paths[path]?.get
      expect(op, path).toBeDefined()
      expect(op.security, path).toEqual([])
      const schema = op.responses['200'].content['application/json'].schema
      expect(() => ajv.compile(schema), path).not.toThrow()
      expect(op.responses['429'], path).toBeDefined()
    }
    expect(doc.paths['/api/hub/v1/open/least-busy'].get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'governorate',
      'service',
    ])
    // the existing routes are listed too, with the credentials they take
    expect(doc.paths['/api/hub/v1/summary'].get.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/hub/v1/admin/centers'].post.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/hub/v1/heartbeat'].post.requestBody).toBeDefined()
    // every path a center signs says so, the bundle fetch included; managing bundles takes a token
    for (const path of Object.values(UpstreamPaths)) expect(doc.paths[path].post.description, path).toMatch(/^Signed by the center/)
    expect(doc.paths['/api/hub/v1/config-bundles'].post.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/hub/v1/config-bundles/{version}'].get.security).toEqual([{ bearer: [] }])
    expect(doc.paths['/api/hub/v1/openapi.json']).toBeUndefined()
  })
})

describe('the hub’s built pages', () => {
  it('/open/ and /hub/ui/ answer their own built file, no-cache, and a bilingual 503 before the build', async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    for (const path of ['/open/', '/hub/ui/']) {
      const res = await fetch(hub.url + path)
      expect(res.status, path).toBe(503)
      expect(await res.text(), path).toMatch(/^UI not built: run `npm run build`\.\n.*npm run build$/)
    }
    // the routes read the file on each request: built now, the next load has it
    mkdirSync(join(hub.config.uiDir, 'hub', 'ui'), { recursive: true })
    writeFileSync(join(hub.config.uiDir, 'hub', 'ui', 'open.html'), '<head></head><p>open</p>')
    writeFileSync(join(hub.config.uiDir, 'hub', 'ui', 'index.html'), '<head></head><p>dashboard</p>')
    // each told the hub's zone, which it writes its moments in (hub/ui/hub-time-zone.ts)
    const zone = `<head><meta name="tabour-hub-time-zone" content="${hub.config.timeZone}"></head>`
    for (const [path, body] of [
      ['/open/', `${zone}<p>open</p>`],
      ['/hub/ui/', `${zone}<p>dashboard</p>`],
    ]) {
      const res = await fetch(hub.url + path)
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control'), path).toBe('no-cache')
      expect(await res.text(), path).toBe(body)
    }
  })
})

/** A Cairo center as the open-data views read it, named by its id. */
const center = (id: string) => ({
  id,
  nameAr: id,
  nameEn: id,
  governorate: 'Cairo',
  cityAr: '',
  cityEn: '',
  kind: 'fixed' as const,
  secret: 's',
  active: true,
  createdAt: 0,
})

describe('the open-data views', () => {
  it('name only the catalogue’s codes: a line under a code the catalogue lost is left out of every answer', () => {
    const now = 1_800_000_000_000
    const src: OpenDataSources = {
      centers: [center('C1'), center('C2')],
      statuses: new Map(),
      reports: new Map(
        ['C1', 'C2'].map((id) => [
          id,
          {
            centerId: id,
            reportedAt: now - 1000,
            queues: [
              { nationalCode: 'PASSPORT', waiting: 3, waitSeconds: 600, open: true },
              { nationalCode: 'GONE', waiting: 9, open: true },
            ],
            // C1's own service without a national code, named by the center
            local:
              id === 'C1'
                ? [{ serviceCode: 'Z', nameAr: 'توثيق محلي', nameEn: 'Local notary', waiting: 2, waitSeconds: 240, open: true }]
                : [],
          },
        ]),
      ),
      services: [{ code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' }],
      config: { offlineAfterMissedHeartbeats: 3, offlineAfterMinutes: 30 },
      now,
    }
    expect(openCenters(src).centers.map((c) => [c.id, c.status, c.services.map((s) => s.code)])).toEqual([
      ['C1', 'live', ['PASSPORT']],
      ['C2', 'live', ['PASSPORT']],
    ])
    // a center's own service is listed on its card, by the center's names (it was only said to exist: walk of 2026-12-06) ...
    expect(openCenters(src).centers.map((c) => [c.id, c.localServices])).toEqual([
      ['C1', [{ code: 'Z', nameAr: 'توثيق محلي', nameEn: 'Local notary', waiting: 2, waitSeconds: 240, open: true }]],
      ['C2', []],
    ])
    // ... while the center's figures are live only
    expect(openCenters({ ...src, now: now + 86_400_000 }).centers.map((c) => c.localServices)).toEqual([[], []])
    const gone = { code: 'GONE', nameAr: 'x', nameEn: 'x', groupAr: '', groupEn: '' }
    expect(leastBusy(src, 'Cairo', gone)!.centers).toEqual([])
    // the picker: a catalogue service no active center offers is left out, one an offline center offered stays
    const offered = (s: OpenDataSources) => openCatalogue(s).services.map((x) => x.code)
    const birth = { code: 'BIRTH', nameAr: 'ميلاد', nameEn: 'Birth', groupAr: '', groupEn: '' }
    expect(offered({ ...src, services: [...src.services, birth] })).toEqual(['PASSPORT'])
    expect(offered({ ...src, now: now + 86_400_000 })).toEqual(['PASSPORT'])
    expect(offered({ ...src, centers: src.centers.map((c) => ({ ...c, active: false })) })).toEqual([])
    expect(leastBusy(src, 'Cairo', src.services[0])!.centers.map((c) => [c.id, c.waiting])).toEqual([
      ['C1', 3],
      ['C2', 3],
    ])
  })

  it('least busy ranks only centers with figures: one that never reported is left out, a silent one that offered the service comes last', () => {
    const now = 1_800_000_000_000
    const report = (id: string, reportedAt: number, code: string) => ({
      centerId: id,
      reportedAt,
      queues: [{ nationalCode: code, waiting: 2, waitSeconds: 300, open: true }],
      local: [],
    })
    const src: OpenDataSources = {
      // NEVER has no report at all; OLD and OTHER last reported a day ago, OTHER without passports
      centers: ['LIVE', 'NEVER', 'OLD', 'OTHER'].map(center),
      statuses: new Map(),
      reports: new Map([
        ['LIVE', report('LIVE', now - 1000, 'PASSPORT')],
        ['OLD', report('OLD', now - 86_400_000, 'PASSPORT')],
        ['OTHER', report('OTHER', now - 86_400_000, 'BIRTH')],
      ]),
      services: [
        { code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' },
        { code: 'BIRTH', nameAr: 'ميلاد', nameEn: 'Birth', groupAr: '', groupEn: '' },
      ],
      config: { offlineAfterMissedHeartbeats: 3, offlineAfterMinutes: 30 },
      now,
    }
    expect(leastBusy(src, 'Cairo', src.services[0])!.centers.map((c) => [c.id, c.status])).toEqual([
      ['LIVE', 'live'],
      ['OLD', 'no_recent_data'],
    ])
    // "all centers now" still lists every active center, the silent ones marked (not ranked: by id)
    expect(openCenters(src).centers.map((c) => [c.id, c.status])).toEqual([
      ['LIVE', 'live'],
      ['NEVER', 'no_recent_data'],
      ['OLD', 'no_recent_data'],
      ['OTHER', 'no_recent_data'],
    ])
    // a center that never sent its lines is said to have not reported yet, not "no recent data" (walk of 2026-12-06)
    expect(openCenters(src).centers.map((c) => [c.id, c.everReported])).toEqual([
      ['LIVE', true],
      ['NEVER', false],
      ['OLD', true],
      ['OTHER', true],
    ])
    expect(leastBusy(src, 'Cairo', src.services[0])!.centers.every((c) => c.everReported)).toBe(true)
  })
})
