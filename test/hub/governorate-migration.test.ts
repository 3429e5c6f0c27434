import { afterEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { hubSqliteFile } from '../../hub/config.ts'
import { openHubDatabase } from '../../hub/store/database.ts'
import { hubMigrations } from '../../hub/store/migrations.ts'
import { HubStore } from '../../hub/store/store.ts'
import type { CenterView, FigureRow, HubFleet } from '../../protocol/hub-api.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { BACKENDS, startTestHub, type TestHub } from './hub-harness.ts'
import { finalHour } from './final-hour.ts'
import { storeAsSchema } from './rollup-fixture.ts'

/**
 * Hub migration 15 (hub/store/migration-15-governorates.ts): a hub from before the governorate
 * codes holds what was typed at registration, in Arabic or English. Started on the new version,
 * it turns every value that names a governorate into its code, once, in its migration; free text
 * that names none is kept and shown and counted as the unknown governorate. Starting again
 * rewrites nothing: a free-text value written after the migration stays as written.
 */

const DAY = '2026-03-10'
const get = async <T>(hub: TestHub, url: string): Promise<T> => (await hub.app.inject({ url: `/api/hub/v1/${url}` })).json()

/** As an older hub stored them: whatever was typed at registration. */
const OLD_CENTERS: [id: string, governorate: string, issued: number][] = [
  ['OLD-1', 'Cairo', 10],
  ['OLD-2', 'القاهره', 11],
  ['OLD-3', 'Atlantis', 12],
  ['OLD-4', 'Helwan', 13],
  ['OLD-5', 'محافظة الإسكندرية', 14],
  ['OLD-6', 'EG-GZ', 15],
]

/** The database of a hub at migration 14 with the centers above, an hour of figures each, and a governorate analyst. */
async function seedOldHub(config: Parameters<typeof hubSqliteFile>[0] & { databaseUrl?: string }): Promise<void> {
  const store = new HubStore(openHubDatabase({ databaseUrl: config.databaseUrl, sqliteFile: hubSqliteFile(config) }))
  try {
    expect(await store.migrate(hubMigrations.filter((m) => m.version < 15))).toBeLessThan(15)
    for (const [id, governorate, issued] of OLD_CENTERS) {
      // the registry's columns as they were then (one city: hub migration 17 made it two)
      await sql`INSERT INTO hub_centers (id, name_ar, name_en, governorate, city, kind, secret, active, created_at)
        VALUES (${id}, 'مركز', 'Center', ${governorate}, '', 'fixed', 'a-secret-of-sixteen-chars', 1, ${Date.now()})`.execute(store.db)
      const rows = [{ serviceCode: 'A', serviceNameAr: 'أ', serviceNameEn: 'A', ...zeroCounts(), issued }]
      // as that hub stored them (today's ingest writes the figure columns of later migrations)
      await storeAsSchema(store, 14, [finalHour(id, DAY, rows)], 'rebuilt')
    }
    const analyst = { displayName: 'Mona', role: 'governorate' as const, governorate: 'الجيزة', password: 'a-long-enough-password' }
    await store.analysts.create({ username: 'mona', ...analyst }, Date.now())
    await store.analysts.create({ username: 'omar', ...analyst, governorate: 'Smouha' }, Date.now())
  } finally {
    await store.close()
  }
}

describe.each(BACKENDS)('governorates made codes by migration 15 on %s', (backend) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('an older hub with Arabic and English free text migrates to codes once; the rest is the unknown governorate; a start rewrites nothing', async () => {
    hub = await startTestHub({ backend, seed: seedOldHub })
    const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration WHERE name = '0015'`.execute(hub.store.db)
    expect(applied.rows).toHaveLength(1)
    expect((await hub.store.listCenters()).map((c) => [c.id, c.governorate]).sort()).toEqual([
      ['OLD-1', 'EG-C'],
      ['OLD-2', 'EG-C'],
      ['OLD-3', 'Atlantis'],
      ['OLD-4', 'Helwan'],
      ['OLD-5', 'EG-ALX'],
      ['OLD-6', 'EG-GZ'],
    ])
    // an analyst's scope too; one that names no governorate is kept as typed
    expect((await hub.store.analysts.list()).map((a) => [a.username, a.governorate])).toEqual([
      ['mona', 'EG-GZ'],
      ['omar', 'Smouha'],
    ])
    const fleet = await get<HubFleet>(hub, 'fleet')
    expect(
      fleet.centers
        .filter((c) => c.governorate === 'unknown')
        .map((c) => c.id)
        .sort(),
    ).toEqual(['OLD-3', 'OLD-4'])
    // by governorate: the known ones, and the two that name none summed under the unknown governorate, never dropped
    const { rows, totals } = await get<{ rows: FigureRow[]; totals: FigureRow }>(hub, `figures?from=${DAY}&by=governorate`)
    expect(rows.map((r) => [r.key, r.nameEn, r.issued]).sort()).toEqual([
      ['EG-ALX', 'Alexandria', 14],
      ['EG-C', 'Cairo', 10 + 11],
      ['EG-GZ', 'Giza', 15],
      ['unknown', 'Unknown governorate', 12 + 13],
    ])
    expect(totals.issued).toBe(10 + 11 + 12 + 13 + 14 + 15)
    // a filter by a name still finds the centers now holding the code
    const cairo = await get<{ rows: FigureRow[] }>(hub, `figures?from=${DAY}&by=center&governorate=Cairo`)
    expect(cairo.rows.map((r) => [r.key, r.governorate, r.issued])).toEqual([
      ['OLD-1', 'EG-C', 10],
      ['OLD-2', 'EG-C', 11],
    ])

    // the start-up no longer rewrites: free text written since stays as written (and reads as its governorate)
    const late = { nameAr: 'مركز', nameEn: 'Late', kind: 'fixed' as const, secret: 'a-secret-of-sixteen-chars' }
    expect(await hub.store.addCenter({ ...late, id: 'LATE', governorate: 'Giza' }, Date.now())).toBe(true)
    await hub.stop()
    await hub.restart()
    expect((await hub.store.getCenter('LATE'))?.governorate).toBe('Giza')
    expect((await get<CenterView[]>(hub, 'centers')).find((c) => c.id === 'LATE')?.governorate).toBe('EG-GZ')
  })
})
