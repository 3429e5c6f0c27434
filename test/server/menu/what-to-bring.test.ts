import { afterEach, describe, expect, it } from 'vitest'
import { STAFF_PASSWORD, TestCenter, TestClock } from '../../helpers/test-center.ts'
import { readCsv } from '../../helpers/read-csv.ts'
import { MAX_DOCUMENT_LENGTH, MAX_DOCUMENTS } from '../../../protocol/service-menu.ts'

/**
 * Issue 21: a service's documents (limits refused with a stable code, nothing half-written),
 * icons and groups checked, a kiosk limited to its subset, and "incomplete papers" counted per
 * service on a hand-computed day. Real SQLite file, through the HTTP API.
 */
const DOCS = [
  { ar: 'بطاقة الرقم القومي', en: 'National ID card' },
  { ar: 'صورة شخصية', en: 'A passport photo' },
]

describe('what to bring and the kiosk menu: the API', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('documents, icon and group are stored, read back, and bad values refused by code and field; nothing changes on a refusal', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const group = await center.request('POST', '/api/v1/service-groups', {
      token: admin,
      body: { nameAr: 'الأحوال المدنية', nameEn: 'Civil status', icon: 'id-card' },
    })
    expect(group.statusCode, group.body).toBe(201)
    const g = group.json()
    const a = await center.createService({ prefix: 'A' })
    expect(a).not.toHaveProperty('documents')
    const ok = await center.request('PATCH', `/api/v1/services/${a.id}`, {
      token: admin,
      body: {
        documents: [{ ar: ' بطاقة الرقم القومي ', en: 'National ID card' }, DOCS[1]],
        groupId: g.id,
        icon: 'birth',
        confirmDocuments: false,
      },
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json()).toMatchObject({ documents: DOCS, groupId: g.id, icon: 'birth', confirmDocuments: false })

    const refuse = async (body: unknown, status: number, code: string, field?: string) => {
      const res = await center.request('PATCH', `/api/v1/services/${a.id}`, { token: admin, body })
      expect(res.statusCode, res.body).toBe(status)
      expect(res.json().code).toBe(code)
      if (field) expect(res.json().field).toBe(field)
      return res.json()
    }
    const tooMany = Array.from({ length: MAX_DOCUMENTS + 1 }, (_, i) => ({ ar: `مستند ${i}`, en: `Document ${i}` }))
    expect(await refuse({ documents: tooMany }, 422, 'TABOUR_ERR_DOCUMENTS_TOO_LONG', 'documents')).toMatchObject({ limit: MAX_DOCUMENTS })
    const long = [DOCS[0], { ar: 'ا'.repeat(MAX_DOCUMENT_LENGTH + 1), en: 'fine' }]
    expect(await refuse({ documents: long, nameEn: 'changed' }, 422, 'TABOUR_ERR_DOCUMENTS_TOO_LONG', 'documents/1/ar')).toMatchObject({
      reason: 'maxLength',
      limit: MAX_DOCUMENT_LENGTH,
    })
    await refuse({ documents: [{ ar: 'x', en: '   ' }] }, 400, 'TABOUR_ERR_VALIDATION', 'documents/0/en')
    await refuse({ icon: 'rocket' }, 422, 'TABOUR_ERR_UNKNOWN_ICON', 'icon')
    await refuse({ groupId: 999 }, 404, 'TABOUR_ERR_SERVICE_GROUP_NOT_FOUND')
    // exactly at the limits is fine
    const atLimit = Array.from({ length: MAX_DOCUMENTS }, (_, i) => ({ ar: 'ب'.repeat(MAX_DOCUMENT_LENGTH), en: `Doc ${i}` }))
    const create = await center.request('POST', '/api/v1/services', {
      token: admin,
      body: { prefix: 'B', nameAr: 'ب', nameEn: 'B', targetWaitSeconds: 60, documents: atLimit },
    })
    expect(create.statusCode, create.body).toBe(201)
    // a refused create leaves no service behind
    const refusedCreate = await center.request('POST', '/api/v1/services', {
      token: admin,
      body: { prefix: 'C', nameAr: 'ج', nameEn: 'C', targetWaitSeconds: 60, groupId: 42 },
    })
    expect(refusedCreate.json().code).toBe('TABOUR_ERR_SERVICE_GROUP_NOT_FOUND')
    const services = (await center.request('GET', '/api/v1/services?all=true', { token: admin })).json()
    expect(services.map((s: { prefix: string }) => s.prefix)).toEqual(['A', 'B'])
    // nothing of the refused changes was written
    expect(services[0]).toMatchObject({ nameEn: 'Service A', documents: DOCS, groupId: g.id, icon: 'birth' })

    // groups: an unknown icon or group refused; deleting a group leaves its services in none
    const badIcon = await center.request('POST', '/api/v1/service-groups', {
      token: admin,
      body: { nameAr: 'س', nameEn: 'S', icon: 'nope' },
    })
    expect([badIcon.statusCode, badIcon.json().code]).toEqual([422, 'TABOUR_ERR_UNKNOWN_ICON'])
    const missing = await center.request('PATCH', '/api/v1/service-groups/77', { token: admin, body: { nameEn: 'x' } })
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'TABOUR_ERR_SERVICE_GROUP_NOT_FOUND'])
    const renamed = await center.request('PATCH', `/api/v1/service-groups/${g.id}`, {
      token: admin,
      body: { nameEn: 'Civil registry', icon: null },
    })
    expect(renamed.json()).toEqual({ id: g.id, nameAr: 'الأحوال المدنية', nameEn: 'Civil registry', icon: null, sortOrder: 0 })
    expect((await center.request('DELETE', `/api/v1/service-groups/${g.id}`, { token: admin })).statusCode).toBe(204)
    expect((await center.request('GET', '/api/v1/service-groups', { token: admin })).json()).toEqual([])
    expect((await center.request('GET', `/api/v1/services/${a.id}`, { token: admin })).json()).not.toHaveProperty('groupId')
    // every change audited under its command
    const audit = (await center.request('GET', '/api/v1/settings/audit', { token: admin })).json()
    const routes = audit.map((e: { method: string; route: string }) => `${e.method} ${e.route}`)
    for (const r of ['POST /service-groups', 'PATCH /service-groups/:id', 'DELETE /service-groups/:id']) expect(routes).toContain(r)
  })

  it('a kiosk with a subset issues only its services: another is refused with SERVICE_NOT_OFFERED_HERE and no ticket is made', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const kiosk = await center.createDevice('kiosk')
    const bad = await center.request('PATCH', `/api/v1/devices/${kiosk.id}`, {
      token: admin,
      body: { config: { serviceIds: [a.id, a.id] } },
    })
    expect(bad.statusCode).toBe(400)
    const set = await center.request('PATCH', `/api/v1/devices/${kiosk.id}`, { token: admin, body: { config: { serviceIds: [a.id] } } })
    expect(set.statusCode, set.body).toBe(200)
    await center.issue(kiosk.token, { serviceId: a.id })
    const refused = await center.request('POST', '/api/v1/tickets', { token: kiosk.token, body: { serviceId: b.id } })
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'TABOUR_ERR_SERVICE_NOT_OFFERED_HERE'])
    // staff are not limited by a kiosk's config; another kiosk without a subset offers all
    await center.issue(admin, { serviceId: b.id })
    const other = await center.createDevice('kiosk')
    await center.issue(other.token, { serviceId: b.id })
    const tickets = (await center.request('GET', '/api/v1/tickets', { token: admin })).json()
    expect(tickets.map((t: { label: string }) => t.label).sort()).toEqual(['A-001', 'B-001', 'B-002'])
  })
})

/**
 * The fixture day (Cairo, 2026-03-10): A at counter 1, B at counter 2. Five tickets of A, three
 * of B, finished as:
 *   A-001 served · A-002 incomplete_papers · A-003 incomplete_papers · A-004 (no outcome) · A-005 no-show
 *   B-001 incomplete_papers · B-002 referred · B-003 served
 * By hand: A served (finished) 4, incomplete papers 2 → 50 %; B served 3, incomplete 1 → 33.3 %;
 * total served 7, incomplete 3 → 42.9 %. The next day (2026-03-11) one more A-ticket with incomplete
 * papers: a report of the 10th alone does not count it, the two days together count A 3 of 5 → 60 %.
 */
describe('"incomplete papers" in the reports', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('per service, in total, and in the CSV, as computed by hand', async () => {
    const clock = new TestClock(Date.parse('2026-03-10T08:00:00Z'))
    center = await TestCenter.start({ clock })
    const a = await center.createService({ prefix: 'A' })
    const b = await center.createService({ prefix: 'B' })
    const c1 = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const c2 = await center.createCounter({ number: 2, serviceIds: [b.id] })
    const kiosk = (await center.createDevice('kiosk')).token
    const clerk1 = await center.openCounterAs('clerk1', c1.id)
    const clerk2 = await center.openCounterAs('clerk2', c2.id)
    let manager = (await center.createUser('boss', 'manager')).token
    const serve = async (token: string, counterId: number, outcome: string | null | 'no-show') => {
      clock.advance(60)
      expect((await center.action(token, counterId, 'call-next')).statusCode).toBe(200)
      clock.advance(60)
      if (outcome !== 'no-show') expect((await center.action(token, counterId, 'start')).statusCode).toBe(200)
      const res =
        outcome === 'no-show'
          ? await center.action(token, counterId, 'no-show')
          : await center.action(token, counterId, 'finish', outcome ? { outcome } : {})
      expect(res.statusCode, res.body).toBe(200)
    }
    for (let i = 0; i < 5; i++) await center.issue(kiosk, { serviceId: a.id })
    for (let i = 0; i < 3; i++) await center.issue(kiosk, { serviceId: b.id })
    for (const o of ['served', 'incomplete_papers', 'incomplete_papers', null, 'no-show'] as const) await serve(clerk1, c1.id, o)
    for (const o of ['incomplete_papers', 'referred', 'served'] as const) await serve(clerk2, c2.id, o)

    const report = async (from: string, to = from) => {
      const res = await center.request('GET', `/api/v1/stats/report?from=${from}&to=${to}&by=service`, { token: manager })
      expect(res.statusCode, res.body).toBe(200)
      return res.json()
    }
    const day = await report('2026-03-10')
    expect(day.rows.map((r: Record<string, unknown>) => [r.key, r.served, r.incompletePapers, r.incompletePapersPercent])).toEqual([
      [a.id, 4, 2, 50],
      [b.id, 3, 1, 33.3],
    ])
    expect(day.totals).toMatchObject({ served: 7, incompletePapers: 3, incompletePapersPercent: 42.9 })
    // by counter: not a service report, no such figure
    const byCounter = (
      await center.request('GET', '/api/v1/stats/report?from=2026-03-10&to=2026-03-10&by=counter', { token: manager })
    ).json()
    expect(byCounter.totals).not.toHaveProperty('incompletePapers')

    const csv = await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=service&lang=en', { token: manager })
    const table = readCsv(csv.body)
    // one count column (the outcome's), not a second "Incomplete papers" with the same number (walk s50)
    expect(table.header.filter((h) => h.includes('Incomplete papers'))).toEqual([
      'Incomplete papers (% of finished tickets)',
      'Finished with outcome: Incomplete papers',
    ])
    expect(
      table.rows.map((r) => [
        r['Service code'],
        r['Finished with outcome: Incomplete papers'],
        r['Incomplete papers (% of finished tickets)'],
      ]),
    ).toEqual([
      ['A', '2', '50'],
      ['B', '1', '33.3'],
      ['Total', '3', '42.9'],
    ])
    const ar = readCsv(
      (await center.request('GET', '/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=service&lang=ar', { token: manager })).body,
    )
    expect(ar.header.filter((h) => h.includes('أوراق غير مكتملة'))).toEqual([
      'أوراق غير مكتملة (% من التذاكر المنتهية)',
      'أُنهيت بنتيجة: أوراق غير مكتملة',
    ])
    // renamed, the outcome is named as configured now in both columns, not its old name in one (walk s52)
    const renamed = (await center.request('GET', '/api/v1/center/finish-outcomes', { token: manager }))
      .json()
      .outcomes.map((o: { code: string }) =>
        o.code === 'incomplete_papers' ? { ...o, nameAr: 'أوراق ناقصة', nameEn: 'Missing papers' } : o,
      )
    const put = await center.request('PUT', '/api/v1/center/finish-outcomes', { token: manager, body: { outcomes: renamed } })
    expect(put.statusCode, put.body).toBe(200)
    for (const [lang, name, share, count] of [
      ['en', 'Missing papers', 'Missing papers (% of finished tickets)', 'Finished with outcome: Missing papers'],
      ['ar', 'أوراق ناقصة', 'أوراق ناقصة (% من التذاكر المنتهية)', 'أُنهيت بنتيجة: أوراق ناقصة'],
    ] as const) {
      const header = readCsv(
        (await center.request('GET', `/api/v1/stats/report.csv?from=2026-03-10&to=2026-03-10&by=service&lang=${lang}`, { token: manager }))
          .body,
      ).header
      expect(header.filter((h) => h.includes(name))).toEqual([share, count])
    }

    clock.set('2026-03-11T08:00:00Z')
    // a new day: the clerk logs in again (the day's close ended yesterday's session)
    const nextDay = await center.login('clerk1', STAFF_PASSWORD)
    await center.action(nextDay, c1.id, 'open')
    await center.issue(kiosk, { serviceId: a.id })
    await serve(nextDay, c1.id, 'incomplete_papers')
    manager = await center.login('boss', STAFF_PASSWORD)
    expect((await report('2026-03-10')).rows[0].incompletePapers).toBe(2)
    expect((await report('2026-03-10', '2026-03-11')).rows[0]).toMatchObject({
      served: 5,
      incompletePapers: 3,
      incompletePapersPercent: 60,
    })
  })
})
