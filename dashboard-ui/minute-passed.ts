/**
 * The dashboard's cards that read again each minute (or retry a failed read) follow the app's
 * clock, a `now` property (epoch ms) that ticks every 30 s: this says whether an update moved it
 * into a new minute. A first `now` (from nothing) counts as one.
 */
export function minutePassed(changed: ReadonlyMap<PropertyKey, unknown>, now: number): boolean {
  if (!changed.has('now')) return false
  const minute = (t: unknown) => Math.floor((typeof t === 'number' ? t : 0) / 60_000)
  return minute(changed.get('now')) !== minute(now)
}
