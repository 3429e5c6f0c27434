import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page, Response } from 'playwright-core'
import { ADMIN_PASSWORD, STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { LANDSCAPE, PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 16 item 4: every screen (kiosk, display, console, dashboard, status page) is served with
 * a Content-Security-Policy that allows no inline script or style and no framing, plus nosniff,
 * Referrer-Policy and Permissions-Policy, and runs under it in real Chromium with no
 * `securitypolicyviolation` event and no console error while it pairs, logs in and shows its data.
 */
const suite = useBrowserSuite(join(ROOT, 'test-results', 'security-headers'))
const { contexts, cleanups } = suite

/** A page that records CSP violations (from before any script of the page runs) and console errors. */
async function watchedPage(viewport: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const page = await contexts.page(viewport)
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`)
  })
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`csp: ${text}`))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ;(window as unknown as { reportViolation: (t: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      )
    })
  })
  return { page, problems }
}

function expectSecurityHeaders(res: Response | null): void {
  expect(res, 'the page answered').not.toBeNull()
  const h = res!.headers()
  expect(h['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(h['content-security-policy']).toContain("script-src 'self'")
  expect(h['content-security-policy']).not.toContain('unsafe-inline')
  expect(h['x-frame-options']).toBe('DENY')
  expect(h['x-content-type-options']).toBe('nosniff')
  expect(h['referrer-policy']).toBeTruthy()
  expect(h['permissions-policy']).toContain('camera=()')
}

/** Lets the page settle (fonts, late renders) so a late violation is still seen. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.waitForTimeout(500)
}

describe('security headers and CSP on every screen, in Chromium', () => {
  it('kiosk, display, console, dashboard and status page run with no CSP violation and no console error', async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    const service = await center.createService({ prefix: 'A', nameAr: 'الجوازات', nameEn: 'Passports' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.createUser('clerk1')
    const admin = await center.admin()
    const newDevice = async (kind: 'kiosk' | 'display') =>
      (await center.request('POST', '/api/v1/devices', { token: admin, body: { kind, name: kind } })).json().pairingCode as string
    const problems: Record<string, string[]> = {}

    // kiosk: pairs, lists the services, issues a ticket (its QR code is drawn)
    const kiosk = await watchedPage(PORTRAIT)
    expectSecurityHeaders(await kiosk.page.goto(`${url}/kiosk/?pair=${await newDevice('kiosk')}`))
    await kiosk.page.locator(`tabour-service-grid button[data-service-id="${service.id}"]`).click()
    await kiosk.page.locator('tabour-ticket-confirmation [data-ticket-label]').waitFor()
    await settle(kiosk.page)
    problems.kiosk = kiosk.problems

    // display: pairs and shows the board
    const display = await watchedPage(LANDSCAPE)
    expectSecurityHeaders(await display.page.goto(`${url}/display/?pair=${await newDevice('display')}`))
    await display.page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
    await settle(display.page)
    problems.display = display.problems

    // console: logs in, opens the counter, calls the ticket
    const consolePage = await watchedPage(LANDSCAPE)
    expectSecurityHeaders(await consolePage.page.goto(`${url}/counter/`))
    await consolePage.page.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
    await consolePage.page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await consolePage.page.locator('main[data-phase="login"] [data-action="login"]').click()
    await consolePage.page.locator(`tabour-counter-chooser [data-counter-id="${counter.id}"] [data-action="open"]`).click()
    await consolePage.page.locator('main[data-phase="console"]').waitFor()
    await settle(consolePage.page)
    problems.console = consolePage.problems

    // dashboard: logs in, live view, every configuration section (the audit card too)
    const dashboard = await watchedPage(LANDSCAPE)
    expectSecurityHeaders(await dashboard.page.goto(`${url}/dashboard/`))
    await dashboard.page.locator('form[data-form="login"] input[name="username"]').fill('admin')
    await dashboard.page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
    await dashboard.page.locator('form[data-form="login"] button[data-action="login"]').click()
    await dashboard.page.locator('main[data-phase="ready"]').waitFor()
    await dashboard.page.locator('a[data-tab="reports"]').click()
    await settle(dashboard.page)
    await dashboard.page.locator('a[data-tab="config"]').click()
    for (const section of ['services', 'counters', 'users', 'devices', 'center']) {
      await dashboard.page.locator(`tabour-config-view button[data-section="${section}"]`).click()
      await settle(dashboard.page)
    }
    problems.dashboard = dashboard.problems

    // the status page of a ticket, on a phone
    const ticketId = (await center.issue((await center.createDevice('kiosk')).token, { serviceId: service.id })).id
    const status = await watchedPage(PHONE)
    expectSecurityHeaders(await status.page.goto(`${url}/t/${ticketId}`))
    await status.page.locator('tabour-ticket-status [data-status="waiting"]').waitFor()
    await settle(status.page)
    problems.status = status.problems

    expect(problems).toEqual({ kiosk: [], display: [], console: [], dashboard: [], status: [] })
  }, 240_000)
})
