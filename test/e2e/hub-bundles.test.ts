import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { LANDSCAPE, useBrowserSuite } from './browser.ts'
import { seriousAxeViolations } from './axe.ts'
import { ROOT } from './ui-build.ts'
import { ADMIN_PASSWORD, TestCenter } from '../helpers/test-center.ts'
import { toWesternDigits } from '../../protocol/messages/digits.ts'
import { UPSTREAM_TEST_CONFIG } from '../server/upstream/upstream-helpers.ts'
import { addNationalService, HUB_ADMIN_TOKEN, startTestHub } from '../hub/hub-harness.ts'

/**
 * Issue 23 in Chromium (1920×1080, Arabic then English): a national admin signs in on the hub
 * page with the admin token, fills the bundle form (a priority category, the news line, a
 * holiday, a center's service mapping, the weekly hours), sees the hub refuse a bad hours row
 * with its path, fixes it and publishes to one governorate. A real center of that governorate
 * (in-process, its real reporter over loopback) applies it; the status view shows, per center,
 * what the hub's database holds. The center's own services form then shows the national code
 * read-only, with the sentence that the hub sets it. No serious axe findings.
 */

const SHOTS = join(ROOT, 'test-results', 'hub-bundles')
const suite = useBrowserSuite(SHOTS)

const CAIRO = 'القاهرة'

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.locator(selector).fill(value)
}

describe('the hub page: configuration bundles', () => {
  it('publishes a bundle to one governorate from the form and shows what each center did with it', { timeout: 180_000 }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir } })
    suite.cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT', { nameAr: 'جوازات السفر', nameEn: 'Passports', groupEn: 'Civil registry' })
    await addNationalService(hub, 'CIV-BIRTH', { nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates', groupEn: 'Civil registry' })
    const register = async (id: string, nameAr: string, nameEn: string, governorate: string) => {
      const res = await hub.app.inject({
        method: 'POST',
        url: '/api/hub/v1/admin/centers',
        headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` },
        payload: { id, nameAr, nameEn, governorate, kind: 'fixed' },
      })
      expect(res.statusCode).toBe(201)
      return res.json() as { secret: string; hubPublicKey: string }
    }
    const reg = await register('EG-CAI-01', 'مركز مدينة نصر', 'Nasr City center', CAIRO)
    await register('EG-CAI-02', 'مركز مصر الجديدة', 'Heliopolis center', CAIRO) // registered, never reports: stays pending
    await register('EG-ALX-01', 'مركز سموحة', 'Smouha center', 'الإسكندرية') // another governorate: not a target
    // Alexandria's only center is deactivated: a bundle sent there would stay "not yet" forever
    await hub.store.updateCenter('EG-ALX-01', { active: false })
    const center = await TestCenter.start({
      config: {
        uiDir: suite.uiDir,
        upstream: { url: hub.url, centerId: 'EG-CAI-01', secret: reg.secret, hubPublicKey: reg.hubPublicKey, ...UPSTREAM_TEST_CONFIG },
      },
    })
    suite.cleanups.push(() => center.close())
    const passports = await center.createService({ prefix: 'A', nameAr: 'جوازات', nameEn: 'Passports' })

    // --- the tab asks for the admin token (the read side is open, managing bundles is not)
    const page = await suite.contexts.page(LANDSCAPE)
    await page.goto(`${hub.url}/hub/ui/?view=bundles`)
    await page.locator('[data-bundles-refused="needsAdmin"]').waitFor()
    // signed out there is no other account: the button says "sign in"
    expect(await page.locator('button[data-action="bundles-sign-in"]').textContent()).toBe('تسجيل الدخول')
    await page.locator('button[data-action="bundles-sign-in"]').click()
    await fill(page, 'form[data-sign-in] input[name="token"]', HUB_ADMIN_TOKEN)
    await page.locator('form[data-sign-in] button[type="submit"]').click()
    const form = page.locator('form[data-bundle-form]')
    await form.waitFor()
    expect(await page.locator('[data-table="bundles"] p').textContent()).toBe('لم تُنشر أي حزمة بعد.')

    // --- no bundle yet: the form starts blank, and says that publishing it as it is removes the centers' own categories
    expect(await form.locator('[data-replaces="priorityCategories"]').textContent()).toBe(
      'فئات الأولوية: لا شيء\u00a0— ستُحذف فئات المراكز الخاصة بها',
    )
    // its finish outcomes start as a center's defaults (a bundle replaces them whole)
    expect(await form.locator('[data-replaces="finishOutcomes"]').textContent()).toBe(
      'نتائج إنهاء الخدمة: تمت الخدمة، أُحيل إلى جهة أخرى، أوراق غير مكتملة، أخرى\u00a0— تحل محل نتائج المراكز الخاصة بها',
    )
    // the target starts on a governorate with an active center; Alexandria (its only center deactivated) says so
    expect(await form.locator('select[name="governorate"]').inputValue()).toBe('EG-C')
    expect(await form.locator('select[name="governorate"] option[value="EG-ALX"]').textContent()).toBe('الإسكندرية (لا مركز عاملًا فيها)')
    expect(await form.locator('[data-reaches-none]').count()).toBe(0)
    await form.locator('select[name="governorate"]').selectOption('EG-ALX')
    expect(await form.locator('[data-reaches-none]').textContent()).toBe(
      'لا تصل هذه الحزمة إلى أي مركز عامل: المراكز التي تستهدفها موقوفة، فستبقى «لم ترد بعد».',
    )
    await form.locator('input[name="kind"][value="centers"]').check()
    expect(await form.locator('[data-reaches-none]').count()).toBe(0)
    expect(await form.locator('input[name="centerIds"][value="EG-ALX-01"] + [data-deactivated]').textContent()).toBe('موقوف')
    await form.locator('input[name="centerIds"][value="EG-ALX-01"]').check()
    await form.locator('[data-reaches-none]').waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])
    await form.locator('input[name="centerIds"][value="EG-ALX-01"]').uncheck()
    // by keyboard: the confirmation takes the focus (on "cancel", which changes nothing) and gives it back
    await form.locator('button[data-action="publish-new"]').focus()
    await page.keyboard.press('Enter')
    await form.locator('[data-confirm-empty]').waitFor()
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
        return el?.getAttribute('data-action') ?? null
      })
    await expect.poll(focused).toBe('publish-cancel')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.keyboard.press('Enter')
    expect(await form.locator('[data-confirm-empty]').count()).toBe(0)
    await expect.poll(focused).toBe('publish-new')
    expect(await hub.store.configBundles.list()).toEqual([])

    // --- the form: target Cairo, a category, the news line, a holiday, A → PASSPORT at Nasr City, the weekly hours
    await form.locator('input[name="kind"][value="governorate"]').check()
    await form.locator('select[name="governorate"]').selectOption(CAIRO)
    await form.locator('button[data-add="priorityCategories"]').click()
    await fill(page, 'input[name="priorityCategories/0/code"]', 'elderly')
    await fill(page, 'input[name="priorityCategories/0/nameAr"]', 'كبار السن')
    await fill(page, 'input[name="priorityCategories/0/nameEn"]', 'Elderly')
    await fill(page, 'input[name="newsAr"]', 'المراكز مغلقة يوم ٦ أكتوبر')
    await fill(page, 'input[name="newsEn"]', 'Centers close on 6 October')
    // dropping one of the centers' outcomes is called out and asks to confirm, as an emptied list does
    await form.locator('[data-part="finishOutcomes"] [data-row="3"] button').click()
    expect(await form.locator('[data-replaces="finishOutcomes"]').textContent()).toBe(
      'نتائج إنهاء الخدمة: تمت الخدمة، أُحيل إلى جهة أخرى، أوراق غير مكتملة\u00a0— ستُحذف من المراكز: أخرى',
    )
    await form.locator('button[data-action="publish-new"]').click()
    await form.locator('[data-confirm-empty]').waitFor()
    await form.locator('button[data-action="publish-cancel"]').click()
    await form.locator('button[data-add="finishOutcomes"]').click()
    await fill(page, 'input[name="finishOutcomes/3/code"]', 'other')
    await fill(page, 'input[name="finishOutcomes/3/nameAr"]', 'أخرى')
    await fill(page, 'input[name="finishOutcomes/3/nameEn"]', 'Other')
    await form.locator('button[data-add="holidays"]').click()
    await fill(page, 'input[name="holidays/0/id"]', 'armed-forces-day')
    await fill(page, 'input[name="holidays/0/from"]', '2026-10-06')
    await fill(page, 'input[name="holidays/0/to"]', '2026-10-07')
    // the date fields show the browser's format (mm/dd/yyyy on this Arabic page); the day is written under each in the page's
    const echo = (key: string) => form.locator(`[data-part="holidays"] [data-row="0"] #holidays-0-${key}-echo`)
    await expect.poll(() => echo('from').textContent()).toBe('٦ أكتوبر ٢٠٢٦')
    expect(await echo('to').textContent()).toBe('٧ أكتوبر ٢٠٢٦')
    expect(await form.locator('input[name="holidays/0/from"]').getAttribute('aria-describedby')).toBe('holidays-0-from-echo')
    await fill(page, 'input[name="holidays/0/nameAr"]', 'عيد القوات المسلحة')
    await fill(page, 'input[name="holidays/0/nameEn"]', 'Armed Forces Day')
    await form.locator('button[data-add="mapping"]').click()
    await form.locator('select[name="mapping/0/center"]').selectOption('EG-CAI-01')
    await fill(page, 'input[name="mapping/0/local"]', 'a')
    await form.locator('select[name="mapping/0/code"]').selectOption('PASSPORT')
    await form.locator('input[name="setHours"]').check()
    // the times in the page's digits, 24-hour: the browser's time field wrote «08:00 AM» here (walk of 2026-12-06)
    const sundayOpens = form.locator('input[name="hours/sun/open"]')
    expect(await sundayOpens.inputValue()).toBe('٠٨:٠٠')
    expect(await form.locator('input[name="hours/sun/close"]').inputValue()).toBe('١٥:٠٠')
    expect(await sundayOpens.getAttribute('type')).toBeNull()
    expect(await form.locator('#hours-time-hint').textContent()).toBe('الأوقات بنظام ٢٤ ساعة، مثل ٠٨:٠٠')
    // a Sunday that closes before it opens, typed in Arabic digits without the leading zero: the hub refuses it and names the field
    const sundayCloses = form.locator('input[name="hours/sun/close"]')
    const closeProblem = form.locator('[data-field-problem="hours/sun/close"]')
    // a time that is none: said under the field once it is left, before anything is sent
    await fill(page, 'input[name="hours/sun/close"]', '٢٥:٠٠')
    expect(await closeProblem.count()).toBe(0)
    await sundayCloses.blur()
    await expect.poll(() => closeProblem.textContent()).toBe('ليست ساعة ودقيقة بنظام الأربع والعشرين ساعة')
    expect(await sundayCloses.getAttribute('aria-invalid')).toBe('true')
    expect(await sundayCloses.getAttribute('aria-describedby')).toBe('hours-time-hint hours-sun-close-problem')
    await fill(page, 'input[name="hours/sun/close"]', '٧:٠٠')
    await sundayCloses.blur()
    expect(await sundayCloses.inputValue()).toBe('٠٧:٠٠')
    // closing before it opens: said under the close field too, in the center's hours tab's words
    await expect.poll(() => closeProblem.textContent()).toBe('موعد الإغلاق ليس بعد موعد الفتح')
    expect(await form.locator('[data-field-problem="hours/sun/open"]').count()).toBe(0)
    await form.locator('button[data-action="publish-new"]').click()
    const error = page.locator('[data-bundle-error]')
    await expect.poll(() => error.textContent()).toContain('رفضت الجهة المركزية الحزمة: قيمة ناقصة أو غير صالحة في الحزمة.')
    expect(await error.locator('bdi').textContent()).toBe(
      'body/contents/weeklyHours/sun/0/close closes at 07:00, not after it opens at 08:00',
    )
    expect(await hub.store.configBundles.list()).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    await fill(page, 'input[name="hours/sun/close"]', '١٥:٣٠')
    await sundayCloses.blur()
    await expect.poll(() => closeProblem.count()).toBe(0)
    expect(await sundayCloses.getAttribute('aria-invalid')).toBeNull()
    const review = JSON.parse((await form.locator('pre[data-review]').textContent()) ?? '{}')
    expect(review.contents.serviceMapping).toEqual({
      'EG-CAI-01': { A: 'PASSPORT' },
    })
    // what is signed is the calendar's HH:MM, whatever digits were typed
    expect(review.contents.weeklyHours.sun).toEqual([{ open: '08:00', close: '15:30' }])
    await form.locator('button[data-action="publish-new"]').click()
    await expect.poll(() => page.locator('[data-bundle-published]').textContent()).toBe('نُشرت الحزمة رقم ١.')

    // --- the center applies it on its next heartbeat; the status view shows what the hub's database holds
    for (let i = 0; i < 50 && (await hub.store.configBundles.stateOf('EG-CAI-01'))?.running !== 1; i++)
      await center.app.tabour.upstream!.nextRound()
    expect((await hub.store.configBundles.stateOf('EG-CAI-01'))?.running).toBe(1)
    const [stored] = await hub.store.configBundles.list()
    expect(stored).toMatchObject({ version: 1, target: { kind: 'governorate', governorate: 'EG-C' } })
    expect(stored!.publishedAt).not.toBeNull()
    await page.locator('[data-table="bundles"] button[data-action="refresh"]').click()
    const row = page.locator('[data-table="bundles"] tr[data-bundle="1"]')
    await expect.poll(() => row.locator('[data-col="applied"]').textContent()).toBe('١ من ٢')
    expect(await row.locator('[data-col="target"]').textContent()).toBe('محافظة القاهرة')
    expect(await row.locator('[data-col="pending"]').textContent()).toBe('١')
    await row.locator('button[data-show="1"]').click()
    const statuses = page.locator('[data-table="bundle-centers"] tbody tr')
    await expect.poll(() => statuses.count()).toBe(2)
    expect(
      await statuses.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-center')} ${r.getAttribute('data-status')}`)),
    ).toEqual(['EG-CAI-01 applied', 'EG-CAI-02 pending'])
    // the pending center has done nothing with this bundle: pending since it was published
    expect(await statuses.nth(1).locator('[data-col="since"]').textContent()).toBe(
      await row.locator('[data-col="published"]').textContent(),
    )
    // a center that has not answered is not shown in the applied green
    const badgeColours = await statuses.evaluateAll((rows) =>
      rows.map((r) => getComputedStyle(r.querySelector('[data-col="status"] .badge')!).backgroundColor),
    )
    expect(badgeColours[1]).not.toBe(badgeColours[0])
    const versions = await page
      .locator('[data-table="center-versions"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-center'), r.querySelector('[data-col="running"]')?.textContent]))
    const states = await hub.store.configBundles.states()
    expect(await page.locator('[data-table="center-versions"] tr[data-center="EG-ALX-01"] [data-deactivated]').textContent()).toBe('موقوف')
    expect(versions).toEqual(['EG-ALX-01', 'EG-CAI-01', 'EG-CAI-02'].map((id) => [id, states.get(id)?.running === 1 ? '١' : 'لا شيء']))
    // the time beside it is when that state began (stored on a change), not the last heartbeat: it says so
    expect(await page.locator('[data-table="center-versions"] th[data-col="since"]').textContent()).toBe('على هذه الحالة منذ')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'bundles-ar.png'), fullPage: true })

    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => row.locator('[data-col="target"]').textContent()).toBe('Governorate Cairo')
    expect(await row.locator('[data-col="applied"]').textContent()).toBe('1 of 2')
    expect(await page.locator('[data-table="bundle-centers"] tr[data-center="EG-CAI-01"] [data-col="status"]').textContent()).toBe(
      'Applied',
    )
    // the form starts from the published bundle: its times in the English page's digits
    expect(await form.locator('input[name="hours/sun/close"]').inputValue()).toBe('15:30')
    expect(await form.locator('#hours-time-hint').textContent()).toBe('24-hour times, e.g. 08:00')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'bundles-en.png'), fullPage: true })

    // --- a center refuses it (no hub key pinned): why, in the page's language from the code; a fleet alert (walk of 2026-12-06)
    await hub.store.configBundles.report({
      centerId: 'EG-CAI-02',
      running: null,
      refused: {
        version: 1,
        code: 'TABOUR_BUNDLE_NO_PINNED_KEY',
        reason: 'no hub key is pinned (upstream.hubPublicKey): a bundle cannot be trusted',
      },
      reportedAt: Date.now(),
    })
    await page.locator('[data-table="bundles"] button[data-action="refresh"]').click()
    await row.locator('button[data-show="1"]').click()
    const refusedRow = page.locator('[data-table="bundle-centers"] tr[data-center="EG-CAI-02"]')
    await expect.poll(() => refusedRow.getAttribute('data-status')).toBe('refused')
    expect(await refusedRow.locator('[data-col="reason"] [data-refusal-code]').textContent()).toBe(
      'The center has no hub key pinned, so it cannot trust any bundle',
    )
    await page.locator('tabour-lang-switch button').click()
    await expect
      .poll(() => refusedRow.locator('[data-col="reason"] [data-refusal-code]').textContent())
      .toBe('لم يُثبَّت مفتاح الجهة المركزية في المركز، فلا يمكنه الوثوق بأي حزمة')
    // the center's own English words stay beside it, isolated left to right
    expect(await refusedRow.locator('[data-center-words] bdi').getAttribute('dir')).toBe('ltr')
    const lastRefusal = page.locator('[data-table="center-versions"] tr[data-center="EG-CAI-02"] [data-col="refusal"]')
    expect(await lastRefusal.textContent()).toBe('الحزمة ١: لم يُثبَّت مفتاح الجهة المركزية في المركز، فلا يمكنه الوثوق بأي حزمة')
    // Arabic in the page's direction: no left-to-right box around it (it read «TABOUR_BUNDLE_NO_PINNED_KEY :الحزمة ١»)
    expect(
      await lastRefusal.locator('[data-refusal-code]').evaluate((e) => e.closest('[dir="ltr"]') === null && getComputedStyle(e).direction),
    ).toBe('rtl')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'bundle-refused-ar.png'), fullPage: true })
    await page.locator('button[data-view="fleet"]').click()
    await expect
      .poll(() => page.locator('[data-alert="bundle-refused"]').textContent())
      .toBe('مركز مصر الجديدة: رفض حزمة الإعدادات رقم ١: لم يُثبَّت مفتاح الجهة المركزية في المركز، فلا يمكنه الوثوق بأي حزمة')
    await page.locator('button[data-view="bundles"]').click()

    // --- an unfinished draft made elsewhere (bundle 2): the form still starts from published bundle 1, and says so (walk s48)
    const admin = { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }
    const unfinished = { ...review.contents, announcement: { ar: 'مسودة لم تكتمل', en: 'Unfinished draft' } }
    const drafted = await hub.app.inject({
      method: 'POST',
      url: '/api/hub/v1/config-bundles',
      headers: admin,
      payload: { ...review, contents: unfinished },
    })
    expect(drafted.statusCode, drafted.body).toBe(201)
    await page.locator('[data-table="bundles"] button[data-action="refresh"]').click()
    await page.locator('button[data-publish="2"]').waitFor()
    expect(await form.locator('input[name="newsEn"]').inputValue()).toBe(review.contents.announcement.en)
    expect(await page.locator('[data-starts-from]').getAttribute('data-starts-from')).toBe('1')
    // and that one of the two Cairo centers refused bundle 1: what it refused is copied too (walk s55)
    expect(await page.locator('[data-starts-from]').textContent()).toMatch(
      /^بدأ هذا النموذج من الحزمة المنشورة رقم ١ \(نُشرت .+\)\. رفضها من المراكز التي تستهدفها ١ من ٢، ونُسخ محتواها هنا كما هو، بما فيه ما رُفضت بسببه \(الأسباب في تفاصيلها أعلاه\)\. المسودة غير المنشورة لم تُنسخ هنا\.$/,
    )
    // --- published meanwhile from another page: this page's Publish is refused (409) and says so, in its words for the code
    expect((await hub.app.inject({ method: 'POST', url: '/api/hub/v1/config-bundles/2/publish', headers: admin })).statusCode).toBe(200)
    await page.locator('button[data-publish="2"]').click()
    await expect
      .poll(() => page.locator('[data-publish-error="2"]').textContent())
      .toBe('لم تُنشر الحزمة رقم ٢: هذه الحزمة منشورة بالفعل، والحزمة المنشورة لا تتغير.')
    // the list, reloaded, shows what bundle 2 is now: published
    await expect.poll(() => page.locator('button[data-publish="2"]').count()).toBe(0)
    // --- the form's bundle is made but its publish gets no answer: a draft, said as one (not "refused"), listed with its Publish button
    const publish3 = '**/api/hub/v1/config-bundles/3/publish'
    await page.route(publish3, (route) => route.abort())
    await form.locator('button[data-action="publish-new"]').click()
    await expect
      .poll(() => page.locator('[data-bundle-error]').textContent())
      .toBe('حُفظت الحزمة رقم ٣ مسودةً ولم تُنشر: لم ترد الجهة المركزية. يمكن نشرها من القائمة أعلاه.')
    await page.locator('button[data-publish="3"]').waitFor()
    await page.unroute(publish3)

    // --- at the center: the mapping is the hub's; its admin sees it read-only, with why
    expect(center.app.tabour.configuration.services.get(passports.id)).toMatchObject({ nationalCode: 'PASSPORT', nationalCodeLocked: true })
    const dash = await suite.contexts.page(LANDSCAPE)
    const centerUrl = await center.listen()
    await dash.goto(`${centerUrl}/dashboard/#config`)
    await dash.locator('form[data-form="login"] input[name="username"]').fill('admin')
    await dash.locator('form[data-form="login"] input[name="password"]').fill(ADMIN_PASSWORD)
    await dash.locator('form[data-form="login"] button[data-action="login"]').click()
    await dash.locator('tabour-config-view button[data-section="services"]').click()
    await dash.locator('tabour-config-view table[data-table="services"] tr[data-service="A"] button[data-edit]').click()
    const locked = dash.locator('tabour-config-view form[data-form="services"] [data-field="nationalCode"][data-locked]')
    await locked.waitFor()
    // shown, not an input: a long national name wraps instead of being cut off (walk s52)
    expect(await locked.locator('input, select').count()).toBe(0)
    expect(await locked.locator('output').textContent()).toBe('PASSPORT\u00a0— جوازات السفر')
    // the letter too: the bundle's mapping names the service by it (walk s52: a renamed letter refused the next bundle)
    const letter = dash.locator('tabour-config-view form[data-form="services"] [data-field="prefix"][data-locked]')
    expect(await letter.locator('output').textContent()).toBe('A')
    expect(await letter.locator('[data-hub-managed]').textContent()).toBe(
      'تربط الجهة المركزية هذه الخدمة بحرفها من خلال حزمة الإعدادات، ولا يمكن تغيير الحرف هنا.',
    )
    expect(await locked.locator('[data-hub-managed]').textContent()).toBe(
      'تحدد الجهة المركزية هذا الربط من خلال حزمة الإعدادات، ولا يمكن تغييره هنا.',
    )
    expect(await seriousAxeViolations(dash)).toEqual([])
    await dash.screenshot({ path: join(SHOTS, 'center-service-locked-ar.png'), fullPage: true })
    // the holiday the bundle set: the hours tab marks it the hub's and offers no remove (the server refuses one: 409
    // HUB_MANAGED; it was removed here and came back with the next bundle)
    await dash.evaluate(() => {
      location.hash = 'hours'
    })
    const hubDay = dash.locator('tabour-hours-view table[data-table="exceptions"] tr[data-exception="2026-10-06"]')
    await hubDay.waitFor()
    expect(await hubDay.locator('[data-hub-managed]').textContent()).toBe(
      'حددتها الجهة المركزية بحزمة الإعدادات؛ تُغيَّر أو تُحذف من الجهة المركزية',
    )
    expect(await hubDay.locator('button[data-action="remove-exception"]').count()).toBe(0)
    // the weekly hours the bundle set: shown, not typed in, under the line saying the hub sets them (walk s52: they stayed
    // editable, and the next bundle set them back; the server now refuses a change, 409 HUB_MANAGED)
    const week = dash.locator('tabour-hours-view [data-section="weekly"]')
    expect(await week.locator('#weekly-hub').textContent()).toMatch(
      /^حددت الجهة المركزية هذه المواعيد بحزمة الإعدادات رقم \S+؛ تُغيَّر من الجهة المركزية لا من هنا$/,
    )
    expect(await week.locator('input.hours-line, input[name="alwaysOpen"]').count()).toBe(0)
    expect(center.app.tabour.configuration.calendar.calendar().weekly?.sun).toEqual([{ open: '08:00', close: '15:30' }])
    const sunday = toWesternDigits((await week.locator('[data-day="sun"] dd').textContent()) ?? '')
    expect(sunday.replace(/[\u2066-\u2069]/g, '')).toBe('08:00–15:30')
    expect(await seriousAxeViolations(dash)).toEqual([])
    await dash.screenshot({ path: join(SHOTS, 'center-hours-hub-ar.png'), fullPage: true })
  })
})
