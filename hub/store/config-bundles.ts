/**
 * Configuration bundles at the hub (hub_config_bundles) and what each center reports about them
 * (hub_center_bundles). A bundle is signed when it is created and never changes; publishing makes
 * it visible to the centers it targets. Portable SQL (SQLite and PostgreSQL, driver.ts).
 */
import type { BundleTargetView } from '../../protocol/config-bundle.ts'
import type { SqlDriver } from './driver.ts'

/** Whom a bundle is for: the wire's own type (the hub page reads it back as is). */
export type BundleTarget = BundleTargetView

export interface BundleRecord {
  version: number
  target: BundleTarget
  note: string
  /** The signed JSON text (protocol/config-bundle.ts ConfigBundlePayload). */
  payload: string
  signature: string
  createdBy: string
  createdAt: number
  publishedAt: number | null
}

/** A center's last report: the version it runs and the last it refused. */
export interface CenterBundleState {
  centerId: string
  running: number | null
  refused: { version: number; code: string; reason: string } | null
  reportedAt: number
}

/** Whether a bundle is meant for a center. */
export function targets(target: BundleTarget, center: { id: string; governorate: string }): boolean {
  if (target.kind === 'all') return true
  if (target.kind === 'governorate') return target.governorate === center.governorate
  return target.centerIds.includes(center.id)
}

// biome-ignore lint/suspicious/noExplicitAny: rows come back from either SQL driver with dialect-specific value types; mapped field by field below
type Row = Record<string, any>

function targetFrom(r: Row): BundleTarget {
  const kind = r.target_kind as BundleTarget['kind']
  if (kind === 'all') return { kind }
  if (kind === 'governorate') return { kind, governorate: String(r.target_value) }
  return { kind, centerIds: JSON.parse(String(r.target_value)) as string[] }
}

function bundleFrom(r: Row): BundleRecord {
  return {
    version: Number(r.version),
    target: targetFrom(r),
    note: String(r.note),
    payload: String(r.payload),
    signature: String(r.signature),
    createdBy: String(r.created_by),
    createdAt: Number(r.created_at),
    publishedAt: r.published_at === null || r.published_at === undefined ? null : Number(r.published_at),
  }
}

const targetValue = (t: BundleTarget) => (t.kind === 'all' ? '' : t.kind === 'governorate' ? t.governorate : JSON.stringify(t.centerIds))

export class ConfigBundlesStore {
  constructor(private readonly driver: SqlDriver) {}

  /**
   * Stores a new bundle under the next version; `payloadOf(version)` writes its text and `sign`
   * signs it (both inside the transaction, so two admins never get the same version).
   */
  async create(
    input: { target: BundleTarget; note: string; createdBy: string },
    payloadOf: (version: number) => string,
    sign: (payload: string) => string,
    now: number,
  ): Promise<BundleRecord> {
    return this.driver.tx(async (d) => {
      const rows = await d.all<{ v: number | null }>('SELECT MAX(version) AS v FROM hub_config_bundles')
      const version = Number(rows[0]?.v ?? 0) + 1
      const payload = payloadOf(version)
      const signature = sign(payload)
      await d.run(
        `INSERT INTO hub_config_bundles (version, target_kind, target_value, note, payload, signature, created_by, created_at, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
        [version, input.target.kind, targetValue(input.target), input.note, payload, signature, input.createdBy, now],
      )
      return {
        version,
        target: input.target,
        note: input.note,
        payload,
        signature,
        createdBy: input.createdBy,
        createdAt: now,
        publishedAt: null,
      }
    })
  }

  /** Publishes a draft; false when it was published already. */
  async publish(version: number, now: number): Promise<boolean> {
    return (
      (await this.driver.run('UPDATE hub_config_bundles SET published_at = ? WHERE version = ? AND published_at IS NULL', [
        now,
        version,
      ])) === 1
    )
  }

  async get(version: number): Promise<BundleRecord | null> {
    const rows = await this.driver.all('SELECT * FROM hub_config_bundles WHERE version = ?', [version])
    return rows[0] ? bundleFrom(rows[0]) : null
  }

  /** Every bundle, newest first. */
  async list(): Promise<BundleRecord[]> {
    return (await this.driver.all('SELECT * FROM hub_config_bundles ORDER BY version DESC')).map(bundleFrom)
  }

  /** The version of the newest published bundle meant for the center, or null. Asked on every heartbeat: reads the targets, not the signed texts. */
  async newestVersionFor(center: { id: string; governorate: string }): Promise<number | null> {
    const rows = await this.driver.all<Row>(
      'SELECT version, target_kind, target_value FROM hub_config_bundles WHERE published_at IS NOT NULL ORDER BY version DESC',
    )
    const newest = rows.find((r) => targets(targetFrom(r), center))
    return newest ? Number(newest.version) : null
  }

  /** Records a center's heartbeat report. */
  async report(state: CenterBundleState): Promise<void> {
    const r = state.refused
    await this.driver.run(
      `INSERT INTO hub_center_bundles (center_id, running_version, refused_version, refused_code, refused_reason, reported_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (center_id) DO UPDATE SET running_version = excluded.running_version, refused_version = excluded.refused_version,
         refused_code = excluded.refused_code, refused_reason = excluded.refused_reason, reported_at = excluded.reported_at`,
      [state.centerId, state.running, r?.version ?? null, r?.code ?? null, r?.reason ?? null, state.reportedAt],
    )
  }

  /** Every center's last report, by center id. */
  async states(): Promise<Map<string, CenterBundleState>> {
    const rows = await this.driver.all<Record<string, unknown>>('SELECT * FROM hub_center_bundles')
    return new Map(rows.map((r) => [String(r.center_id), stateFrom(r)]))
  }

  /** One center's last report, or null. */
  async stateOf(centerId: string): Promise<CenterBundleState | null> {
    const rows = await this.driver.all<Record<string, unknown>>('SELECT * FROM hub_center_bundles WHERE center_id = ?', [centerId])
    return rows[0] ? stateFrom(rows[0]) : null
  }
}

function stateFrom(r: Record<string, unknown>): CenterBundleState {
  return {
    centerId: String(r.center_id),
    running: r.running_version === null ? null : Number(r.running_version),
    refused:
      r.refused_version === null
        ? null
        : { version: Number(r.refused_version), code: String(r.refused_code), reason: String(r.refused_reason) },
    reportedAt: Number(r.reported_at),
  }
}
