import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ADMIN_PASSWORD, TestClock } from '../helpers/test-center.ts'
import { listeningCenter } from '../helpers/listening-center.ts'
import { seriousAxeViolations } from './axe.ts'
import { useBrowserSuite } from './browser.ts'
import { dashboardLogin } from './dashboard-login.ts'
import { ROOT } from './ui-build.ts'

/**
 * Holidays and special hours that overlap without being the same (walk s40: accepted silently).
 * They stay accepted (a holiday inside Ramadan hours is what admins write: protocol/calendar-overlaps.ts),
 * and the dashboard now says it: adding one says it overlaps, and both rows say which one applies
 * on the shared days (the shorter), as the month grid then shows. Arabic and English, axe clean.
 * Screenshots in test-results/exception-overlaps/.
 */
const SHOTS = join(ROOT, 'test-results', 'exception-overlaps')
const suite = useBrowserSuite(SHOTS, { setupTimeoutMs: 180_000 })
const DESK = { width: 1366, height: 768 } as const

const WORDS = {
  en: {
    saved: 'Exception saved; it overlaps another, and the list says which one applies on the shared days',
    applies: 'Overlaps “Ramadan hours”: this one applies from 2027-02-20 to 2027-02-22, being the shorter',
    yields: 'Overlaps “Holiday”: “Holiday” applies instead from 2027-02-20 to 2027-02-22, being the shorter',
    past: 'Exception saved, but it ended before today, so it changes no opening hours from now on; check its dates',
    oneDayApplies: 'Overlaps “Ramadan hours”: this one applies on 2027-02-25, being the shorter',
    oneDayYields: 'Overlaps “Founders’ day”: “Founders’ day” applies instead on 2027-02-25, being the shorter',
  },
  ar: {
    saved: 'حُفظ الاستثناء، وهو يتداخل مع استثناء آخر؛ القائمة تبيّن أيهما يسري في الأيام المشتركة',
    applies: 'يتداخل مع «مواعيد رمضان»: من 2027-02-20 إلى 2027-02-22، يسري هذا الاستثناء لأنه الأقصر',
    yields: 'يتداخل مع «إجازة»: من 2027-02-20 إلى 2027-02-22، يسري «إجازة» بدلًا منه لأنه الأقصر',
    past: 'حُفظ الاستثناء، لكنه انتهى قبل اليوم فلا يغيّر أي مواعيد من الآن؛ تحقّق من التاريخين',
    oneDayApplies: 'يتداخل مع «مواعيد رمضان»: في 2027-02-25، يسري هذا الاستثناء لأنه الأقصر',
    oneDayYields: 'يتداخل مع «عيد المؤسسين»: في 2027-02-25، يسري «عيد المؤسسين» بدلًا منه لأنه الأقصر',
  },
} as const

/** Without isolating marks and word joiners (the page keeps names and dates whole and in their direction with them). */
const plain = (s: string | null) =>
  (s ?? '')
    .replace(/[\u2066\u2068\u2069]/g, '')
    .replace(/\u2060/g, '')
    .replace(/\s+/g, ' ')
    .trim()

describe('overlapping holidays and special hours', { timeout: 180_000 }, () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`are accepted and say which one applies on the shared days (${lang})`, async () => {
      const clock = new TestClock(Date.parse('2027-02-01T08:00:00Z'))
      const { center, url } = await listeningCenter({ clock, config: { uiDir: suite.uiDir } }, suite.cleanups)
      const page = await suite.contexts.page(DESK)
      await dashboardLogin(page, url, 'admin', ADMIN_PASSWORD, lang, '#hours')
      const view = page.locator('tabour-hours-view')
      const add = view.locator('form[data-form="exception"]')
      await add.waitFor()
      const addException = async (from: string, to: string, nameAr: string, nameEn: string, hours: string) => {
        await add.locator('input[name="from"]').fill(from)
        await add.locator('input[name="to"]').fill(to)
        await add.locator('input[name="nameAr"]').fill(nameAr)
        await add.locator('input[name="nameEn"]').fill(nameEn)
        await add.locator('input[name="hours"]').fill(hours)
        await add.locator('button[data-action="add-exception"]').click()
        await view.locator(`tr[data-exception="${from}"]`).waitFor()
      }
      await addException('2027-02-08', '2027-03-09', 'مواعيد رمضان', 'Ramadan hours', '10:00-14:00')
      expect(await view.locator('p[data-overlap]').count()).toBe(0)
      await addException('2027-02-20', '2027-02-22', 'إجازة', 'Holiday', '')
      // stored both, as before
      const admin = await center.admin()
      expect((await center.request('GET', '/api/v1/calendar', { token: admin })).json().exceptions).toHaveLength(2)
      // the notice and both rows say it
      expect(await view.locator('[data-message="ok"]').textContent()).toBe(WORDS[lang].saved)
      expect(plain(await view.locator('tr[data-exception="2027-02-20"] p[data-overlap="applies"]').textContent())).toBe(WORDS[lang].applies)
      expect(plain(await view.locator('tr[data-exception="2027-02-08"] p[data-overlap="yields"]').textContent())).toBe(WORDS[lang].yields)
      // and it is so: the month grid shows the holiday on the 21st
      const grid = view.locator('tabour-month-calendar')
      expect(await grid.locator('h3').getAttribute('data-month')).toBe('2027-02')
      expect(await grid.locator('td[data-day="2027-02-21"]').getAttribute('data-state')).toBe('holiday')
      // a one-day holiday inside Ramadan: "on" its day, not "from 2027-02-25 to 2027-02-25" (walk s54)
      await addException('2027-02-25', '2027-02-25', 'عيد المؤسسين', 'Founders’ day', '')
      expect(plain(await view.locator('tr[data-exception="2027-02-25"] p[data-overlap="applies"]').textContent())).toBe(
        WORDS[lang].oneDayApplies,
      )
      expect((await view.locator('tr[data-exception="2027-02-08"] p[data-overlap="yields"]').allTextContents()).map(plain)).toEqual([
        WORDS[lang].yields,
        WORDS[lang].oneDayYields,
      ])
      // one already over (the clock says 1 February) is kept, and the notice says it changes nothing ahead
      await addException('2027-01-10', '2027-01-11', 'إجازة مضت', 'Past holiday', '')
      expect(await view.locator('[data-message="ok"]').textContent()).toBe(WORDS[lang].past)
      expect(await seriousAxeViolations(page), `hours tab, ${lang}`).toEqual([])
      await suite.shot(page, `overlaps-${lang}`)
    })
  }
})
