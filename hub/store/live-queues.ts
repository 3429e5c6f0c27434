/**
 * Open data at the hub (issue 23): each center's lines now per national service, from its latest
 * heartbeat (hub_live_reports, hub_live_queues; migration 12). Counts only. Whether they are still
 * live is the reader's call (hub/open-data-views.ts, with the offline rule).
 */
import type { LiveQueue } from '../../protocol/open-data.ts'
import type { SqlDriver } from './driver.ts'

/** A center's latest report: when it arrived and its lines. */
export interface LiveReport {
  centerId: string
  reportedAt: number
  queues: LiveQueue[]
}

export class LiveQueuesStore {
  constructor(private readonly driver: SqlDriver) {}

  /**
   * Replaces a center's figures with a heartbeat's (inside the heartbeat's transaction `d`). A
   * heartbeat without them (an older center, or one that stopped reporting them) clears what was
   * held: figures nobody refreshes must not stay on show.
   */
  async replace(d: SqlDriver, centerId: string, queues: readonly LiveQueue[] | undefined, now: number): Promise<void> {
    await d.run('DELETE FROM hub_live_queues WHERE center_id = ?', [centerId])
    if (queues === undefined) {
      await d.run('DELETE FROM hub_live_reports WHERE center_id = ?', [centerId])
      return
    }
    await d.run(
      `INSERT INTO hub_live_reports (center_id, reported_at) VALUES (?, ?)
       ON CONFLICT (center_id) DO UPDATE SET reported_at = excluded.reported_at`,
      [centerId, now],
    )
    for (const q of queues)
      await d.run(
        `INSERT INTO hub_live_queues (center_id, national_code, waiting, wait_seconds, open) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (center_id, national_code) DO NOTHING`,
        [centerId, q.nationalCode, q.waiting, q.waitSeconds ?? null, q.open ? 1 : 0],
      )
  }

  /** Every center's latest report (one query each for reports and lines). */
  async reports(): Promise<Map<string, LiveReport>> {
    const out = new Map<string, LiveReport>()
    // biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
    for (const r of await this.driver.all<Record<string, any>>('SELECT center_id, reported_at FROM hub_live_reports'))
      out.set(r.center_id, { centerId: r.center_id, reportedAt: Number(r.reported_at), queues: [] })
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const rows = await this.driver.all<Record<string, any>>(
      'SELECT center_id, national_code, waiting, wait_seconds, open FROM hub_live_queues ORDER BY center_id, national_code',
    )
    for (const r of rows)
      out.get(r.center_id)?.queues.push({
        nationalCode: r.national_code,
        waiting: Number(r.waiting),
        ...(r.wait_seconds === null || r.wait_seconds === undefined ? {} : { waitSeconds: Number(r.wait_seconds) }),
        open: Number(r.open) === 1,
      })
    return out
  }
}
