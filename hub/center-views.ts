/**
 * A registered center as the read API shows it (protocol/hub-api.ts CenterView): its registry
 * entry, what it last reported, and whether it is offline; and the fleet's alerts.
 */
import { governorateCodeOf } from '../protocol/governorates.ts'
import { cityFieldsOf } from '../protocol/hub-city.ts'
import type { CenterView, FleetAlert, HubFleet } from '../protocol/hub-api.ts'
import type { HubConfig } from './config.ts'
import { isOffline, offlineAfterMs } from './offline-rule.ts'
import { backupCell } from './ui/center-state.ts'
import type { CenterRecord, CenterStatus, HubStore } from './store/store.ts'

type OfflineConfig = Pick<HubConfig, 'offlineAfterMissedHeartbeats' | 'offlineAfterMinutes'>

export function centerView(c: CenterRecord, s: CenterStatus | undefined, config: OfflineConfig, now: number): CenterView {
  const lastContactAt = Math.max(s?.lastReportAt ?? 0, s?.lastHeartbeatAt ?? 0) || null
  return {
    id: c.id,
    nameAr: c.nameAr,
    nameEn: c.nameEn,
    // a code; free text from before the codes that names none shows as the unknown governorate
    governorate: governorateCodeOf(c.governorate),
    ...cityFieldsOf(c),
    kind: c.kind,
    active: c.active,
    lastReportAt: s?.lastReportAt ?? null,
    lastHeartbeatAt: s?.lastHeartbeatAt ?? null,
    lastContactAt,
    offline: c.active && isOffline(lastContactAt, s?.heartbeatSeconds ?? null, now, config),
    heartbeatSeconds: s?.heartbeatSeconds ?? null,
    offlineAfterSeconds: offlineAfterMs(s?.heartbeatSeconds, config) / 1000,
    countersOpen: s?.countersOpen ?? null,
    devicesFaulty: s?.devicesFaulty ?? null,
    outboxPending: s?.outboxPending ?? null,
    version: s?.version ?? null,
    configVersion: s?.configVersion ?? null,
    lastBackupAt: s?.lastBackupAt ?? null,
    lastBackupOk: s?.lastBackupOk ?? null,
    backupsOff: s?.backupsOff ?? null,
    ownName: s?.ownName ? { nameAr: s.ownName.ar, nameEn: s.ownName.en } : null,
  }
}

/** Every center, or those of one governorate. */
export async function centerViews(store: HubStore, config: OfflineConfig, now: number, governorate?: string): Promise<CenterView[]> {
  const statuses = await store.statuses()
  return (await store.listCenters())
    .map((c) => centerView(c, statuses.get(c.id), config, now))
    .filter((c) => governorate === undefined || c.governorate === governorate)
}

const ALERT_ORDER: FleetAlert['kind'][] = ['offline', 'devices-faulty', 'backup-failed', 'bundle-refused']

/** A center's standing bundle refusal (its last heartbeat's: newer than the bundle it runs). */
export type BundleRefusals = ReadonlyMap<string, { version: number; code: string; since: number }>

/**
 * The alerts of active centers: offline, faulty devices, a failed last backup, a refused bundle
 * (walk of 2026-12-06: a center ran without the published configuration and the fleet said "no alerts").
 */
export function fleetAlerts(centers: readonly CenterView[], refusals: BundleRefusals = new Map()): FleetAlert[] {
  const alerts: FleetAlert[] = []
  for (const c of centers) {
    if (!c.active) continue
    if (c.offline) alerts.push({ kind: 'offline', centerId: c.id, since: c.lastContactAt })
    // as of the heartbeat that counted them: an offline center's count is no news of now
    if ((c.devicesFaulty ?? 0) > 0)
      alerts.push({
        kind: 'devices-faulty',
        centerId: c.id,
        since: null,
        count: c.devicesFaulty!,
        ...(c.lastHeartbeatAt ? { asOf: c.lastHeartbeatAt } : {}),
      })
    if (backupCell(c) === 'failed') alerts.push({ kind: 'backup-failed', centerId: c.id, since: c.lastBackupAt })
    const refused = refusals.get(c.id)
    if (refused)
      alerts.push({
        kind: 'bundle-refused',
        centerId: c.id,
        since: refused.since,
        bundle: { version: refused.version, code: refused.code },
      })
  }
  return alerts.sort((a, b) => ALERT_ORDER.indexOf(a.kind) - ALERT_ORDER.indexOf(b.kind) || a.centerId.localeCompare(b.centerId))
}

/** Version strings compared part by part as numbers (1.10.0 > 1.9.2). */
export function newerVersion(a: string, b: string): boolean {
  const pa = a.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0)
  const pb = b.split(/[.+-]/).map((p) => Number.parseInt(p, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0)
  return false
}

/** The fleet; `scope`: the governorate analyst's own governorate it is limited to (null: national). */
export async function fleet(
  store: HubStore,
  config: OfflineConfig,
  now: number,
  governorate?: string,
  scope: string | null = null,
): Promise<HubFleet> {
  const [centers, bundleStates] = await Promise.all([centerViews(store, config, now, governorate), store.configBundles.states()])
  const refusals: BundleRefusals = new Map(
    [...bundleStates].flatMap(([id, s]) =>
      s.refused ? [[id, { version: s.refused.version, code: s.refused.code, since: s.reportedAt }] as const] : [],
    ),
  )
  let newestVersion: string | null = null
  // the newest version running: a deactivated center's last report is not running anywhere (walk of
  // 2026-12-06: a closed center's 1.5.0 marked every active one "older than 1.5.0")
  for (const c of centers)
    if (c.active && c.version && (newestVersion === null || newerVersion(c.version, newestVersion))) newestVersion = c.version
  return {
    generatedAt: now,
    scope,
    offlineAfterMissedHeartbeats: config.offlineAfterMissedHeartbeats,
    newestVersion,
    centers,
    alerts: fleetAlerts(centers, refusals),
  }
}
