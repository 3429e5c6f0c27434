import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { expectAuthRequired, expectError, expectForbidden, makeCallers } from './route-helpers.ts'

const PKG = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }

describe('GET /healthz', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answers 200 without a token: the database answers, no sockets yet, the running version', async () => {
    center = await TestCenter.start()
    const res = await center.request('GET', '/healthz')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toEqual({ status: 'ok', database: true, uptimeSeconds: body.uptimeSeconds, sockets: 0, version: PKG.version })
    expect(Number.isInteger(body.uptimeSeconds)).toBe(true)
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0)
  })

  it('ignores a garbage token', async () => {
    center = await TestCenter.start()
    expect((await center.request('GET', '/healthz', { token: 'garbage' })).statusCode).toBe(200)
  })
})

describe('GET /api/v1/center', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answers the center name, zone, policy and priority categories to staff, kiosks and displays', async () => {
    center = await TestCenter.start({ config: { queue: { policy: 'fifo' } } })
    const callers = await makeCallers(center)
    for (const who of ['admin', 'manager', 'clerk', 'kiosk', 'display'] as const) {
      const res = await center.request('GET', '/api/v1/center', { token: callers[who] })
      expect(res.statusCode, who).toBe(200)
      expect(res.json()).toEqual({
        nameAr: 'المركز التكنولوجي لخدمة المواطنين',
        nameEn: 'Citizen Service Technology Center',
        timeZone: 'Africa/Cairo',
        callPolicy: 'fifo',
        priorityAgingSeconds: 1800,
        maxPriorityInARow: 3,
        maxAppointmentsInARow: 2,
        noShowGraceMinutes: 30,
        priorityCategories: [
          { code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' },
          { code: 'disabled', nameAr: 'ذوو الهمم', nameEn: 'People with disabilities' },
          { code: 'pregnant', nameAr: 'الحوامل', nameEn: 'Pregnant women' },
        ],
        finishOutcomes: [
          { code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' },
          { code: 'referred', nameAr: 'أُحيل إلى جهة أخرى', nameEn: 'Referred elsewhere' },
          { code: 'incomplete_papers', nameAr: 'أوراق غير مكتملة', nameEn: 'Incomplete papers' },
          { code: 'other', nameAr: 'أخرى', nameEn: 'Other' },
        ],
        digits: 'western',
        language: 'ar',
        messagesOn: false,
      })
    }
    await expectAuthRequired(center, { method: 'GET', url: '/api/v1/center' })
    await expectForbidden(center, callers, ['printer', 'board', 'keypad'], { method: 'GET', url: '/api/v1/center' })
  })

  it('reflects the configuration', async () => {
    center = await TestCenter.start({
      config: {
        centerName: { ar: 'فرع البنك', en: 'Bank branch' },
        timeZone: 'Asia/Riyadh',
        queue: {
          policy: 'sla',
          noShowGraceMinutes: 0,
          priorityCategories: [{ code: 'veteran', nameAr: 'المحاربون القدامى', nameEn: 'Veterans' }],
        },
        screens: { digits: 'arabic-indic', language: 'en' },
      },
    })
    const res = await center.request('GET', '/api/v1/center', { token: await center.admin() })
    expect(res.json()).toEqual({
      nameAr: 'فرع البنك',
      nameEn: 'Bank branch',
      timeZone: 'Asia/Riyadh',
      callPolicy: 'sla',
      priorityAgingSeconds: 1800,
      maxPriorityInARow: 3,
      maxAppointmentsInARow: 2,
      noShowGraceMinutes: 0,
      priorityCategories: [{ code: 'veteran', nameAr: 'المحاربون القدامى', nameEn: 'Veterans' }],
      finishOutcomes: res.json().finishOutcomes,
      digits: 'arabic-indic',
      language: 'en',
      messagesOn: false,
    })
  })
})

describe('unknown routes and methods', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('answer 404 TABOUR_ERR_ROUTE_NOT_FOUND, with or without a token', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const cases: ['GET' | 'POST' | 'DELETE' | 'PUT' | 'PATCH', string][] = [
      ['GET', '/nope'],
      ['GET', '/api/v1/nope'],
      ['GET', '/api/v2/services'],
      ['DELETE', '/api/v1/services/1'],
      ['PUT', '/api/v1/counters/1'],
      ['DELETE', '/api/v1/tickets/abc'],
      ['GET', '/api/v1/counters/1/call-next'],
      ['POST', '/api/v1/stats/today'],
    ]
    for (const [method, url] of cases) {
      for (const opts of [{}, { token }]) {
        const res = await center.request(method, url, opts)
        expectError(res, 404, 'TABOUR_ERR_ROUTE_NOT_FOUND')
        expect(res.json().message).toContain(url)
      }
    }
  })

  it('a malformed %-escape or an over-long path segment answers TABOUR_ERR_BAD_URL, not a Fastify code (found by fuzzing)', async () => {
    center = await TestCenter.start()
    for (const url of ['/api/v1/services/%', '/api/v1/tickets/%E0%A4%A', '/api/v1/counters/%zz/open?token=secret']) {
      const res = await center.request(url.includes('open') ? 'POST' : 'GET', url)
      expectError(res, 400, 'TABOUR_ERR_BAD_URL')
      expect(res.body).not.toContain('secret')
    }
    expectError(await center.request('GET', `/api/v1/tickets/${'a'.repeat(101)}`), 414, 'TABOUR_ERR_BAD_URL')
    expect((await center.request('GET', '/healthz')).statusCode).toBe(200)
  })

  it('the query string is not echoed back', async () => {
    center = await TestCenter.start()
    const res = await center.request('GET', '/nope?token=secret')
    expectError(res, 404, 'TABOUR_ERR_ROUTE_NOT_FOUND')
    expect(res.body).not.toContain('secret')
  })
})
