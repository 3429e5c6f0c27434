import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Contexts, LANDSCAPE, sharedBrowser, takePageErrors } from '../e2e/browser.ts'
import { ensureUiBuilt, ROOT } from '../e2e/ui-build.ts'
import { localDay } from '../../protocol/center-clock.ts'
import { toArabicIndic } from '../../ui-common/digits.ts'
import type { HourFigures } from '../../protocol/upstream.ts'
import { addNationalService, batchPath, postSigned, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { readCsv } from '../helpers/read-csv.ts'

/**
 * The national dashboard in headless Chromium against a real hub on loopback: the figures the
 * centers sent, by governorate, center and service; a silent center flagged offline; the CSV
 * download carries the same numbers; Arabic first, English on request. With HUB_READ_TOKEN set,
 * the page asks for the token on a sign-in form, keeps it for the tab and sends it as a bearer
 * header on every request, the CSV download included.
 * Screenshots go to test-results/hub/; UPDATE_SCREENSHOTS=1 also refreshes docs/screenshots/hub-ar.png.
 */

const SHOTS = join(ROOT, 'test-results', 'hub')
const SERVICES = [
  ['A', 'بطاقة الرقم القومي', 'National ID card'],
  ['B', 'شهادات الميلاد والوفاة', 'Birth and death certificates'],
  ['C', 'بطاقات التموين', 'Ration cards'],
] as const

const CENTERS = [
  {
    id: 'EG-CAI-001',
    nameAr: 'مركز مدينة نصر التكنولوجي',
    nameEn: 'Nasr City technology center',
    governorate: 'القاهرة',
    kind: 'fixed',
    scale: 9,
  },
  { id: 'EG-CAI-014', nameAr: 'المركز المتنقل ١٤', nameEn: 'Mobile center 14', governorate: 'القاهرة', kind: 'mobile', scale: 3 },
  { id: 'EG-GIZ-003', nameAr: 'مركز ٦ أكتوبر', nameEn: '6th of October center', governorate: 'الجيزة', kind: 'new_city', scale: 6 },
  { id: 'EG-ALX-002', nameAr: 'مركز سيدي جابر', nameEn: 'Sidi Gaber center', governorate: 'الإسكندرية', kind: 'fixed', scale: 5 },
] as const
const SILENT = 'EG-ALX-002'
/** The code column of the hub's CSV in Arabic (the page's language). */
const CODE = 'الرمز'

// every center maps its prefix to the national code of the same name (the catalogue holds A, B and C)
const figures = (code: string, nameAr: string, nameEn: string, n: number): HourFigures => ({
  serviceCode: code,
  nationalCode: code,
  serviceNameAr: nameAr,
  serviceNameEn: nameEn,
  issued: n,
  called: n - 1,
  served: n - 2,
  noShow: 1,
  cancelled: 1,
  transferredIn: 0,
  transferredOut: 0,
  waitSumSeconds: (n - 1) * (240 + 60 * n),
  waitCount: n - 1,
  waitMaxSeconds: 1800,
  waitWithinTarget: Math.floor((n - 1) * 0.8),
  serviceSumSeconds: (n - 2) * 300,
  serviceCount: n - 2,
  counterOpenMinutes: 120,
})

let browser: Browser
let hub: TestHub
let uiDir: string
const contexts = new Contexts(() => browser)

beforeAll(async () => {
  // the built UIs every browser test serves (dist/ui, built once) and this worker's Chromium
  uiDir = await ensureUiBuilt()
  browser = await sharedBrowser()
  mkdirSync(SHOTS, { recursive: true })
  hub = await startTestHub({ config: { uiDir, offlineAfterMinutes: 30 } })
  for (const [code, nameAr, nameEn] of SERVICES) await addNationalService(hub, code, { nameAr, nameEn })
  const today = localDay(Date.now(), 'Africa/Cairo')
  let seq = 0
  for (const c of CENTERS) {
    const secret = await registerCenter(hub, c.id, { nameAr: c.nameAr, nameEn: c.nameEn, governorate: c.governorate, kind: c.kind })
    for (const hour of [9, 10, 11]) {
      const rows = SERVICES.map(([code, ar, en], i) => figures(code, ar, en, c.scale * (3 - i) + hour - 6))
      const res = await postSigned(hub.url, batchPath, c.id, secret, {
        centerId: c.id,
        seq: ++seq,
        day: today,
        hour,
        timeZone: 'Africa/Cairo',
        revision: 1,
        final: true,
        generatedAt: Date.now(),
        rows,
      })
      expect(res.status).toBe(200)
    }
  }
  // the silent center's last report is three hours old
  await sql`UPDATE hub_center_status SET last_report_at = ${Date.now() - 3 * 3_600_000}, last_heartbeat_at = NULL WHERE center_id = ${SILENT}`.execute(
    hub.store.db,
  )
}, 180_000)

afterAll(async () => {
  // the shared Chromium stays for the worker's next file
  await contexts.closeAll()
  await hub?.close()
})

describe('national dashboard', () => {
  it('shows the national figures in Arabic, flags the silent center, sorts, and its CSV has the same numbers', async () => {
    const api = await (await fetch(`${hub.url}/api/hub/v1/summary`)).json()
    expect(api.totals.issued).toBeGreaterThan(0)
    const page = await contexts.page(LANDSCAPE)
    await page.goto(`${hub.url}/`)
    await page.waitForURL(/\/hub\/ui\/$/)
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')

    const grouped = (n: number) => toArabicIndic(new Intl.NumberFormat('en-US').format(n)).replace(/,/g, '٬')
    await expect.poll(() => page.locator('[data-kpi="issued"] .v').textContent()).toBe(grouped(api.totals.issued))
    expect(await page.locator('[data-kpi="served"] .v').textContent()).toBe(grouped(api.totals.served))
    expect(await page.locator('[data-kpi="offline"] .v').textContent()).toBe(`${toArabicIndic('1')} / ${toArabicIndic('4')}`)

    // every center with its figures; the silent one flagged (and first: offline sorts to the top)
    const rows = page.locator('[data-table="center"] tbody tr')
    expect(await rows.count()).toBe(4)
    expect(await rows.first().getAttribute('data-center-id')).toBe(SILENT)
    expect(await page.locator(`tr[data-center-id="${SILENT}"]`).getAttribute('data-offline')).toBe('true')
    expect(await page.locator(`tr[data-center-id="${SILENT}"] .badge`).textContent()).toBe('غير متصل')
    for (const c of api.byCenter) {
      expect(await page.locator(`tr[data-center-id="${c.key}"] [data-col="issued"]`).textContent()).toBe(grouped(c.issued))
      if (c.key !== SILENT) expect(await page.locator(`tr[data-center-id="${c.key}"]`).getAttribute('data-offline')).toBe('false')
    }
    expect(await page.locator('[data-table="governorate"] tbody tr').count()).toBe(3)
    expect(await page.locator('[data-table="service"] tbody tr').count()).toBe(3)
    expect(await page.locator('[data-table="governorate"] svg [data-bar]').count()).toBe(3)

    // sort by issued, largest first
    await page.locator('[data-table="center"] th button[data-sort="issued"]').click()
    const top = [...api.byCenter].sort((a: any, b: any) => b.issued - a.issued)[0].key
    expect(await rows.first().getAttribute('data-center-id')).toBe(top)

    await page.screenshot({ path: join(SHOTS, 'hub-ar.png'), fullPage: true })
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(join(SHOTS, 'hub-ar.png'), join(ROOT, 'docs', 'screenshots', 'hub-ar.png'))

    // the CSV download: the same numbers as the page and the API
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-csv="center"]').click()])
    const file = join(SHOTS, 'centers.csv')
    await download.saveAs(file)
    // the page is in Arabic: so are the CSV's headers (read back with a real CSV parser)
    const rowsCsv = readCsv(readFileSync(file, 'utf8')).rows
    expect(rowsCsv).toHaveLength(4)
    for (const c of api.byCenter) {
      const r = rowsCsv.find((x) => x[CODE] === c.key)!
      const sla = r['ضمن زمن الانتظار المستهدف (%)']!
      expect({
        issued: Number(r['التذاكر الصادرة']),
        served: Number(r['مرات الإنهاء عند الشبابيك (كل النتائج؛ الزيارة ذات الخطوتين تُحسب مرتين)']),
        sla: sla === '' ? null : Number(sla),
      }).toEqual({
        issued: c.issued,
        served: c.served,
        sla: c.slaPercent,
      })
    }
    expect(rowsCsv.reduce((s, r) => s + Number(r['التذاكر الصادرة']), 0)).toBe(api.totals.issued)

    // English, Western digits
    await page.locator('tabour-lang-switch button').click()
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr')
    await expect.poll(() => page.locator('header h1').textContent()).toBe('National dashboard of citizen-service centers')
    expect(await page.locator('[data-kpi="issued"] .v').textContent()).toBe(new Intl.NumberFormat('en-US').format(api.totals.issued))
    expect(await page.locator(`tr[data-center-id="${SILENT}"] .badge`).textContent()).toBe('Offline')
    expect(takePageErrors()).toEqual([])
  })

  it('with HUB_READ_TOKEN: asks for the token (Arabic, RTL), refuses a wrong one, then shows the figures; the CSV downloads with the token as a header, never in a URL', async () => {
    const token = 'national-read-token-for-the-page'
    const guarded = await startTestHub({ config: { uiDir, readToken: token } })
    try {
      for (const [code, nameAr, nameEn] of SERVICES) await addNationalService(guarded, code, { nameAr, nameEn })
      const c = CENTERS[0]
      const secret = await registerCenter(guarded, c.id, { nameAr: c.nameAr, nameEn: c.nameEn, governorate: c.governorate, kind: c.kind })
      const today = localDay(Date.now(), 'Africa/Cairo')
      const rows = SERVICES.map(([code, ar, en], i) => figures(code, ar, en, 10 + i))
      expect(
        (
          await postSigned(guarded.url, batchPath, c.id, secret, {
            centerId: c.id,
            seq: 1,
            day: today,
            hour: 9,
            timeZone: 'Africa/Cairo',
            revision: 1,
            final: true,
            generatedAt: Date.now(),
            rows,
          })
        ).status,
      ).toBe(200)
      const api = await (await fetch(`${guarded.url}/api/hub/v1/summary`, { headers: { authorization: `Bearer ${token}` } })).json()

      const page = await contexts.page(LANDSCAPE)
      const apiCalls: { url: string; auth: string | undefined }[] = []
      page.on('request', (r) => {
        if (r.url().includes('/api/')) apiCalls.push({ url: r.url(), auth: r.headers().authorization })
      })
      await page.goto(`${guarded.url}/hub/ui/`)
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
      const form = page.locator('form[data-sign-in]')
      await form.waitFor()
      expect(await form.locator('h2').textContent()).toBe('الدخول إلى لوحة المتابعة القومية')
      expect(await page.locator('[data-kpi="issued"]').count()).toBe(0)

      // a wrong token: said so, still no figures
      await form.locator('input[name="token"]').fill('not-the-token-not-the-token')
      await form.locator('button[type="submit"]').click()
      await page.locator('[data-token-wrong]').waitFor()
      expect(await page.locator('[data-token-wrong]').textContent()).toBe('الرمز غير صحيح أو انتهت صلاحيته.')
      expect(await page.locator('[data-kpi="issued"]').count()).toBe(0)
      await page.screenshot({ path: join(SHOTS, 'hub-sign-in.png') })

      // the right one: the figures
      await form.locator('input[name="token"]').fill(token)
      await form.locator('button[type="submit"]').click()
      const grouped = (n: number) => toArabicIndic(new Intl.NumberFormat('en-US').format(n)).replace(/,/g, '٬')
      await expect.poll(() => page.locator('[data-kpi="issued"] .v').textContent()).toBe(grouped(api.totals.issued))
      expect(await page.locator('form[data-sign-in]').count()).toBe(0)
      expect(await page.evaluate(() => sessionStorage.getItem('tabour:hub-read-token'))).toBe(token)

      // a reload in the same tab does not ask again
      await page.reload()
      await expect.poll(() => page.locator('[data-kpi="issued"] .v').textContent()).toBe(grouped(api.totals.issued))
      expect(await page.locator('form[data-sign-in]').count()).toBe(0)
      await page.screenshot({ path: join(SHOTS, 'hub-signed-in.png'), fullPage: true })

      // the CSV through fetch + a Blob URL: the same numbers
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-csv="service"]').click()])
      expect(download.suggestedFilename()).toBe(`tabour-service-${today}_${today}-Africa_Cairo.csv`)
      const file = join(SHOTS, 'services-with-token.csv')
      await download.saveAs(file)
      const byKey = Object.fromEntries(readCsv(readFileSync(file, 'utf8')).rows.map((r) => [r[CODE], Number(r['التذاكر الصادرة'])]))
      expect(byKey).toEqual(Object.fromEntries(api.byService.map((r: { key: string; issued: number }) => [r.key, r.issued])))

      // every call after sign-in carried the token as a header; no URL ever did
      expect(apiCalls.some((r) => r.url.includes('/figures.csv'))).toBe(true)
      for (const r of apiCalls) expect(r.url).not.toContain(token)
      const signedIn = apiCalls.slice(apiCalls.findIndex((r) => r.auth === `Bearer ${token}`))
      expect(signedIn.length).toBeGreaterThanOrEqual(3)
      for (const r of signedIn) expect(r.auth, r.url).toBe(`Bearer ${token}`)

      // sign out: the token is gone and the form is back
      await page.locator('button[data-sign-out]').click()
      await page.locator('form[data-sign-in]').waitFor()
      expect(await page.evaluate(() => sessionStorage.getItem('tabour:hub-read-token'))).toBeNull()
      expect(await page.locator('[data-token-wrong]').count()).toBe(0)

      // English: the form too
      await page.locator('tabour-lang-switch button').click()
      expect(await page.locator('html').getAttribute('dir')).toBe('ltr')
      await expect.poll(() => page.locator('form[data-sign-in] h2').textContent()).toBe('Sign in to the national dashboard')
      expect(takePageErrors()).toEqual([])
    } finally {
      await guarded.close()
    }
  })
})
