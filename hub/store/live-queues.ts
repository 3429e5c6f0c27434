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
   * held: figures nobody refreshes must not stay on show. Lines that did not change since the last
   * beat are not written again (each center beats every minute or so, and most lines are still):
   * one upsert that skips equal rows, one delete of the lines the beat no longer names. Returns how
   * many lines were written or removed.
   */
  async replace(d: SqlDriver, centerId: string, queues: readonly LiveQueue[] | undefined, now: number): Promise<number> {
    if (queues === undefined) {
      await d.run('DELETE FROM hub_live_reports WHERE center_id = ?', [centerId])
      return d.run('DELETE FROM hub_live_queues WHERE center_id = ?', [centerId])
    }
    await d.run(
      `INSERT INTO hub_live_reports (center_id, reported_at) VALUES (?, ?)
       ON CONFLICT (center_id) DO UPDATE SET reported_at = excluded.reported_at`,
      [centerId, now],
    )
    // one row per code, the first as before (one statement may not update a row twice on PostgreSQL)
    const firstOfCode = new Map<string, LiveQueue>()
    for (const q of queues) if (!firstOfCode.has(q.nationalCode)) firstOfCode.set(q.nationalCode, q)
    const lines = [...firstOfCode.values()]
    if (lines.length === 0) return d.run('DELETE FROM hub_live_queues WHERE center_id = ?', [centerId])
    const written = await d.run(
      `INSERT INTO hub_live_queues AS q (center_id, national_code, waiting, wait_seconds, open)
       VALUES ${lines.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (center_id, national_code) DO UPDATE
         SET waiting = excluded.waiting, wait_seconds = excluded.wait_seconds, open = excluded.open
         WHERE q.waiting <> excluded.waiting OR q.wait_seconds IS DISTINCT FROM excluded.wait_seconds OR q.open <> excluded.open`,
      lines.flatMap((q) => [centerId, q.nationalCode, q.waiting, q.waitSeconds ?? null, q.open ? 1 : 0]),
    )
    const removed = await d.run(
      `DELETE FROM hub_live_queues WHERE center_id = ? AND national_code NOT IN (${lines.map(() => '?').join(', ')})`,
      [centerId, ...lines.map((q) => q.nationalCode)],
    )
    return written + removed
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
