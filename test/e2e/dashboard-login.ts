import type { Page } from 'playwright-core'

/** Opens the dashboard at `hash` in `lang` and signs in, waiting until it is ready. */
export async function dashboardLogin(
  page: Page,
  url: string,
  username: string,
  password: string,
  lang: 'ar' | 'en',
  hash = '',
): Promise<void> {
  await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}${hash}`)
  await page.locator('form[data-form="login"] input[name="username"]').fill(username)
  await page.locator('form[data-form="login"] input[name="password"]').fill(password)
  await page.locator('form[data-form="login"] button[data-action="login"]').click()
  await page.locator('main[data-phase="ready"]').waitFor()
}
