import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { ADMIN_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { webhooksText } from '../../protocol/messages/webhooks.ts'
import { Receiver } from '../server/webhooks/webhook-helpers.ts'
import { seriousAxeViolations } from './axe.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 20 (webhooks), in real Chromium at the dashboard's size, Arabic then English: an admin
 * is refused a URL outside the allowed hosts in the screen's language, subscribes a real
 * receiver and sees the secret once, reads the delivery log of a failing receiver, sees the
 * paused endpoint's alert on the live view, resumes and redelivers; axe finds nothing serious.
 * Set WEBHOOK_SHOTS=<dir> for screenshots.
 */
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(join(ROOT, 'test-results', 'webhooks'), { setupTimeoutMs: 180_000 })
const { contexts, cleanups } = suite

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.WEBHOOK_SHOTS
  if (!dir) return
  mkdirSync(dir, { recursive: true })
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
}

describe('webhooks on the dashboard (issue 20)', () => {
  it('subscribe, secret once, delivery log, paused alert, resume, redeliver; axe clean in Arabic and English', {
    timeout: 180_000,
  }, async () => {
    const receiver = await new Receiver().start()
    cleanups.push(() => receiver.close())
    receiver.mode = 'fail'
    const { center, url } = await listeningCenter(
      {
        config: {
          uiDir: suite.uiDir,
          webhooks: { allowedHosts: ['127.0.0.1'], httpHosts: ['127.0.0.1'], retryMinSeconds: 0.2, retryMaxSeconds: 0.5, pollSeconds: 0.2 },
        },
      },
      cleanups,
    )
    const service = await center.createService({ prefix: 'A' })
    const kiosk = await center.createDevice('kiosk')
    const admin = await center.admin()
    const hooks = center.app.tabour.configuration.webhooks

    for (const lang of ['ar', 'en'] as const) {
      const t = (key: Parameters<typeof webhooksText>[0], values?: Record<string, string | number>) => webhooksText(key, lang, values)
      const page = await contexts.page(DESK)
      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}#config`)
      await page.locator('form[data-form="login"] input[name="username"]').fill('admin')
      await page.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
      await page.locator('form[data-form="login"] button[data-action="login"]').click()
      await page.locator('main[data-phase="ready"]').waitFor()
      const nav = page.locator('tabour-config-view button[data-section="webhooks"]')
      expect(await nav.textContent()).toBe(t('webhooks.nav'))
      await nav.click()
      const view = page.locator('tabour-webhooks-config')
      const form = view.locator('form')

      if (lang === 'ar') {
        // a host outside the list: refused in the screen's language, nothing stored
        await form.locator('input[name="url"]').fill('https://evil.example.com/in')
        await form.locator('input[value="ticket.issued"]').check()
        await form.locator('button[type="submit"]').click()
        await expect.poll(() => form.locator('.error').textContent()).toBe(t('webhooks.error.TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED'))
        // next to the URL field (the body's `field`), read with it by a screen reader, not next to Save
        expect(await form.locator('[data-error-for="url"]').count()).toBe(1)
        expect(await form.locator('input[name="url"]').getAttribute('aria-invalid')).toBe('true')
        expect(await form.locator('input[name="url"]').getAttribute('aria-describedby')).toContain('hook-url-error')
        expect(hooks.list()).toEqual([])

        await form.locator('input[name="url"]').fill(receiver.url)
        await form.locator('input[name="description"]').fill('البوابة الوطنية')
        await form.locator('input[value="ticket.called"]').check()
        await form.locator('button[type="submit"]').click()
        const secret = view.locator('code[data-secret]')
        await secret.waitFor()
        expect(await secret.textContent()).toBe(hooks.list()[0]!.secret)
        await shot(page, `config-secret-${lang}`)
        expect(await seriousAxeViolations(page), 'secret shown').toEqual([])

        // a failing receiver: the log says so, with its answer and the next try
        await center.issue(kiosk.token, { serviceId: service.id })
        await center.issue(kiosk.token, { serviceId: service.id })
        await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThan(1)
        hooks.repo.pause(hooks.list()[0]!.id, 'failing', Date.now())
        await page.reload()
        await page.locator('main[data-phase="ready"]').waitFor()
        await page.locator('tabour-config-view button[data-section="webhooks"]').click()
      }
      // the secret is not shown again after a reload, nor in the page at all
      const id = hooks.list()[0]!.id
      expect(await page.content()).not.toContain('whsec_')
      await view.locator(`tr[data-webhook="${id}"] button[data-action="log"]`).click()
      const log = view.locator(`section[data-log="${id}"]`)
      await log.locator('tr[data-delivery]').first().waitFor()
      if (lang === 'ar') {
        expect(await log.locator('tr[data-status="pending"]').count()).toBe(2)
        expect(await log.locator('tr[data-status="pending"]').last().textContent()).toContain('500')
        expect(await view.locator(`tr[data-webhook="${id}"]`).textContent()).toContain(t('webhooks.pausedFailing'))
        expect(await log.locator('tr[data-status="pending"]').first().textContent()).toContain(t('webhooks.afterResume'))
      }
      await shot(page, `config-log-${lang}`)
      expect(await seriousAxeViolations(page), `config ${lang}`).toEqual([])

      // the live view shows the paused endpoint like a faulty device
      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}#live`)
      const alert = page.locator('tabour-webhook-alerts li[data-tone="bad"]')
      if (lang === 'ar') {
        await alert.waitFor()
        expect(await alert.textContent()).toContain(t('webhooks.alert.paused', { host: new URL(receiver.url).host, pending: 2 }))
        await shot(page, `live-alert-${lang}`)
        expect(await seriousAxeViolations(page), `live ${lang}`).toEqual([])

        // resume: both kept deliveries go, in order; then redeliver the first
        receiver.mode = 'ok'
        await page.goto(`${url}/dashboard/#config`)
        await page.locator('main[data-phase="ready"]').waitFor()
        await page.locator('tabour-config-view button[data-section="webhooks"]').click()
        await view.locator(`tr[data-webhook="${id}"] button[data-action="resume"]`).click()
        await expect.poll(() => receiver.accepted().length, { timeout: 10_000 }).toBe(2)
        await view.locator(`tr[data-webhook="${id}"] button[data-action="log"]`).click()
        await expect.poll(() => log.locator('tr[data-status="delivered"]').count()).toBe(2)
        await log.locator('tr[data-status="delivered"]').last().locator('button[data-action="redeliver"]').click()
        await expect.poll(() => receiver.accepted().length, { timeout: 10_000 }).toBe(3)
        expect(receiver.accepted()[2]!.body).toBe(receiver.accepted()[0]!.body)
        await expect.poll(() => page.locator('tabour-webhook-alerts li').count()).toBe(0)
      } else {
        await page.locator('main[data-phase="ready"]').waitFor()
        expect(await page.locator('tabour-webhook-alerts li').count()).toBe(0)
        hooks.repo.pause(id, 'failing', Date.now())
        await page.reload()
        await alert.waitFor()
        expect(await alert.textContent()).toContain(t('webhooks.alert.paused', { host: new URL(receiver.url).host, pending: 0 }))
        await shot(page, `live-alert-${lang}`)
        expect(await seriousAxeViolations(page), `live ${lang}`).toEqual([])
      }
    }
    expect(await center.request('GET', '/api/v1/webhooks', { token: admin }).then((r) => r.statusCode)).toBe(200)
  })
})
