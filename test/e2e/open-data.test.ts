import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { PHONE, useBrowserSuite } from './browser.ts'

/** A common office screen. */
const DESKTOP = { width: 1366, height: 768 } as const
import { seriousAxeViolations } from './axe.ts'
import { overflowing } from './layout.ts'
import { ROOT } from './ui-build.ts'
import { UpstreamPaths } from '../../protocol/upstream.ts'
import type { LiveQueue, LocalLiveQueue } from '../../protocol/open-data.ts'
import { addNationalService, postSigned, registerCenter, startTestHub } from '../hub/hub-harness.ts'

/**
 * Issue 23, open data in Chromium on a phone (390×844): "the least busy center near me" for a
 * governorate and a service, the shortest typical wait first; a center gone silent listed apart,
 * unranked, with "no recent data", and one that never reported not at all (walk of 2026-12-05: it
 * was ranked among the least busy); every center's lines now; Arabic (RTL, Arabic-Indic digits) and English; no
 * serious axe findings, nothing wider than the screen. Each language shows its own city (hub
 * migration 17): a center with only an English city shows it on the Arabic page marked as English.
 * The same page on a 1366×768 screen, in both languages.
 */

const SHOTS = join(ROOT, 'test-results', 'open-data')
const suite = useBrowserSuite(SHOTS)

describe('the open-data page on a phone', () => {
  it('least busy first, a silent center apart and unranked, one that never reported left out, every center now; Arabic and English', {
    timeout: 180_000,
  }, async () => {
    const hub = await startTestHub({ config: { uiDir: suite.uiDir, openDataCacheMs: 0 } })
    suite.cleanups.push(() => hub.close())
    await addNationalService(hub, 'PASSPORT', { nameAr: 'جوازات السفر', nameEn: 'Passports' })
    await addNationalService(hub, 'CIV-BIRTH', { nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates' })
    const centers: {
      id: string
      nameAr: string
      nameEn: string
      city: Record<string, string>
      live: LiveQueue[] | null
      heartbeatSeconds?: number
    }[] = [
      {
        id: 'EG-CAI-001',
        nameAr: 'مركز مدينة نصر',
        nameEn: 'Nasr City center',
        city: { cityAr: 'مدينة نصر', cityEn: 'Nasr City' },
        live: [
          { nationalCode: 'PASSPORT', waiting: 12, waitSeconds: 1500, open: true },
          { nationalCode: 'CIV-BIRTH', waiting: 0, open: true }, // no counter open: no estimate
        ],
      },
      {
        id: 'EG-CAI-002',
        nameAr: 'مركز مصر الجديدة',
        nameEn: 'Heliopolis center',
        // as registered before the city had two languages: the one city is the English one
        city: { city: 'Heliopolis' },
        live: [{ nationalCode: 'PASSPORT', waiting: 4, waitSeconds: 600, open: true }],
      },
      { id: 'EG-CAI-003', nameAr: 'مركز المعادي', nameEn: 'Maadi center', city: { city: '' }, live: null }, // never reported
      {
        id: 'EG-CAI-004',
        nameAr: 'مركز شبرا',
        nameEn: 'Shubra center',
        city: { cityAr: 'شبرا', cityEn: 'Shubra', city: 'Shubra' },
        live: [{ nationalCode: 'PASSPORT', waiting: 1, waitSeconds: 60, open: true }],
        // its beats are missed within a second: silent by the time the page asks, its last lines naming passports
        heartbeatSeconds: 0.2,
      },
    ]
    // Nasr City's own service, without a national code: listed on its card by its names, marked (it was only said to exist)
    const localLive: LocalLiveQueue[] = [
      { serviceCode: 'N', nameAr: 'توثيق عقود الإيجار', nameEn: 'Lease registration', waiting: 3, waitSeconds: 900, open: true },
    ]
    for (const c of centers) {
      const secret = await registerCenter(hub, c.id, { nameAr: c.nameAr, nameEn: c.nameEn, governorate: 'القاهرة', ...c.city })
      if (!c.live) continue
      const health = { at: Date.now(), countersOpen: 2, devicesFaulty: 0, outboxPending: 0, heartbeatSeconds: c.heartbeatSeconds ?? 60 }
      const beat = await postSigned(hub.url, UpstreamPaths.heartbeat, c.id, secret, {
        centerId: c.id,
        health,
        live: c.live,
        ...(c.id === 'EG-CAI-001' ? { localLive } : {}),
      })
      expect(beat.status).toBe(200)
    }

    const page = await suite.contexts.page(PHONE)
    await page.goto(`${hub.url}/open/`)
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl')
    await page.locator('[data-pick]').waitFor()
    // the services by their Arabic names (جوازات before شهادات), not by the hub's order of codes (walk s48)
    expect(
      await page.locator('select[name="service"] option').evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value)),
    ).toEqual(['', 'PASSPORT', 'CIV-BIRTH'])
    await page.locator('select[name="governorate"]').selectOption('القاهرة')
    await page.locator('select[name="service"]').selectOption('PASSPORT')
    const cards = page.locator('[data-list="nearest"] > li')
    await expect.poll(() => cards.evaluateAll((els) => els.map((e) => e.getAttribute('data-center')))).toEqual(['EG-CAI-002', 'EG-CAI-001'])
    // the silent center apart, not ranked; the one that never reported nowhere in this view
    expect(
      await page.locator('[data-list="no-recent-data"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-center'))),
    ).toEqual(['EG-CAI-004'])
    expect(await page.locator('.stale-title').textContent()).toBe('مراكز بلا أرقام الآن (غير مرتبة)')
    expect(await page.locator('[data-center="EG-CAI-003"]').count()).toBe(0)
    const heliopolis = page.locator('[data-center="EG-CAI-002"]')
    expect(await heliopolis.locator('h3').textContent()).toBe('مركز مصر الجديدة')
    expect(await heliopolis.locator('[data-waiting]').textContent()).toBe('٤ أشخاص ينتظرون')
    expect(await heliopolis.locator('[data-wait]').textContent()).toBe('الانتظار المعتاد الآن: حوالي ١٠ دقائق')
    expect(await heliopolis.locator('[data-updated]').textContent()).toBe('آخر تحديث منذ أقل من دقيقة')
    expect(await page.locator('[data-center="EG-CAI-001"] [data-waiting]').textContent()).toBe('١٢ شخصًا ينتظرون')
    // the Arabic city; an English-only one said to be English, in its own language; none, nothing
    expect(await page.locator('[data-center="EG-CAI-001"] [data-city]').textContent()).toBe('مدينة نصر')
    expect(await heliopolis.locator('[data-city]').textContent()).toBe('Heliopolis (بالإنجليزية)')
    expect(await heliopolis.locator('[data-city] bdi').getAttribute('lang')).toBe('en')
    const shubra = page.locator('[data-center="EG-CAI-004"]')
    expect(await shubra.getAttribute('data-status')).toBe('no_recent_data')
    expect(await shubra.locator('[data-no-data]').textContent()).toBe('لا توجد أرقام الآن')
    expect(await shubra.locator('[data-wait]').count()).toBe(0)
    // a center's own services (no national code) are not ranked here, and the page says where they are
    expect(await page.locator('[data-local-service]').count()).toBe(0)
    expect(await page.locator('[data-unlisted-services]').textContent()).toBe(
      'أقل المراكز ازدحامًا يقارن خدمات الدليل القومي فقط. خدمات المركز الخاصة تظهر في بطاقته ضمن «كل المراكز الآن» بأسمائها عنده، ولا تُقارن بخدمات مراكز أخرى.',
    )
    expect(page.url()).toContain('service=PASSPORT')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-open-data >>> *')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'least-busy-ar.png'), fullPage: true })

    // English: the same list in the same order, in English words and Western digits
    await page.locator('tabour-lang-switch button').click()
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr')
    await expect.poll(() => heliopolis.locator('[data-wait]').textContent()).toBe('Typical wait now: about 10 minutes')
    expect(await heliopolis.locator('[data-waiting]').textContent()).toBe('4 waiting')
    expect(await page.locator('[data-center="EG-CAI-001"] [data-wait]').textContent()).toBe('Typical wait now: about 25 minutes')
    expect(await page.locator('[data-center="EG-CAI-004"] [data-no-data]').textContent()).toBe('No figures now')
    expect(await page.locator('.stale-title').textContent()).toBe('Centers with no figures now (not ranked)')
    expect(await page.locator('[data-center="EG-CAI-001"] [data-city]').textContent()).toBe('Nasr City')
    expect(await heliopolis.locator('[data-city]').textContent()).toBe('Heliopolis')
    expect(page.url()).toContain('lang=en')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'least-busy-en.png'), fullPage: true })

    // every center now
    await page.locator('button[data-view="centers"]').click()
    const nasr = page.locator('[data-list="centers"] [data-center="EG-CAI-001"]')
    await expect
      .poll(() => nasr.locator('[data-service="CIV-BIRTH"] [data-wait]').textContent())
      .toBe('No counter is open for this service now')
    expect(await nasr.locator('[data-service="CIV-BIRTH"] [data-waiting]').textContent()).toBe('Nobody waiting')
    // a wait beside "Nobody waiting" is true at a shared counter: the note says why
    expect(await page.locator('[data-explain-wait]').textContent()).toContain(
      'A counter that serves several services serves the people waiting for any of them, so a service with nobody waiting may still have a wait.',
    )
    expect(await nasr.locator('[data-service="PASSPORT"] strong').textContent()).toBe('Passports')
    expect(await nasr.locator('p.muted').first().textContent()).toBe('Cairo · Nasr City')
    // Maadi never reported: said so, not "no figures now" as if it once had some (walk of 2026-12-06); Shubra went silent
    expect(await page.locator('[data-list="centers"] [data-center="EG-CAI-003"] [data-no-data]').textContent()).toBe(
      'This center has not sent figures yet',
    )
    expect(await page.locator('[data-list="centers"] [data-center="EG-CAI-004"] [data-no-data]').textContent()).toBe('No figures now')
    // Nasr City's own service on its card, by its English name, marked, with its line (walk of 2026-12-06: only said to exist)
    const lease = nasr.locator('[data-local-service="N"]')
    expect(await lease.locator('strong').textContent()).toBe('Lease registration')
    expect(await lease.locator('[data-local-tag]').textContent()).toBe('This center’s own service')
    expect(await lease.locator('[data-waiting]').textContent()).toBe('3 waiting')
    expect(await lease.locator('[data-wait]').textContent()).toBe('Typical wait now: about 15 minutes')
    expect(await page.locator('[data-unlisted-services]').textContent()).toBe(
      'The least busy center compares the national catalogue’s services only. A center’s own services are listed on its card under “All centers now”, by its names for them, and are not compared with other centers’.',
    )
    // by name, as the pickers (by id they read as no order): Heliopolis, Maadi, Nasr City, Shubra
    expect(await page.locator('[data-list="centers"] > li').evaluateAll((els) => els.map((e) => e.getAttribute('data-center')))).toEqual([
      'EG-CAI-002',
      'EG-CAI-003',
      'EG-CAI-001',
      'EG-CAI-004',
    ])
    // the tab says what it does: the governorate picked, not the phone's location
    expect(await page.locator('button[data-view="nearest"]').textContent()).toBe('Least busy center in your governorate')
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-open-data >>> *')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'centers-en.png'), fullPage: true })
    // and in Arabic on the phone: the center's Arabic name for it, the mark in Arabic, Arabic-Indic digits
    await page.locator('tabour-lang-switch button').click()
    await expect.poll(() => lease.locator('[data-local-tag]').textContent()).toBe('خدمة خاصة بهذا المركز')
    expect(await lease.locator('strong').textContent()).toBe('توثيق عقود الإيجار')
    expect(await lease.locator('[data-waiting]').textContent()).toBe('٣ أشخاص ينتظرون')
    // the card's lines by their Arabic names too, as the picker: جوازات السفر, شهادات الميلاد (the hub sends them by code)
    expect(await nasr.locator('[data-service]').evaluateAll((els) => els.map((e) => e.getAttribute('data-service')))).toEqual([
      'PASSPORT',
      'CIV-BIRTH',
    ])
    expect(await seriousAxeViolations(page)).toEqual([])
    expect(await overflowing(page, 'tabour-open-data >>> *')).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'centers-ar.png'), fullPage: true })

    // an office screen, both languages, both views: nothing wider than the screen, no serious axe finding
    const wide = await suite.contexts.page(DESKTOP)
    for (const lang of ['ar', 'en'] as const) {
      await wide.goto(`${hub.url}/open/?lang=${lang}&governorate=EG-C&service=PASSPORT`)
      await wide.locator('[data-list="nearest"] [data-center="EG-CAI-002"] [data-wait]').waitFor()
      const city = wide.locator('[data-list="nearest"] [data-center="EG-CAI-001"] [data-city]')
      expect(await city.textContent()).toBe(lang === 'ar' ? 'مدينة نصر' : 'Nasr City')
      expect(await seriousAxeViolations(wide)).toEqual([])
      expect(await overflowing(wide, 'tabour-open-data >>> *')).toEqual([])
      await wide.screenshot({ path: join(SHOTS, `least-busy-${lang}-1366.png`), fullPage: true })
      await wide.locator('button[data-view="centers"]').click()
      const place = wide.locator('[data-list="centers"] [data-center="EG-CAI-001"] p.muted').first()
      await expect.poll(() => place.textContent()).toBe(lang === 'ar' ? 'القاهرة · مدينة نصر' : 'Cairo · Nasr City')
      expect(await wide.locator('[data-list="centers"] [data-center="EG-CAI-003"] [data-no-data]').textContent()).toBe(
        lang === 'ar' ? 'لم يرسل هذا المركز أرقامًا بعد' : 'This center has not sent figures yet',
      )
      expect(await seriousAxeViolations(wide)).toEqual([])
      expect(await overflowing(wide, 'tabour-open-data >>> *')).toEqual([])
      await wide.screenshot({ path: join(SHOTS, `centers-${lang}-1366.png`), fullPage: true })
    }
  })
})
