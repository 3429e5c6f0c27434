/**
 * Device health for the dashboard: every device from the registry with the last `device:status`
 * the server pushed for it since it started (printers: paper, cover, online; serial lines).
 */
import type Database from 'better-sqlite3'
import type { DomainEvents } from '../queue/domain-events.ts'
import type { DeviceHealth } from '../../protocol/stats.ts'
import { isFaulty, type DeviceHealthReport } from '../../protocol/device-health.ts'

export class DeviceHealthBoard {
  private readonly last = new Map<number, DeviceHealthReport>()
  readonly stop: () => void

  constructor(
    private readonly db: Database.Database,
    events: DomainEvents,
  ) {
    this.stop = events.on((e) => {
      if (e.type === 'device:status') this.last.set(e.deviceId, e.status)
    })
  }

  list(): DeviceHealth[] {
    const rows = this.db
      .prepare(
        'SELECT id, kind, name, zone, paired_at AS pairedAt, revoked_at AS revokedAt, last_seen_at AS lastSeenAt FROM devices ORDER BY kind, name',
      )
      .all() as {
      id: number
      kind: string
      name: string
      zone: string | null
      pairedAt: number | null
      revokedAt: number | null
      lastSeenAt: number | null
    }[]
    return rows.map((d) => {
      const status = this.last.get(d.id) ?? null
      return {
        id: d.id,
        kind: d.kind,
        name: d.name,
        zone: d.zone,
        paired: d.pairedAt !== null,
        revoked: d.revokedAt !== null,
        lastSeenAt: d.lastSeenAt === null ? null : new Date(d.lastSeenAt).toISOString(),
        status,
        faulty: isFaulty(status),
      }
    })
  }
}
