import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import { ConfigError, validateConfig } from '../../../server/config.ts'

/** Direction controls written as escapes: the source itself must not hold them. */
const RLO = '\u202E'
const PDF = '\u202C'
const RLI = '\u2067'
const PDI = '\u2069'

describe('names shown publicly refuse direction-reordering controls (issue 16 item 9)', () => {
  let center: TestCenter
  afterEach(() => center?.close())

  it('every configuration command answers 422 TABOUR_ERR_REORDERING_CONTROL naming the field, and stores nothing', async () => {
    center = await TestCenter.start()
    const admin = await center.admin()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const bad = `Counter ${RLO}1 moor${PDF}`
    const cases: [method: 'POST' | 'PATCH' | 'PUT', url: string, body: unknown, field: string][] = [
      ['POST', '/api/v1/services', { prefix: 'B', nameAr: `خدمة ${RLI}ب${PDI}`, nameEn: 'B', targetWaitSeconds: 60 }, 'body/nameAr'],
      ['PATCH', `/api/v1/services/${a.id}`, { nameEn: bad }, 'body/nameEn'],
      ['POST', '/api/v1/counters', { number: 2, name: bad }, 'body/name'],
      ['PATCH', `/api/v1/counters/${c.id}`, { name: bad }, 'body/name'],
      [
        'POST',
        '/api/v1/users',
        { username: 'clerk9', password: 'staff-test-password', role: 'clerk', displayName: bad },
        'body/displayName',
      ],
      ['POST', '/api/v1/devices', { kind: 'display', name: bad }, 'body/name'],
      ['PUT', '/api/v1/center/news', { ar: 'أهلا', en: `Welcome ${RLO}` }, 'body/en'],
      ['PUT', '/api/v1/settings', { nameEn: bad }, 'body/nameEn'],
      [
        'PUT',
        '/api/v1/settings',
        { priorityCategories: [{ code: 'elderly', nameAr: `كبار ${RLO}`, nameEn: 'Elderly' }] },
        'body/priorityCategories/0/nameAr',
      ],
    ]
    for (const [method, url, body, field] of cases) {
      const res = await center.request(method, url, { token: admin, body })
      expect(res.statusCode, `${method} ${url}`).toBe(422)
      expect(res.json().code).toBe('TABOUR_ERR_REORDERING_CONTROL')
      expect(res.json().message).toContain(`${field} `)
      expect(res.json()).toMatchObject({ field: field.slice('body/'.length), reason: 'reordering-control' })
    }
    const services = (await center.request('GET', '/api/v1/services', { token: admin })).json()
    expect(services.map((s: { nameEn: string }) => s.nameEn)).toEqual(['Service A'])
    const counters = (await center.request('GET', '/api/v1/counters', { token: admin })).json()
    expect(counters.map((x: { name: string }) => x.name)).toEqual(['Counter 1'])
    expect((await center.request('GET', '/api/v1/users', { token: admin })).json().map((u: { username: string }) => u.username)).toEqual([
      'admin',
    ])
    expect((await center.request('GET', '/api/v1/devices', { token: admin })).json()).toEqual([])
    // Arabic's own marks (RLM, ALM) and joiners stay allowed
    const ok = await center.request('PATCH', `/api/v1/services/${a.id}`, { token: admin, body: { nameAr: 'شباك\u200F (A)\u061C \u200Cب' } })
    expect(ok.statusCode).toBe(200)
  })

  it('rows stored before the check are shown without the controls on kiosks, displays and tickets', async () => {
    center = await TestCenter.start()
    const a = await center.createService({ prefix: 'A' })
    const c = await center.createCounter({ number: 1, serviceIds: [a.id] })
    const kiosk = await center.createDevice('kiosk')
    const display = await center.createDevice('display')
    await center.request('PUT', '/api/v1/center/news', { token: await center.admin(), body: { ar: 'أهلا', en: 'Welcome' } })
    const db = center.app.tabour.db
    db.prepare('UPDATE services SET name_ar = ?, name_en = ? WHERE id = ?').run(`خدمة ${RLO}أ${PDF}`, `Service ${RLI}A${PDI}`, a.id)
    db.prepare('UPDATE counters SET name = ? WHERE id = ?').run(`Counter ${RLO}1${PDF}`, c.id)
    db.prepare("UPDATE center_settings SET value = ? WHERE key = 'news'").run(
      JSON.stringify({ ar: `أهلا ${RLO}`, en: `Welcome ${RLI}x${PDI}` }),
    )

    const services = (await center.request('GET', '/api/v1/services', { token: kiosk.token })).json()
    expect(services[0]).toMatchObject({ nameAr: 'خدمة أ', nameEn: 'Service A' })
    const counters = (await center.request('GET', '/api/v1/counters', { token: display.token })).json()
    expect(counters[0].name).toBe('Counter 1')
    const news = (await center.request('GET', '/api/v1/center/news', { token: display.token })).json()
    expect(news).toMatchObject({ ar: 'أهلا ', en: 'Welcome x' })
    const ticket = await center.issue(kiosk.token, { serviceId: a.id })
    const publicView = await center.request('GET', `/api/v1/tickets/${ticket.id}`)
    expect(publicView.json()).toMatchObject({ serviceNameAr: 'خدمة أ', serviceNameEn: 'Service A', counter: null })
  })

  it('the config file is held to the same rule: the center name and the lists the kiosk shows', () => {
    expect(() => validateConfig({ centerName: { ar: 'مركز', en: `Center ${RLO}x` } })).toThrow(ConfigError)
    expect(() => validateConfig({ centerName: { ar: 'مركز', en: `Center ${RLO}x` } })).toThrow('/centerName/en')
    expect(() => validateConfig({ queue: { finishOutcomes: [{ code: 'done', nameAr: `تم ${RLI}`, nameEn: 'Done' }] } })).toThrow(
      '/queue/finishOutcomes/0/nameAr',
    )
  })

  it('withoutReorderingControls removes only the reordering controls', () => {
    expect(withoutReorderingControls(`a${RLO}b${PDF}c${RLI}d${PDI}\u206Ae\uFFF9`)).toBe('abcde')
    expect(withoutReorderingControls('شباك\u200F\u061C\u200D')).toBe('شباك\u200F\u061C\u200D')
  })
})
