import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { FakePrinter, refusedPort } from '../../drivers/printer/fake-printer.ts'
import { decodeJob } from '../../helpers/escpos-decode.ts'
import { expectError, expectFieldError } from './route-helpers.ts'

/**
 * Issue 15 item 4: every refusal about one field names it in the error body (`field`, `reason`,
 * `limit`), so a screen words it in its own language next to that field and never parses the
 * English message. Schema errors (ajv), the device config's own check (TypeBox), the domain's
 * duplicates and the password policy each get one.
 */
describe('errors name the field at fault (issue 15 item 4)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('schema errors: the instance path as the field, the keyword as the reason, the bound as the limit', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const service = { prefix: 'A', nameAr: 'أ', nameEn: 'A', targetWaitSeconds: 600 }
    const missing = await center.request('POST', '/api/v1/services', { token, body: { ...service, nameEn: undefined } })
    expectFieldError(missing, 400, 'TABOUR_ERR_VALIDATION', { field: 'nameEn', reason: 'required' })
    const pattern = await center.request('POST', '/api/v1/services', { token, body: { ...service, prefix: 'a1' } })
    expectFieldError(pattern, 400, 'TABOUR_ERR_VALIDATION', { field: 'prefix', reason: 'pattern' })
    const low = await center.request('POST', '/api/v1/services', { token, body: { ...service, targetWaitSeconds: 0 } })
    expectFieldError(low, 400, 'TABOUR_ERR_VALIDATION', { field: 'targetWaitSeconds', reason: 'minimum', limit: 1 })
    const short = await center.request('POST', '/api/v1/users', { token, body: { username: 'amal', password: 'short', role: 'clerk' } })
    expectFieldError(short, 400, 'TABOUR_ERR_VALIDATION', { field: 'password', reason: 'minLength', limit: 8 })
    const weight = await center.request('POST', '/api/v1/counters', {
      token,
      body: { number: 1, name: 'One', services: [{ serviceId: 1, weight: -1 }] },
    })
    expectFieldError(weight, 400, 'TABOUR_ERR_VALIDATION', { field: 'services/0/weight', reason: 'minimum', limit: 0 })
    // malformed JSON names no field
    const bad = await center.app.inject({
      method: 'POST',
      url: '/api/v1/services',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: '{"prefix":',
    })
    expectError(bad as never, 400, 'TABOUR_ERR_BAD_BODY')
    expect(bad.json().field).toBeUndefined()
  })

  it('an update whose every field is unknown is refused, not a 200 that changed nothing and logged an empty change', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const before = await center.request('GET', '/api/v1/settings/audit', { token })
    // a misspelt key (newsAr for the news line's text): Ajv drops it, and the update had nothing left to do
    const settings = await center.request('PUT', '/api/v1/settings', { token, body: { newsAr: 'أخبار' } })
    expectError(settings, 400, 'TABOUR_ERR_VALIDATION')
    expect(settings.json().message).toContain('unknown fields are dropped')
    const service = await center.request('PATCH', '/api/v1/services/1', { token, body: { nameArabic: 'س' } })
    expectError(service, 400, 'TABOUR_ERR_VALIDATION')
    expect((await center.request('GET', '/api/v1/settings/audit', { token })).json()).toEqual(before.json())
    // a known field beside an unknown one is still applied (the unknown one dropped, as documented)
    const named = await center.request('PUT', '/api/v1/settings', { token, body: { nameEn: 'Dokki center', newsAr: 'أخبار' } })
    expect(named.statusCode).toBe(200)
    expect(named.json().values.nameEn).toBe('Dokki center')
  })

  it("a device's config: the nested field, checked by the domain", async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const kiosk = (printer: unknown) => ({ kind: 'kiosk', name: 'Entrance', config: { printer } })
    const noWidth = await center.request('POST', '/api/v1/devices', {
      token,
      body: kiosk({ type: 'epson', interface: 'tcp://10.0.0.5:9100' }),
    })
    expectFieldError(noWidth, 400, 'TABOUR_ERR_VALIDATION', { field: 'config/printer/widthMm', reason: 'required' })
    const width = await center.request('POST', '/api/v1/devices', {
      token,
      body: kiosk({ type: 'epson', interface: 'tcp://10.0.0.5:9100', widthMm: 70 }),
    })
    expectFieldError(width, 400, 'TABOUR_ERR_VALIDATION', { field: 'config/printer/widthMm', reason: 'enum' })
    const address = await center.request('POST', '/api/v1/devices', {
      token,
      body: kiosk({ type: 'epson', interface: 'printer.local', widthMm: 80 }),
    })
    expectFieldError(address, 400, 'TABOUR_ERR_VALIDATION', { field: 'config/printer/interface', reason: 'pattern' })
    const publicHost = await center.request('POST', '/api/v1/devices', {
      token,
      body: kiosk({ type: 'epson', interface: 'tcp://8.8.8.8:9100', widthMm: 80 }),
    })
    expectFieldError(publicHost, 400, 'TABOUR_ERR_PRINTER_HOST_NOT_ALLOWED', { field: 'config/printer/interface', reason: 'not-allowed' })
    const path = await center.request('POST', '/api/v1/devices', {
      token,
      body: { kind: 'board', name: 'Board 1', config: { path: '/etc/passwd', address: 1, counterId: 1 } },
    })
    expectFieldError(path, 400, 'TABOUR_ERR_BAD_DEVICE_PATH', { field: 'config/path', reason: 'not-allowed' })
    const counter = await center.request('POST', '/api/v1/devices', {
      token,
      body: { kind: 'keypad', name: 'Keypad 1', config: { path: '/dev/ttyUSB0', address: 1, counterId: 99 } },
    })
    expectFieldError(counter, 400, 'TABOUR_ERR_VALIDATION', { field: 'config/counterId', reason: 'unknown' })
    expect((await center.request('GET', '/api/v1/devices', { token })).json()).toEqual([])
  })

  it('duplicates name the field that clashes', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    await center.createService({ prefix: 'A' })
    const prefix = await center.request('POST', '/api/v1/services', {
      token,
      body: { prefix: 'A', nameAr: 'ب', nameEn: 'B', targetWaitSeconds: 600 },
    })
    expectFieldError(prefix, 409, 'TABOUR_ERR_DUPLICATE_PREFIX', { field: 'prefix', reason: 'duplicate' })
    await center.createCounter({ number: 1, active: false })
    const number = await center.request('POST', '/api/v1/counters', { token, body: { number: 1, name: 'Again' } })
    expectFieldError(number, 409, 'TABOUR_ERR_DUPLICATE_COUNTER_NUMBER', { field: 'number', reason: 'duplicate' })
    await center.createUser('amal')
    const username = await center.request('POST', '/api/v1/users', {
      token,
      body: { username: 'amal', password: 'kq7-Vt2-zw-Lantern-41', role: 'clerk' },
    })
    expectFieldError(username, 409, 'TABOUR_ERR_DUPLICATE_USERNAME', { field: 'username', reason: 'duplicate' })
    const zone = await center.request('PUT', '/api/v1/settings', { token, body: { timeZone: 'Mars/Olympus' } })
    expectFieldError(zone, 400, 'TABOUR_ERR_VALIDATION', { field: 'timeZone', reason: 'unknown' })
  })

  it('a refused password: field password, the reason, and the minimum as the limit', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const user = (password: string, role = 'clerk') => ({ username: 'amira', password, role })
    const short = await center.request('POST', '/api/v1/users', { token, body: user('kq7-Vt2-zw', 'admin') })
    expectFieldError(short, 422, 'TABOUR_ERR_PASSWORD_TOO_SHORT', {
      field: 'password',
      reason: 'too-short',
      limit: center.config.passwords.adminMinLength,
    })
    const weak = await center.request('POST', '/api/v1/users', { token, body: user('password123') })
    expectFieldError(weak, 422, 'TABOUR_ERR_PASSWORD_TOO_WEAK', { field: 'password', reason: 'too-weak' })
    const named = await center.request('POST', '/api/v1/users', { token, body: user('x9-amira-Lantern-77') })
    expectFieldError(named, 422, 'TABOUR_ERR_PASSWORD_HAS_USERNAME', { field: 'password', reason: 'has-username' })
  })

  it('the OpenAPI error schema documents field, reason and limit', async () => {
    center = await TestCenter.start()
    const doc = (await center.request('GET', '/api/v1/openapi.json')).json()
    const error = doc.paths['/api/v1/services'].post.responses['400'].content['application/json'].schema
    expect(Object.keys(error.properties)).toEqual(expect.arrayContaining(['code', 'message', 'field', 'reason', 'limit']))
    expect(error.required).not.toContain('field')
  })
})

describe('test print (issue 15 item 5)', () => {
  let center: TestCenter
  const closers: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0)) await close()
    await center?.close()
  })

  const printerDevice = async (kind: 'kiosk' | 'printer', port: number) => {
    const res = await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: { kind, name: `${kind} ${port}`, config: { printer: { type: 'epson', interface: `tcp://127.0.0.1:${port}`, widthMm: 80 } } },
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json().id as number
  }

  it('prints a sample ticket on a TCP printer and answers printed; an unreachable one answers not-answering, not a 500', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const printer = await FakePrinter.start()
    closers.push(() => printer.close())
    for (const kind of ['kiosk', 'printer'] as const) {
      const id = await printerDevice(kind, printer.port)
      const jobs = printer.jobs.length
      const res = await center.request('POST', `/api/v1/devices/${id}/test-print`, { token })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toEqual({ printed: true, problem: null })
      expect(printer.jobs.length).toBe(jobs + 1)
      const job = decodeJob(printer.jobs.at(-1)!)
      expect(job.cuts).toBe(1)
      expect(job.images.length).toBeGreaterThan(0)
    }
    const dead = await printerDevice('printer', await refusedPort())
    const res = await center.request('POST', `/api/v1/devices/${dead}/test-print`, { token })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ printed: false, problem: 'not-answering' })
    // a display has no printer: NO_PRINTER, and an unknown device 404
    const display = await center.createDevice('display')
    expectError(await center.request('POST', `/api/v1/devices/${display.id}/test-print`, { token }), 422, 'TABOUR_ERR_NO_PRINTER')
    expectError(await center.request('POST', '/api/v1/devices/999/test-print', { token }), 404, 'TABOUR_ERR_DEVICE_NOT_FOUND')
  })
})
