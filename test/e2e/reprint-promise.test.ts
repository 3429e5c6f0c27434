import { afterEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { listeningCenter } from '../helpers/listening-center.ts'
import { FakePrinter } from '../drivers/printer/fake-printer.ts'
import { openTicketPrinter } from '../../drivers/printer/index.ts'
import type { PrinterFactory } from '../../server/devices/printer-handle.ts'
import { useBrowserSuite } from './browser.ts'
import { deadPrinterKiosk } from './dead-printer-kiosk.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'

/**
 * Walk finding 2: with the kiosk's only printer not answering, the kiosk said "Staff can reprint
 * your ticket" though the console had no printer to reprint it on. The kiosk promises a reprint
 * only when some printer of the center works; otherwise it says the number on the screen is the
 * ticket. Real Chromium (1080×1920), a real center, a kiosk printer on a refused local port, then a
 * stand-alone printer (a fake TCP printer answering DLE EOT) added at reception.
 */

const suite = useBrowserSuite(join(ROOT, 'test-results', 'reprint-promise'))
const quickPrinter: PrinterFactory = (config) => openTicketPrinter(config, { pollIntervalMs: 500 })

const REPRINT = { ar: 'ويمكن للموظف إعادة طباعة التذكرة لك', en: 'Staff can reprint your ticket' }
const SCREEN_IS_TICKET = { ar: 'الرقم الظاهر على الشاشة هو رقم تذكرتك', en: 'The number on this screen is your ticket' }

const notice = (page: Page) => page.locator('tabour-ticket-confirmation [data-printing="problem"]')

describe('the kiosk promises a reprint only when a printer can do it', () => {
  const closers: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => {})
  })

  it('its only printer dead: no reprint promised; a working printer at reception: promised', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabour-e2e-reprint-'))
    closers.push(async () => rmSync(dataDir, { recursive: true, force: true }))
    const { center, url } = await listeningCenter({ config: { dataDir, uiDir: suite.uiDir }, deps: { openPrinter: quickPrinter } }, closers)
    const service = await center.createService({ prefix: 'A', nameAr: 'بطاقة الرقم القومي', nameEn: 'National ID card' })
    const counter = await center.createCounter({ number: 1, serviceIds: [service.id] })
    await center.openCounterAs('clerk1', counter.id)
    const kiosk = await deadPrinterKiosk(center, url, suite.contexts)
    const serviceButton = kiosk.locator(`tabour-service-grid button[data-service-id="${service.id}"]`)

    await serviceButton.click()
    await notice(kiosk).waitFor()
    for (const lang of ['ar', 'en'] as const) await notice(kiosk).getByText(SCREEN_IS_TICKET[lang]).waitFor()
    expect(await kiosk.getByText(REPRINT.ar).count()).toBe(0)
    expect(await kiosk.getByText(REPRINT.en).count()).toBe(0)
    expect(await seriousAxeViolations(kiosk, 'moderate'), 'ticket, no printer works (ar)').toEqual([])
    await kiosk.locator('tabour-ticket-confirmation [data-action="done"]').click()

    // a stand-alone printer at reception that works: a clerk can reprint there, so the kiosk may say so
    const printer = await FakePrinter.start()
    closers.push(() => printer.close())
    const reception = await center.request('POST', '/api/v1/devices', {
      token: await center.admin(),
      body: {
        kind: 'printer',
        name: 'Reception',
        config: { printer: { type: 'epson', interface: `tcp://127.0.0.1:${printer.port}`, widthMm: 80 } },
      },
    })
    expect(reception.statusCode, reception.body).toBe(201)
    await kiosk.waitForFunction(
      (id) => {
        const app = document.querySelector('tabour-kiosk-app') as unknown as {
          session?: { printers?: Map<number, { reachable: boolean }> }
        } | null
        return app?.session?.printers?.get(id)?.reachable === true
      },
      reception.json().id,
      { timeout: 20_000 },
    )
    await serviceButton.click()
    await kiosk.locator('tabour-ticket-confirmation [data-ticket-label="A-002"]').waitFor()
    for (const lang of ['ar', 'en'] as const) await notice(kiosk).getByText(REPRINT[lang]).waitFor()
    expect(await kiosk.getByText(SCREEN_IS_TICKET.en).count()).toBe(0)
    expect(await seriousAxeViolations(kiosk, 'moderate'), 'ticket, reception printer works (ar)').toEqual([])
  }, 180_000)
})
