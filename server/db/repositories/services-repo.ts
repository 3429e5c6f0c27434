import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { Service, WhenUnstaffed } from '../../../protocol/entities.ts'

interface ServiceRow {
  id: number
  prefix: string
  name_ar: string
  name_en: string
  target_wait_seconds: number
  daily_cap: number | null
  active: number
  sort_order: number
  when_unstaffed: WhenUnstaffed
  national_code: string | null
  national_code_locked: number
}

// names are shown on public screens: a row stored before direction controls were refused is shown without them
const toService = (r: ServiceRow): Service => ({
  id: r.id,
  prefix: r.prefix,
  nameAr: withoutReorderingControls(r.name_ar),
  nameEn: withoutReorderingControls(r.name_en),
  targetWaitSeconds: r.target_wait_seconds,
  dailyCap: r.daily_cap,
  active: r.active === 1,
  sortOrder: r.sort_order,
  whenUnstaffed: r.when_unstaffed,
  // absent rather than null: the DTO names them only when they say something
  ...(r.national_code !== null ? { nationalCode: r.national_code } : {}),
  ...(r.national_code_locked === 1 ? { nationalCodeLocked: true as const } : {}),
})

export interface ServiceFields {
  prefix: string
  nameAr: string
  nameEn: string
  targetWaitSeconds: number
  dailyCap: number | null
  active: boolean
  sortOrder: number
  whenUnstaffed: WhenUnstaffed
  /** Null or absent: unmapped. */
  nationalCode?: string | null
  /** Set by the hub's configuration: the center admin cannot change it. Default false. */
  nationalCodeLocked?: boolean
}

/** Services (what a citizen can queue for). */
/** A service's fields in the column order both INSERT and UPDATE name them. */
const columnValues = (f: ServiceFields) =>
  [
    f.prefix,
    f.nameAr,
    f.nameEn,
    f.targetWaitSeconds,
    f.dailyCap,
    f.active ? 1 : 0,
    f.sortOrder,
    f.whenUnstaffed,
    f.nationalCode ?? null,
    f.nationalCodeLocked ? 1 : 0,
  ] as const

export class ServicesRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  list(options: { activeOnly?: boolean } = {}): Service[] {
    const where = options.activeOnly ? 'WHERE active = 1' : ''
    return (this.sql(`SELECT * FROM services ${where} ORDER BY sort_order, id`).all() as ServiceRow[]).map(toService)
  }

  get(id: number): Service | undefined {
    const row = this.sql('SELECT * FROM services WHERE id = ?').get(id) as ServiceRow | undefined
    return row && toService(row)
  }

  findByPrefix(prefix: string): Service | undefined {
    const row = this.sql('SELECT * FROM services WHERE prefix = ?').get(prefix) as ServiceRow | undefined
    return row && toService(row)
  }

  insert(f: ServiceFields, now: number): Service {
    const { lastInsertRowid } =
      this.sql(`INSERT INTO services (prefix, name_ar, name_en, target_wait_seconds, daily_cap, active, sort_order, when_unstaffed,
         national_code, national_code_locked, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...columnValues(f), now)
    return this.get(Number(lastInsertRowid))!
  }

  update(id: number, f: ServiceFields): Service {
    this.sql(`UPDATE services SET prefix = ?, name_ar = ?, name_en = ?, target_wait_seconds = ?, daily_cap = ?, active = ?, sort_order = ?,
         when_unstaffed = ?, national_code = ?, national_code_locked = ? WHERE id = ?`).run(...columnValues(f), id)
    return this.get(id)!
  }
}
