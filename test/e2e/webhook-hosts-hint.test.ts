import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { webhooksText } from '../../protocol/messages/webhooks.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Finding 6 of the walk-through: the webhooks form says, before the admin types an address, that
 * no host is accepted by default (the allow-list in the config file), in Arabic and in English,
 * and the URL field is described by that sentence. Screenshots: test-results/webhook-hosts-hint/.
 */
const DESK = { width: 1366, height: 768 } as const
const SHOTS = join(ROOT, 'test-results', 'webhook-hosts-hint')
const suite = useBrowserSuite(SHOTS)
const { contexts, cleanups } = suite

describe('the webhooks form names the host allow-list up front', () => {
  it('in Arabic and English, before anything is typed', async () => {
    const { url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, cleanups)
    for (const lang of ['ar', 'en'] as const) {
      const page = await contexts.page(DESK)
      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}#config`)
      await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
      await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
      await page.locator('form[data-form="login"] button[data-action="login"]').click()
      await page.locator('main[data-phase="ready"]').waitFor()
      await page.locator('tabour-config-view button[data-section="webhooks"]').click()
      const form = page.locator('tabour-webhooks-config form')
      const hint = form.locator('[data-hint="hosts"]')
      expect((await hint.textContent())?.trim()).toBe(webhooksText('webhooks.hostsRule', lang))
      expect(await form.locator('input[name="url"]').inputValue()).toBe('')
      expect(await form.locator('input[name="url"]').getAttribute('aria-describedby')).toBe(await hint.getAttribute('id'))
      await page.evaluate(() => document.fonts.ready)
      await page.screenshot({ path: join(SHOTS, `webhooks-form-${lang}.png`), fullPage: true })
    }
  })
})
