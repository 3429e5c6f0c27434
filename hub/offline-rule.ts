/**
 * When the hub calls a center offline: after `offlineAfterMissedHeartbeats` of its heartbeats
 * have not arrived, at the interval the center itself reports (a center beating every minute is
 * offline after 3 minutes by default, not after a fixed half hour). A center that does not report
 * its interval (an older version) falls back to HUB_OFFLINE_MINUTES.
 */
import type { HubConfig } from './config.ts'

/** The silence, in ms, after which a center with this reported heartbeat interval is offline. */
export function offlineAfterMs(
  heartbeatSeconds: number | null | undefined,
  config: Pick<HubConfig, 'offlineAfterMissedHeartbeats' | 'offlineAfterMinutes'>,
): number {
  if (heartbeatSeconds === null || heartbeatSeconds === undefined) return config.offlineAfterMinutes * 60_000
  // the next beat is due one interval after the last; it is missed once that interval has passed again
  return Math.round(config.offlineAfterMissedHeartbeats * heartbeatSeconds * 1000)
}

/** Whether an active center last heard from at `lastContactAt` (null: never) is offline at `now`. */
export function isOffline(
  lastContactAt: number | null,
  heartbeatSeconds: number | null,
  now: number,
  config: Parameters<typeof offlineAfterMs>[1],
) {
  return lastContactAt === null || lastContactAt < now - offlineAfterMs(heartbeatSeconds, config)
}
