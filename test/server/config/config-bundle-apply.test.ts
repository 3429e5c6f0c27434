import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateKeyPairSync, sign } from 'node:crypto'
import { TestCenter } from '../../helpers/test-center.ts'
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

const contents = (over: Record<string, unknown> = {}) => ({
  priorityCategories: [{ code: 'veterans', nameAr: 'المحاربون القدامى', nameEn: 'Veterans' }],
  finishOutcomes: [{ code: 'served', nameAr: 'تمت الخدمة', nameEn: 'Served' }],
  holidays: [],
  announcement: { ar: '', en: '' },
  messageTexts: [],
  ...over,
})

let center: TestCenter
beforeAll(async () => {
  center = await TestCenter.start()
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
    const holiday = {
      id: 'h1',
      from: '2026-10-06',
      to: '2026-10-06',
      nameAr: 'عطلة',
      nameEn: 'Holiday',
      hours: [],
      nationalCodes: ['PASSPORT'],
    }
    expect(bundles().receive(signed(7, contents({ holidays: [holiday] })), 7, pinned)).toEqual({ version: 7, outcome: 'applied' })
    expect(categories()).toEqual(['veterans'])
    expect(center.app.tabour.config.queue.finishOutcomes.map((o) => o.code)).toEqual(['served'])
    const exceptions = center.app.tabour.configuration.calendar.calendar().exceptions
    expect(exceptions).toEqual([expect.objectContaining({ uid: 'hub:h1', serviceIds: [expect.any(Number)] })])
    expect(bundleAudits()).toBe(1)
    expect(bundles().report()).toEqual({ running: 7 })
    expect(bundles().state(pinned)).toMatchObject({ keyPinned: true, running: { version: 7 }, lastRefusal: null })
    expect(bundles().wants(7)).toBe(false)
    expect(bundles().wants(8)).toBe(true)
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
})
