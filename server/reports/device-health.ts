/**
 * Device health for the dashboard: every device from the registry with the last `device:status`
 * the server pushed for it since it started (printers: paper, cover, online; serial lines). A
 * printer's report is the one DeviceStatus keeps, whose `heardAt` moves on every answered poll
 * while pushes go out only on a change: the pushed one said when the printer last *changed*. A
 * display's sound is the one report stored (DeviceStatus.reportDisplay): one made before a restart
 * is still listed after it.
 */
import type Database from 'better-sqlite3'
import type { DomainEvents } from '../queue/domain-events.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'
import type { DeviceStatus } from '../queue/device-status.ts'
import { PAIRED_NOW_SQL } from '../db/repositories/devices-repo.ts'
import { isFaulty, type DeviceHealthReport, type DisplayStatusReport } from '../../protocol/device-health.ts'

export class DeviceHealthBoard {
  private readonly last = new Map<number, DeviceHealthReport>()
  readonly stop: () => void

  constructor(
    private readonly db: Database.Database,
    events: DomainEvents,
    private readonly kept: Pick<DeviceStatus, 'printer'>,
  ) {
    this.stop = events.on((e) => {
      if (e.type === 'device:status') this.last.set(e.deviceId, e.status)
    })
  }

  /**
   * How many devices in service (not revoked) the list says are faulty: the one count the hub's
   * heartbeat and the metrics' gauge send, so neither says 0 for a display whose stored report is
   * "sound blocked" because it has not spoken since a restart.
   */
  faultyCount(): number {
    return this.list().filter((d) => d.faulty && !d.revoked).length
  }

  list(): DeviceHealth[] {
    const rows = this.db
      .prepare(
        `SELECT id, kind, name, zone, ${PAIRED_NOW_SQL} AS pairedNow, revoked_at AS revokedAt, last_seen_at AS lastSeenAt, sound_report AS soundReport
         FROM devices ORDER BY kind, name`,
      )
      .all() as {
      id: number
      kind: string
      name: string
      zone: string | null
      pairedNow: number
      revokedAt: number | null
      lastSeenAt: number | null
      soundReport: string | null
    }[]
    return rows.map((d) => {
      // a display's report is stored: the one pushed since the start, or the last before it
      const pushed = d.soundReport ? { display: JSON.parse(d.soundReport) as DisplayStatusReport } : this.last.get(d.id)
      // a printer's kept report (fresher heardAt); none when its printer was removed since
      const kept = pushed?.printer && this.kept.printer(d.id)
      const status = pushed?.printer ? (kept ? { printer: kept } : null) : (pushed ?? null)
      return {
        id: d.id,
        kind: d.kind,
        name: d.name,
        zone: d.zone,
        // paired with a live token: a revoked kiosk given a new code is waiting to pair, not paired (PAIRED_NOW_SQL)
        paired: d.pairedNow === 1,
        revoked: d.revokedAt !== null,
        lastSeenAt: d.lastSeenAt === null ? null : new Date(d.lastSeenAt).toISOString(),
        status,
        faulty: isFaulty(status),
      }
    })
  }
}
