import type { Db } from '../db/connection.ts'
import type { ConfigBundlePayload } from '../../protocol/config-bundle.ts'

/**
 * The version of the hub's bundle this center runs, or null when none: while one runs it sets the
 * finish outcomes (every bundle carries them), so the center's own edit of them is refused. Its
 * own module: the bundle's commands and the finish outcomes' both read it, and neither imports the other.
 */
export function runningBundleVersion(db: Db): number | null {
  const row = db.prepare(`SELECT MAX(version) AS version FROM config_bundles WHERE outcome = 'applied'`).get() as { version: number | null }
  return row.version
}

/**
 * The version of the running bundle when it sets the center's weekly hours (its `weeklyHours` is
 * not null), else null: a bundle with `weeklyHours: null` leaves them to the center, as none does.
 */
export function weeklyHoursBundleVersion(db: Db): number | null {
  const row = db.prepare(`SELECT version, payload FROM config_bundles WHERE outcome = 'applied' ORDER BY version DESC LIMIT 1`).get() as
    | { version: number; payload: string | null }
    | undefined
  if (!row?.payload) return null
  const payload = JSON.parse(row.payload) as ConfigBundlePayload
  // `?? null`: a bundle applied before weekly hours travelled (kept as the last good one) has no such key
  return (payload.contents.weeklyHours ?? null) === null ? null : row.version
}
