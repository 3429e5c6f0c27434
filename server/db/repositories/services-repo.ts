import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { Service, WhenUnstaffed } from '../../../protocol/entities.ts'
import type { RequiredDocument } from '../../../protocol/service-menu.ts'

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
  documents: string
  confirm_documents: number
  group_id: number | null
  icon: string | null
}

const documentsOf = (text: string): RequiredDocument[] =>
  (JSON.parse(text) as RequiredDocument[]).map((d) => ({ ar: withoutReorderingControls(d.ar), en: withoutReorderingControls(d.en) }))

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
  ...(r.documents !== '[]' ? { documents: documentsOf(r.documents) } : {}),
  ...(r.confirm_documents === 0 ? { confirmDocuments: false as const } : {}),
  ...(r.group_id !== null ? { groupId: r.group_id } : {}),
  ...(r.icon !== null ? { icon: r.icon } : {}),
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
  /** What to bring; absent or empty: nothing. */
  documents?: RequiredDocument[]
  /** The kiosk asks "I have them" first. Default true. */
  confirmDocuments?: boolean
  /** Its kiosk menu group; null or absent: none. */
  groupId?: number | null
  /** Its icon; null or absent: none. */
  icon?: string | null
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
    JSON.stringify(f.documents ?? []),
    f.confirmDocuments === false ? 0 : 1,
    f.groupId ?? null,
    f.icon ?? null,
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
         national_code, national_code_locked, documents, confirm_documents, group_id, icon, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...columnValues(f), now)
    return this.get(Number(lastInsertRowid))!
  }

  update(id: number, f: ServiceFields): Service {
    this.sql(`UPDATE services SET prefix = ?, name_ar = ?, name_en = ?, target_wait_seconds = ?, daily_cap = ?, active = ?, sort_order = ?,
         when_unstaffed = ?, national_code = ?, national_code_locked = ?, documents = ?, confirm_documents = ?, group_id = ?, icon = ?
         WHERE id = ?`).run(...columnValues(f), id)
    return this.get(id)!
  }

  /** Takes every service out of group `groupId` (the group is being deleted). */
  ungroup(groupId: number): number[] {
    const ids = (this.sql('SELECT id FROM services WHERE group_id = ?').all(groupId) as { id: number }[]).map((r) => r.id)
    this.sql('UPDATE services SET group_id = NULL WHERE group_id = ?').run(groupId)
    return ids
  }
}
