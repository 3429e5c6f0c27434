/**
 * Configuration bundles at the hub (hub_config_bundles) and what each center reports about them
 * (hub_center_bundles). A bundle is signed when it is created and never changes; publishing makes
 * it visible to the centers it targets.
 */
import type { Selectable } from 'kysely'
import type { BundleTargetView } from '../../protocol/config-bundle.ts'
import type { HubDb } from './database.ts'
import type { HubCenterBundlesTable, HubConfigBundlesTable } from './schema.ts'
import { governorateOf } from '../../protocol/governorates.ts'

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

/** A governorate as its code when it names one; bundles stored before the codes target free text ("Cairo", «القاهرة»). */
const governorateKey = (g: string) => governorateOf(g)?.code ?? g

/** Whether a bundle is meant for a center. */
export function targets(target: BundleTarget, center: { id: string; governorate: string }): boolean {
  if (target.kind === 'all') return true
  if (target.kind === 'governorate') return governorateKey(target.governorate) === governorateKey(center.governorate)
  return target.centerIds.includes(center.id)
}

function targetFrom(r: Pick<HubConfigBundlesTable, 'target_kind' | 'target_value'>): BundleTarget {
  const kind = r.target_kind
  if (kind === 'all') return { kind }
  if (kind === 'governorate') return { kind, governorate: r.target_value }
  return { kind, centerIds: JSON.parse(r.target_value) as string[] }
}

function bundleFrom(r: Selectable<HubConfigBundlesTable>): BundleRecord {
  return {
    version: r.version,
    target: targetFrom(r),
    note: r.note,
    payload: r.payload,
    signature: r.signature,
    createdBy: r.created_by,
    createdAt: r.created_at,
    publishedAt: r.published_at,
  }
}

const targetValue = (t: BundleTarget) => (t.kind === 'all' ? '' : t.kind === 'governorate' ? t.governorate : JSON.stringify(t.centerIds))

export class ConfigBundlesStore {
  constructor(private readonly db: HubDb) {}

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
    return this.db.transaction().execute(async (trx) => {
      const newest = await trx
        .selectFrom('hub_config_bundles')
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst()
      const version = (newest?.v ?? 0) + 1
      const payload = payloadOf(version)
      const record: BundleRecord = {
        version,
        target: input.target,
        note: input.note,
        payload,
        signature: sign(payload),
        createdBy: input.createdBy,
        createdAt: now,
        publishedAt: null,
      }
      await trx
        .insertInto('hub_config_bundles')
        .values({
          version,
          target_kind: input.target.kind,
          target_value: targetValue(input.target),
          note: record.note,
          payload,
          signature: record.signature,
          created_by: record.createdBy,
          created_at: now,
          published_at: null,
        })
        .execute()
      return record
    })
  }

  /** Publishes a draft; false when it was published already. */
  async publish(version: number, now: number): Promise<boolean> {
    const { numUpdatedRows } = await this.db
      .updateTable('hub_config_bundles')
      .set({ published_at: now })
      .where('version', '=', version)
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow()
    return Number(numUpdatedRows) === 1
  }

  async get(version: number): Promise<BundleRecord | null> {
    const row = await this.db.selectFrom('hub_config_bundles').selectAll().where('version', '=', version).executeTakeFirst()
    return row ? bundleFrom(row) : null
  }

  /** Every bundle, newest first. */
  async list(): Promise<BundleRecord[]> {
    return (await this.db.selectFrom('hub_config_bundles').selectAll().orderBy('version', 'desc').execute()).map(bundleFrom)
  }

  /** The version of the newest published bundle meant for the center, or null. Asked on every heartbeat: reads the targets, not the signed texts. */
  async newestVersionFor(center: { id: string; governorate: string }): Promise<number | null> {
    const rows = await this.db
      .selectFrom('hub_config_bundles')
      .select(['version', 'target_kind', 'target_value'])
      .where('published_at', 'is not', null)
      .orderBy('version', 'desc')
      .execute()
    return rows.find((r) => targets(targetFrom(r), center))?.version ?? null
  }

  /** Records a center's heartbeat report. */
  async report(state: CenterBundleState): Promise<void> {
    const r = state.refused
    await this.db
      .insertInto('hub_center_bundles')
      .values({
        center_id: state.centerId,
        running_version: state.running,
        refused_version: r?.version ?? null,
        refused_code: r?.code ?? null,
        refused_reason: r?.reason ?? null,
        reported_at: state.reportedAt,
      })
      .onConflict((oc) =>
        oc.column('center_id').doUpdateSet((eb) => ({
          running_version: eb.ref('excluded.running_version'),
          refused_version: eb.ref('excluded.refused_version'),
          refused_code: eb.ref('excluded.refused_code'),
          refused_reason: eb.ref('excluded.refused_reason'),
          reported_at: eb.ref('excluded.reported_at'),
        })),
      )
      .execute()
  }

  /** Every center's last report, by center id. */
  async states(): Promise<Map<string, CenterBundleState>> {
    const rows = await this.db.selectFrom('hub_center_bundles').selectAll().execute()
    return new Map(rows.map((r) => [r.center_id, stateFrom(r)]))
  }

  /** One center's last report, or null. */
  async stateOf(centerId: string): Promise<CenterBundleState | null> {
    const row = await this.db.selectFrom('hub_center_bundles').selectAll().where('center_id', '=', centerId).executeTakeFirst()
    return row ? stateFrom(row) : null
  }
}

function stateFrom(r: Selectable<HubCenterBundlesTable>): CenterBundleState {
  return {
    centerId: r.center_id,
    running: r.running_version,
    refused:
      r.refused_version === null ? null : { version: r.refused_version, code: String(r.refused_code), reason: String(r.refused_reason) },
    reportedAt: r.reported_at,
  }
}
