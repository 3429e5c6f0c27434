import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../helpers/test-center.ts'
import { drain, hubJson, UPSTREAM_TEST_CONFIG } from '../server/upstream/upstream-helpers.ts'
import type { HourBatch, HourFigures } from '../../protocol/upstream.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import {
  addNationalService,
  BACKENDS,
  batchPath,
  HUB_ADMIN_TOKEN,
  postSigned,
  registerCenter,
  startTestHub,
  type TestHub,
} from './hub-harness.ts'

/**
 * Issue 23: the hub keyed services by the center's prefix letter, so Nasr City's «A = Building
 * permits» (7 tickets) and Smouha's «A = Passports» (3) showed nationally as one service with 10.
 * Now each center maps its services to the hub's national codes and the hub adds up by code; a
 * service without a code shows as that center's own, never merged. Two real centers (in-process,
 * real SQLite files, their real upstream reporters) report to one hub, on each backend.
 */

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function startCenter(hub: TestHub, id: string, governorate: string) {
  const secret = await registerCenter(hub, id, { governorate })
  const center = await TestCenter.start({ config: { upstream: { url: hub.url, centerId: id, secret, ...UPSTREAM_TEST_CONFIG } } })
  cleanups.push(() => center.close())
  return center
}

async function issue(center: TestCenter, serviceId: number, n: number) {
  const token = await center.admin()
  for (let i = 0; i < n; i++) await center.issue(token, { serviceId })
}

describe.each(BACKENDS)('the national catalogue on %s', (backend) => {
  it('two centers whose prefix A means different services: "by service" shows each national service with its own figures, an unmapped one as unmapped', {
    timeout: 120_000,
  }, async () => {
    const hub = await startTestHub({ backend })
    cleanups.push(() => hub.close())
    await addNationalService(hub, 'BLD-PERMIT', { nameAr: 'تراخيص البناء', nameEn: 'Building permits', groupEn: 'Housing' })
    await addNationalService(hub, 'PASSPORT', { nameAr: 'جوازات السفر', nameEn: 'Passports', groupEn: 'Civil registry' })

    const nasr = await startCenter(hub, 'EG-CAI-001', 'Cairo')
    const smouha = await startCenter(hub, 'EG-ALX-005', 'Alexandria')
    const permits = await nasr.createService({ prefix: 'A', nameEn: 'Building permits', nationalCode: 'BLD-PERMIT' })
    const rations = await nasr.createService({ prefix: 'B', nameEn: 'Ration cards' }) // no national code yet
    const passports = await smouha.createService({ prefix: 'A', nameEn: 'Passports', nationalCode: 'PASSPORT' })
    expect(permits.nationalCode).toBe('BLD-PERMIT')
    expect(rations.nationalCode).toBeUndefined()
    await issue(nasr, permits.id, 7)
    await issue(nasr, rations.id, 2)
    await issue(smouha, passports.id, 3)
    await drain(nasr)
    await drain(smouha)

    const day = (await nasr.request('GET', '/api/v1/stats/today', { token: await nasr.admin() })).json().day
    const rows = (await hubJson(hub, `/api/hub/v1/figures?from=${day}&by=service`)).rows as Record<string, unknown>[]
    expect(rows.map((r) => [r.key, r.nameEn, r.issued, r.mapped])).toEqual([
      ['BLD-PERMIT', 'Building permits', 7, true],
      ['PASSPORT', 'Passports', 3, true],
      ['unmapped:EG-CAI-001:B', 'Ration cards', 2, false],
    ])
    expect(rows[0]).toMatchObject({ groupEn: 'Housing', governorate: null })
    expect(rows[2]).toMatchObject({ centerId: 'EG-CAI-001', centerNameEn: 'Center EG-CAI-001', localCode: 'B', governorate: 'EG-C' })
    // one national service across the country, or within one governorate
    const passportsByCenter = (await hubJson(hub, `/api/hub/v1/figures?from=${day}&by=center&service=PASSPORT`)).rows
    expect(passportsByCenter.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([
      ['EG-ALX-005', 3],
      ['EG-CAI-001', 0],
    ])
    const summary = await hubJson(hub, `/api/hub/v1/summary?from=${day}`)
    expect(summary.totals.issued).toBe(12)
    expect(summary.byService).toEqual(rows)

    // a code the hub does not hold: a clear error with a stable code, at the hub…
    const unknown = await fetch(`${hub.url}/api/hub/v1/figures?from=${day}&by=center&service=NO-SUCH`)
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).code).toBe('HUB_ERR_UNKNOWN_NATIONAL_CODE')
    // …and at the center, once its heartbeat brought the hub's catalogue
    await expect
      .poll(async () => (await nasr.request('GET', '/api/v1/services/national-codes', { token: await nasr.admin() })).json())
      .toMatchObject({ services: [{ code: 'BLD-PERMIT' }, { code: 'PASSPORT' }] }) // by code (the picker shows no group)
    const admin = await nasr.admin()
    const refused = await nasr.request('PATCH', `/api/v1/services/${rations.id}`, { token: admin, body: { nationalCode: 'NO-SUCH' } })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().code).toBe('TABOUR_ERR_UNKNOWN_NATIONAL_CODE')
    const mapped = await nasr.request('PATCH', `/api/v1/services/${rations.id}`, { token: admin, body: { nationalCode: 'PASSPORT' } })
    expect(mapped.json()).toMatchObject({ prefix: 'B', nationalCode: 'PASSPORT' })
    // a code the hub's configuration set is the hub's: the center admin sees it, cannot change it
    nasr.app.tabour.db.prepare('UPDATE services SET national_code_locked = 1 WHERE id = ?').run(permits.id)
    const locked = await nasr.request('PATCH', `/api/v1/services/${permits.id}`, { token: admin, body: { nationalCode: null } })
    expect(locked.statusCode).toBe(409)
    expect(locked.json().code).toBe('TABOUR_ERR_NATIONAL_CODE_LOCKED')
    expect((await nasr.request('GET', `/api/v1/services/${permits.id}`, { token: admin })).json()).toMatchObject({
      nationalCode: 'BLD-PERMIT',
      nationalCodeLocked: true,
    })
    const renamed = await nasr.request('PATCH', `/api/v1/services/${permits.id}`, { token: admin, body: { nameEn: 'Permits' } })
    expect(renamed.statusCode).toBe(200)
  })

  it('a batch naming a code the catalogue lacks is kept, acknowledged with the code, shown unmapped, and counted once the code is added', async () => {
    const hub = await startTestHub({ backend })
    cleanups.push(() => hub.close())
    const secret = await registerCenter(hub, 'C1')
    const row: HourFigures = {
      serviceCode: 'A',
      serviceNameAr: 'أ',
      serviceNameEn: 'Local A',
      nationalCode: 'GHOST',
      ...zeroCounts(),
      issued: 4,
    }
    const batch: HourBatch = {
      centerId: 'C1',
      seq: 1,
      day: '2026-03-10',
      hour: 10,
      timeZone: 'Africa/Cairo',
      revision: 1,
      final: true,
      generatedAt: Date.now(),
      rows: [row],
    }
    const res = await postSigned(hub.url, batchPath, 'C1', secret, batch)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ack: 1, stored: 1, ignored: 0, unknownNationalCodes: ['GHOST'] })
    const before = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service')).rows
    expect(before.map((r: { key: string; issued: number }) => [r.key, r.issued])).toEqual([['unmapped:C1:A', 4]])
    const rejections = await (
      await fetch(`${hub.url}/api/hub/v1/admin/rejections`, { headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` } })
    ).json()
    expect(rejections).toContainEqual(expect.objectContaining({ code: 'HUB_ERR_UNKNOWN_NATIONAL_CODE', centerId: 'C1', count: 1 }))

    await addNationalService(hub, 'GHOST', { nameEn: 'Ghost service' })
    const after = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service')).rows
    expect(after.map((r: { key: string; nameEn: string; issued: number }) => [r.key, r.nameEn, r.issued])).toEqual([
      ['GHOST', 'Ghost service', 4],
    ])

    // the admin API refuses a malformed code or a missing name, and names an unknown code
    const put = (code: string, payload: unknown) =>
      hub.app.inject({
        method: 'PUT',
        url: `/api/hub/v1/admin/national-services/${code}`,
        headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
        payload: payload as object,
      })
    expect((await put('lower case', { nameAr: 'س', nameEn: 'x', groupAr: '', groupEn: '' })).json().code).toBe('HUB_ERR_VALIDATION')
    expect((await put('X1', { nameAr: 'س', groupAr: '', groupEn: '' })).statusCode).toBe(400)
    const missing = await hub.app.inject({
      method: 'GET',
      url: '/api/hub/v1/admin/national-services/NOPE',
      headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
    })
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'HUB_ERR_UNKNOWN_NATIONAL_CODE'])
  })

  it('migration 3 keeps the meaning of rows stored before: a center prefix stays that center’s own service', async () => {
    const hub = await startTestHub({ backend })
    cleanups.push(() => hub.close())
    await registerCenter(hub, 'C1')
    await registerCenter(hub, 'C2')
    // back to schema 2, rows as the old hub stored them (keyed by prefix only), then upgrade
    const db = hub.store.db
    await sql`DROP INDEX hub_figures_national`.execute(db)
    await sql`DROP TABLE hub_national_services`.execute(db)
    await sql`ALTER TABLE hub_figures DROP COLUMN national_code`.execute(db)
    await sql`ALTER TABLE hub_figures DROP COLUMN service_id`.execute(db)
    for (const col of ['heartbeat_seconds', 'config_version', 'last_backup_at', 'last_backup_ok'])
      await sql`ALTER TABLE hub_center_status DROP COLUMN ${sql.ref(col)}`.execute(db)
    await sql`DELETE FROM kysely_migration WHERE name >= '0003'`.execute(db) // the tables of 4 and later stay: they touch none of this
    for (const [center, name, issued] of [
      ['C1', 'Building permits', 7],
      ['C2', 'Passports', 3],
    ] as const) {
      await sql`INSERT INTO hub_figures (center_id, day, hour, service_code, service_name_ar, service_name_en, revision, issued, called, served,
           no_show, cancelled, transferred_in, transferred_out, wait_sum, wait_count, wait_max, wait_within_target, service_sum,
           service_count, counter_open_minutes, received_at)
         VALUES (${center}, '2026-03-10', 10, 'A', ${name}, ${name}, 1, ${issued}, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)`.execute(db)
    }
    expect(await hub.store.migrate(hubMigrations.filter((m) => m.version <= 3))).toBe(3)
    const rows = (await hubJson(hub, '/api/hub/v1/figures?from=2026-03-10&by=service')).rows
    expect(rows.map((r: { key: string; nameEn: string; issued: number }) => [r.key, r.nameEn, r.issued])).toEqual([
      ['unmapped:C1:A', 'Building permits', 7],
      ['unmapped:C2:A', 'Passports', 3],
    ])
  })
})
