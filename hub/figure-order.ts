/**
 * The one order of the figures' rows, whichever store answered. The store sorts by its key in SQL,
 * and SQL text order is the database's collation: SQLite compares bytes, PostgreSQL the cluster's
 * locale (en_US or ICU puts `c-2` before `C-3` before `d-1`, and ignores or weighs punctuation its
 * own way), so the same hub data came back in two orders. Rows of governorates, centers and
 * services are put in code-point order of their key here, after the store, the same on both:
 * governorates by their code (the unknown governorate last), centers by id, national services by
 * code with a center's unmapped services after them. Days and hours are ordered as numbers already.
 */
import { UNKNOWN_GOVERNORATE } from '../protocol/governorates.ts'
import type { FigureRow } from '../protocol/hub-api.ts'
import type { GroupBy } from './store/store.ts'

/** Code-point order (not a locale's): what `<` does on strings. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Rows that come after the others whatever their key: the unknown governorate, a center's unmapped services. */
const last = (r: FigureRow, by: GroupBy) => (by === 'governorate' ? r.key === UNKNOWN_GOVERNORATE : r.mapped === false)

/** `rows` of a view grouped `by`, in the hub's defined order (a new array; day and hour rows as they are). */
export function inDefinedOrder(rows: readonly FigureRow[], by: GroupBy): FigureRow[] {
  if (by === 'day' || by === 'hour') return [...rows]
  return [...rows].sort((a, b) => Number(last(a, by)) - Number(last(b, by)) || byCodePoint(a.key, b.key))
}
