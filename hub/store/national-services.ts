/**
 * The hub's national service catalogue (hub_national_services): the codes centers map their local
 * services to, with Arabic and English names and a group. The hub aggregates "by service" by these
 * codes (store.ts); centers get the catalogue with their heartbeat answer.
 */
import { createHash } from 'node:crypto'
import type { NationalCatalogue, NationalService } from '../../protocol/national-catalogue.ts'
import type { SqlDriver } from './driver.ts'

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
const serviceFrom = (r: Record<string, any>): NationalService => ({
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
  constructor(private readonly driver: SqlDriver) {}

  /** The catalogue, by group then code. */
  async list(): Promise<NationalService[]> {
    return (await this.driver.all('SELECT * FROM hub_national_services ORDER BY group_en, code')).map(serviceFrom)
  }

  async get(code: string): Promise<NationalService | null> {
    const rows = await this.driver.all('SELECT * FROM hub_national_services WHERE code = ?', [code])
    return rows[0] ? serviceFrom(rows[0]) : null
  }

  /** Adds the code or replaces its names and group; true when it was new. */
  async put(s: NationalService, now: number): Promise<boolean> {
    const existed = (await this.get(s.code)) !== null
    await this.driver.run(
      `INSERT INTO hub_national_services (code, name_ar, name_en, group_ar, group_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (code) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en, group_ar = excluded.group_ar,
         group_en = excluded.group_en, updated_at = excluded.updated_at`,
      [s.code, s.nameAr, s.nameEn, s.groupAr, s.groupEn, now, now],
    )
    return !existed
  }

  /** The codes among `codes` that the catalogue does not hold. */
  async unknownOf(codes: readonly string[], d: SqlDriver = this.driver): Promise<string[]> {
    const distinct = [...new Set(codes)]
    if (distinct.length === 0) return []
    const known = new Set(
      (
        await d.all<{ code: string }>(
          `SELECT code FROM hub_national_services WHERE code IN (${distinct.map(() => '?').join(', ')})`,
          distinct,
        )
      ).map((r) => r.code),
    )
    return distinct.filter((c) => !known.has(c)).sort()
  }

  /** The catalogue with its version, as centers receive it. */
  async catalogue(): Promise<NationalCatalogue> {
    const services = await this.list()
    return { version: catalogueVersion(services), services }
  }
}
