import type { Page } from 'playwright-core'
import type { TestCenter } from '../helpers/test-center.ts'
import { type Contexts, PORTRAIT } from './browser.ts'

/** A new kiosk device, paired in a fresh 1080×1920 page, once its service tiles show. */
export async function openKiosk(contexts: Contexts, center: TestCenter, url: string): Promise<Page> {
  const res = await center.request('POST', '/api/v1/devices', { token: await center.admin(), body: { kind: 'kiosk', name: 'kiosk' } })
  const page = await contexts.page(PORTRAIT)
  await page.goto(`${url}/kiosk/?pair=${res.json().pairingCode}`)
  await page.locator('tabour-service-grid button[data-service-id]').first().waitFor()
  return page
}
