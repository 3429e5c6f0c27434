/**
 * Disabling and enabling an analyst's account (the CLI's `analyst disable|enable`). A disabled
 * analyst's sessions are deleted at once: their next request is refused, not merely their next sign-in.
 */
import type { SqlDriver } from './driver.ts'

/** Sets the account active or not; false when there is no such username. */
export async function setAnalystActive(driver: SqlDriver, username: string, active: boolean): Promise<boolean> {
  return driver.tx(async (d) => {
    const changed = await d.run('UPDATE hub_analysts SET active = ? WHERE username = ?', [active ? 1 : 0, username])
    if (changed === 1 && !active) await d.run('DELETE FROM hub_analyst_sessions WHERE username = ?', [username])
    return changed === 1
  })
}
