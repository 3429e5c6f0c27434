/** The map's colour classes: how a governorate's value picks one of its colours. */

/** How many colours the map has. */
export const CLASSES = 5

/** The class (0–4) of each value: five equal steps from the lowest to the highest; one value alone is in the middle. */
export function classesOf(values: readonly number[]): { classOf(v: number): number } {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  const step = (hi - lo) / CLASSES
  return {
    classOf: (v) => (hi === lo ? 2 : Math.min(CLASSES - 1, Math.floor((v - lo) / step))),
  }
}
