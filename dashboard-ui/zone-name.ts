/**
 * A zone as the dashboard shows it: its name in the page's language as the admin set it
 * (settings `zoneNames`), else its id («ground» read on Arabic pages was the id: walk 2026-12-06).
 * The id stays the key: it is what counters, devices and display feeds are matched by.
 */
import type { Lang } from '../ui-common/i18n.ts'
import type { ZoneName } from '../protocol/settings.ts'

export type ZoneNames = Readonly<Record<string, ZoneName>>

export function zoneName(zone: string, names: ZoneNames, lang: Lang): string {
  const named = names[zone]
  const shown = (lang === 'ar' ? named?.nameAr : named?.nameEn)?.trim()
  return shown || zone
}
