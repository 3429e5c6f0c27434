import { expect } from 'vitest'
import type { Page } from 'playwright-core'
import type { TestCenter } from '../helpers/test-center.ts'
import { refusedPort } from '../drivers/printer/fake-printer.ts'
import type { Contexts } from './browser.ts'
import { PORTRAIT } from './browser.ts'

/**
 * A portrait kiosk (1080×1920) paired to `center` whose printer is configured on a refused local
 * port, shown once its home screen carries the printer-fault banner. The center must poll
 * printers quickly (openTicketPrinter with a short pollIntervalMs) for the banner to come soon.
 */
export async function deadPrinterKiosk(center: TestCenter, url: string, contexts: Contexts): Promise<Page> {
  const dead = { type: 'epson', interface: `tcp://127.0.0.1:${await refusedPort()}`, widthMm: 80 }
  const created = await center.request('POST', '/api/v1/devices', {
    token: await center.admin(),
    body: { kind: 'kiosk', name: 'Entrance', config: { printer: dead } },
  })
  expect(created.statusCode, created.body).toBe(201)
  const kiosk = await contexts.page(PORTRAIT)
  await kiosk.goto(`${url}/kiosk/?pair=${created.json().pairingCode}`)
  await kiosk.locator('tabour-printer-fault-banner [data-printer-problem="not-answering"]').waitFor({ timeout: 20_000 })
  return kiosk
}
