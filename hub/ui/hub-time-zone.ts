/**
 * The zone the hub page writes moments in: the hub's own (HUB_TIME_ZONE, Africa/Cairo by default),
 * which the hub writes into the page it serves (hub/built-page.ts). Its figures' hours and days are
 * the centers' local ones; a heartbeat's or a bundle's time read in the browser's zone put one event
 * at two clock times on a machine set to UTC, as data-center machines often are (walk of 2026-12-07:
 * "Last heartbeat 10:15 UTC" beside the center's own log at 12:10). Without the mark (a page not
 * served by the hub, a test in Node) the browser's zone, still named.
 */
export const HUB_TIME_ZONE_META = 'tabour-hub-time-zone'

export function hubTimeZone(): string | undefined {
  if (typeof document === 'undefined') return undefined
  return document.querySelector<HTMLMetaElement>(`meta[name="${HUB_TIME_ZONE_META}"]`)?.content || undefined
}
