import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { hubSqliteFile } from '../../hub/config.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import { HubStore } from '../../hub/store/store.ts'
import type { CenterView } from '../../protocol/hub-api.ts'
import type { OpenCenters } from '../../protocol/open-data.ts'
import { cityIn } from '../../protocol/hub-city.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { BACKENDS, HUB_ADMIN_TOKEN, startTestHub, type TestHub } from './hub-harness.ts'
import { finalHour, ingestNow } from './final-hour.ts'

/**
 * A center's city in Arabic and in English (hub migration 17). The hub kept one `city` string,
 * typed in Latin letters, so the Arabic open-data page and dashboard showed "Nasr City". Now the
 * registration, the change, the answers (read API, fleet, open data) and the CSV carry both; a
 * request's `city` is the English one (as before), and a center registered before keeps its city
 * as the English one with the Arabic one empty.
 */

const DAY = '2026-03-10'
const admin = (hub: TestHub, method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
  hub.app.inject({ method, url: `/api/hub/v1/admin/${url}`, headers: { authorization: `Bearer ${HUB_ADMIN_TOKEN}` }, payload })
const get = async <T>(hub: TestHub, url: string): Promise<T> => (await hub.app.inject({ url: `/api/hub/v1/${url}` })).json()
const center = (id: string, extra: Record<string, unknown>) => ({
  id,
  nameAr: `مركز ${id}`,
  nameEn: `Center ${id}`,
  governorate: 'Cairo',
  kind: 'fixed',
  ...extra,
})

describe.each(BACKENDS)("a center's city in two languages on %s", (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('registers, changes and answers both names; `city` is the English one; a conflict is refused', async () => {
    hub = await startTestHub({ backend })
    expect((await admin(hub, 'POST', 'centers', center('C1', { cityAr: 'مدينة نصر', cityEn: 'Nasr City' }))).statusCode).toBe(201)
    const legacy = await admin(hub, 'POST', 'centers', center('C2', { city: 'Smouha' }))
    expect(legacy.statusCode).toBe(201)
    expect(legacy.json().center).toMatchObject({ cityAr: '', cityEn: 'Smouha', city: 'Smouha' })
    const conflict = await admin(hub, 'POST', 'centers', center('C3', { city: 'Heliopolis', cityEn: 'Masr El Gedida' }))
    expect([conflict.statusCode, conflict.json().code]).toEqual([400, 'HUB_ERR_VALIDATION'])
    expect(conflict.json().message).toMatch(/^body\/city: /)
    const long = await admin(hub, 'POST', 'centers', center('C4', { cityAr: 'س'.repeat(101) }))
    expect([long.statusCode, long.json().code]).toEqual([400, 'HUB_ERR_VALIDATION'])

    const patched = await admin(hub, 'PATCH', 'centers/C2', { cityAr: ' سموحة ' })
    expect(patched.json()).toMatchObject({ cityAr: 'سموحة', cityEn: 'Smouha' })
    expect((await admin(hub, 'PATCH', 'centers/C2', { city: 'Smouha', cityEn: 'Sidi Gaber' })).statusCode).toBe(400)

    const centers = await get<CenterView[]>(hub, 'centers')
    expect(centers.map((c) => [c.id, c.cityAr, c.cityEn, c.city])).toEqual([
      ['C1', 'مدينة نصر', 'Nasr City', 'Nasr City'],
      ['C2', 'سموحة', 'Smouha', 'Smouha'],
    ])
    const fleet = await get<{ centers: CenterView[] }>(hub, 'fleet')
    expect(fleet.centers.map((c) => c.cityAr)).toEqual(['مدينة نصر', 'سموحة'])
    const open = await get<OpenCenters>(hub, 'open/centers')
    expect(open.centers.map((c) => [c.cityAr, c.cityEn])).toEqual([
      ['مدينة نصر', 'Nasr City'],
      ['سموحة', 'Smouha'],
    ])
  })

  it('the by-center CSV has both cities, headed in the language asked for', async () => {
    hub = await startTestHub({ backend })
    await admin(hub, 'POST', 'centers', center('C1', { cityAr: 'مدينة نصر', cityEn: 'Nasr City' }))
    const rows = [{ serviceCode: 'A', serviceNameAr: 'أ', serviceNameEn: 'A', ...zeroCounts(), issued: 3 }]
    const batch = finalHour('C1', DAY, rows)
    await ingestNow(hub.store, batch)
    const csv = async (lang: string) => (await hub.app.inject({ url: `/api/hub/v1/figures.csv?from=${DAY}&by=center&lang=${lang}` })).body
    const [head, line] = (await csv('ar')).replace(/^\uFEFF/, '').split('\r\n')
    const cols = head!.split(',')
    const cells = line!.split(',')
    expect(cells[cols.indexOf('المدينة بالعربية')]).toBe('مدينة نصر')
    expect(cells[cols.indexOf('المدينة بالإنجليزية')]).toBe('Nasr City')
    expect((await csv('en')).split('\r\n')[0]).toContain('Governorate,City (Arabic),City (English)')
    // by governorate there is no one city
    expect((await hub.app.inject({ url: `/api/hub/v1/figures.csv?from=${DAY}&by=governorate&lang=en` })).body).not.toContain('City')
  })

  it('migration 17 keeps the one city as the English one, the Arabic one empty', async () => {
    hub = await startTestHub({
      backend,
      seed: async (config) => {
        const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }))
        try {
          expect(await store.migrate(hubMigrations.filter((m) => m.version < 17))).toBe(16)
          await sql`INSERT INTO hub_centers (id, name_ar, name_en, governorate, city, kind, secret, active, created_at)
            VALUES ('OLD', 'مركز مدينة نصر', 'Nasr City center', 'EG-C', 'Nasr City', 'fixed', 'a-secret-of-sixteen-chars', 1, 1)`.execute(
            store.db,
          )
        } finally {
          await store.close()
        }
      },
    })
    expect(await hub.store.getCenter('OLD')).toMatchObject({ cityAr: '', cityEn: 'Nasr City' })
    const [old] = await get<CenterView[]>(hub, 'centers')
    expect(old).toMatchObject({ cityAr: '', cityEn: 'Nasr City', city: 'Nasr City' })
  })
})

describe('the city a page shows', () => {
  it("is its own language's; else the other one, said to be in that language; else none", () => {
    const both = { cityAr: 'مدينة نصر', cityEn: 'Nasr City' }
    expect(cityIn(both, 'ar')).toEqual({ text: 'مدينة نصر', lang: 'ar' })
    expect(cityIn(both, 'en')).toEqual({ text: 'Nasr City', lang: 'en' })
    expect(cityIn({ cityAr: '', cityEn: 'Nasr City' }, 'ar')).toEqual({ text: 'Nasr City', lang: 'en' })
    expect(cityIn({ cityAr: 'سموحة', cityEn: '' }, 'en')).toEqual({ text: 'سموحة', lang: 'ar' })
    expect(cityIn({ cityAr: '', cityEn: '' }, 'ar')).toBeNull()
  })
})
