import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TestCenter, TestClock } from '../../helpers/test-center.ts'
import { auditChangeText, type AuditChange } from '../../../protocol/messages/audit-log.ts'
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
    for (const active of [false, false, true])
      expect((await center.request('PATCH', `/api/v1/services/${s.id}`, { token: admin, body: { ...form, active } })).statusCode).toBe(200)
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
