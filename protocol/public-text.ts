/**
 * Text that kiosks, displays, the status page and paper tickets show to the public must read
 * as it was typed. Unicode's explicit direction controls can make it read otherwise: an
 * embedding or override (U+202A–U+202E) or an isolate (U+2066–U+2069) reorders everything up
 * to its end, so a counter name can show its letters, or the digits of a ticket number, in another order; the deprecated format
 * controls (U+206A–U+206F) change shaping and digits, and the interlinear annotation marks
 * (U+FFF9–U+FFFB) hide text. None of them is needed in a name, so they are refused on input and
 * removed on output. The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) and ZWJ/ZWNJ stay
 * allowed: they only nudge the character next to them, and Arabic and mixed text use them.
 */
const REORDERING = /[\u202A-\u202E\u2066-\u2069\u206A-\u206F\uFFF9-\uFFFB]/
const REORDERING_ALL = new RegExp(REORDERING.source, 'g')

/** Where a reordering control sits in a request: the field's path (`nameAr`, `priorityCategories/0/nameEn`) and the character. */
export interface ReorderingControlFound {
  path: string
  codePoint: string
}

/** `text` without any direction-reordering control (see the file comment); other characters untouched. */
export const withoutReorderingControls = (text: string): string => (REORDERING.test(text) ? text.replace(REORDERING_ALL, '') : text)

/**
 * The first string inside `value` (walked deeply, arrays and objects) that holds a reordering
 * control, or null. Keys in `skip` are not looked at (a password is never shown).
 */
export function findReorderingControl(value: unknown, skip: ReadonlySet<string> = new Set(), path = ''): ReorderingControlFound | null {
  if (typeof value === 'string') {
    const m = REORDERING.exec(value)
    return m ? { path: path || '(value)', codePoint: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` } : null
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findReorderingControl(item, skip, path ? `${path}/${i}` : String(i))
      if (found) return found
    }
    return null
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (skip.has(key)) continue
      const found = findReorderingControl(item, skip, path ? `${path}/${key}` : key)
      if (found) return found
    }
  }
  return null
}

/** A copy of `value` with every string in it (deeply) passed through withoutReorderingControls. */
export function neutralizeReorderingControls<T>(value: T): T {
  if (typeof value === 'string') return withoutReorderingControls(value) as T
  if (Array.isArray(value)) return value.map((v) => neutralizeReorderingControls(v)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, neutralizeReorderingControls(v)])) as T
  }
  return value
}
