import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestCenter, TestClock } from '../helpers/test-center.ts'

/**
 * A paired kiosk's or display's page carries its first screen's data (issue 22,
 * server/ui-start-data.ts): only for a cookie holding a token that works, exactly what that
 * token's own API calls answer, and escaped so that nothing in a name can end the element. The
 * browser side is in test/e2e/kiosk-start.test.ts and test/e2e/display-start.test.ts.
 */
const REFUSED = '<meta name="tabour-device" content="refused">'
const PAGE = '<!doctype html><html><head><script type="module" src="../assets/kiosk.js"></script></head><body></body></html>'

/** The JSON inlined in `html`, or null when there is none. */
function startData(html: string): Record<string, unknown> | null {
  const m = /<script type="application\/json" id="tabour-start-data">(.*?)<\/script>/s.exec(html)
  return m ? JSON.parse(m[1]) : null
}

/** The data a page served with a device's cookie carries, checked: a page no shared cache keeps, and no markup can start inside the element. */
function privateStartData(res: { statusCode: number; headers: Record<string, unknown>; body: string }): Record<string, unknown> {
  expect(res.statusCode).toBe(200)
  expect(res.headers['cache-control']).toBe('private, no-cache')
  const element = /<script type="application\/json"[^>]*>(.*?)<\/script>/s.exec(res.body)![1]
  expect(element, 'no markup can start inside the element').not.toMatch(/[<>&]/)
  return startData(res.body)!
}

describe('kiosk page with its start data', () => {
  let center: TestCenter
  let uiDir: string
  let kiosk: { token: string }
  let display: { id: number; token: string }
  const get = (url: string, token?: string) =>
    center.app.inject({ method: 'GET', url, headers: token ? { cookie: `other=1; tabour-device=${encodeURIComponent(token)}` } : {} })

  beforeAll(async () => {
    uiDir = mkdtempSync(join(tmpdir(), 'tabour-ui-'))
    mkdirSync(join(uiDir, 'assets'))
    for (const page of ['kiosk-ui', 'display-ui', 'counter-ui']) {
      mkdirSync(join(uiDir, page))
      writeFileSync(join(uiDir, page, 'index.html'), PAGE)
    }
    // a still clock: the services' `hours.at` is the same in the page and in the API's answer
    center = await TestCenter.start({ config: { uiDir }, clock: new TestClock() })
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة </script><!-- الرقم', nameEn: 'ID </SCRIPT> & <b>' })
    kiosk = await center.createDevice('kiosk')
    display = await center.createDevice('display')
    // a call on the board, at a counter whose name could end the element
    const counter = await center.createCounter({ number: 3, name: 'شباك </script><script>alert(1)</script>', serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    await center.issue(kiosk.token, { serviceId: service.id })
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
  })
  afterAll(async () => {
    await center.close()
    rmSync(uiDir, { recursive: true, force: true })
  })

  it('serves the page as built to a browser without the cookie: an unpaired kiosk sees pairing', async () => {
    const res = await get('/kiosk/')
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe(PAGE)
    expect(res.headers['cache-control']).toBe('no-cache')
    expect(res.headers.vary).toContain('cookie')
  })

  it('inlines what the kiosk would ask with its token, escaped, in a page no shared cache keeps', async () => {
    const res = await get('/kiosk/', kiosk.token)
    const own = async (url: string) => (await center.request('GET', `/api/v1${url}`, { token: kiosk.token })).json()
    expect(privateStartData(res)).toEqual({
      device: await own('/devices/me'),
      center: await own('/center'),
      services: await own('/services'),
      groups: await own('/service-groups'),
    })
    expect((startData(res.body)!.services as { nameAr: string }[])[0].nameAr).toBe('بطاقة </script><!-- الرقم')
    // before the module scripts, still inside <head>
    expect(res.body.indexOf('tabour-start-data')).toBeLessThan(res.body.indexOf('</head>'))
  })

  it('inlines nothing for a token that does not work, and says it was refused; nothing on a page that takes no start data', async () => {
    const bad = await get('/kiosk/', 'tbd_not-a-token')
    expect(bad.statusCode).toBe(200)
    expect(startData(bad.body)).toBeNull()
    // the page shows pairing from the start (ui-common/start-data.ts startToken), not after a request refused again
    expect(bad.body).toBe(PAGE.replace('</head>', `${REFUSED}</head>`))
    expect(bad.headers['cache-control']).toBe('private, no-cache')
    expect(startData((await get('/counter/', display.token)).body), 'the console takes none').toBeNull()
    // a token that works but has no board is not refused: the page asks for itself, as it always did
    expect((await get('/display/', kiosk.token)).body, "a kiosk's token has no board").toBe(PAGE)
    expect(startData((await get('/kiosk/?pair=ABC', 'x%ZZ')).body), 'a cookie that does not decode').toBeNull()
  })
})

describe('display page with its start data', () => {
  let center: TestCenter
  let uiDir: string
  let display: { id: number; token: string }
  const get = (url: string, token?: string) =>
    center.app.inject({ method: 'GET', url, headers: token ? { cookie: `tabour-device=${encodeURIComponent(token)}` } : {} })

  beforeAll(async () => {
    uiDir = mkdtempSync(join(tmpdir(), 'tabour-ui-'))
    mkdirSync(join(uiDir, 'assets'))
    mkdirSync(join(uiDir, 'display-ui'))
    writeFileSync(join(uiDir, 'display-ui', 'index.html'), PAGE)
    center = await TestCenter.start({ config: { uiDir }, clock: new TestClock() })
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة', nameEn: 'ID card' })
    const kiosk = await center.createDevice('kiosk')
    display = await center.createDevice('display')
    const counter = await center.createCounter({ number: 3, name: 'شباك </script><!-- & <b>', serviceIds: [service.id] })
    const clerk = await center.openCounterAs('clerk1', counter.id)
    await center.issue(kiosk.token, { serviceId: service.id })
    expect((await center.action(clerk, counter.id, 'call-next')).statusCode).toBe(200)
    const news = { ar: 'تنبيه </script>', en: 'Notice <!-- & -->' }
    expect((await center.request('PUT', '/api/v1/center/news', { token: await center.admin(), body: news })).statusCode).toBe(200)
  })
  afterAll(async () => {
    await center.close()
    rmSync(uiDir, { recursive: true, force: true })
  })

  it("inlines the display's device, center, media and its board with the feed's seq, escaped, in a private page", async () => {
    const data = privateStartData(await get('/display/', display.token))
    const own = async (url: string) => (await center.request('GET', `/api/v1${url}`, { token: display.token })).json()
    // nothing was pushed in between: the board asked now is the same, seq and all
    expect(data).toEqual({
      device: await own('/devices/me'),
      center: await own('/center'),
      media: await own('/media'),
      board: await own('/devices/me/snapshot'),
    })
    const board = data.board as {
      seq: number
      recentCalls: { ticket: { label: string }; counter: { name: string } }[]
      news: { ar: string }
    }
    expect(board.recentCalls.map((c) => [c.ticket.label, c.counter.name])).toEqual([['A-001', 'شباك </script><!-- & <b>']])
    expect(board.news.ar).toBe('تنبيه </script>')
    expect(board.seq).toEqual(expect.any(Number))
  })

  it('inlines nothing once the display is revoked: its page says its token was refused, and it shows pairing from the start', async () => {
    const admin = await center.admin()
    expect((await center.request('POST', `/api/v1/devices/${display.id}/revoke`, { token: admin })).statusCode).toBe(200)
    const res = await get('/display/', display.token)
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe(PAGE.replace('</head>', `${REFUSED}</head>`))
    expect(res.headers['cache-control']).toBe('private, no-cache')
  })
})
