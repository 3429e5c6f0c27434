/**
 * The hub's national service catalogue (hub_national_services): the codes centers map their local
 * services to, with Arabic and English names and a group. The hub aggregates "by service" by these
 * codes (store.ts); centers get the catalogue with their heartbeat answer.
 */
import { createHash } from 'node:crypto'
import type { NationalCatalogue, NationalService } from '../../protocol/national-catalogue.ts'
import type { Kysely, Selectable } from 'kysely'
import type { HubDb } from './database.ts'
import type { HubDatabase, HubNationalServicesTable } from './schema.ts'

const serviceFrom = (r: Selectable<HubNationalServicesTable>): NationalService => ({
  code: r.code,
  nameAr: r.name_ar,
  nameEn: r.name_en,
  groupAr: r.group_ar,
  groupEn: r.group_en,
})

/** The catalogue's version: a hash of its entries sorted by code (the same list always gives the same version). */
export function catalogueVersion(services: readonly NationalService[]): string {
  const sorted = [...services]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((s) => [s.code, s.nameAr, s.nameEn, s.groupAr, s.groupEn])
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 32)
}

export class NationalServicesStore {
  /** The catalogue as last read, and the revision of hub_catalogue_revision it was read at. */
  private cached: { revision: number; catalogue: NationalCatalogue } | null = null

  constructor(private readonly db: HubDb) {}

  /** The catalogue, by group then code. */
  async list(): Promise<NationalService[]> {
    return (await this.db.selectFrom('hub_national_services').selectAll().orderBy('group_en').orderBy('code').execute()).map(serviceFrom)
  }

  async get(code: string): Promise<NationalService | null> {
    const row = await this.db.selectFrom('hub_national_services').selectAll().where('code', '=', code).executeTakeFirst()
    return row ? serviceFrom(row) : null
  }

  /** Adds the code or replaces its names and group, and bumps the catalogue's revision in the same transaction; true when it was new. */
  async put(s: NationalService, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const existed =
        (await trx.selectFrom('hub_national_services').select('code').where('code', '=', s.code).executeTakeFirst()) !== undefined
      await trx
        .insertInto('hub_national_services')
        .values({
          code: s.code,
          name_ar: s.nameAr,
          name_en: s.nameEn,
          group_ar: s.groupAr,
          group_en: s.groupEn,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name_ar: eb.ref('excluded.name_ar'),
            name_en: eb.ref('excluded.name_en'),
            group_ar: eb.ref('excluded.group_ar'),
            group_en: eb.ref('excluded.group_en'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute()
      await trx
        .updateTable('hub_catalogue_revision')
        .set((eb) => ({ revision: eb('revision', '+', 1) }))
        .execute()
      return !existed
    })
  }

  /** The codes among `codes` that the catalogue does not hold (asked in the transaction `db` when given). */
  async unknownOf(codes: readonly string[], db: Kysely<HubDatabase> = this.db): Promise<string[]> {
    const distinct = [...new Set(codes)]
    if (distinct.length === 0) return []
    const known = await db.selectFrom('hub_national_services').select('code').where('code', 'in', distinct).execute()
    const held = new Set(known.map((r) => r.code))
    return distinct.filter((c) => !held.has(c)).sort()
  }

  /**
   * The catalogue with its version, as centers receive it (every heartbeat asks). Kept in memory
   * while the database's revision is the one it was read at: one row read instead of the whole
   * catalogue and its hash. The revision is read first, so a change committed in between makes
   * the cache look older than it is (read again next time), never newer.
   */
  async catalogue(): Promise<NationalCatalogue> {
    const { revision } = await this.db.selectFrom('hub_catalogue_revision').select('revision').executeTakeFirstOrThrow()
    if (this.cached?.revision === revision) return this.cached.catalogue
    const services = await this.list()
    const catalogue = { version: catalogueVersion(services), services }
    this.cached = { revision, catalogue }
    return catalogue
  }
}
