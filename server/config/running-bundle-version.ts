import type { Db } from '../db/connection.ts'

/**
 * The version of the hub's bundle this center runs, or null when none: while one runs it sets the
 * finish outcomes (every bundle carries them), so the center's own edit of them is refused. Its
 * own module: the bundle's commands and the finish outcomes' both read it, and neither imports the other.
 */
export function runningBundleVersion(db: Db): number | null {
  const row = db.prepare(`SELECT MAX(version) AS version FROM config_bundles WHERE outcome = 'applied'`).get() as { version: number | null }
  return row.version
}
