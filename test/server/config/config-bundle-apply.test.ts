import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPairSync, sign } from 'node:crypto'
import { TestCenter } from '../../helpers/test-center.ts'
import { minimalBundleDraft } from '../../helpers/bundle-draft.ts'
import { setByHub } from '../../../protocol/config-bundle.ts'
import { NationalServicesRepo } from '../../../server/db/repositories/national-services-repo.ts'

/**
 * A center's side of the hub's configuration bundles, without a hub: bundles signed here with a
 * key of the test's own are handed to the center's bundle commands. A bundle is applied whole or
 * not at all: a refusal found late (a message placeholder, after the priority categories) leaves
 * no trace of the parts before it.
 */

const { privateKey, publicKey } = generateKeyPairSync('ed25519')
const pinned = publicKey.export({ format: 'der', type: 'spki' }).toString('base64')
const other = generateKeyPairSync('ed25519')

function signed(version: number, contents: Record<string, unknown>, key = privateKey) {
  const payload = JSON.stringify({ version, issuedAt: 1, contents })
  return { version, payload, signature: sign(null, Buffer.from(payload, 'utf8'), key).toString('base64') }
}

const CENTER_ID = 'EG-TST-01'
const CATALOGUE = {
  version: 'bundle-catalogue',
  services: [
    { code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' },
    { code: 'CIV-BIRTH', nameAr: 'شهادات الميلاد', nameEn: 'Birth certificates', groupAr: 'الأحوال المدنية', groupEn: 'Civil registry' },
  ],
}

/** The hub's holiday for the mapped service that bundles 7 and 9 carry. */
const holiday = {
  id: 'h1',
  from: '2026-10-06',
  to: '2026-10-06',
  nameAr: 'عطلة',
  nameEn: 'Holiday',
  hours: [],
  nationalCodes: ['PASSPORT'],
}

const contents = (over: Record<string, unknown> = {}) => ({ ...minimalBundleDraft(), nationalCatalogue: CATALOGUE, ...over })

let center: TestCenter
beforeAll(async () => {
  center = await TestCenter.start()
  // the center's registered id, which a bundle's mapping names; without a hub address and secret (config allows the three only
  // together) so that no reporter runs: the bundles are handed over by the test
  center.app.tabour.config.upstream.centerId = CENTER_ID
  new NationalServicesRepo(center.app.tabour.db).replace({
    version: 'test',
    services: [{ code: 'PASSPORT', nameAr: 'جوازات', nameEn: 'Passports', groupAr: '', groupEn: '' }],
  })
  await center.createService({ prefix: 'P', nameEn: 'Passports', nationalCode: 'PASSPORT' })
})
afterAll(() => center.close())

const bundles = () => center.app.tabour.configBundles
const categories = () => center.app.tabour.config.queue.priorityCategories.map((c) => c.code)
const bundleAudits = () =>
  (center.app.tabour.db.prepare(`SELECT data FROM events WHERE type = 'config.changed'`).all() as { data: string }[]).filter((r) =>
    r.data.includes('config-bundle.apply'),
  ).length

describe("a center's bundle commands", () => {
  it('refuse a bundle whose late part is invalid without applying its earlier parts', () => {
    const before = categories()
    const outcome = bundles().receive(
      signed(1, contents({ messageTexts: [{ kind: 'ticket_called', lang: 'en', text: 'Go to {nowhere}' }] })),
      1,
      pinned,
    )
    expect(outcome).toMatchObject({ outcome: 'refused', code: 'TABOUR_BUNDLE_INVALID' })
    expect(categories()).toEqual(before)
    expect(bundleAudits()).toBe(0)
    expect(bundles().report()).toMatchObject({ running: null, refused: { version: 1, code: 'TABOUR_BUNDLE_INVALID' } })
    // a refused version is not fetched again
    expect(bundles().wants(1)).toBe(false)
  })

  it('write a change-log row for a refused bundle, by the hub, with its code and reason (walk s52: only the hub knew)', async () => {
    const audit = (await center.request('GET', '/api/v1/settings/audit?limit=100', { token: await center.admin() })).json() as {
      command: string
      method: string
      params: Record<string, unknown>
      body: Record<string, unknown>
      status: number
    }[]
    const refusals = audit.filter((a) => a.command === 'config-bundle.refuse')
    expect(refusals).toEqual([
      expect.objectContaining({
        method: 'HUB',
        params: { version: 1 },
        body: { version: 1, code: 'TABOUR_BUNDLE_INVALID', reason: expect.stringMatching(/^bundle 1: /) },
        // refused, not a success: it read 200 beside the refusal's code (walk s52)
        status: 422,
      }),
    ])
  })

  it('refuse a holiday naming a national service no local service maps to, and one signed with another key', () => {
    const holiday = { id: 'h1', from: '2026-10-06', to: '2026-10-06', nameAr: 'عطلة', nameEn: 'Holiday', hours: [] }
    expect(bundles().receive(signed(2, contents({ holidays: [{ ...holiday, nationalCodes: ['TRAFFIC'] }] })), 2, pinned)).toMatchObject({
      outcome: 'refused',
      code: 'TABOUR_BUNDLE_UNKNOWN_REFERENCE',
      reason: 'bundle 2: holiday h1 names national service TRAFFIC, which no service of this center maps to',
    })
    expect(bundles().receive(signed(3, contents(), other.privateKey), 3, pinned)).toMatchObject({ code: 'TABOUR_BUNDLE_BAD_SIGNATURE' })
    expect(bundles().receive(signed(4, contents()), 4, undefined)).toMatchObject({ code: 'TABOUR_BUNDLE_NO_PINNED_KEY' })
    expect(bundles().receive(signed(5, contents()), 6, pinned)).toMatchObject({ code: 'TABOUR_BUNDLE_MALFORMED' })
    expect(bundleAudits()).toBe(0)
  })

  it('apply a good one whole: a holiday for the mapped service, the categories, the outcomes, one audit row with the version', () => {
    expect(bundles().receive(signed(7, contents({ holidays: [holiday] })), 7, pinned)).toEqual({ version: 7, outcome: 'applied' })
    expect(categories()).toEqual(['veterans'])
    expect(center.app.tabour.config.queue.finishOutcomes.map((o) => o.code)).toEqual(['served'])
    const exceptions = center.app.tabour.configuration.calendar.calendar().exceptions
    expect(exceptions).toEqual([expect.objectContaining({ uid: 'hub:h1', serviceIds: [expect.any(Number)] })])
    // the hours tab marks it "set by the national hub" (dashboard-ui/hours-view.ts)
    expect(exceptions.map(setByHub)).toEqual([true])
    expect(bundleAudits()).toBe(1)
    expect(bundles().report()).toEqual({ running: 7 })
    expect(bundles().state(pinned)).toMatchObject({ keyPinned: true, running: { version: 7 }, lastRefusal: null })
    expect(bundles().wants(7)).toBe(false)
    expect(bundles().wants(8)).toBe(true)
  })

  it('say in the change log that the hub made every change of a bundle, not a request that never arrived (walk s51)', async () => {
    const audit = (await center.request('GET', '/api/v1/settings/audit?limit=100', { token: await center.admin() })).json() as {
      command: string
      method: string
      route: string
      userId: number | null
    }[]
    // the rows bundle 7 wrote (in its one transaction): the calendar and the settings beside the bundle's own row; its news
    // line, empty, is the center's already, so no row says it changed (walk s55)
    const fromBundle = audit.filter((a) => ['calendar.update', 'news.set', 'settings.update', 'config-bundle.apply'].includes(a.command))
    expect(fromBundle.map((a) => a.command).sort()).toEqual(['calendar.update', 'config-bundle.apply', 'settings.update'])
    for (const a of fromBundle) expect(a, a.command).toMatchObject({ method: 'HUB', route: '/config-bundle', userId: null })
  })

  it('name the hub for the rows a bundle wrote before session 51 too (no `by`, "PUT /calendar" by the system), known by the bundle row beside them', async () => {
    const db = center.app.tabour.db
    const add = db.prepare(
      `INSERT INTO events (at, day, type, user_id, device_id, data) VALUES (?, '2026-06-01', 'config.changed', NULL, NULL, ?)`,
    )
    // as an older center wrote a bundle's transaction: its commands' rows, then the bundle's own, all at one moment
    const at = Date.UTC(2026, 5, 1, 9)
    const old = [
      add.run(at, JSON.stringify({ command: 'calendar.update', params: {}, body: { exceptions: [] } })).lastInsertRowid,
      add.run(at, JSON.stringify({ command: 'news.set', params: {}, body: { ar: 'خبر', en: 'News' } })).lastInsertRowid,
    ]
    add.run(at, JSON.stringify({ command: 'config-bundle.apply', params: { version: 3 }, body: { version: 3 } }))
    // a change by the system at another moment is no bundle's
    const alone = add.run(at + 1, JSON.stringify({ command: 'settings.update', params: {}, body: {} })).lastInsertRowid
    const audit = (await center.request('GET', '/api/v1/settings/audit?limit=200', { token: await center.admin() })).json() as {
      id: number
      method: string
      route: string
    }[]
    const byId = (id: number | bigint) => audit.find((a) => a.id === Number(id))
    for (const id of old) expect(byId(id)).toMatchObject({ method: 'HUB', route: '/config-bundle' })
    expect(byId(alone)).toMatchObject({ method: 'PUT', route: '/settings' })
  })

  it('refuse a change at the center of a holiday the hub set (409 HUB_MANAGED): removed, it came back with the next bundle', async () => {
    const admin = await center.admin()
    const put = (body: unknown) => center.request('PUT', '/api/v1/calendar', { token: admin, body })
    const saved = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    const hub = saved.exceptions.find(setByHub)
    expect(hub).toMatchObject({ uid: 'hub:h1' })
    const refused = (res: Awaited<ReturnType<typeof put>>, field: string) => {
      expect(res.statusCode, res.body).toBe(409)
      expect(res.json()).toMatchObject({ code: 'TABOUR_ERR_HUB_MANAGED', field, reason: 'hub-managed' })
    }
    // the dashboard's remove button sent this: the calendar without it
    refused(await put({ ...saved, exceptions: saved.exceptions.filter((e: { uid?: string }) => !setByHub(e)) }), 'exceptions')
    refused(await put({ ...saved, exceptions: [{ ...hub, nameEn: 'Renamed here' }] }), 'exceptions/0')
    refused(
      await put({ ...saved, exceptions: [hub, { ...hub, uid: 'hub:made-up', from: '2026-11-01', to: '2026-11-01' }] }),
      'exceptions/1',
    )
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:hub:h1',
      'DTSTART;VALUE=DATE:20261007',
      'SUMMARY:Mine now',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    const imported = await center.request('POST', '/api/v1/calendar/ics', { token: admin, body: { ics } })
    expect(imported.statusCode, imported.body).toBe(409)
    expect(imported.json()).toMatchObject({ code: 'TABOUR_ERR_HUB_MANAGED' })
    expect(center.app.tabour.configuration.calendar.calendar().exceptions).toEqual(saved.exceptions)
    // the center's own days beside it, and the hours saved with it as it was (keys in another order), are the center's to change
    const own = { from: '2026-11-02', to: '2026-11-02', nameAr: 'يوم المركز', nameEn: "The center's day", hours: [] }
    const reordered = Object.fromEntries(Object.entries(hub).reverse())
    const ok = await put({ ...saved, exceptions: [reordered, own] })
    expect(ok.statusCode, ok.body).toBe(200)
    expect((await put({ ...saved, exceptions: [hub] })).statusCode).toBe(200)
  })

  it('refuse a bundle carrying an invisible direction control, as the config file and every command do', () => {
    const before = center.app.tabour.config.queue.finishOutcomes
    const outcome = bundles().receive(
      signed(8, contents({ finishOutcomes: [{ code: 'served', nameAr: 'تمت\u202Eالخدمة', nameEn: 'Served' }] })),
      8,
      pinned,
    )
    expect(outcome).toMatchObject({ outcome: 'refused', code: 'TABOUR_BUNDLE_INVALID' })
    expect(bundles().report()).toMatchObject({ refused: { version: 8, code: 'TABOUR_BUNDLE_INVALID' } })
    expect(center.app.tabour.config.queue.finishOutcomes).toEqual(before)
  })

  it('log no change of the hours, the news line or the categories a bundle leaves as they are (walk s55: "Opening hours changed" of no change)', async () => {
    const audit = async () =>
      (
        (await center.request('GET', '/api/v1/settings/audit?limit=200', { token: await center.admin() })).json() as {
          id: number
          command: string
        }[]
      ).filter((a) => ['calendar.update', 'news.set', 'settings.update'].includes(a.command))
    const before = (await audit()).map((a) => a.id)
    const since = async () => (await audit()).filter((a) => !before.includes(a.id)).map((a) => a.command)
    const calendar = center.app.tabour.configuration.calendar.calendar()
    // bundle 9: the holiday, the categories and the (empty) news line the center already has, no weekly hours
    expect(bundles().receive(signed(9, contents({ holidays: [holiday] })), 9, pinned)).toEqual({ version: 9, outcome: 'applied' })
    expect(await since()).toEqual([])
    expect(center.app.tabour.configuration.calendar.calendar()).toEqual(calendar)
    // bundle 10: a news line and no holiday: both change, and each says so once; the same categories again say nothing
    const news = { ar: 'خبر من الجهة المركزية', en: 'News from the hub' }
    expect(bundles().receive(signed(10, contents({ announcement: news })), 10, pinned)).toEqual({ version: 10, outcome: 'applied' })
    expect((await since()).sort()).toEqual(['calendar.update', 'news.set'])
    expect(center.app.tabour.configuration.center.news()).toMatchObject(news)
    expect(center.app.tabour.configuration.calendar.calendar().exceptions.filter(setByHub)).toEqual([])
  })
})

describe("a bundle's national catalogue, service mapping and hours template (issue 23)", () => {
  const hours = { open: '08:00', close: '15:00' }
  const week = (mon = [hours]) => ({ mon, tue: [hours], wed: [hours], thu: [hours], fri: [], sat: [hours], sun: [hours] })
  const service = (prefix: string) =>
    center.app.tabour.configuration.services.get(
      center.app.tabour.db.prepare('SELECT id FROM services WHERE prefix = ?').pluck().get(prefix) as number,
    )
  const mappingAudits = () =>
    (center.app.tabour.db.prepare(`SELECT data FROM events WHERE type = 'config.changed'`).all() as { data: string }[])
      .map((r) => JSON.parse(r.data))
      .filter((d) => d.command === 'service.national-mapping')
      .map((d) => d.body.mapping)

  it('refuse a mapping naming a service the center lacks, or a code its catalogue lacks, and bad hours, whole and with a reason', async () => {
    await center.createService({ prefix: 'B', nameEn: 'Births' })
    const before = { p: service('P'), b: service('B'), weekly: center.app.tabour.configuration.calendar.calendar().weekly }
    const refusals = [
      [
        contents({ serviceMapping: { [CENTER_ID]: { B: 'CIV-BIRTH', Z: 'PASSPORT' } } }),
        'TABOUR_BUNDLE_UNKNOWN_SERVICE',
        'bundle 20: the mapping names service Z, which this center does not have',
      ],
      [
        contents({ serviceMapping: { [CENTER_ID]: { B: 'TRAFFIC' } } }),
        'TABOUR_BUNDLE_UNKNOWN_NATIONAL_CODE',
        "bundle 21: the mapping gives service B the national code TRAFFIC, which the bundle's catalogue does not hold",
      ],
      [
        contents({ weeklyHours: week([{ open: '15:00', close: '08:00' }]) }),
        'TABOUR_BUNDLE_INVALID',
        'bundle 22: /contents/weeklyHours/mon/0/close closes at 08:00, not after it opens at 15:00',
      ],
      [
        contents({ weeklyHours: { ...week(), sun: undefined } }),
        'TABOUR_BUNDLE_MISSING_FIELD',
        'bundle 23: /contents/weeklyHours/sun is missing',
      ],
      [contents({ serviceMapping: { [CENTER_ID]: { b: 'PASSPORT' } } }), 'TABOUR_BUNDLE_INVALID', undefined],
    ] as const
    for (const [i, [c, code, reason]] of refusals.entries()) {
      const version = 20 + i
      const outcome = bundles().receive(signed(version, JSON.parse(JSON.stringify(c))), version, pinned)
      expect(outcome, code).toMatchObject({ outcome: 'refused', code, ...(reason ? { reason } : {}) })
    }
    expect({ p: service('P'), b: service('B'), weekly: center.app.tabour.configuration.calendar.calendar().weekly }).toEqual(before)
    expect(mappingAudits()).toEqual([])
  })

  it("apply the catalogue, this center's mapping (locked: the admin cannot change it) and the hours in one transaction; a later bundle without a mapping unlocks", async () => {
    // the holiday names CIV-BIRTH, which only this bundle's mapping gives a service: the mapping is in place before the holidays are read
    const holiday = {
      id: 'h2',
      from: '2026-11-01',
      to: '2026-11-01',
      nameAr: 'عطلة',
      nameEn: 'Closed',
      hours: [],
      nationalCodes: ['CIV-BIRTH'],
    }
    const mapped = contents({
      serviceMapping: { [CENTER_ID]: { B: 'CIV-BIRTH', P: 'PASSPORT' }, 'EG-OTHER-01': { A: 'PASSPORT' } },
      weeklyHours: week(),
      holidays: [holiday],
    })
    expect(bundles().receive(signed(30, mapped), 30, pinned)).toEqual({ version: 30, outcome: 'applied' })
    expect(service('B')).toMatchObject({ nationalCode: 'CIV-BIRTH', nationalCodeLocked: true })
    expect(service('P')).toMatchObject({ nationalCode: 'PASSPORT', nationalCodeLocked: true })
    const cal = center.app.tabour.configuration.calendar.calendar()
    expect(cal.weekly).toEqual(week())
    expect(cal.exceptions.find((e) => e.uid === 'hub:h2')?.serviceIds).toEqual([service('B').id])
    expect(new NationalServicesRepo(center.app.tabour.db).version()).toBe('bundle-catalogue')
    expect(mappingAudits()).toEqual([{ B: 'CIV-BIRTH', P: 'PASSPORT' }])
    expect(bundles().state(pinned).running?.managed).toEqual([
      'priorityCategories',
      'finishOutcomes',
      'holidays',
      'announcement',
      'messageTexts',
      'serviceMapping',
      'weeklyHours',
      'nationalCatalogue',
    ])
    // the center admin sees the code, cannot change it (a stable code), may still rename the service
    const admin = await center.admin()
    const locked = await center.request('PATCH', `/api/v1/services/${service('B').id}`, {
      token: admin,
      body: { nationalCode: 'PASSPORT' },
    })
    expect(locked.statusCode).toBe(409)
    expect(locked.json().code).toBe('TABOUR_ERR_NATIONAL_CODE_LOCKED')
    expect(
      (await center.request('PATCH', `/api/v1/services/${service('B').id}`, { token: admin, body: { nameEn: 'Birth certificates' } }))
        .statusCode,
    ).toBe(200)
    // nor its letter: the bundle's mapping names it by letter, and a renamed B refused the next bundle whole (walk s52);
    // the form sends the letter unchanged with every save, which stays allowed
    const renamed = await center.request('PATCH', `/api/v1/services/${service('B').id}`, { token: admin, body: { prefix: 'K' } })
    expect(renamed.statusCode).toBe(409)
    expect(renamed.json()).toMatchObject({ code: 'TABOUR_ERR_SERVICE_PREFIX_LOCKED', field: 'prefix', reason: 'locked' })
    expect(service('B').prefix).toBe('B')
    expect(
      (await center.request('PATCH', `/api/v1/services/${service('B').id}`, { token: admin, body: { prefix: 'B', nameEn: 'Births' } }))
        .statusCode,
    ).toBe(200)
    // nor the weekly hours the bundle set, as its holidays (walk s52: edited here, the next bundle set them back)
    const putCalendar = (body: unknown) => center.request('PUT', '/api/v1/calendar', { token: admin, body })
    const saved = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    const later = await putCalendar({ ...saved, weekly: { ...saved.weekly, tue: [{ open: '09:00', close: '15:00' }] } })
    expect(later.statusCode, later.body).toBe(409)
    expect(later.json()).toMatchObject({
      code: 'TABOUR_ERR_HUB_MANAGED',
      field: 'weekly/tue',
      reason: 'hub-managed',
      message: "body/weekly/tue: the national hub's configuration bundle 30 sets the weekly hours; they are changed at the hub, not here",
    })
    expect((await putCalendar({ ...saved, weekly: null })).json()).toMatchObject({ code: 'TABOUR_ERR_HUB_MANAGED', field: 'weekly' })
    expect(center.app.tabour.configuration.calendar.calendar().weekly).toEqual(week())
    // the rest of the calendar stays the center's: saved with the week as the bundle set it (the hours tab sends it back)
    const closing = await putCalendar({ ...saved, cancelAfterMinutes: saved.cancelAfterMinutes + 5 })
    expect(closing.statusCode, closing.body).toBe(200)

    // a bundle with no entry for this center: the hub no longer manages its mapping (codes kept, unlocked); hours null: the center's stay
    const { holidays: _h, ...rest } = contents()
    expect(bundles().receive(signed(31, { ...rest, holidays: [] }), 31, pinned)).toEqual({ version: 31, outcome: 'applied' })
    expect(service('B').nationalCode).toBe('CIV-BIRTH')
    expect(service('B').nationalCodeLocked).toBeUndefined()
    expect(center.app.tabour.configuration.calendar.calendar().weekly).toEqual(week())
    expect(bundles().state(pinned).running?.managed).toEqual([
      'priorityCategories',
      'finishOutcomes',
      'holidays',
      'announcement',
      'messageTexts',
      'nationalCatalogue',
    ])
    const freed = await center.request('PATCH', `/api/v1/services/${service('B').id}`, { token: admin, body: { nationalCode: 'PASSPORT' } })
    expect(freed.statusCode).toBe(200)
    // and its letter is the center's again
    const letter = await center.request('PATCH', `/api/v1/services/${service('B').id}`, { token: admin, body: { prefix: 'K' } })
    expect(letter.statusCode).toBe(200)
    // and its week (the bundle's weeklyHours is null)
    const ours = (await center.request('GET', '/api/v1/calendar', { token: admin })).json()
    const week2 = await putCalendar({ ...ours, weekly: { ...ours.weekly, tue: [{ open: '09:00', close: '15:00' }] } })
    expect(week2.statusCode, week2.body).toBe(200)
  })
})
