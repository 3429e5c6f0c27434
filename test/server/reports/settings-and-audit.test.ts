import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import Database from 'better-sqlite3'
import { auditChangeText, auditFieldChangeText, type AuditChange } from '../../../protocol/messages/audit-log.ts'
import type { AuditEntry } from '../../../protocol/settings.ts'
import { databaseFile } from '../../../server/app.ts'
import { namePart } from '../../../protocol/name-in-language.ts'

describe('center settings: config defaults, admin overrides, audit', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('an override beats the config, applies at once, and null restores the config value', async () => {
    center = await TestCenter.start({ config: { centerName: { ar: 'مركز التجربة', en: 'Test center' }, queue: { policy: 'fifo' } } })
    const admin = await center.admin()
    const manager = (await center.createUser('boss', 'manager')).token
    let res = await center.request('GET', '/api/v1/settings', { token: manager })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({
      values: { nameEn: 'Test center', callPolicy: 'fifo', timeZone: 'Africa/Cairo', digits: 'western', language: 'ar' },
      overridden: [],
    })

    // a manager may read but not change
    expect((await center.request('PUT', '/api/v1/settings', { token: manager, body: { callPolicy: 'sla' } })).statusCode).toBe(403)
    res = await center.request('PUT', '/api/v1/settings', {
      token: admin,
      body: { callPolicy: 'priority', maxPriorityInARow: 2, priorityAgingSeconds: 900, nameEn: 'Nasr City center', digits: 'arabic-indic' },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().overridden.sort()).toEqual(['callPolicy', 'digits', 'maxPriorityInARow', 'nameEn', 'priorityAgingSeconds'])
    expect(res.json().defaults).toMatchObject({ callPolicy: 'fifo', nameEn: 'Test center' })
    const info = (await center.request('GET', '/api/v1/center', { token: manager })).json()
    // the screens' digits reach every screen through GET /center (kiosks and displays read it)
    expect(info).toMatchObject({
      nameEn: 'Nasr City center',
      nameAr: 'مركز التجربة',
      callPolicy: 'priority',
      // the console lists a line in the order a call takes it: the ageing is part of that order
      priorityAgingSeconds: 900,
      digits: 'arabic-indic',
      language: 'ar',
    })

    res = await center.request('PUT', '/api/v1/settings', { token: admin, body: { nameEn: null } })
    expect(res.json().values.nameEn).toBe('Test center')
    expect(res.json().overridden).not.toContain('nameEn')
  })

  it('overrides are kept in the database: a restart applies them over the config file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-settings-'))
    try {
      const first = new TestCenter({ config: { dataDir, queue: { policy: 'fifo' } } })
      await first.app.ready()
      const res = await first.request('PUT', '/api/v1/settings', {
        token: await first.admin(),
        body: { callPolicy: 'sla', nameAr: 'مركز بعد التعديل' },
      })
      expect(res.statusCode).toBe(200)
      await first.app.close()
      const second = new TestCenter({ config: { dataDir, queue: { policy: 'fifo' } } })
      await second.app.ready()
      const info = (await second.request('GET', '/api/v1/center', { token: await second.admin() })).json()
      expect(info).toMatchObject({ callPolicy: 'sla', nameAr: 'مركز بعد التعديل' })
      expect(second.app.tabour.config.queue.policy).toBe('sla')
      await second.app.close()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('is validated by the schema: a 400 names the field', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const bad = async (body: unknown, field: string) => {
      const res = await center.request('PUT', '/api/v1/settings', { token: admin, body })
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().message).toContain(field)
    }
    await bad({ callPolicy: 'random' }, 'body/callPolicy')
    await bad({ maxPriorityInARow: 0 }, 'body/maxPriorityInARow')
    await bad({ timeZone: 'Mars/Olympus' }, 'body/timeZone')
    await bad({ priorityCategories: [{ code: 'Bad Code', nameAr: 'x', nameEn: 'x' }] }, 'body/priorityCategories')
    await bad({ priorityCategories: [{ code: 'none', nameAr: 'x', nameEn: 'x' }] }, 'body/priorityCategories')
    await bad({}, 'body')
    // zone names: a zone's id as counters and devices take it, a name of each language, nothing else
    await bad({ zoneNames: { 'a b': { nameAr: 'x', nameEn: 'x' } } }, 'body/zoneNames')
    await bad({ zoneNames: { ground: { nameAr: 'x' } } }, 'body/zoneNames/ground')
    await bad({ zoneNames: { ground: { nameAr: 'x', nameEn: 'y'.repeat(61) } } }, 'body/zoneNames/ground/nameEn')
    const named = await center.request('PUT', '/api/v1/settings', {
      token: admin,
      body: { zoneNames: { ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' } } },
    })
    expect(named.statusCode, named.body).toBe(200)
    expect(named.json().values.zoneNames).toEqual({ ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' } })
    expect(named.json().defaults.zoneNames).toEqual({})
  })

  it('every configuration change is in the event log with its actor; passwords are not', async () => {
    const clock = new TestClock()
    center = await TestCenter.start({ clock })
    const admin = await center.admin()
    const s = await center.createService({ prefix: 'A' })
    await center.request('PATCH', `/api/v1/services/${s.id}`, { token: admin, body: { targetWaitSeconds: 900 } })
    await center.createCounter({ number: 1, serviceIds: [s.id] })
    await center.createUser('clerk1')
    await center.request('PUT', '/api/v1/settings', { token: admin, body: { callPolicy: 'sla' } })
    // a refused change is not logged
    await center.request('POST', '/api/v1/services', {
      token: admin,
      body: { prefix: 'A', nameAr: 'x', nameEn: 'x', targetWaitSeconds: 60 },
    })
    const log = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    expect(log.map((e: { method: string; route: string }) => `${e.method} ${e.route}`)).toEqual([
      'PUT /settings',
      'POST /users',
      'POST /counters',
      'PATCH /services/:id',
      'POST /services',
    ])
    expect(log.every((e: { username: string }) => e.username === 'admin')).toBe(true)
    expect(log[1].body).toMatchObject({ username: 'clerk1', password: '***', role: 'clerk' })
    expect(log[3]).toMatchObject({ params: { id: s.id }, body: { targetWaitSeconds: 900 }, status: 200 })
    // what the dashboard words each row from: the command, and the name of what it changed as named now
    expect(log.map((e: { command: string }) => e.command)).toEqual([
      'settings.update',
      'user.create',
      'counter.create',
      'service.update',
      'service.create',
    ])
    expect(log[3].subject).toBe(`${s.nameAr} · ${s.nameEn}`)
    expect([log[0].subject, log[1].subject]).toEqual([null, 'clerk1'])
    // a pairing is made by the device itself: its name says who (it had «—», no user)
    const device = (
      await center.request('POST', '/api/v1/devices', { token: admin, body: { kind: 'kiosk', name: 'كشك المدخل · Entrance kiosk' } })
    ).json()
    expect((await center.request('POST', '/api/v1/devices/pair', { body: { pairingCode: device.pairingCode } })).statusCode).toBe(200)
    const [paired] = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    expect(paired).toMatchObject({
      command: 'device.pair',
      username: null,
      deviceName: 'كشك المدخل · Entrance kiosk',
      subject: 'كشك المدخل · Entrance kiosk',
      body: { pairingCode: '***' },
    })
    const manager = (await center.createUser('boss', 'manager')).token
    expect((await center.request('GET', '/api/v1/settings/audit', { token: manager })).statusCode).toBe(403)
  })
  // walk s54: the change log read «عُدّلت الخدمة «…»» for both the deactivation and the reactivation
  it("a service switched off or on is its own change, said so in the change log's words", async () => {
    center = await TestCenter.start({ clock: new TestClock() })
    const admin = await center.admin()
    const s = await center.createService({ prefix: 'D', nameAr: 'توصيل المرافق', nameEn: 'Utility connections' })
    // as the services form sends it: every field, the active box among them
    const form = { prefix: 'D', nameAr: 'توصيل المرافق', nameEn: 'Utility connections', targetWaitSeconds: 900 }
    // (the edit between them changes its target wait: a save that changes nothing is not logged, walk s55)
    for (const [active, targetWaitSeconds] of [
      [false, 900],
      [false, 1200],
      [true, 1200],
    ] as const) {
      const body = { ...form, targetWaitSeconds, active }
      expect((await center.request('PATCH', `/api/v1/services/${s.id}`, { token: admin, body })).statusCode).toBe(200)
    }
    const log = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    // newest first: on again, an edit that left it off, off
    expect(log.slice(0, 3).map((e: { command: string; route: string }) => `${e.command} ${e.route}`)).toEqual([
      'service.activate /services/:id',
      'service.update /services/:id',
      'service.deactivate /services/:id',
    ])
    const said = (lang: 'ar' | 'en') =>
      log
        .slice(0, 3)
        .map((e: AuditChange & { subject: string }) =>
          auditChangeText(e, namePart(e.subject, lang), lang, 'western').replace(/[\u2068\u2069]/g, ''),
        )
    expect(said('en')).toEqual([
      'Service “Utility connections” activated again',
      'Service “Utility connections” edited',
      'Service “Utility connections” deactivated',
    ])
    expect(said('ar')).toEqual([
      'أُعيد تفعيل الخدمة «توصيل المرافق»',
      'عُدّلت الخدمة «توصيل المرافق»',
      'أُوقفت الخدمة «توصيل المرافق» عن إصدار التذاكر',
    ])
  })
})

// walk s55: a counter moved between zones read «عُدّل الشباك «استعلامات»» / "Counter … edited", and
// nothing of the zone; the form sends every field, so the request did not say what changed either
describe('the change log says what an edit changed', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('each field whose value differs, before → after, names as typed; nothing for a save that changed nothing; a password only as changed', async () => {
    center = await TestCenter.start({ clock: new TestClock() })
    const admin = await center.admin()
    const zoneNames = {
      ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' },
      first: { nameAr: 'الدور الأول', nameEn: 'First floor' },
    }
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { zoneNames } })).statusCode).toBe(200)
    const a = await center.createService({ prefix: 'A', nameAr: 'استعلامات', nameEn: 'Enquiries' })
    const counter = await center.createCounter({ number: 3, name: 'استعلامات', zone: 'ground', serviceIds: [a.id] })
    const clerk = await center.createUser('clerk1')
    // as the dashboard's forms send them: every field, most unchanged
    const form = {
      number: 3,
      name: 'استعلامات',
      zone: 'first',
      active: true,
      services: [{ serviceId: a.id, weight: 1 }],
      printerDeviceId: null,
    }
    const patch = (path: string, body: object) => center.request('PATCH', path, { token: admin, body })
    expect((await patch(`/api/v1/counters/${counter.id}`, form)).statusCode).toBe(200)
    expect((await patch(`/api/v1/counters/${counter.id}`, form)).statusCode).toBe(200)
    expect(
      (await patch(`/api/v1/users/${clerk.id}`, { role: 'clerk', displayName: 'Mona', active: true, password: 'a-new-password-2026' }))
        .statusCode,
    ).toBe(200)
    expect(
      (await patch(`/api/v1/services/${a.id}`, { prefix: 'A', nameAr: 'استعلامات', nameEn: 'Enquiries', targetWaitSeconds: 900 }))
        .statusCode,
    ).toBe(200)
    const log = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    // newest first: the service, the user, one counter edit (the second save changed nothing: no row)
    expect(log.slice(0, 4).map((e: { command: string }) => e.command)).toEqual([
      'service.update',
      'user.update',
      'counter.update',
      'user.create',
    ])
    const [service, user, moved] = log
    expect(moved.changes).toEqual([{ field: 'zone', from: 'الدور الأرضي · Ground floor', to: 'الدور الأول · First floor' }])
    expect(user.changes).toEqual([{ field: 'displayName', from: 'clerk1', to: 'Mona' }, { field: 'password' }])
    expect(JSON.stringify(user)).not.toContain('a-new-password-2026')
    expect(service.changes).toEqual([{ field: 'targetWaitSeconds', from: 600, to: 900 }])
    // the row keeps ids (the zone as the counters are matched by it), named when read
    const rows = new Database(databaseFile(center.config), { readonly: true })
      .prepare(`SELECT data FROM events WHERE type = 'config.changed' AND json_extract(data, '$.command') = 'counter.update'`)
      .all() as { data: string }[]
    expect(rows.map((r) => JSON.parse(r.data).changes)).toEqual([[{ field: 'zone', from: 'ground', to: 'first' }]])
    const lines = (lang: 'ar' | 'en', digits: 'western' | 'arabic-indic') =>
      [moved, user, service].flatMap((e: AuditEntry) =>
        (e.changes ?? []).map((c) => auditFieldChangeText(c, lang, digits).replace(/[\u2068\u2069]/g, '')),
      )
    expect(lines('ar', 'arabic-indic')).toEqual([
      'المنطقة: الدور الأرضي ← الدور الأول',
      'الاسم الظاهر: clerk1 ← Mona',
      'كلمة المرور: تغيّرت',
      'الانتظار المستهدف (ثوانٍ): ٦٠٠ ← ٩٠٠',
    ])
    expect(lines('en', 'western')).toEqual([
      'Zone: Ground floor → First floor',
      'Display name: clerk1 → Mona',
      'Password: changed',
      'Target wait (seconds): 600 → 900',
    ])
    // an older row (the request only) reads as it did: no lines
    expect(log.find((e: AuditEntry) => e.command === 'user.create').changes).toBeNull()
  })

  it('a settings change names its fields without the form hint on how to type them', async () => {
    center = await TestCenter.start({ clock: new TestClock() })
    const admin = await center.admin()
    const priorityCategories = [{ code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' }]
    expect((await center.request('PUT', '/api/v1/settings', { token: admin, body: { priorityCategories } })).statusCode).toBe(200)
    const [entry] = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    const said = (lang: 'ar' | 'en') => auditChangeText(entry, null, lang, 'western')
    expect([said('ar'), said('en')]).toEqual(['عُدّلت إعدادات المركز: فئات الأولوية', 'Center settings changed: Priority categories'])
  })
})

describe('a settings change says what it changed', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('each setting before → after, a zone name on its own line', async () => {
    center = await TestCenter.start({ clock: new TestClock() })
    const admin = await center.admin()
    const put = (body: object) => center.request('PUT', '/api/v1/settings', { token: admin, body })
    expect((await put({ zoneNames: { ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' } } })).statusCode).toBe(200)
    expect(
      (
        await put({
          callPolicy: 'sla',
          zoneNames: {
            ground: { nameAr: 'الدور الأرضي', nameEn: 'Ground floor' },
            first: { nameAr: 'الدور الأول', nameEn: 'First floor' },
          },
        })
      ).statusCode,
    ).toBe(200)
    const [entry] = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json() as AuditEntry[]
    const lines = (lang: 'ar' | 'en') =>
      (entry!.changes ?? []).map((c) => auditFieldChangeText(c, lang, 'western').replace(/[\u2068\u2069]/g, ''))
    expect(lines('en')).toEqual(['Call policy: Priority first → By target wait', 'Name of zone first: none → First floor'])
    expect(lines('ar')).toEqual(['سياسة النداء: الأولوية أولًا ← حسب الزمن المستهدف', 'اسم المنطقة first: لا شيء ← الدور الأول'])
  })
})
