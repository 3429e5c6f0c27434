import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestCenter } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { tabourPlugin } from '../../server/app.ts'
import { validateConfig } from '../../server/config.ts'
import { LANDSCAPE, PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { kioskAheadReaches } from './kiosk-ahead.ts'
import { ROOT } from './ui-build.ts'
import { readQr } from './qr.ts'
import { seriousAxeViolations } from './axe.ts'
import { overflowing } from './layout.ts'
import { ticketText } from '../../drivers/printer/index.ts'
import { SAMPLE } from '../drivers/printer/fixtures.ts'

/**
 * The citizen's kiosk and the public ticket page in real headless Chromium, against a real
 * center server listening on loopback: pairing, services, issuing (one ticket per tap, even
 * double-tapped or retried), languages, the optional questions, idle return, the out-of-service
 * screen across a server restart, revocation, and the status page following a call.
 * Screenshots go to test-results/kiosk/; with UPDATE_SCREENSHOTS=1 two of them also refresh
 * docs/screenshots/ (the README's), so an ordinary test run never dirties the tree.
 */

const SHOTS = join(ROOT, 'test-results', 'kiosk')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')

const SERVICES = [
  { prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' },
  { prefix: 'B', nameAr: 'شهادات الميلاد والوفاة', nameEn: 'Birth and death certificates' },
  { prefix: 'C', nameAr: 'بطاقات التموين', nameEn: 'Ration cards', dailyCap: 1 },
  { prefix: 'D', nameAr: 'رخص القيادة والمرور', nameEn: 'Driving and traffic licences' },
  { prefix: 'E', nameAr: 'الشهر العقاري والتوثيق', nameEn: 'Real estate registration' },
  // 40 letters and no space to break at: it must wrap inside its tile (issue 15 item 3)
  { prefix: 'F', nameAr: 'تصديقاتالخارجيةوالقنصلياتوالسفاراتالعامة', nameEn: 'ConsularAndForeignMinistryAuthentication' },
] as const

interface Running {
  center: TestCenter
  url: string
  port: number
}

const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

/** A center on `dataDir`, listening on loopback (on `port` when given: a restart at the same address). */
async function startCenter(dataDir: string, port = 0): Promise<Running> {
  return listeningCenter({ config: { dataDir, uiDir: suite.uiDir }, port })
}

async function createKiosk(center: TestCenter, config: Record<string, unknown> = {}): Promise<{ id: number; pairingCode: string }> {
  const res = await center.request('POST', '/api/v1/devices', {
    token: await center.admin(),
    body: { kind: 'kiosk', name: 'kiosk', config },
  })
  if (res.statusCode !== 201) throw new Error(`creating a kiosk failed: ${res.body}`)
  return res.json()
}

const serviceButton = (page: Page, serviceId: number) => page.locator(`tabour-service-grid button[data-service-id="${serviceId}"]`)
const ticketLabel = (page: Page) => page.locator('tabour-ticket-confirmation [data-ticket-label]')
const heading = (page: Page) => page.locator('main h1')

/** Opens the kiosk with a pairing code in the URL and waits for the services. */
async function openPairedKiosk(run: Running, viewport: { width: number; height: number }, config: Record<string, unknown> = {}) {
  const device = await createKiosk(run.center, config)
  const page = await contexts.page(viewport)
  await page.goto(`${run.url}/kiosk/?pair=${device.pairingCode}`)
  await page.locator('tabour-service-grid button[data-service-id]').first().waitFor()
  return { page, deviceId: device.id }
}

/** Taps a service and waits for the ticket on screen; returns its label and id. */
async function takeTicket(page: Page, serviceId: number): Promise<{ label: string; id: string }> {
  await serviceButton(page, serviceId).click()
  await ticketLabel(page).waitFor()
  return ticketOnScreen(page)
}

async function ticketOnScreen(page: Page): Promise<{ label: string; id: string }> {
  const label = (await ticketLabel(page).getAttribute('data-ticket-label'))!
  const id = (await page.locator('tabour-ticket-confirmation [data-ticket-id]').getAttribute('data-ticket-id'))!
  return { label, id }
}

/**
 * The ticket's two figures as the screen inside `scope` shows them (people ahead; the wait's
 * label and value), and the lines the paper prints for the same figures: one sentence each.
 */
async function screenAndPaper(page: Page, scope: string, lang: 'ar' | 'en', digits: 'western' | 'arabic-indic') {
  const text = async (selector: string) => ((await page.locator(`${scope} ${selector}`).textContent()) ?? '').trim()
  const peopleAhead = Number(await page.locator(`${scope} [data-position]`).getAttribute('data-position'))
  // 'unknown' while no counter serves the service (issue 14): the paper says so too
  const wait = await page.locator(`${scope} [data-wait]`).getAttribute('data-wait')
  const estimatedWaitSeconds = wait === 'unknown' ? null : Number(wait)
  const paper = ticketText({ ...SAMPLE, peopleAhead, estimatedWaitSeconds, digits })
  return {
    screen: { ahead: await text('[data-position]'), wait: `${await text('div:has(> [data-wait]) dt')}: ${await text('[data-wait]')}` },
    paper: lang === 'ar' ? { ahead: paper.aheadAr, wait: paper.waitAr } : { ahead: paper.aheadEn, wait: paper.waitEn },
  }
}

/**
 * The kiosk, its pairing screen and the status page are public: no axe violation of impact
 * moderate or worse, and no tile or name spilling out of its place.
 */
async function expectAccessible(page: Page, what: string): Promise<void> {
  expect(await seriousAxeViolations(page, 'moderate'), what).toEqual([])
}

async function expectTilesInPlace(page: Page, what: string): Promise<void> {
  expect(await overflowing(page, 'tabour-service-grid .service'), what).toEqual([])
}

async function pageDir(page: Page): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }))
}

async function screenshot(page: Page, name: string, docsName?: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  if (docsName && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(DOCS_SHOTS, { recursive: true })
    copyFileSync(path, join(DOCS_SHOTS, docsName))
  }
}

/** Number of tickets the center holds for a service (straight from its database). */
function ticketCount(center: TestCenter, serviceId: number): number {
  return (center.app.tabour.db.prepare('SELECT COUNT(*) AS n FROM tickets WHERE service_id = ?').get(serviceId) as { n: number }).n
}

describe('the kiosk in Chromium', () => {
  let run: Running
  let dataDir: string
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-'))
    run = await startCenter(dataDir)
    for (const s of SERVICES) ids[s.prefix] = (await run.center.createService({ ...s, targetWaitSeconds: 900 })).id
    await run.center.createCounter({ number: 1, serviceIds: [ids.D] })
    await run.center.createCounter({ number: 2, serviceIds: [ids.A, ids.B, ids.E] })
    // ration cards reach their daily cap of one: shown greyed out, not hidden
    const reception = await run.center.createDevice('kiosk')
    await run.center.issue(reception.token, { serviceId: ids.C })
  })

  afterAll(async () => {
    await run?.center.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('pairs from ?pair=, lists the services with live figures, and issues a ticket with its QR code', async () => {
    const { page } = await openPairedKiosk(run, PORTRAIT)
    // the token is kept and the spent code leaves the address bar (a reload must not try it again)
    expect(page.url()).not.toContain('pair=')
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tabour:kiosk-token')).length)).toBe(1)
    expect(await pageDir(page)).toEqual({ dir: 'rtl', lang: 'ar' })
    expect(await heading(page).textContent()).toBe('اختر الخدمة')
    await page.getByText('بطاقة الرقم القومي').first().waitFor()
    await page.getByText('National ID card').first().waitFor()

    // every service is shown; the capped one is greyed out and cannot be tapped
    expect(await page.locator('tabour-service-grid button[data-service-id]').count()).toBe(SERVICES.length)
    expect(await serviceButton(page, ids.C).isDisabled()).toBe(true)
    expect(await serviceButton(page, ids.C).getAttribute('data-available')).toBe('false')
    expect(await serviceButton(page, ids.A).isEnabled()).toBe(true)

    // the fonts come from the bundle, not from the machine
    const bundledFaces = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === 'Cairo' && f.status === 'loaded').length
    })
    expect(bundledFaces).toBeGreaterThan(0)

    // figures follow the queue live: a ticket issued elsewhere shows up without a reload
    const ahead = serviceButton(page, ids.E).locator('[data-ahead]')
    // nobody ahead is said in words, never «أمامك: ٠» (s42)
    expect([await ahead.getAttribute('data-ahead'), (await ahead.textContent())!.trim()]).toEqual(['0', 'لا أحد أمامك'])
    const other = await run.center.createDevice('kiosk')
    await run.center.issue(other.token, { serviceId: ids.E })
    await kioskAheadReaches(page, ids.E, 1)
    await screenshot(page, 'kiosk-ar-portrait-home', 'kiosk-ar.png')
    await expectTilesInPlace(page, 'home, ar, portrait')
    await expectAccessible(page, 'home, ar')

    const ticket = await takeTicket(page, ids.A)
    expect(ticket.label).toBe('A-001')
    expect(await ticketLabel(page).textContent()).toBe('A-001')
    await page.getByText('بطاقة الرقم القومي').first().waitFor()
    const first = await screenAndPaper(page, 'tabour-ticket-confirmation', 'ar', 'western')
    expect(first.screen).toEqual(first.paper)
    // no printer at this kiosk: the citizen is asked to photograph the screen, in both languages,
    // and is not told that a print failed or that staff can reprint it (nothing was printed, and
    // the center may have no printer at all)
    const none = page.locator('[data-printing="none"]')
    await none.getByText('يرجى تصوير هذه الشاشة بهاتفك').waitFor()
    await none.getByText('Please photograph this screen').waitFor()
    await none.getByText('This kiosk does not print tickets').waitFor()
    expect(await none.textContent()).not.toMatch(/could not be printed|reprint|تعذّرت|إعادة طباعة/)

    // the QR code opens the ticket's public page
    const qr = readQr(await page.locator('tabour-ticket-confirmation tabour-qr-code').screenshot())
    expect(qr).toBe(`${run.url}/t/${ticket.id}`)
    const status = await run.center.request('GET', `/api/v1/tickets/${ticket.id}`)
    expect(status.json()).toMatchObject({ label: 'A-001', status: 'waiting', serviceId: ids.A })
    await screenshot(page, 'kiosk-ar-portrait-ticket')
    await expectAccessible(page, 'ticket, ar')

    await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    await serviceButton(page, ids.A).waitFor()
  })

  it('switches to English and back: direction, language and text flip', async () => {
    const { page } = await openPairedKiosk(run, LANDSCAPE)
    await screenshot(page, 'kiosk-ar-landscape-home')
    await page.locator('tabour-lang-switch button').click()
    await heading(page).filter({ hasText: 'Choose a service' }).waitFor()
    expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'en' })
    expect(await page.locator('tabour-lang-switch button').textContent()).toContain('العربية')
    expect(await serviceButton(page, ids.C).textContent()).toContain("Today's tickets for this service are all taken")
    await screenshot(page, 'kiosk-en-landscape-home')
    await expectTilesInPlace(page, 'home, en, landscape')
    await expectAccessible(page, 'home, en')

    const ticket = await takeTicket(page, ids.B)
    expect(ticket.label).toMatch(/^B-\d{3}$/)
    await page.getByText('Your ticket number').waitFor()
    const english = await screenAndPaper(page, 'tabour-ticket-confirmation', 'en', 'western')
    expect(english.screen).toEqual(english.paper)
    await screenshot(page, 'kiosk-en-landscape-ticket', 'kiosk-en.png')
    await expectAccessible(page, 'ticket, en')
    await page.setViewportSize(PORTRAIT)
    await screenshot(page, 'kiosk-en-portrait-ticket')
    await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    await screenshot(page, 'kiosk-en-portrait-home', 'kiosk-en-portrait.png')
    await expectTilesInPlace(page, 'home, en, portrait')

    await page.locator('tabour-lang-switch button').click()
    await heading(page).filter({ hasText: 'اختر الخدمة' }).waitFor()
    expect(await pageDir(page)).toEqual({ dir: 'rtl', lang: 'ar' })
  })

  it('makes one ticket for a double tap', async () => {
    const { page } = await openPairedKiosk(run, PORTRAIT)
    const posts: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/tickets')) posts.push(r.headers()['idempotency-key'] ?? '')
    })

    // a real double tap through the pointer
    const before = ticketCount(run.center, ids.B)
    await serviceButton(page, ids.B).dblclick()
    await ticketLabel(page).waitFor()
    expect(ticketCount(run.center, ids.B)).toBe(before + 1)
    await page.locator('tabour-ticket-confirmation [data-action="done"]').click()

    // two clicks in the same task, before the page can even re-render
    await serviceButton(page, ids.B).evaluate((button: HTMLElement) => {
      button.click()
      button.click()
    })
    await ticketLabel(page).waitFor()
    expect(ticketCount(run.center, ids.B)).toBe(before + 2)
    expect(posts).toHaveLength(2)
    expect(new Set(posts).size).toBe(2)
    expect(posts.every((k) => /^[0-9a-f-]{36}$/.test(k))).toBe(true)
  })

  it('retries a lost answer with the same Idempotency-Key: still one ticket', async () => {
    const { page } = await openPairedKiosk(run, PORTRAIT)
    const keys: string[] = []
    let first = true
    await page.route('**/api/v1/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '')
      if (!first) return route.continue()
      first = false
      // the server makes the ticket, but its answer never reaches the kiosk
      await route.fetch()
      await route.abort('connectionreset')
    })
    const before = ticketCount(run.center, ids.E)
    const ticket = await takeTicket(page, ids.E)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    expect(ticketCount(run.center, ids.E)).toBe(before + 1)
    const db = run.center.app.tabour.db.prepare('SELECT label FROM tickets WHERE id = ?').get(ticket.id) as { label: string }
    expect(db.label).toBe(ticket.label)
  })

  it('after a failed issue it is out of service until the server answers, and a new tap reuses the key', async () => {
    const { page } = await openPairedKiosk(run, PORTRAIT)
    const keys: string[] = []
    // every attempt reaches the server, no answer reaches the kiosk (a network dropping replies)
    await page.route('**/api/v1/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '')
      await route.fetch()
      await route.abort('connectionreset')
    })
    const before = ticketCount(run.center, ids.B)
    await serviceButton(page, ids.B).click()
    await page.locator('tabour-out-of-service').waitFor()
    // the GETs still get through, so the kiosk finds the server again by itself
    await serviceButton(page, ids.B).waitFor()
    expect(keys.length).toBeGreaterThanOrEqual(2)
    expect(new Set(keys).size).toBe(1)

    await page.unroute('**/api/v1/tickets')
    const ticket = await takeTicket(page, ids.B)
    expect(ticketCount(run.center, ids.B)).toBe(before + 1)
    const row = run.center.app.tabour.db.prepare('SELECT idempotency_key AS key FROM tickets WHERE id = ?').get(ticket.id) as {
      key: string
    }
    expect(row.key).toBe(keys[0])
  })

  it('shows a clear bilingual message for a wrong code, and pairs with the on-screen keys', async () => {
    const page = await contexts.page(PORTRAIT)
    await page.goto(`${run.url}/kiosk/?pair=WRNGCDE2`)
    const error = page.locator('tabour-pairing-screen [data-error="pair.badCode"]')
    await error.waitFor()
    expect(await error.textContent()).toContain('رمز الربط غير صحيح')
    expect(await error.textContent()).toContain('This pairing code is wrong')
    await screenshot(page, 'kiosk-ar-portrait-pairing')
    await expectAccessible(page, 'pairing, ar, wrong code')
    await page.locator('tabour-lang-switch button').click()
    await page.locator('html[lang="en"]').waitFor()
    await expectAccessible(page, 'pairing, en, wrong code')

    const device = await createKiosk(run.center)
    await page.locator('tabour-pairing-screen [data-action="clear"]').click()
    for (const c of device.pairingCode) await page.locator(`tabour-pairing-screen button[data-key="${c}"]`).click()
    expect(await page.locator('tabour-pairing-screen [data-code]').getAttribute('data-code')).toBe(device.pairingCode)
    await page.locator('tabour-pairing-screen [data-action="pair"]').click()
    await serviceButton(page, ids.A).waitFor()
  })

  it('asks for priority and phone when configured, writes Arabic-Indic digits, and goes home when idle', async () => {
    // the center's one digits setting (a kiosk's own `digits` is ignored)
    const admin = await run.center.admin()
    const put = (body: Record<string, unknown>) => run.center.request('PUT', '/api/v1/settings', { token: admin, body })
    expect((await put({ digits: 'arabic-indic' })).statusCode).toBe(200)
    cleanups.push(async () => void (await put({ digits: null })))
    const { page } = await openPairedKiosk(run, PORTRAIT, { askPriority: true, askPhone: true, idleSeconds: 5 })
    await serviceButton(page, ids.D).click()
    await page.locator('tabour-ticket-options [data-step="priority"]').waitFor()
    await page.getByText('كبار السن').waitFor()
    await screenshot(page, 'kiosk-ar-portrait-priority')
    await expectAccessible(page, 'priority question, ar')
    await page.locator('tabour-ticket-options [data-priority="elderly"]').click()

    await page.locator('tabour-ticket-options [data-step="phone"]').waitFor()
    for (const d of '0123') await page.locator(`tabour-numeric-keypad [data-key="${d}"]`).click()
    await page.locator('tabour-ticket-options [data-action="confirm"]').click()
    await page.locator('tabour-ticket-options [role="alert"]').waitFor()
    await expectAccessible(page, 'phone number refused, ar')
    await page.locator('tabour-numeric-keypad [data-key="clear"]').click()
    for (const d of '01012345678') await page.locator(`tabour-numeric-keypad [data-key="${d}"]`).click()
    expect(await page.locator('tabour-ticket-options [data-phone]').textContent()).toBe('٠١٠١٢٣٤٥٦٧٨')
    await screenshot(page, 'kiosk-ar-portrait-phone')
    await page.locator('tabour-ticket-options [data-action="confirm"]').click()

    await ticketLabel(page).waitFor()
    const ticket = await ticketOnScreen(page)
    expect(ticket.label).toMatch(/^D-\d{3}$/)
    // the label keeps Western digits (protocol/messages/digits.ts); the sentences below take Arabic-Indic ones
    expect(await ticketLabel(page).textContent()).toBe(ticket.label)
    const row = run.center.app.tabour.db.prepare('SELECT priority, phone, lang FROM tickets WHERE id = ?').get(ticket.id)
    expect(row).toEqual({ priority: 'elderly', phone: '+201012345678', lang: 'ar' })
    // the screen's sentences are the paper's, Arabic-Indic digits and all
    const indic = await screenAndPaper(page, 'tabour-ticket-confirmation', 'ar', 'arabic-indic')
    expect(indic.screen).toEqual(indic.paper)
    expect(indic.screen.ahead).toMatch(/^(لا أحد أمامك الآن|أمامك .+)$/)

    // idle: back to the services, and back to Arabic, without a touch
    await page.locator('tabour-lang-switch button').click()
    await page.getByText('Your ticket number').waitFor()
    await serviceButton(page, ids.D).waitFor({ timeout: 10_000 })
    expect(await pageDir(page)).toEqual({ dir: 'rtl', lang: 'ar' })
  })

  it("starts in the center's language and writes the center's digits when the admin set them, and idles back to that language", async () => {
    const admin = await run.center.admin()
    const put = (body: Record<string, unknown>) => run.center.request('PUT', '/api/v1/settings', { token: admin, body })
    expect((await put({ language: 'en', digits: 'arabic-indic' })).statusCode).toBe(200)
    try {
      const { page } = await openPairedKiosk(run, PORTRAIT, { idleSeconds: 5 })
      await page.getByText('Choose a service').waitFor()
      expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'en' })
      // Arabic on a tap, with the center's Arabic-Indic digits in its sentences; the label stays Western
      await page.locator('tabour-lang-switch button').click()
      const ticket = await takeTicket(page, ids.A)
      expect(await ticketLabel(page).textContent()).toBe(ticket.label)
      const indic = await screenAndPaper(page, 'tabour-ticket-confirmation', 'ar', 'arabic-indic')
      expect(indic.screen).toEqual(indic.paper)
      // idle: back to the services in the center's start language, English
      await page.getByText('Choose a service').waitFor({ timeout: 10_000 })
      expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'en' })
    } finally {
      await put({ language: null, digits: null })
    }
  })

  it('with a working printer says "take your ticket"; when the printer fails, asks to photograph the screen', async () => {
    // a printer that takes every byte (Star: no status polling to answer)
    const received: Buffer[] = []
    const printer = createServer((socket) => socket.on('data', (chunk) => received.push(chunk)))
    await new Promise<void>((resolve) => printer.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => printer.close(() => resolve())))
    const good = await openPairedKiosk(run, PORTRAIT, {
      printer: { type: 'star', interface: `tcp://127.0.0.1:${(printer.address() as AddressInfo).port}`, widthMm: 80 },
    })
    await takeTicket(good.page, ids.A)
    // "take your printed ticket" once the server reported the job printed (issue 14: never before)
    await good.page.locator('tabour-ticket-confirmation [data-printing="printed"]').getByText('خذ تذكرتك المطبوعة من الطابعة').waitFor()
    await expect.poll(() => Buffer.concat(received).length, { timeout: 10_000 }).toBeGreaterThan(1000)
    expect(await good.page.locator('[data-printing="problem"]').count()).toBe(0)

    // a printer nobody answers for: the kiosk learns it from the server's device:status push
    const gone = createServer()
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve))
    const refusedPort = (gone.address() as AddressInfo).port
    await new Promise<void>((resolve) => gone.close(() => resolve()))
    const bad = await openPairedKiosk(run, PORTRAIT, {
      printer: { type: 'epson', interface: `tcp://127.0.0.1:${refusedPort}`, widthMm: 80 },
    })
    const answer = bad.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/tickets'))
    await takeTicket(bad.page, ids.A)
    // the server probed the printer when the kiosk was configured (issue 14), so nothing is queued for it
    expect((await (await answer).json()).printing).toBe('fault')
    await bad.page
      .locator('tabour-ticket-confirmation [data-printing="problem"]')
      .getByText('Please photograph this screen')
      .waitFor({ timeout: 15_000 })
    await expectAccessible(bad.page, 'ticket, printer failed')
  })

  it('goes back to the pairing screen when its token is revoked', async () => {
    const { page, deviceId } = await openPairedKiosk(run, PORTRAIT)
    const res = await run.center.request('POST', `/api/v1/devices/${deviceId}/revoke`, { token: await run.center.admin() })
    expect(res.statusCode).toBe(200)
    await page.locator('tabour-pairing-screen [data-error="pair.revoked"]').waitFor({ timeout: 15_000 })
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tabour:kiosk-token')).length)).toBe(0)
  })

  it('the status page follows the ticket until a clerk calls it, without a reload; nothing personal on it', async () => {
    const kiosk = await run.center.createDevice('kiosk')
    const issued = await run.center.issue(kiosk.token, { serviceId: ids.D, phone: '01099998888' })
    // counter 1 serves D only; earlier D tickets are called first
    const clerk = await run.center.openCounterAs('clerk-status', (await counterNumbered(run.center, 1)).id)

    const page = await contexts.page(PHONE)
    await page.goto(`${run.url}/t/${issued.id}`)
    await page.locator(`tabour-ticket-status [data-ticket-label="${issued.label}"]`).waitFor()
    await page.locator('tabour-ticket-status [data-status="waiting"]').waitFor()
    expect(await pageDir(page)).toEqual({ dir: 'rtl', lang: 'ar' })
    await page.getByText('رخص القيادة والمرور').first().waitFor()
    const waitingPage = await screenAndPaper(page, 'tabour-ticket-status', 'ar', 'western')
    expect(waitingPage.screen).toEqual(waitingPage.paper)
    await screenshot(page, 'status-ar-phone-waiting')
    await expectAccessible(page, 'status page, ar, waiting')
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42))

    // the clerk calls until ours comes up
    for (;;) {
      const res = await run.center.action(clerk, (await counterNumbered(run.center, 1)).id, 'call-next')
      expect(res.statusCode).toBe(200)
      const called = res.json().ticket
      expect(called).not.toBeNull()
      if (called.id === issued.id) break
      expect((await run.center.action(clerk, called.counterId, 'no-show')).statusCode).toBe(200)
    }
    // a phone coming back to the page refreshes at once (the 10 s poll would too)
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')))
    const turn = page.locator('tabour-ticket-status [data-status="called"] [data-counter="1"]')
    await turn.waitFor()
    expect(await turn.textContent()).toContain('توجّه إلى الشباك 1')
    await screenshot(page, 'status-ar-phone-called')
    await expectAccessible(page, 'status page, ar, called')
    await page.locator('tabour-lang-switch button').click()
    await page.getByText('Please go to counter 1').waitFor()
    expect(await pageDir(page)).toEqual({ dir: 'ltr', lang: 'en' })
    await screenshot(page, 'status-en-phone-called')
    await expectAccessible(page, 'status page, en, called')

    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
    const text = await page.locator('tabour-ticket-status').evaluate((el) => el.shadowRoot!.textContent ?? '')
    expect(text).not.toContain('01099998888')
    expect(text).not.toContain('clerk-status')
  })

  it('the status page says so for an unknown ticket', async () => {
    const page = await contexts.page(PHONE)
    await page.goto(`${run.url}/t/no-such-ticket`)
    await page.locator('tabour-ticket-status [data-state="not-found"]').waitFor()
    await expectAccessible(page, 'status page, unknown ticket')
  })
})

async function counterNumbered(center: TestCenter, number: number): Promise<{ id: number }> {
  const res = await center.request('GET', '/api/v1/counters', { token: await center.admin() })
  return (res.json() as { id: number; number: number }[]).find((c) => c.number === number)!
}

describe('the kiosk when the server goes away', () => {
  it('shows "out of service", comes back by itself when the server restarts, and issues again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-restart-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    let current = await startCenter(dataDir)
    cleanups.push(() => current.center.close())
    const service = await current.center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const { page } = await openPairedKiosk(current, PORTRAIT)
    expect((await takeTicket(page, service.id)).label).toBe('A-001')
    await page.locator('tabour-ticket-confirmation [data-action="done"]').click()
    await serviceButton(page, service.id).waitFor()

    await current.center.close()
    await page.locator('tabour-out-of-service').waitFor({ timeout: 20_000 })
    await page.locator('tabour-out-of-service').getByText('خارج الخدمة مؤقتًا').waitFor()
    await page.locator('tabour-out-of-service').getByText('Temporarily out of service').waitFor()
    await screenshot(page, 'kiosk-portrait-out-of-service')
    await expectAccessible(page, 'out of service')

    // the same center (same data, same address) starts again: no reload, no touch
    current = await startCenter(dataDir, current.port)
    await serviceButton(page, service.id).waitFor({ timeout: 30_000 })
    expect(await page.locator('tabour-out-of-service').count()).toBe(0)
    expect((await takeTicket(page, service.id)).label).toBe('A-002')
  }, 180_000)
})

describe('the kiosk under a prefix (the center embedded in another app)', () => {
  it('finds the API and socket.io under the prefix', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-prefix-'))
    const host: FastifyInstance = Fastify()
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    cleanups.push(() => host.close())
    const config = validateConfig({ dataDir, adminPassword: 'prefix-admin-password', logLevel: 'silent', uiDir: suite.uiDir })
    await host.register(tabourPlugin, { prefix: '/queue', config })
    await host.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(host.server.address() as AddressInfo).port}/queue`

    const call = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      })
      return (await res.json()) as any
    }
    const admin = (await call('/auth/login', { username: 'admin', password: 'prefix-admin-password' })).token
    const service = await call(
      '/services',
      // issued from the kiosk before any counter opens (issue 14's default is not-offered)
      { prefix: 'P', nameAr: 'خدمة المرور', nameEn: 'Traffic', targetWaitSeconds: 600, whenUnstaffed: 'offer-without-estimate' },
      admin,
    )
    const device = await call('/devices', { kind: 'kiosk', name: 'kiosk' }, admin)

    const page = await contexts.page(LANDSCAPE)
    await page.goto(`${url}/kiosk/?pair=${device.pairingCode}`)
    expect((await takeTicket(page, service.id)).label).toBe('P-001')
    const qr = readQr(await page.locator('tabour-ticket-confirmation tabour-qr-code').screenshot())
    expect(qr).toMatch(new RegExp(`^${url}/t/[A-Za-z0-9_-]+$`))
  })
})
