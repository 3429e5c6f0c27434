import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { ServiceGroup } from '../../../protocol/service-menu.ts'

interface GroupRow {
  id: number
  name_ar: string
  name_en: string
  icon: string | null
  sort_order: number
}

const toGroup = (r: GroupRow): ServiceGroup => ({
  id: r.id,
  nameAr: withoutReorderingControls(r.name_ar),
  nameEn: withoutReorderingControls(r.name_en),
  icon: r.icon,
  sortOrder: r.sort_order,
})

/** A group's fields as written. */
export interface ServiceGroupFields {
  nameAr: string
  nameEn: string
  icon: string | null
  sortOrder: number
}

/** The kiosk menu's service groups (migration 12). */
export class ServiceGroupsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** Every group in menu order. */
  list(): ServiceGroup[] {
    return (this.sql('SELECT * FROM service_groups ORDER BY sort_order, id').all() as GroupRow[]).map(toGroup)
  }

  get(id: number): ServiceGroup | undefined {
    const row = this.sql('SELECT * FROM service_groups WHERE id = ?').get(id) as GroupRow | undefined
    return row && toGroup(row)
  }

  insert(f: ServiceGroupFields, now: number): ServiceGroup {
    const { lastInsertRowid } = this.sql(
      'INSERT INTO service_groups (name_ar, name_en, icon, sort_order, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(f.nameAr, f.nameEn, f.icon, f.sortOrder, now)
    return this.get(Number(lastInsertRowid))!
  }

  update(id: number, f: ServiceGroupFields): ServiceGroup {
    this.sql('UPDATE service_groups SET name_ar = ?, name_en = ?, icon = ?, sort_order = ? WHERE id = ?').run(
      f.nameAr,
      f.nameEn,
      f.icon,
      f.sortOrder,
      id,
    )
    return this.get(id)!
  }

  delete(id: number): void {
    this.sql('DELETE FROM service_groups WHERE id = ?').run(id)
  }
}
