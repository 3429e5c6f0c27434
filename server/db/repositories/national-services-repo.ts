import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import type { NationalCatalogue, NationalService } from '../../../protocol/national-catalogue.ts'

const VERSION_KEY = 'nationalCatalogueVersion'

/**
 * The hub's national service catalogue as this center last received it (the heartbeat answer):
 * what a service's national code is checked against. Empty until the hub has sent one.
 */
export class NationalServicesRepo {
  private readonly sql: Sql
  constructor(private readonly db: Db) {
    this.sql = statementCache(db)
  }

  /**
   * By code: the picker shows "code — name" with no group, so the English group order read as no
   * order at all (walk s50: "reverse order of adding"); the code is what both languages share.
   */
  list(): NationalService[] {
    return (
      this.sql('SELECT code, name_ar, name_en, group_ar, group_en FROM national_services ORDER BY code').all() as {
        code: string
        name_ar: string
        name_en: string
        group_ar: string
        group_en: string
      }[]
    ).map((r) => ({ code: r.code, nameAr: r.name_ar, nameEn: r.name_en, groupAr: r.group_ar, groupEn: r.group_en }))
  }

  has(code: string): boolean {
    return this.sql('SELECT 1 FROM national_services WHERE code = ?').get(code) !== undefined
  }

  /** The version of the catalogue held, or null before the first one arrives. */
  version(): string | null {
    return (this.sql('SELECT value FROM upstream_state WHERE key = ?').get(VERSION_KEY) as { value: string } | undefined)?.value ?? null
  }

  /** Replaces the whole catalogue and its version in one transaction (codes no longer listed are gone; services keep their codes). */
  replace(catalogue: NationalCatalogue): void {
    this.db
      .transaction(() => {
        this.sql('DELETE FROM national_services').run()
        const insert = this.sql('INSERT INTO national_services (code, name_ar, name_en, group_ar, group_en) VALUES (?, ?, ?, ?, ?)')
        for (const s of catalogue.services) insert.run(s.code, s.nameAr, s.nameEn, s.groupAr, s.groupEn)
        this.sql('INSERT INTO upstream_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
          VERSION_KEY,
          catalogue.version,
        )
      })
      .immediate()
  }
}
