import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { daytimeShiftMs, STAFF_PASSWORD, TestCenter, type TestClock } from '../helpers/test-center.ts'
import { decodeJob, type DecodedImage } from '../helpers/escpos-decode.ts'
import { FakePrinter } from '../drivers/printer/fake-printer.ts'
import { buildTicketJob, type TicketContent } from '../../drivers/printer/index.ts'
import { peopleAheadText, waitText } from '../../protocol/messages/ticket.ts'
import { consoleText } from '../../protocol/messages/console.ts'
import { SEPARATOR } from '../../protocol/messages/separator.ts'
import { LANDSCAPE, PHONE, PORTRAIT, useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'
import { seriousAxeViolations, type AxeImpact } from './axe.ts'

/**
 * Issue 14, item 6: one digits setting for the center, the same on every screen and the paper.
 * The admin sets `digits` (PUT /settings); a kiosk whose own config still says otherwise is
 * ignored. A citizen takes a ticket at the kiosk in Arabic, another in English; the clerk calls
 * both from the console. The rule (protocol/messages/digits.ts): the label is `B-004` everywhere,
 * in both languages; figures in Arabic text follow the center (٣ under arabic-indic), figures in
 * English text are Western. Checked on the kiosk, the decoded paper, the display, the console
 * and the status page, in real Chromium against a real center with a TCP printer; axe on each.
 * Screenshots go to test-results/digits/; with UPDATE_SCREENSHOTS=1 the Arabic-Indic ones also
 * refresh docs/screenshots/digits-*.png.
 */

const SHOTS = join(ROOT, 'test-results', 'digits')
const DOCS_SHOTS = join(ROOT, 'docs', 'screenshots')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

type Digits = 'western' | 'arabic-indic'

const INDIC = '٠١٢٣٤٥٦٧٨٩'
const indic = (text: string) => text.replace(/[0-9]/g, (d) => INDIC[Number(d)])
/** Figures in Arabic text under the center's setting. */
const arabicFigures = (text: string, digits: Digits) => (digits === 'arabic-indic' ? indic(text) : text)

const CENTER = { ar: 'مركز خدمات الدقي', en: 'Dokki Service Center' }
const SERVICE = { prefix: 'B', nameAr: 'شهادات الميلاد والوفاة', nameEn: 'Birth and death certificates' }

async function shot(page: Page, name: string, docs: boolean): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  const path = join(SHOTS, `${name}.png`)
  await page.screenshot({ path })
  if (docs && process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(DOCS_SHOTS, `${name}.png`))
}

/** No axe violation of impact `atLeast` or worse (default serious); the public screens (kiosk, display, status page) are held to moderate. */
async function expectAccessible(page: Page, what: string, atLeast: AxeImpact = 'serious'): Promise<void> {
  expect(await seriousAxeViolations(page, atLeast), what).toEqual([])
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').trim()

/** The tallest run of rows at least 12% black: the label, the only block that tall and dense. */
function labelBand(image: DecodedImage): { top: number; bottom: number } {
  let best = { top: 0, bottom: 0 }
  let top = -1
  for (let y = 0; y <= image.height; y++) {
    const dense = y < image.height && image.dark(0, y, image.width, y + 1) >= 0.12
    if (dense && top < 0) top = y
    if (!dense && top >= 0) {
      if (y - top > best.bottom - best.top) best = { top, bottom: y }
      top = -1
    }
  }
  return best
}

/** Whether two rasters print the same dots over the rows [top, bottom). */
function sameRows(a: DecodedImage, b: DecodedImage, top: number, bottom: number): boolean {
  if (a.width !== b.width) return false
  for (let y = top; y < bottom; y++) for (let x = 0; x < a.width; x++) if (a.isDark(x, y) !== b.isDark(x, y)) return false
  return true
}

async function reference(content: TicketContent): Promise<DecodedImage> {
  return decodeJob(await buildTicketJob(content, { type: 'epson', widthMm: 80 })).images[0]
}

/**
 * The printed ticket, decoded, against references drawn from the same facts: all of it as the
 * center's setting prints it, and its label band as a Western-digit ticket prints it.
 */
async function checkPaper(job: Buffer, facts: Omit<TicketContent, 'digits' | 'statusUrl'>, digits: Digits, name?: string) {
  const printed = decodeJob(job)
  expect(printed.images).toHaveLength(1)
  const content = { ...facts, statusUrl: printed.qrPayloads[0] }
  const image = printed.images[0]
  if (name) writeFileSync(join(SHOTS, `${name}.png`), image.png)
  if (name && process.env.UPDATE_SCREENSHOTS === '1') writeFileSync(join(DOCS_SHOTS, `${name}.png`), image.png)
  const western = await reference({ ...content, digits: 'western' })
  const band = labelBand(western)
  expect(band.bottom - band.top).toBeGreaterThan(100)
  expect(sameRows(image, western, band.top, band.bottom), `${facts.label}: the paper's label has Western digits`).toBe(true)
  const expected = await reference({ ...content, digits })
  expect(image.png.equals(expected.png), `${facts.label}: the paper's Arabic lines have ${digits} digits`).toBe(true)
  // and under arabic-indic that is not the Western ticket: the Arabic lines really changed
  if (digits === 'arabic-indic') expect(image.png.equals(western.png)).toBe(false)
}

async function playDay(digits: Digits): Promise<void> {
  const docs = digits === 'arabic-indic'
  mkdirSync(DOCS_SHOTS, { recursive: true })
  const printer = await FakePrinter.start()
  const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-digits-'))
  // on a daytime clock: in the center's last half hour before its midnight close the paper carries a
  // closing note the reference ticket below does not (a faked 23:40 run failed so)
  const shift = daytimeShiftMs()
  const clock = { fn: () => Date.now() + shift } as TestClock
  // 200 s a ticket: the Arabic ticket's three ahead wait «حوالي ١٠ دقائق», a figure with a zero (the kiosk's legible zeros below)
  const center = new TestCenter({
    config: { dataDir, uiDir: suite.uiDir, centerName: CENTER, queue: { defaultServiceSeconds: 200 } },
    clock,
  })
  cleanups.push(async () => {
    await center.close()
    await printer.close()
    rmSync(dataDir, { recursive: true, force: true })
  })
  await center.app.ready()
  await center.app.listen({ port: 0, host: '127.0.0.1' })
  const url = `http://127.0.0.1:${(center.app.server.address() as AddressInfo).port}`
  const admin = await center.admin()

  // the admin's one setting for the center (the existing settings command)
  const put = await center.request('PUT', '/api/v1/settings', { token: admin, body: { digits } })
  expect(put.statusCode, put.body).toBe(200)
  const service = await center.createService({ ...SERVICE, targetWaitSeconds: 600 })
  const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  // three citizens already wait: the kiosk's tickets are B-004 and B-005
  const reception = await center.createDevice('kiosk')
  for (let i = 0; i < 3; i++) await center.issue(reception.token, { serviceId: service.id })

  // a kiosk whose stored config still carries its own (deprecated) digits, the opposite of the center's: accepted, ignored
  const kiosk = await center.request('POST', '/api/v1/devices', {
    token: admin,
    body: {
      kind: 'kiosk',
      name: 'entrance',
      config: {
        printer: { type: 'epson', interface: printer.url, widthMm: 80 },
        digits: digits === 'western' ? 'arabic-indic' : 'western',
      },
    },
  })
  expect(kiosk.statusCode, kiosk.body).toBe(201)
  const display = await center.request('POST', '/api/v1/devices', {
    token: admin,
    body: { kind: 'display', name: 'hall', config: { digits: digits === 'western' ? 'arabic-indic' : 'western' } },
  })
  expect(display.statusCode, display.body).toBe(201)

  const board = await contexts.page(LANDSCAPE)
  await board.goto(`${url}/display/?pair=${display.json().pairingCode}`)
  await board.locator('tabour-display-app section.now[data-now="none"]').waitFor()

  const page = await contexts.page(PORTRAIT)
  await page.goto(`${url}/kiosk/?pair=${kiosk.json().pairingCode}`)
  const serviceButton = page.locator(`tabour-service-grid button[data-service-id="${service.id}"]`)
  const confirmation = page.locator('tabour-ticket-confirmation')

  // Arabic: B-004, three ahead
  await serviceButton.click()
  await confirmation.locator('[data-ticket-label="B-004"]').waitFor()
  expect(await text(page, 'tabour-ticket-confirmation [data-ticket-label]')).toBe('B-004')
  expect(await text(page, 'tabour-ticket-confirmation [data-position]')).toBe(arabicFigures('أمامك 3 أشخاص', digits))
  expect(await text(page, 'tabour-ticket-confirmation [data-position]')).toBe(peopleAheadText(3, 'ar', digits))
  const arId = (await confirmation.locator('[data-ticket-id]').getAttribute('data-ticket-id'))!
  const arWait = Number(await confirmation.locator('[data-wait]').getAttribute('data-wait'))
  // the kiosk's figures are read from a step back, as the board's across the hall: its ٠ is turned too
  // (ui-common/legible-zeros.ts), the text still «١٠»
  expect(await text(page, 'tabour-ticket-confirmation [data-wait]')).toBe(waitText(arWait, 'ar', digits))
  expect(waitText(arWait, 'ar', 'western')).toContain('0')
  const kioskZeros = await confirmation.evaluate((el) =>
    [...el.shadowRoot!.querySelectorAll('[data-wait] .zero, [data-position] .zero')].map((z) => getComputedStyle(z).transform !== 'none'),
  )
  expect(kioskZeros).toEqual(digits === 'western' ? [] : [true])
  // and the line saying when it was issued (its year «٢٠٢٦» always holds a zero), as the closed tile's times (s52)
  const issuedZeros = await confirmation.evaluate((el) => el.shadowRoot!.querySelectorAll('[data-issued-at] .zero').length)
  expect(issuedZeros > 0).toBe(digits !== 'western')
  await shot(page, `digits-kiosk-ar${docs ? '' : '-western'}`, docs)
  await expectAccessible(page, 'kiosk ar', 'moderate')
  await confirmation.locator('[data-action="done"]').click()

  // English: B-005, four ahead, Western digits whatever the center's setting
  await page.locator('tabour-lang-switch button').click()
  await page.getByText('Choose a service').waitFor()
  await serviceButton.click()
  await confirmation.locator('[data-ticket-label="B-005"]').waitFor()
  expect(await text(page, 'tabour-ticket-confirmation [data-ticket-label]')).toBe('B-005')
  expect(await text(page, 'tabour-ticket-confirmation [data-position]')).toBe('4 people ahead of you')
  const enId = (await confirmation.locator('[data-ticket-id]').getAttribute('data-ticket-id'))!
  const enWait = Number(await confirmation.locator('[data-wait]').getAttribute('data-wait'))
  await shot(page, `digits-kiosk-en${docs ? '' : '-western'}`, docs)
  await expectAccessible(page, 'kiosk en', 'moderate')

  // the paper: one bilingual ticket per citizen, the same rule on both
  await printer.waitForJobs(2)
  const facts = async (id: string, label: string, peopleAhead: number, estimatedWaitSeconds: number) => ({
    centerName: CENTER,
    serviceName: { ar: SERVICE.nameAr, en: SERVICE.nameEn },
    label,
    issuedAt: Date.parse((await center.request('GET', `/api/v1/tickets/${id}`)).json().issuedAt),
    timeZone: 'Africa/Cairo',
    peopleAhead,
    estimatedWaitSeconds,
  })
  await checkPaper(printer.jobs[0], await facts(arId, 'B-004', 3, arWait), digits, docs ? 'digits-paper' : undefined)
  await checkPaper(printer.jobs[1], await facts(enId, 'B-005', 4, enWait), digits)

  // the status pages the two QR codes open, each in its citizen's language
  const statusAr = await contexts.page(PHONE)
  await statusAr.goto(`${url}/t/${arId}`)
  await statusAr.locator('tabour-ticket-status [data-status="waiting"] [data-position="3"]').waitFor()
  expect(await text(statusAr, 'tabour-ticket-status [data-ticket-label]')).toBe('B-004')
  expect(await text(statusAr, 'tabour-ticket-status [data-position]')).toBe(arabicFigures('أمامك 3 أشخاص', digits))
  await shot(statusAr, `digits-status-ar${docs ? '' : '-western'}`, docs)
  await expectAccessible(statusAr, 'status ar', 'moderate')
  const statusEn = await contexts.page(PHONE, { locale: 'en-GB' })
  await statusEn.goto(`${url}/t/${enId}?lang=en`)
  await statusEn.locator('tabour-ticket-status [data-status="waiting"] [data-position="4"]').waitFor()
  expect(await text(statusEn, 'tabour-ticket-status [data-ticket-label]')).toBe('B-005')
  expect(await text(statusEn, 'tabour-ticket-status [data-position]')).toBe('4 people ahead of you')

  // the three before them are served
  for (let i = 0; i < 3; i++) {
    for (const action of ['call-next', 'start', 'finish']) expect((await center.action(clerk, counter.id, action)).statusCode).toBe(200)
  }

  // the clerk's console (Arabic) calls B-004
  const consolePage = await contexts.page({ width: 1366, height: 768 })
  await consolePage.goto(`${url}/counter/`)
  await consolePage.locator('main[data-phase="login"] input[name="username"]').fill('clerk1')
  await consolePage.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await consolePage.locator('main[data-phase="login"] [data-action="login"]').click()
  await consolePage.locator('main[data-phase="console"]').waitFor()
  await consolePage.locator('tabour-action-bar button[data-action="call_next"]').click()
  await consolePage.locator('tabour-current-ticket [data-current-label="B-004"]').waitFor()
  expect(await text(consolePage, 'tabour-current-ticket [data-current-label]')).toBe('B-004')
  // the console's own figures in Arabic follow the center too: its counter, the one still waiting
  expect(await text(consolePage, 'header [data-counter-number]')).toBe(
    `${consoleText('counter.number', 'ar', { n: arabicFigures('1', digits) })}${SEPARATOR}Counter 1`,
  )
  expect(await text(consolePage, 'header [data-counter-number]')).toContain(arabicFigures('1', digits))
  await consolePage
    .locator(`tabour-queue-panel [data-queue-service="${service.id}"] [data-waiting]`)
    .filter({ hasText: arabicFigures('1', digits) })
    .waitFor()
  await shot(consolePage, `digits-console-ar${docs ? '' : '-western'}`, false)
  await expectAccessible(consolePage, 'console')
  // its dialogs too: logging out asks about «الشباك ١» (the catalogue's {n} is text: s36 walk)
  await consolePage.locator('header [data-action="logout"]').click()
  const ask = consolePage.locator('tabour-logout-dialog [data-dialog="logout"]')
  expect(await ask.locator('#logout-title').textContent()).toContain(`الشباك ${arabicFigures('1', digits)}`)
  await ask.locator('[data-choice="cancel"]').click()
  await ask.waitFor({ state: 'detached' })

  // the display: the label as the citizen's ticket has it; the counter number is Arabic text
  await board.locator('tabour-display-app section.now[data-now="B-004"]').waitFor()
  expect(await text(board, 'tabour-display-app [data-now-label]')).toBe('B-004')
  expect(await text(board, 'tabour-display-app [data-now-counter]')).toBe(arabicFigures('1', digits))
  expect(await text(board, 'tabour-display-app [data-now-counter-en]')).toBe(digits === 'western' ? 'Counter' : 'Counter 1')
  expect(await text(board, 'tabour-display-app [data-waiting-count]')).toBe(arabicFigures('1', digits))
  // Cairo's ٠ is a dot across a hall: the board turns it into a diamond (legible-zeros.ts), in its place
  // («٢٠٢٦»: the second of four, not moved to the third by the bidi algorithm), Western figures untouched
  const zero = await board.evaluate(() => {
    const clock = document.querySelector('tabour-display-app')!.shadowRoot!.querySelector('tabour-display-clock')!.shadowRoot!
    // the year's figure (a day may be «١٠» too)
    const year = [...clock.querySelectorAll('[lang="ar"] .figure')].find((f) => f.textContent?.length === 4)
    const z = year?.querySelector<HTMLElement>('.zero')
    if (!z) return null
    const fig = z.parentElement!.getBoundingClientRect()
    const box = z.getBoundingClientRect()
    return {
      turned: getComputedStyle(z).transform !== 'none',
      at: (box.left + box.width / 2 - fig.left) / fig.width,
      text: z.parentElement!.textContent,
    }
  })
  if (digits === 'western') expect(zero).toBeNull()
  else {
    expect(zero).toMatchObject({ turned: true, text: expect.stringMatching(/^٢٠[٠-٩]{2}$/) })
    expect(zero!.at).toBeGreaterThan(0.25)
    expect(zero!.at).toBeLessThan(0.5)
  }
  // the flash of a new call stopped, so the screenshot shows the board as it settles
  await board.evaluate(() => {
    for (const a of document.querySelector('tabour-display-app')!.shadowRoot!.querySelector('section.now')!.getAnimations()) a.cancel()
  })
  await shot(board, `digits-display${docs ? '' : '-western'}`, docs)
  await expectAccessible(board, 'display', 'moderate')

  // the Arabic status page sends its citizen to the counter, with the center's digits
  const goAr = statusAr.locator('tabour-ticket-status [data-status="called"] [data-counter="1"]')
  await goAr.waitFor()
  expect(await goAr.locator('.counter').textContent()).toBe(`توجّه إلى الشباك ${arabicFigures('1', digits)}`)
  await shot(statusAr, `digits-status-ar-called${docs ? '' : '-western'}`, docs)

  // B-005 called: the English status page and the display, Western label and English counter
  for (const action of ['start', 'finish']) expect((await center.action(clerk, counter.id, action)).statusCode).toBe(200)
  await consolePage.locator('tabour-current-ticket [data-current="none"]').waitFor()
  await consolePage.locator('tabour-action-bar [role="toolbar"][aria-busy="true"]').waitFor({ state: 'detached' })
  await consolePage.locator('tabour-action-bar button[data-action="call_next"]').click()
  await consolePage.locator('tabour-current-ticket [data-current-label="B-005"]').waitFor()
  expect(await text(consolePage, 'tabour-current-ticket [data-current-label]')).toBe('B-005')
  await board.locator('tabour-display-app section.now[data-now="B-005"]').waitFor()
  expect(await text(board, 'tabour-display-app [data-now-label]')).toBe('B-005')
  const goEn = statusEn.locator('tabour-ticket-status [data-status="called"] [data-counter="1"]')
  await goEn.waitFor()
  expect(await goEn.locator('.counter').textContent()).toBe('Please go to counter 1')
  await shot(statusEn, `digits-status-en-called${docs ? '' : '-western'}`, docs)
  await expectAccessible(statusEn, 'status en', 'moderate')
}

describe('one digits setting for the center', () => {
  it('arabic-indic: the label B-004 everywhere, Arabic figures in Arabic-Indic, English ones Western', async () => {
    await playDay('arabic-indic')
  }, 180_000)

  it('western: every screen and the paper in Western digits, whatever a device config says', async () => {
    await playDay('western')
  }, 180_000)
})
