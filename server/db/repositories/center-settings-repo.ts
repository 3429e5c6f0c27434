import type { Db } from '../connection.ts'
import { statementCache, type Sql } from '../statement-cache.ts'
import { withoutReorderingControls } from '../../../protocol/public-text.ts'
import type { CenterNews } from '../../../protocol/center.ts'

interface SettingRow {
  value: string
  updated_at: number
}

/** No news line yet: both languages empty. */
export const NO_NEWS: CenterNews = { ar: '', en: '', updatedAt: null }

/** Center-wide settings changed at run time (table center_settings, one JSON value per key). */
export class CenterSettingsRepo {
  private readonly sql: Sql
  constructor(db: Db) {
    this.sql = statementCache(db)
  }

  /** The displays' news line; NO_NEWS when it was never set (or the row is unreadable). */
  news(): CenterNews {
    const row = this.sql('SELECT value, updated_at FROM center_settings WHERE key = ?').get('news') as SettingRow | undefined
    if (!row) return NO_NEWS
    try {
      const v = JSON.parse(row.value) as { ar?: unknown; en?: unknown }
      return {
        // the displays' ticker: a line stored before direction controls were refused is shown without them
        ar: typeof v.ar === 'string' ? withoutReorderingControls(v.ar) : '',
        en: typeof v.en === 'string' ? withoutReorderingControls(v.en) : '',
        updatedAt: new Date(row.updated_at).toISOString(),
      }
    } catch {
      return NO_NEWS
    }
  }

  setNews(news: { ar: string; en: string }, at: number, userId: number | null): CenterNews {
    this.sql(
      `INSERT INTO center_settings (key, value, updated_at, updated_by) VALUES ('news', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(JSON.stringify({ ar: news.ar, en: news.en }), at, userId)
    return this.news()
  }
}
