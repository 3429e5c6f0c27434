import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { DEFAULT_CALENDAR, type CenterCalendar } from '../../../protocol/calendar.ts'

/**
 * The center's calendar (protocol/calendar.ts), one JSON value in center_settings under key
 * `calendar`: written whole in the configuration command's transaction, so a change is all
 * there or not at all. No row: DEFAULT_CALENDAR (always open, as before issue 18).
 */
export class CalendarRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** The stored calendar, missing keys filled from DEFAULT_CALENDAR; the default when none is stored or it is unreadable. */
  load(): CenterCalendar {
    const row = this.sql("SELECT value FROM center_settings WHERE key = 'calendar'").get() as { value: string } | undefined
    if (!row) return structuredClone(DEFAULT_CALENDAR)
    try {
      return { ...structuredClone(DEFAULT_CALENDAR), ...(JSON.parse(row.value) as Partial<CenterCalendar>) }
    } catch {
      return structuredClone(DEFAULT_CALENDAR)
    }
  }

  /** Stores the whole calendar (call inside the command's transaction). */
  store(cal: CenterCalendar, at: number, userId: number | null): void {
    this.sql(
      `INSERT INTO center_settings (key, value, updated_at, updated_by) VALUES ('calendar', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(JSON.stringify(cal), at, userId)
  }
}
