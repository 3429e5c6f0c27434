/**
 * How a kiosk lays out its services (issue 21): the rule that decides between a flat grid and a
 * two-level menu, the services a kiosk offers, and the search that finds a service by either name
 * however its Arabic is spelled (hamza and alef forms, taa marbuta, diacritics). No schemas here:
 * the kiosk's first screen runs this, and a module that defines TypeBox schemas would bring
 * TypeBox into its first chunk (issue 22). The schemas of groups and documents: service-menu.ts.
 */

/** A kiosk offering more services than this shows a search box and, when groups exist, the two-level menu. */
export const FLAT_MENU_MAX = 12

/** How a kiosk lays out its services: a flat grid, or groups then services; `search` when the search box shows. */
export interface MenuLayout {
  mode: 'flat' | 'grouped'
  search: boolean
}

/**
 * The rule: up to FLAT_MENU_MAX services keep the flat grid (no search, no groups: one tap
 * fewer). More than that get the search box, and the two-level menu when at least one of
 * them is in a group (services in no group are listed after the groups, as a group of their own).
 */
export function menuLayout(services: readonly { groupId?: number | null }[]): MenuLayout {
  if (services.length <= FLAT_MENU_MAX) return { mode: 'flat', search: false }
  const grouped = services.some((s) => s.groupId !== undefined && s.groupId !== null)
  return { mode: grouped ? 'grouped' : 'flat', search: true }
}

// harakat (fathatan … sukun), superscript alef, tatweel: spelling aids, not letters
const MARKS = /[\u064b-\u065f\u0670\u0640]/g
const ALEFS = /[\u0622\u0623\u0625\u0671]/g

/**
 * A name folded for search: lower case, Arabic without diacritics or tatweel, every alef form
 * (أ إ آ ٱ) as ا, ى as ي, ة as ه, ؤ as و, ئ as ي, and runs of spaces as one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(ALEFS, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The services whose Arabic or English name holds every word of `query` (folded); all of them for a blank query. */
export function searchServices<S extends { nameAr: string; nameEn: string }>(services: readonly S[], query: string): S[] {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  if (words.length === 0) return [...services]
  return services.filter((s) => {
    const names = `${foldForSearch(s.nameAr)} ${foldForSearch(s.nameEn)}`
    return words.every((w) => names.includes(w))
  })
}

/** A kiosk's services: those its config offers (`serviceIds`; absent: all). */
export function offeredOn<S extends { id: number }>(services: readonly S[], serviceIds: readonly number[] | undefined): S[] {
  if (!serviceIds) return [...services]
  const offered = new Set(serviceIds)
  return services.filter((s) => offered.has(s.id))
}
