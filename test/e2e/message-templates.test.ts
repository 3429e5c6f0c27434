import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { ADMIN_PASSWORD, STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { messagesConfigText, type MessagesConfigKey } from '../../protocol/messages/messages-config.ts'
import { messagesCardText } from '../../protocol/messages/messages-card.ts'
import { CITIZEN_MESSAGES } from '../../protocol/messages/citizen.ts'
import type { MessageTemplate } from '../../protocol/citizen-messages.ts'
import { seriousAxeViolations } from './axe.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { useBrowserSuite } from './browser.ts'
import { ROOT } from './ui-build.ts'

/**
 * Issue 20 (the texts of messages), in real Chromium at the dashboard's size, Arabic then
 * English: an admin opens the Messages section (which says messages are off without a provider
 * and when reminders go), edits a text, sees the preview and the segment count
 * change, is refused an unknown placeholder beside the field in the screen's language, saves
 * (the API then returns the edit) and goes back to the default; axe finds nothing serious. The
 * live view's device health has the provider's row (off here).
 * Screenshots go to test-results/message-templates/.
 */
const SHOTS = join(ROOT, 'test-results', 'message-templates')
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

describe('message templates on the dashboard (issue 20)', () => {
  it('edit with preview and segments, unknown placeholder refused, save, back to default; axe clean', { timeout: 180_000 }, async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    const admin = await center.admin()
    const stored = async (kind: string, lang: string) =>
      (await center.request('GET', '/api/v1/messages/templates', { token: admin }))
        .json<MessageTemplate[]>()
        .find((t) => t.kind === kind && t.lang === lang)!

    for (const lang of ['ar', 'en'] as const) {
      const t = (key: MessagesConfigKey, values?: Record<string, string | number>) => messagesConfigText(key, lang, values)
      const page = await suite.contexts.page(DESK)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
      const nav = page.locator('tabour-config-view button[data-section="messages"]')
      expect(await nav.textContent()).toBe(t('tpl.nav'))
      await nav.click()
      const view = page.locator('tabour-messages-config')
      // no provider in this center's config: said plainly, and the reminders' truth
      expect(await view.locator('[data-provider="off"]').textContent()).toContain(t('tpl.off'))
      // the default messages.reminderHoursBefore (24), read from the running config
      expect((await view.locator('[data-reminder-note]').textContent())?.trim()).toBe(t('tpl.reminder', { hours: 24 }))
      // no publicUrl: the links' address is said, and that a phone off the center's network cannot open it
      expect(await view.locator('[data-links="local"]').textContent()).toContain(t('tpl.linksLocalHint', { base: `\u2066${url}\u2069` }))

      // the Arabic text of "called" in Arabic, the English text of "taken" in English
      const kind = lang === 'ar' ? 'ticket_called' : 'ticket_taken'
      await view.locator(`button[data-kind="${kind}"]`).click()
      const editor = view.locator(`section[data-editing="${kind}"] tabour-template-editor[data-lang="${lang}"]`)
      const area = editor.locator('textarea')
      expect(await area.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr')
      expect(await area.inputValue()).toBe(CITIZEN_MESSAGES[kind][lang])
      const counter = editor.locator('[data-segments]')
      const before = Number(await counter.getAttribute('data-segments'))
      expect(before).toBe(1)

      // longer than one SMS: the preview (with sample values) and the count follow the typing
      const long =
        lang === 'ar'
          ? 'حان دورك {label}: توجّه إلى الشباك {counter} ({counterName}). نرجو إحضار أصل البطاقة وصورة منها، وشكرًا لانتظارك.'
          : `Ticket {label} at {center}: {ahead} ahead of you. ${'Please bring your papers. '.repeat(4)}Follow your turn: {link}`
      await area.fill(long)
      await expect.poll(() => counter.getAttribute('data-segments')).toBe('2')
      expect(await counter.getAttribute('data-encoding')).toBe(lang === 'ar' ? 'ucs2' : 'gsm7')
      expect(await editor.locator('[data-preview]').textContent()).toContain('A-017')
      // the sample link starts with the address the sent links do (no publicUrl here: the center's own), ?lang=en in English
      expect(await editor.locator('[data-preview]').textContent()).toContain(lang === 'ar' ? 'الجوازات' : `${url}/t/`)

      // an unknown placeholder: refused beside the field, in the screen's language, nothing stored
      await area.fill(`${long} {labl}`)
      const error = editor.locator('[data-error]')
      const refusal = t('tpl.error.TABOUR_ERR_MESSAGE_PLACEHOLDER', {
        name: '{labl}',
        allowed: (await stored(kind, lang)).placeholders.map((p) => `{${p}}`).join(' '),
      })
      await expect.poll(() => error.textContent()).toBe(refusal)
      expect(await area.getAttribute('aria-invalid')).toBe('true')
      await editor.locator('button[data-action="save"]').click()
      await expect.poll(() => error.textContent()).toBe(refusal)
      expect((await stored(kind, lang)).edited).toBe(false)
      await shot(page, `refused-${lang}`)
      expect(await seriousAxeViolations(page), `refused ${lang}`).toEqual([])

      // a chip inserts its placeholder at the cursor; save; the API returns the edit
      await area.fill(`${long} `)
      await editor.locator('button[data-placeholder="label"]').click()
      await expect.poll(() => error.count()).toBe(0)
      expect(await area.inputValue()).toBe(`${long} {label}`)
      await editor.locator('button[data-action="save"]').click()
      await expect.poll(() => editor.locator('[data-notice]').textContent()).toBe(t('tpl.saved'))
      expect(await stored(kind, lang)).toMatchObject({ text: `${long} {label}`, edited: true })
      expect(await view.locator(`button[data-kind="${kind}"] .pill`).textContent()).toBe(t('tpl.edited'))
      await shot(page, `saved-${lang}`)
      expect(await seriousAxeViolations(page), `saved ${lang}`).toEqual([])

      // back to the default
      await editor.locator('button[data-action="reset"]').click()
      await expect.poll(() => editor.locator('[data-notice]').textContent()).toBe(t('tpl.resetDone'))
      expect(await area.inputValue()).toBe(CITIZEN_MESSAGES[kind][lang])
      expect(await stored(kind, lang)).toMatchObject({ text: CITIZEN_MESSAGES[kind][lang], edited: false })
      expect(await counter.getAttribute('data-segments')).toBe('1')
      // the device health card's row for the message provider: off here
      await page.goto(`${url}/dashboard/${lang === 'en' ? '?lang=en' : ''}#live`)
      const row = page.locator('tabour-live-view [data-device="messages"]')
      await row.locator('[data-provider-health="off"]').waitFor()
      expect(await row.textContent()).toContain(messagesCardText('msgs.health.name', lang))
      expect(await row.locator('[data-provider-health]').textContent()).toBe(messagesCardText('msgs.health.off', lang))
      expect(await seriousAxeViolations(page), `live ${lang}`).toEqual([])
      await page.close()
    }

    // a manager's configuration holds only what a manager may change (the news line, the finish outcomes): no Messages section
    await center.createUser('manager1', 'manager')
    const page = await suite.contexts.page(DESK)
    await page.goto(`${url}/dashboard/?lang=en#config`)
    await page.locator('form[data-form="login"] input[name="username"]').fill('manager1')
    await page.locator('form[data-form="login"] input[name="password"]').fill(STAFF_PASSWORD)
    await page.locator('form[data-form="login"] button[data-action="login"]').click()
    await page.locator('main[data-phase="ready"]').waitFor()
    await page.locator('tabour-config-view nav button[data-section]').first().waitFor()
    expect(await page.locator('tabour-config-view nav button[data-section="messages"]').count()).toBe(0)
    expect(await page.locator('tabour-messages-config').count()).toBe(0)
  })

  it("a text the hub's bundle sets says so above it, as the Center section says of what the hub manages (walk s53)", async () => {
    const { center, url } = await listeningCenter({ config: { uiDir: suite.uiDir } }, suite.cleanups)
    // the bundle as the center keeps it once applied (its signature was checked on receipt: test/hub/config-bundles.test.ts)
    const contents = {
      priorityCategories: [],
      finishOutcomes: [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }],
      holidays: [],
      announcement: { ar: '', en: '' },
      messageTexts: [{ kind: 'ticket_called', lang: 'en', text: 'Ticket {label}: please go to counter {counter}.' }],
      serviceMapping: {},
      weeklyHours: null,
      nationalCatalogue: { version: 'n1', services: [] },
    }
    center.app.tabour.db
      .prepare(`INSERT INTO config_bundles (version, outcome, payload, signature, received_at) VALUES (3, 'applied', ?, 'x', ?)`)
      .run(JSON.stringify({ version: 3, issuedAt: Date.now(), contents }), Date.now())
    for (const lang of ['ar', 'en'] as const) {
      const page = await suite.contexts.page(DESK)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#config')
      await page.locator('tabour-config-view button[data-section="messages"]').click()
      const view = page.locator('tabour-messages-config')
      await view.locator('button[data-kind="ticket_called"]').click()
      const editor = (l: string) => view.locator(`section[data-editing="ticket_called"] tabour-template-editor[data-lang="${l}"]`)
      const note = editor('en').locator('[data-hub-managed]')
      await note.waitFor()
      expect(await note.textContent(), lang).toBe(
        lang === 'ar'
          ? 'تديره الجهة المركزية (حزمة الإعدادات رقم 3): الحزمة التالية تستبدل أي تعديل هنا'
          : 'Managed by the national hub (configuration bundle 3): the next bundle replaces a change made here',
      )
      // the text box is described by it; the Arabic text, which the bundle leaves to the center, says nothing
      expect(await editor('en').locator('textarea').getAttribute('aria-describedby'), lang).toContain('hub-note')
      expect(await editor('ar').locator('[data-hub-managed]').count(), lang).toBe(0)
      await view.locator('button[data-kind="ticket_taken"]').click()
      await view.locator('section[data-editing="ticket_taken"] tabour-template-editor[data-lang="en"]').waitFor()
      expect(await view.locator('[data-hub-managed]').count(), lang).toBe(0)
      await view.locator('button[data-kind="ticket_called"]').click()
      await note.waitFor()
      expect(await seriousAxeViolations(page), lang).toEqual([])
      await shot(page, `template-hub-managed-${lang}`)
      await page.close()
    }
  })
})
