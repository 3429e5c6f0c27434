/**
 * The languages the news line has text in, Arabic first: the ticker scrolls those
 * (news-ticker.ts), and the board keeps the ticker's room for them before its module has come
 * (display-app.ts), without loading it.
 */
import type { CenterNews } from '../protocol/center.ts'
import type { Lang } from '../ui-common/i18n.ts'

export function newsLanguages(news: Pick<CenterNews, 'ar' | 'en'>): Lang[] {
  return (['ar', 'en'] as const).filter((l) => news[l].trim() !== '')
}
