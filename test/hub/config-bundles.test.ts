import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createServer, type Server, type Socket, connect } from 'node:net'
import { TestCenter } from '../helpers/test-center.ts'
import { UPSTREAM_TEST_CONFIG } from '../server/upstream/upstream-helpers.ts'
import { databaseFile } from '../../server/app.ts'
import { hubSigningKey } from '../../hub/config-signing-key.ts'
import { addNationalService, BACKENDS, HUB_ADMIN_TOKEN, startTestHub, type TestHub } from './hub-harness.ts'

/**
 * Issue 23, central configuration: five real centers (in-process, real SQLite files, their real
 * upstream reporters over HTTP on loopback) registered to one real hub. A signed bundle for three
 * of them reaches exactly those three (read from their SQLite files); the one whose link is down
 * when it is published applies it once the link is back; a bundle whose bytes changed after
 * signing is refused by each center it reaches (the last good one keeps running) and the hub
 * shows why; a bundle with a missing key is refused by the hub's API, and by a center if signed anyway.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A TCP relay on loopback between a center and the hub: `down()` cuts the link (the center is offline), `up()` restores it. */
async function link(targetPort: number): Promise<{ port: number; down: () => Promise<void>; up: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  let server: Server
  let port = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(targetPort, '127.0.0.1')
        for (const s of [client, upstream]) {
          sockets.add(s)
          s.on('close', () => sockets.delete(s))
          s.on('error', () => {})
        }
        client.pipe(upstream).pipe(client)
      })
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as { port: number }).port
        resolve()
      })
    })
  await listen()
  const down = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  cleanups.push(down)
  return { port, down, up: listen }
}

const contents = (tag: string) => ({
  priorityCategories: [
    { code: 'elderly', nameAr: 'كبار السن', nameEn: `Elderly ${tag}` },
    { code: 'veterans', nameAr: 'المحاربون القدامى', nameEn: 'Veterans' },
  ],
  finishOutcomes: [
    { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
    { code: 'missing_papers', nameAr: 'أوراق ناقصة', nameEn: `Missing papers ${tag}` },
  ],
  holidays: [
    { id: 'national-day', from: '2026-10-06', to: '2026-10-06', nameAr: 'عيد القوات المسلحة', nameEn: 'Armed Forces Day', hours: [] },
  ],
  announcement: { ar: 'المراكز مغلقة يوم ٦ أكتوبر', en: `Centers close on 6 October ${tag}` },
  messageTexts: [{ kind: 'ticket_called', lang: 'en', text: 'Ticket {label}: please go to counter {counter}.' }],
  serviceMapping: {},
  weeklyHours: null,
})

async function hubCall(hub: TestHub, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await fetch(hub.url + path, {
    method,
    headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, json: await res.json() }
}

/** Registers a center at the hub and starts it with the secret and the pinned key the registration gave, reporting to `url`. */
async function registerAndStart(hub: TestHub, id: string, governorate: string, url: string): Promise<TestCenter> {
  const reg = await hubCall(hub, 'POST', '/api/hub/v1/admin/centers', {
    id,
    nameAr: `مركز ${id}`,
    nameEn: `Center ${id}`,
    governorate,
    kind: 'fixed',
  })
  expect(reg.status).toBe(201)
  expect(reg.json.hubPublicKey).toBe(hubSigningKey(hub.config.dataDir).publicKey)
  const upstream = { url, centerId: id, secret: reg.json.secret, hubPublicKey: reg.json.hubPublicKey, ...UPSTREAM_TEST_CONFIG }
  const center = await TestCenter.start({ config: { upstream } })
  cleanups.push(() => center.close())
  return center
}

/** The center's own SQLite file: the bundles it kept, its audit rows for bundles, its priority categories and hub holidays. */
function centerDb(center: TestCenter) {
  const db = new Database(databaseFile(center.config), { readonly: true })
  try {
    const bundles = db.prepare('SELECT version, outcome, code, reason FROM config_bundles ORDER BY version').all() as {
      version: number
      outcome: string
      code: string | null
      reason: string | null
    }[]
    const audits = (db.prepare(`SELECT data FROM events WHERE type = 'config.changed' ORDER BY id`).all() as { data: string }[])
      .map((r) => JSON.parse(r.data))
      .filter((d) => d.command === 'config-bundle.apply')
      .map((d) => d.params.version as number)
    const row = (key: string) => db.prepare('SELECT value FROM center_settings WHERE key = ?').get(key) as { value: string } | undefined
    const overrides = JSON.parse(row('overrides')?.value ?? '{}')
    const calendar = JSON.parse(row('calendar')?.value ?? '{"exceptions":[]}')
    return {
      bundles,
      audits,
      categories: (overrides.priorityCategories ?? []).map((c: { nameEn: string }) => c.nameEn) as string[],
      hubHolidays: (calendar.exceptions as { uid?: string }[]).filter((e) => e.uid?.startsWith('hub:')).map((e) => e.uid),
    }
  } finally {
    db.close()
  }
}

describe.each(BACKENDS)('configuration bundles on %s', (backend) => {
  it('a bundle for 3 of 5 centers reaches exactly those 3 (one applies it when back online); a tampered one and one with a missing key are refused and shown at the hub', {
    timeout: 120_000,
  }, async () => {
    const hub = await startTestHub({ backend })
    cleanups.push(() => hub.close())
    const ids = ['EG-CAI-01', 'EG-CAI-02', 'EG-CAI-03', 'EG-GIZ-01', 'EG-GIZ-02']
    const offlineLink = await link(hub.port)
    const centers: TestCenter[] = []
    for (const [i, id] of ids.entries())
      centers.push(await registerAndStart(hub, id, i < 3 ? 'Cairo' : 'Giza', i === 2 ? `http://127.0.0.1:${offlineLink.port}` : hub.url))
    const rounds = (list: TestCenter[]) => Promise.all(list.map((c) => c.app.tabour.upstream!.nextRound()))
    /** Reporter rounds (no sleeps) until `check` holds. */
    const until = async (list: TestCenter[], check: () => Promise<boolean> | boolean, what: string) => {
      for (let i = 0; i < 300; i++) {
        if (await check()) return
        await rounds(list)
      }
      throw new Error(`not reached: ${what}`)
    }
    const statusAt = async (version: number) =>
      Object.fromEntries(
        ((await hubCall(hub, 'GET', `/api/hub/v1/config-bundles/${version}`)).json.centers as { centerId: string; status: string }[]).map(
          (c) => [c.centerId, c],
        ),
      ) as unknown as Record<string, { status: string; running: number | null; refusedCode?: string; refusedReason?: string }>
    const originalOutcomes = (await centers[3].request('GET', '/api/v1/center', { token: await centers[3].admin() })).json().finishOutcomes

    // --- a bundle for three centers; the third is offline when it is published
    await offlineLink.down()
    const created = await hubCall(hub, 'POST', '/api/hub/v1/config-bundles', {
      target: { kind: 'centers', centerIds: ids.slice(0, 3) },
      note: 'national holidays 2026',
      contents: contents('v1'),
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json).toMatchObject({ version: 1, publishedAt: null })
    expect((await hubCall(hub, 'POST', '/api/hub/v1/config-bundles/1/publish')).status).toBe(200)
    await until(
      centers,
      async () => {
        const s = await statusAt(1)
        return s[ids[0]].status === 'applied' && s[ids[1]].status === 'applied'
      },
      'the two online centers apply bundle 1',
    )
    // two more heartbeats for everyone: the other two never get it, the offline one cannot yet
    await rounds(centers)
    await rounds(centers)
    await rounds(centers)
    expect(Object.values(await statusAt(1)).map((c) => c.status)).toEqual(['applied', 'applied', 'pending'])
    for (const [i, center] of centers.entries()) {
      const seen = centerDb(center)
      const applied = i < 2
      expect(seen.bundles, ids[i]).toEqual(applied ? [{ version: 1, outcome: 'applied', code: null, reason: null }] : [])
      expect(seen.audits, ids[i]).toEqual(applied ? [1] : [])
      expect(seen.categories, ids[i]).toEqual(applied ? ['Elderly v1', 'Veterans'] : [])
      expect(seen.hubHolidays, ids[i]).toEqual(applied ? ['hub:national-day'] : [])
      const outcomes = (await center.request('GET', '/api/v1/center', { token: await center.admin() })).json().finishOutcomes
      expect(
        outcomes.map((o: { code: string }) => o.code),
        ids[i],
      ).toEqual(applied ? ['served', 'missing_papers'] : originalOutcomes.map((o: { code: string }) => o.code))
    }

    // a center admin sees what the hub manages, read-only
    const seenByAdmin = (await centers[0].request('GET', '/api/v1/center/config-bundle', { token: await centers[0].admin() })).json()
    expect(seenByAdmin).toMatchObject({ keyPinned: true, running: { version: 1 }, lastRefusal: null })
    expect(seenByAdmin.running.managed).toEqual([
      'priorityCategories',
      'finishOutcomes',
      'holidays',
      'announcement',
      'messageTexts',
      'nationalCatalogue',
    ])
    // and which citizen texts it sets: the messages editor says so above them (walk s53: it said nothing)
    expect(seenByAdmin.running.messageTexts).toEqual([{ kind: 'ticket_called', lang: 'en' }])

    // --- back online: it fetches and applies it; the fleet shows the version each runs
    await offlineLink.up()
    await until(centers, async () => (await statusAt(1))[ids[2]].status === 'applied', 'the third center applies bundle 1 once back')
    expect(centerDb(centers[2])).toMatchObject({
      bundles: [{ version: 1, outcome: 'applied' }],
      audits: [1],
      categories: ['Elderly v1', 'Veterans'],
    })
    await until(
      centers,
      async () => {
        const fleet = (await hubCall(hub, 'GET', '/api/hub/v1/fleet')).json.centers as { id: string; configVersion: string | null }[]
        return fleet.filter((c) => c.configVersion === '1').length === 3
      },
      'the fleet shows configuration version 1 at three centers',
    )

    // --- a bundle whose bytes changed after signing: refused, the hub shows why, the last good one keeps running
    expect(
      (
        await hubCall(hub, 'POST', '/api/hub/v1/config-bundles', {
          target: { kind: 'centers', centerIds: [ids[0], ids[3]] },
          contents: contents('v2'),
        })
      ).status,
    ).toBe(201)
    await sql`UPDATE hub_config_bundles SET payload = REPLACE(payload, 'Elderly v2', 'Elderly v9') WHERE version = 2`.execute(hub.store.db)
    expect((await hubCall(hub, 'POST', '/api/hub/v1/config-bundles/2/publish')).status).toBe(200)
    await until(
      centers,
      async () => {
        const s = await statusAt(2)
        return s[ids[0]].status === 'refused' && s[ids[3]].status === 'refused'
      },
      'both centers refuse the tampered bundle',
    )
    const tampered = await statusAt(2)
    expect(tampered[ids[0]]).toMatchObject({ running: 1, refusedCode: 'TABOUR_BUNDLE_BAD_SIGNATURE' })
    expect(tampered[ids[0]].refusedReason).toMatch(/signature does not match/)
    expect(tampered[ids[3]]).toMatchObject({ running: null, refusedCode: 'TABOUR_BUNDLE_BAD_SIGNATURE' })
    expect(centerDb(centers[0])).toMatchObject({
      bundles: [
        { version: 1, outcome: 'applied' },
        { version: 2, outcome: 'refused', code: 'TABOUR_BUNDLE_BAD_SIGNATURE' },
      ],
      audits: [1],
      categories: ['Elderly v1', 'Veterans'],
    })
    expect(centerDb(centers[3])).toMatchObject({ audits: [], categories: [], hubHolidays: [] })
    const afterTamper = (await centers[0].request('GET', '/api/v1/center/config-bundle', { token: await centers[0].admin() })).json()
    expect(afterTamper).toMatchObject({ running: { version: 1 }, lastRefusal: { version: 2, code: 'TABOUR_BUNDLE_BAD_SIGNATURE' } })

    // --- a missing key: the hub's API refuses it with a stable code naming the key…
    const { finishOutcomes: _dropped, ...withoutOutcomes } = contents('v3')
    const refusedByHub = await hubCall(hub, 'POST', '/api/hub/v1/config-bundles', { target: { kind: 'all' }, contents: withoutOutcomes })
    expect(refusedByHub.status).toBe(400)
    expect(refusedByHub.json).toMatchObject({ code: 'HUB_ERR_BUNDLE_INVALID', message: 'body/contents/finishOutcomes is missing' })
    // …and a center refuses one signed anyway (a hub of another version), whole
    const key = hubSigningKey(hub.config.dataDir)
    await hub.store.configBundles.create(
      { target: { kind: 'centers', centerIds: [ids[4]] }, note: '', createdBy: 'test' },
      (version) => JSON.stringify({ version, issuedAt: Date.now(), contents: withoutOutcomes }),
      key.sign,
      Date.now(),
    )
    expect((await hubCall(hub, 'POST', '/api/hub/v1/config-bundles/3/publish')).status).toBe(200)
    await until(centers, async () => (await statusAt(3))[ids[4]].status === 'refused', 'the center refuses the bundle with a missing key')
    expect((await statusAt(3))[ids[4]]).toMatchObject({
      refusedCode: 'TABOUR_BUNDLE_MISSING_FIELD',
      refusedReason: 'bundle 3: /contents/finishOutcomes is missing',
    })
    expect(centerDb(centers[4])).toMatchObject({
      bundles: [{ version: 3, outcome: 'refused' }],
      audits: [],
      categories: [],
      hubHolidays: [],
    })
  })
})

describe("a bundle's national catalogue, service mapping and hours", () => {
  it('maps and locks the services of the center that has them, is refused by the center lacking one (shown at the hub), and refuses bad input at the hub', {
    timeout: 60_000,
  }, async () => {
    const hub = await startTestHub()
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT', { nameAr: 'جوازات السفر', nameEn: 'Passports', groupEn: 'Civil registry' })
    await addNationalService(hub, 'CIV-BIRTH', { nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates', groupEn: 'Civil registry' })
    const [nasr, heliopolis] = [
      await registerAndStart(hub, 'EG-CAI-01', 'Cairo', hub.url),
      await registerAndStart(hub, 'EG-CAI-02', 'Cairo', hub.url),
    ]
    // registered, never started: only the hub's refusal of a mapping for a center the bundle does not reach needs it
    const giza = { id: 'EG-GIZ-01', nameAr: 'مركز الجيزة', nameEn: 'Giza center', governorate: 'Giza', kind: 'fixed' }
    expect((await hubCall(hub, 'POST', '/api/hub/v1/admin/centers', giza)).status).toBe(201)
    const a = await nasr.createService({ prefix: 'A', nameEn: 'Passports' })
    const b = await nasr.createService({ prefix: 'B', nameEn: 'Births' })
    await heliopolis.createService({ prefix: 'A', nameEn: 'Passports' })
    const hours = { open: '08:00', close: '15:00' }
    const week = { mon: [hours], tue: [hours], wed: [hours], thu: [hours], fri: [], sat: [hours], sun: [hours] }
    const both = { A: 'PASSPORT', B: 'CIV-BIRTH' }
    const draft = (over: Record<string, unknown>) => ({ ...contents('m'), weeklyHours: week, ...over })
    const create = (over: Record<string, unknown>) =>
      hubCall(hub, 'POST', '/api/hub/v1/config-bundles', { target: { kind: 'governorate', governorate: 'Cairo' }, contents: draft(over) })

    // bad input at the hub: stable codes naming the path; nothing is stored
    const unknownCode = await create({ serviceMapping: { 'EG-CAI-01': { A: 'NO-SUCH' } } })
    expect([unknownCode.status, unknownCode.json.code, unknownCode.json.message]).toEqual([
      400,
      'HUB_ERR_UNKNOWN_NATIONAL_CODE',
      'body/contents/serviceMapping/EG-CAI-01/A: the national catalogue has no code NO-SUCH',
    ])
    const notTargeted = await create({ serviceMapping: { 'EG-GIZ-01': { A: 'PASSPORT' } } })
    expect([notTargeted.status, notTargeted.json.code, notTargeted.json.message]).toEqual([
      400,
      'HUB_ERR_BUNDLE_INVALID',
      "body/contents/serviceMapping/EG-GIZ-01: center EG-GIZ-01 is not among this bundle's targets",
    ])
    const badHours = await create({ weeklyHours: { ...week, tue: [hours, { open: '14:00', close: '16:00' }] } })
    expect([badHours.status, badHours.json.code, badHours.json.message]).toEqual([
      400,
      'HUB_ERR_BUNDLE_INVALID',
      'body/contents/weeklyHours/tue/1 14:00–16:00 overlaps weeklyHours.tue[0] 08:00–15:00',
    ])
    const { weeklyHours: _w, ...noHours } = draft({})
    const missing = await hubCall(hub, 'POST', '/api/hub/v1/config-bundles', { target: { kind: 'all' }, contents: noHours })
    expect([missing.status, missing.json.code, missing.json.message]).toEqual([
      400,
      'HUB_ERR_BUNDLE_INVALID',
      'body/contents/weeklyHours is missing',
    ])
    const signedCatalogue = await hubCall(hub, 'POST', '/api/hub/v1/config-bundles', {
      target: { kind: 'all' },
      contents: draft({ nationalCatalogue: { version: 'x', services: [] } }),
    })
    expect([signedCatalogue.status, signedCatalogue.json.code]).toEqual([400, 'HUB_ERR_BUNDLE_INVALID'])
    expect((await hubCall(hub, 'GET', '/api/hub/v1/config-bundles')).json).toEqual([])

    // one bundle for Cairo: Nasr City has A and B, Heliopolis lacks B and refuses the whole bundle
    const created = await create({ serviceMapping: { 'EG-CAI-01': both, 'EG-CAI-02': both } })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect((await hubCall(hub, 'POST', '/api/hub/v1/config-bundles/1/publish')).status).toBe(200)
    const status = async () =>
      Object.fromEntries(
        ((await hubCall(hub, 'GET', '/api/hub/v1/config-bundles/1')).json.centers as { centerId: string }[]).map((c) => [c.centerId, c]),
      ) as unknown as Record<string, { status: string; refusedCode?: string; refusedReason?: string }>
    const centers = [nasr, heliopolis]
    for (let i = 0; i < 100; i++) {
      const s = await status()
      if (s['EG-CAI-01'].status !== 'pending' && s['EG-CAI-02'].status !== 'pending') break
      await Promise.all(centers.map((c) => c.app.tabour.upstream!.nextRound()))
    }
    const s = await status()
    expect(Object.keys(s)).toEqual(['EG-CAI-01', 'EG-CAI-02']) // Giza is not a target
    expect(s['EG-CAI-01'].status).toBe('applied')
    expect(s['EG-CAI-02']).toMatchObject({
      status: 'refused',
      refusedCode: 'TABOUR_BUNDLE_UNKNOWN_SERVICE',
      refusedReason: 'bundle 1: the mapping names service B, which this center does not have',
    })
    expect((await hubCall(hub, 'GET', '/api/hub/v1/config-bundles')).json[0].centers).toEqual({
      targeted: 2,
      applied: 1,
      refused: 1,
      superseded: 0,
      pending: 0,
    })
    const perCenter = (await hubCall(hub, 'GET', '/api/hub/v1/config-bundles/centers')).json as {
      centerId: string
      running: number | null
    }[]
    expect(perCenter.map((c) => [c.centerId, c.running])).toEqual([
      ['EG-CAI-01', 1],
      ['EG-CAI-02', null],
      ['EG-GIZ-01', null],
    ])

    // read from each center's SQLite file: the codes, the locks, the hours, the catalogue
    const stored = (center: TestCenter) => {
      const db = new Database(databaseFile(center.config), { readonly: true })
      try {
        const services = db.prepare('SELECT prefix, national_code, national_code_locked FROM services ORDER BY prefix').all()
        const calendar = db.prepare(`SELECT value FROM center_settings WHERE key = 'calendar'`).get() as { value: string } | undefined
        const catalogue = db.prepare('SELECT code FROM national_services ORDER BY code').pluck().all()
        return { services, weekly: calendar ? JSON.parse(calendar.value).weekly : null, catalogue }
      } finally {
        db.close()
      }
    }
    expect(stored(nasr)).toEqual({
      services: [
        { prefix: 'A', national_code: 'PASSPORT', national_code_locked: 1 },
        { prefix: 'B', national_code: 'CIV-BIRTH', national_code_locked: 1 },
      ],
      weekly: week,
      catalogue: ['CIV-BIRTH', 'PASSPORT'],
    })
    expect(stored(heliopolis).services).toEqual([{ prefix: 'A', national_code: null, national_code_locked: 0 }])
    expect(stored(heliopolis).weekly).toBeNull()

    // the center admin sees the hub's codes and cannot change them
    const admin = await nasr.admin()
    const locked = await nasr.request('PATCH', `/api/v1/services/${b.id}`, { token: admin, body: { nationalCode: 'PASSPORT' } })
    expect([locked.statusCode, locked.json().code]).toEqual([409, 'TABOUR_ERR_NATIONAL_CODE_LOCKED'])
    expect((await nasr.request('GET', `/api/v1/services/${a.id}`, { token: admin })).json()).toMatchObject({
      nationalCode: 'PASSPORT',
      nationalCodeLocked: true,
    })
    const seen = (await nasr.request('GET', '/api/v1/center/config-bundle', { token: admin })).json()
    expect(seen.running.managed).toEqual(expect.arrayContaining(['serviceMapping', 'weeklyHours', 'nationalCatalogue']))
  })
})

describe('who may manage configuration bundles', () => {
  it('the admin token or a national analyst’s session; not the read token, a wrong token, or a governorate analyst', async () => {
    const READ_TOKEN = 'hub-read-token-for-bundle-tests'
    const hub = await startTestHub({ config: { readToken: READ_TOKEN } })
    cleanups.push(() => hub.close())
    const list = async (token?: string) => {
      const res = await fetch(`${hub.url}/api/hub/v1/config-bundles`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
      return { status: res.status, code: (await res.json()).code as string | undefined }
    }
    const sessionOf = async (username: string, role: 'national' | 'governorate') => {
      const password = `a long password for ${username}`
      const added = await hubCall(hub, 'POST', '/api/hub/v1/admin/analysts', {
        username,
        displayName: username,
        role,
        ...(role === 'governorate' ? { governorate: 'Giza' } : {}),
        password,
      })
      expect(added.status).toBe(201)
      const login = await fetch(`${hub.url}/api/hub/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
      expect(login.status).toBe(200)
      return (await login.json()).token as string
    }

    expect(await list(HUB_ADMIN_TOKEN)).toEqual({ status: 200, code: undefined })
    expect(await list(await sessionOf('nadia', 'national'))).toEqual({ status: 200, code: undefined })
    expect(await list(await sessionOf('gamal', 'governorate'))).toEqual({ status: 403, code: 'HUB_ERR_NATIONAL_ONLY' })
    for (const token of [undefined, READ_TOKEN, `${HUB_ADMIN_TOKEN}x`])
      expect(await list(token), String(token)).toEqual({ status: 401, code: 'HUB_ERR_UNAUTHENTICATED' })
  })
})
