import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../helpers/test-center.ts'

describe('security headers on every answer (issue 16 item 4)', () => {
  let center: TestCenter
  afterEach(async () => center?.close())

  it('pages, API answers, errors and unknown routes all carry CSP, frame, nosniff, referrer and permissions headers; no HSTS over HTTP', async () => {
    center = await TestCenter.start()
    for (const url of ['/kiosk/', '/dashboard/', '/api/v1/center', '/api/v1/users', '/healthz', '/no/such/route']) {
      const res = await center.request('GET', url)
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'.*frame-ancestors 'none'/)
      expect(res.headers['content-security-policy'], url).not.toContain('unsafe-inline')
      expect(res.headers['x-frame-options'], url).toBe('DENY')
      expect(res.headers['x-content-type-options'], url).toBe('nosniff')
      expect(res.headers['referrer-policy'], url).toBe('same-origin')
      expect(res.headers['permissions-policy'], url).toContain('camera=()')
      expect(res.headers['strict-transport-security'], url).toBeUndefined()
    }
  })
})
