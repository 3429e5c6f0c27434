import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generateKeyPairSync, sign } from 'node:crypto'
import { join } from 'node:path'
import { ADMIN_PASSWORD, STAFF_PASSWORD } from '../helpers/test-center.ts'
import { listeningCenter, type ListeningCenter } from '../helpers/listening-center.ts'
import { minimalBundleDraft } from '../helpers/bundle-draft.ts'
import { seriousAxeViolations } from './axe.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { consoleAtCounter } from './console-login.ts'
import { overflowing } from './layout.ts'
import { ROOT } from './ui-build.ts'
import { dayIn, dayInWords, momentInWords } from '../../dashboard-ui/format.ts'

/**
 * The center's admin edits the finish outcomes in the dashboard (center configuration: the
 * dashboard's configuration tab is the admins'; a manager may use the API), in real Chromium
 * at 1366×768, in Arabic and English: renames one, adds one, marks it the default (moving another
 * row then leaves the default as it is: walk s40); a clerk's
 * console that stays open (no reload) then offers the new names and the new outcome first when
 * finishing, and the finish records the new code. While the hub's bundle runs, the list is shown
 * read-only with the sentence that says so, to an admin (Arabic) and a manager (English) of a center
 * in another zone than Cairo's: a refused bundle's date, the change log and the header's clock are
 * written in the center's zone and in one style (a manager's section wrote Cairo's, walk s52). axe finds nothing serious. Screenshots in
 * test-results/finish-outcomes-config/.
 */
const SHOTS = join(ROOT, 'test-results', 'finish-outcomes-config')
const DESK = { width: 1366, height: 768 } as const
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const { contexts, cleanups } = suite

const WORDS = {
  ar: { renamed: 'أُحيل إلى مكتب التوثيق', added: 'أُرسل إلى البنك', addedEn: 'Sent to the bank' },
  en: { renamed: 'Sent to the notary', added: 'Sent to the bank', addedAr: 'أُرسل إلى البنك' },
} as const

type Run = ListeningCenter & { counterId: number; kiosk: string }

async function startCenter(config: Record<string, unknown> = {}): Promise<Run> {
  const run = await listeningCenter({ config: { uiDir: suite.uiDir, ...config } }, cleanups)
  const service = await run.center.createService({ prefix: 'A', nameAr: 'الرقم القومي', nameEn: 'National ID' })
  const counter = await run.center.createCounter({ number: 1, serviceIds: [service.id] })
  await run.center.createUser('clerk1')
  const kiosk = (await run.center.createDevice('kiosk')).token
  await run.center.issue(kiosk, { serviceId: service.id })
  return { ...run, counterId: counter.id, kiosk }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/** The clerk's console at counter 1 with the waiting ticket being served. */
async function consoleServing(run: Run, lang: 'ar' | 'en'): Promise<Page> {
  const page = await contexts.page(DESK)
  await consoleAtCounter(page, run.url, 'clerk1', run.counterId, lang)
  await page.locator('tabour-action-bar button[data-action="call_next"]').click()
  await page.locator('tabour-action-bar button[data-action="start"]').click()
  await page.locator('tabour-action-bar button[data-action="finish"]').waitFor()
  return page
}

async function outcomesForm(run: Run, lang: 'ar' | 'en'): Promise<Page> {
  const page = await contexts.page(DESK)
  await dashboardLogin(page, run.url, 'admin', ADMIN_PASSWORD, lang, '#config')
  await page.locator('tabour-config-view button[data-section="center"]').click()
  await page.locator('tabour-finish-outcomes-config ol[data-list="finish-outcomes"]').waitFor()
  return page
}

const row = (page: Page, code: string) => page.locator(`tabour-finish-outcomes-config li[data-code="${code}"]`)

/** Waits until the open console (never reloaded) holds the outcome `code`: it loads the center again on config:changed. */
async function consoleKnows(page: Page, code: string): Promise<void> {
  await page.waitForFunction(
    (c) =>
      (
        document.querySelector('tabour-counter-app') as unknown as { session: { center: { finishOutcomes: { code: string }[] } | null } }
      ).session.center?.finishOutcomes.some((o) => o.code === c),
    code,
  )
}

describe('finish outcomes edited in the dashboard', { timeout: 180_000 }, () => {
  for (const lang of ['ar', 'en'] as const) {
    it(`the admin renames and adds one (${lang}); the open console offers them when finishing`, async () => {
      const run = await startCenter()
      const clerk = await consoleServing(run, lang)
      const page = await outcomesForm(run, lang)
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr')
      expect(await overflowing(page, 'tabour-finish-outcomes-config li, tabour-finish-outcomes-config form')).toEqual([])
      expect(await seriousAxeViolations(page), `outcomes form, ${lang}`).toEqual([])

      // rename "referred" in the screen's language; add one; make the new one the default
      const words = WORDS[lang]
      await row(page, 'referred')
        .locator(`input[name$="/${lang === 'ar' ? 'nameAr' : 'nameEn'}"]`)
        .fill(words.renamed)
      await page.locator('tabour-finish-outcomes-config [data-action="add-outcome"]').click()
      const fresh = page.locator('tabour-finish-outcomes-config li[data-code=""]')
      // the new row's first box has the focus; saving with the other name blank says so next to it
      await page.keyboard.type(lang === 'ar' ? words.added : WORDS.ar.added)
      await page.locator('tabour-finish-outcomes-config [data-action="save"]').click()
      const blank = fresh.locator('[data-field-error$="/nameEn"]')
      await blank.waitFor()
      expect(await blank.textContent()).toContain(
        lang === 'ar' ? '«الاسم بالإنجليزية للنتيجة 5» مطلوب' : 'English name of outcome 5 is required',
      )
      // a name another outcome has is refused by the server, next to its box
      await fresh.locator('input[name$="/nameEn"]').fill('Served')
      await page.locator('tabour-finish-outcomes-config [data-action="save"]').click()
      await fresh
        .locator('[data-field-error$="/nameEn"]')
        .filter({ hasText: lang === 'ar' ? 'مستخدم بالفعل' : 'already in use' })
        .waitFor()
      await fresh.locator('input[name$="/nameEn"]').fill(lang === 'ar' ? WORDS.ar.addedEn : words.added)
      await fresh.locator('input[data-action="default"]').check()
      expect(await page.locator('tabour-finish-outcomes-config li').first().getAttribute('data-code')).toBe('')
      // the default is the first row's radio, and only that one
      const defaults = page.locator('tabour-finish-outcomes-config input[data-action="default"]')
      const onlyFirstChecked = async () =>
        expect(await defaults.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).toEqual([
          true,
          false,
          false,
          false,
          false,
        ])
      await onlyFirstChecked()
      // moving the others never makes one the default (walk s40: "Up" on the second row did): the
      // default's row has no moves and no remove but the sentence how to change it, the second row
      // cannot go up into its place, and moving it down leaves the default as it is
      const rows = page.locator('tabour-finish-outcomes-config li')
      expect(await rows.nth(0).locator('[data-action="up"], [data-action="down"], [data-action="remove"]').count()).toBe(0)
      expect(await rows.nth(0).locator('[data-default-note]').textContent()).toContain(
        lang === 'ar' ? 'ضع علامة «الافتراضية» على نتيجة أخرى' : 'mark another outcome “Default”',
      )
      expect(await rows.nth(1).locator('[data-action="up"]').isDisabled()).toBe(true)
      await rows.nth(1).locator('[data-action="down"]').click()
      expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual([
        '',
        'referred',
        'served',
        'incomplete_papers',
        'other',
      ])
      await onlyFirstChecked()
      // the save says the default outright
      const sent = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/center/finish-outcomes'))
      await screenshot(page, `dashboard-${lang}-edited`)
      await page.locator('tabour-finish-outcomes-config [data-action="save"]').click()
      await page.locator('tabour-finish-outcomes-config [data-notice]').waitFor()
      expect((await sent).postDataJSON().outcomes.map((o: { default?: boolean }) => o.default ?? false)).toEqual([
        true,
        false,
        false,
        false,
        false,
      ])
      await row(page, 'sent_to_the_bank').waitFor()
      expect(await page.locator('tabour-finish-outcomes-config li').first().getAttribute('data-code')).toBe('sent_to_the_bank')
      expect(await seriousAxeViolations(page), `outcomes form saved, ${lang}`).toEqual([])
      await screenshot(page, `dashboard-${lang}-saved`)

      // the console, still open, offers the new list: the new outcome first and checked, the renamed one by its new name
      await consoleKnows(clerk, 'sent_to_the_bank')
      await clerk.locator('tabour-action-bar button[data-action="finish"]').click()
      const dialog = clerk.locator('tabour-console-dialog form[data-dialog="finish"]')
      await dialog.waitFor()
      const choices = dialog.locator('input[name="outcome"]')
      expect(await choices.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual([
        'sent_to_the_bank',
        'referred',
        'served',
        'incomplete_papers',
        'other',
      ])
      expect(await dialog.locator('[data-outcome="sent_to_the_bank"]').isChecked()).toBe(true)
      const label = (code: string) => dialog.locator('label.choice').filter({ has: clerk.locator(`[data-outcome="${code}"]`) })
      expect(await label('sent_to_the_bank').textContent()).toContain(lang === 'ar' ? words.added : WORDS.en.added)
      expect(await label('referred').textContent()).toContain(words.renamed)
      expect(await seriousAxeViolations(clerk), `finish dialog, ${lang}`).toEqual([])
      await screenshot(clerk, `console-${lang}-finish`)
      await dialog.locator('[data-action="confirm"]').click()
      await clerk.locator('tabour-current-ticket [data-current="none"]').waitFor()
      const ticket = run.center.app.tabour.db.prepare(`SELECT outcome FROM tickets WHERE status = 'done'`).get() as { outcome: string }
      expect(ticket.outcome).toBe('sent_to_the_bank')
    })
  }

  it('shows the hub’s outcomes read-only with the sentence saying the hub manages them, in the center’s zone', async () => {
    // Tokyo: seven hours from Cairo, so a date written in Cairo's zone is told apart
    const zone = 'Asia/Tokyo'
    const run = await startCenter({ timeZone: zone })
    await run.center.createUser('manager1', 'manager')
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const catalogue = { version: 't', services: [{ code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' }] }
    const payload = JSON.stringify({ version: 4, issuedAt: 1, contents: { ...minimalBundleDraft(), nationalCatalogue: catalogue } })
    const signature = sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64')
    const pinned = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
    expect(run.center.app.tabour.configBundles.receive({ version: 4, payload, signature }, 4, pinned)).toMatchObject({ outcome: 'applied' })
    // bundle 5, signed with another key: refused, and said in the section with its date
    const forged = generateKeyPairSync('ed25519').privateKey
    const payload5 = payload.replace('"version":4', '"version":5')
    const signature5 = sign(null, Buffer.from(payload5, 'utf8'), forged).toString('base64')
    expect(run.center.app.tabour.configBundles.receive({ version: 5, payload: payload5, signature: signature5 }, 5, pinned)).toMatchObject({
      outcome: 'refused',
    })
    const refusedAt = run.center.app.tabour.configBundles.state(pinned).lastRefusal!.at
    // the admin in Arabic, a manager (the news line's section; no settings read) in English
    for (const [lang, who, section] of [
      ['ar', 'admin', 'center'],
      ['en', 'manager1', 'news'],
    ] as const) {
      const page = await contexts.page(DESK)
      await dashboardLogin(page, run.url, who, who === 'admin' ? ADMIN_PASSWORD : STAFF_PASSWORD, lang, '#config')
      await page.locator(`tabour-config-view button[data-section="${section}"]`).click()
      const refusal = page.locator('tabour-center-config [data-bundle-refused="5"]')
      await refusal.waitFor()
      expect(await refusal.textContent(), `${who}: the refusal's date in ${zone}`).toContain(
        momentInWords(refusedAt, zone, lang, 'western'),
      )
      // the header's day as the section writes one (it wrote "Monday 7 December" over "Monday, 7 December 2026")
      expect(await page.locator('tabour-dashboard-app .clock').textContent()).toMatch(
        new RegExp(`^${dayInWords(dayIn(Date.now(), zone), lang, 'western')}[،,] `),
      )
      if (who === 'admin') {
        const row = page.locator('tabour-center-config tr[data-command="config-bundle.refuse"] [data-when]')
        expect(await row.textContent()).toBe(momentInWords(refusedAt, zone, lang, 'western'))
      }
      const note = page.locator('tabour-finish-outcomes-config [data-hub-managed]')
      await note.waitFor()
      expect(await note.textContent()).toContain(lang === 'ar' ? 'حزمة الإعدادات رقم 4' : 'configuration bundle 4')
      expect(await page.locator('tabour-finish-outcomes-config input').count()).toBe(0)
      // nothing to mark or move in the hub's list: the intro does not tell how (walk s53)
      expect(await page.locator('tabour-finish-outcomes-config [data-intro]').textContent()).not.toMatch(/Up|down|لأعلى|“Default”;|تختارها/)
      expect(await page.locator('tabour-finish-outcomes-config tr[data-code="served"]').count()).toBe(1)
      expect(await seriousAxeViolations(page), `hub-managed outcomes, ${lang}`).toEqual([])
      await screenshot(page, `dashboard-${lang}-hub`)
    }
  })
})
