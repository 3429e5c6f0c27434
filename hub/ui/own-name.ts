/** The name a center calls itself, beside the one it was registered under at the hub (the fleet tab). */
import type { Lang } from '../../ui-common/i18n.ts'
import type { CenterView } from '../../protocol/hub-api.ts'
import { nameIn } from '../../protocol/name-in-language.ts'

/**
 * The center's own name in `lang` when it is not the registered one, else null: said only when it
 * differs (the same name twice is noise), and never for a center whose heartbeats do not say it.
 */
export function ownNameShown(c: Pick<CenterView, 'nameAr' | 'nameEn' | 'ownName'>, lang: Lang): string | null {
  if (!c.ownName) return null
  const own = nameIn(c.ownName, lang)
  return own.trim() === nameIn(c, lang).trim() ? null : own
}
