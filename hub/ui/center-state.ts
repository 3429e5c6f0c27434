/**
 * A center's state as the hub page shows it. The API's `offline` is false for a deactivated
 * center (no alert for a center the operator switched off), so a page that read only `offline`
 * showed a silent deactivated center as "Online": deactivated is its own state, and the offline
 * count counts the active centers only.
 */
import type { CenterView } from '../../protocol/hub-api.ts'

export type CenterState = 'deactivated' | 'offline' | 'online'

export function centerState(c: Pick<CenterView, 'active' | 'offline'>): CenterState {
  if (!c.active) return 'deactivated'
  return c.offline ? 'offline' : 'online'
}

/** The badge's class: red offline, grey deactivated (neither good nor bad), green online. */
export const STATE_BADGE: Record<CenterState, string> = { offline: 'off', deactivated: 'waiting', online: '' }

/** The offline key figure: offline centers among the active ones. */
export function activeOffline(centers: readonly Pick<CenterView, 'active' | 'offline'>[]): { offline: number; active: number } {
  const active = centers.filter((c) => c.active)
  return { offline: active.filter((c) => c.offline).length, active: active.length }
}

/**
 * The bundle a center runs, from its heartbeat's `configVersion`: a version number, or null (none).
 * Centers from before the bundles sent their national catalogue's hash there; they run no bundle.
 */
export function runningBundle(configVersion: string | null): number | null {
  return configVersion !== null && /^[1-9]\d{0,9}$/.test(configVersion) ? Number(configVersion) : null
}

/**
 * The fleet's bundle cell: the bundle a center runs, 'none' when its heartbeat said it runs none,
 * or 'unknown' when it never sent one (it said nothing: "None" would be a claim; walk 2026-12-05).
 */
/**
 * What a center's last backup is now: its scheduled backups are 'off' (its heartbeat says so: a
 * failure from before they were turned off is no news of now), its last one 'failed' or 'ran', or
 * 'unknown' (none reported: an older center, or none ran yet). The fleet said "—" for a center
 * whose own screens say "Nightly backups are off" (walk s52).
 */
export function backupCell(c: Pick<CenterView, 'backupsOff' | 'lastBackupAt' | 'lastBackupOk'>): 'off' | 'failed' | 'ran' | 'unknown' {
  if (c.backupsOff === true) return 'off'
  if (c.lastBackupOk === false) return 'failed'
  return c.lastBackupAt === null || c.lastBackupAt === undefined ? 'unknown' : 'ran'
}

export function bundleCell(c: Pick<CenterView, 'configVersion' | 'lastHeartbeatAt'>): number | 'none' | 'unknown' {
  if (c.lastHeartbeatAt === null || c.lastHeartbeatAt === undefined) return 'unknown'
  return runningBundle(c.configVersion) ?? 'none'
}

/**
 * Since when a center has been in its state for one bundle (the bundle detail's "state since").
 * A pending center has done nothing with this bundle yet: its stored report (`reportedAt`, what it
 * ran before, possibly long before the bundle existed) says nothing about it, so it has been
 * pending since the bundle was published.
 */
export function bundleStateSince(c: { status: string; reportedAt: number | null }, publishedAt: number | null): number | null {
  return c.status === 'pending' ? publishedAt : c.reportedAt
}
