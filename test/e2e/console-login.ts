import type { Page } from 'playwright-core'
import { STAFF_PASSWORD } from '../helpers/test-center.ts'

/** Opens the clerk's console at `url` in `lang`, signs `username` in and opens counter `counterId`, waiting for the console. */
export async function consoleAtCounter(page: Page, url: string, username: string, counterId: number, lang: 'ar' | 'en'): Promise<void> {
  await page.goto(`${url}/counter/${lang === 'en' ? '?lang=en' : ''}`)
  await page.locator('main[data-phase="login"] input[name="username"]').fill(username)
  await page.locator('main[data-phase="login"] input[name="password"]').fill(STAFF_PASSWORD)
  await page.locator('main[data-phase="login"] [data-action="login"]').click()
  await page.locator(`tabour-counter-chooser [data-counter-id="${counterId}"] [data-action="open"]`).click()
  await page.locator('main[data-phase="console"]').waitFor()
}
