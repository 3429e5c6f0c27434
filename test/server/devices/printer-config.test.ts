import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'

describe('a kiosk printer config is checked when it is saved (the driver loads only later)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('an unknown printer type is a 400 naming the field, on create and on edit', async () => {
    center = await TestCenter.start()
    const token = await center.admin()
    const bad = { printer: { type: 'zebra', interface: 'tcp://127.0.0.1:9100', widthMm: 80 } }
    const created = await center.request('POST', '/api/v1/devices', { token, body: { kind: 'kiosk', name: 'k', config: bad } })
    expect(created.statusCode).toBe(400)
    expect(created.json().message).toContain('config/printer/type')
    const ok = await center.request('POST', '/api/v1/devices', {
      token,
      body: { kind: 'kiosk', name: 'k2', config: { printer: { ...bad.printer, type: 'star' } } },
    })
    expect(ok.statusCode).toBe(201)
    const edited = await center.request('PATCH', `/api/v1/devices/${ok.json().id}`, { token, body: { config: bad } })
    expect(edited.statusCode).toBe(400)
    expect(edited.json().message).toContain('config/printer/type')
  })
})
