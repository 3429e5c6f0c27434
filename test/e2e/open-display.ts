import type { Page } from 'playwright-core'
import type { TestCenter } from '../helpers/test-center.ts'
import { type Contexts, LANDSCAPE } from './browser.ts'

/** A new display of `zone` (null: every zone), paired in a fresh 1920×1080 page, once its board has synced with the center. */
export async function openDisplay(contexts: Contexts, center: TestCenter, url: string, zone: string | null = 'hall'): Promise<Page> {
  const res = await center.request('POST', '/api/v1/devices', {
    token: await center.admin(),
    body: { kind: 'display', name: zone ?? 'TV', zone },
  })
  const page = await contexts.page(LANDSCAPE)
  await page.goto(`${url}/display/?pair=${res.json().pairingCode}`)
  await page.locator('tabour-display-app main[data-screen="board"][data-synced="yes"]').waitFor()
  return page
}

/** One line (`prefix`) served at counter 1 in the hall, its clerk there, and `tickets` issued from a kiosk. */
export async function hallLine(center: TestCenter, tickets: number, prefix = 'A'): Promise<{ counterId: number; clerk: string }> {
  const service = await center.createService({ prefix, nameAr: 'الجوازات', nameEn: 'Passports' })
  const counter = await center.createCounter({ number: 1, name: 'شباك ١', zone: 'hall', serviceIds: [service.id] })
  const clerk = await center.openCounterAs('clerk1', counter.id)
  const kiosk = (await center.createDevice('kiosk')).token
  for (let i = 0; i < tickets; i++) await center.issue(kiosk, { serviceId: service.id })
  return { counterId: counter.id, clerk }
}
