/**
 * The public answers of open data (protocol/open-data.ts), built from the registry, the centers'
 * latest live reports and the offline rule. Pure: the routes (hub/routes/open-data-routes.ts)
 * read the store and pass everything in.
 */
import { governorateCodeOf } from '../protocol/governorates.ts'
import { cityFieldsOf } from '../protocol/hub-city.ts'
import { governorateFilter } from './governorate-codes.ts'
import type {
  LeastBusy,
  LeastBusyCenter,
  LiveQueue,
  LocalLiveQueue,
  OpenCatalogue,
  OpenCenter,
  OpenCenters,
  OpenService,
} from '../protocol/open-data.ts'
import type { NationalService } from '../protocol/national-catalogue.ts'
import type { HubConfig } from './config.ts'
import { isOffline } from './offline-rule.ts'
import type { LiveReport } from './store/live-queues.ts'
import type { CenterRecord, CenterStatus } from './store/store.ts'

/** What every view is built from. */
export interface OpenDataSources {
  centers: CenterRecord[]
  statuses: Map<string, CenterStatus>
  reports: Map<string, LiveReport>
  services: NationalService[]
  config: Pick<HubConfig, 'offlineAfterMissedHeartbeats' | 'offlineAfterMinutes'>
  now: number
}

/** The codes the catalogue holds: a code it does not hold cannot be named to the public. Built once per answer, not per center. */
const catalogueCodes = (src: OpenDataSources): ReadonlySet<string> => new Set(src.services.map((s) => s.code))

/** The lines a center shows as live, or null when its data is not recent (offline, never reported, or an older center). */
function liveLines(
  src: OpenDataSources,
  known: ReadonlySet<string>,
  c: CenterRecord,
): { at: number; queues: LiveQueue[]; local: LocalLiveQueue[] } | null {
  const report = src.reports.get(c.id)
  if (!report) return null
  // the same rule as the fleet's "offline": the center's own heartbeat interval, so figures are live only while beats keep coming
  if (isOffline(report.reportedAt, src.statuses.get(c.id)?.heartbeatSeconds ?? null, src.now, src.config)) return null
  return { at: report.reportedAt, queues: report.queues.filter((q) => known.has(q.nationalCode)), local: report.local }
}

/** The active centers, their governorate as a code (free text from before the codes that names none: the unknown governorate). */
const publicCenters = (src: OpenDataSources) =>
  src.centers.filter((c) => c.active).map((c) => ({ ...c, governorate: governorateCodeOf(c.governorate) }))

const centerFields = (src: OpenDataSources, c: CenterRecord) => ({
  id: c.id,
  nameAr: c.nameAr,
  nameEn: c.nameEn,
  governorate: c.governorate,
  ...cityFieldsOf(c),
  everReported: src.reports.has(c.id),
})

/**
 * The pickers: the catalogue's services that some active center offers (its latest live report
 * lists them, however old: a center offline now still offers them), and the governorates with an
 * active center. A service no center offers is no use to a citizen choosing where to go.
 */
export function openCatalogue(src: OpenDataSources): OpenCatalogue {
  const offered = new Set(
    src.centers.filter((c) => c.active).flatMap((c) => src.reports.get(c.id)?.queues.map((q) => q.nationalCode) ?? []),
  )
  const services: OpenService[] = src.services
    .filter((s) => offered.has(s.code))
    .map((s) => ({ code: s.code, nameAr: s.nameAr, nameEn: s.nameEn }))
  const governorates = [...new Set(publicCenters(src).map((c) => c.governorate))].sort()
  return { services, governorates }
}

/** Every active center (of one governorate when given) with its lines now, by governorate then id. */
export function openCenters(src: OpenDataSources, asked?: string): OpenCenters {
  const governorate = governorateFilter(asked)
  const known = catalogueCodes(src)
  const centers: OpenCenter[] = publicCenters(src)
    .filter((c) => governorate === undefined || c.governorate === governorate)
    .map((c) => {
      const lines = liveLines(src, known, c)
      return {
        ...centerFields(src, c),
        status: lines ? ('live' as const) : ('no_recent_data' as const),
        updatedAt: lines?.at ?? null,
        services: (lines?.queues ?? []).map((q) => ({
          code: q.nationalCode,
          waiting: q.waiting,
          waitSeconds: q.waitSeconds ?? null,
          open: q.open,
        })),
        // the center's own services, by its names: listed on its card only, never ranked (least busy asks for a national code)
        localServices: (lines?.local ?? []).map((q) => ({
          code: q.serviceCode,
          nameAr: q.nameAr,
          nameEn: q.nameEn,
          waiting: q.waiting,
          waitSeconds: q.waitSeconds ?? null,
          open: q.open,
        })),
      }
    })
  return { generatedAt: src.now, centers }
}

/** Where a center stands in "least busy": lower first. */
function rank(c: LeastBusyCenter): number {
  if (c.status !== 'live') return 3
  if (!c.open) return 2
  return c.waitSeconds === null ? 1 : 0
}

/**
 * The governorate's centers for one service, the shortest typical wait first (then fewer waiting);
 * one with no open counter for it next, one not issuing now after those, and those with no recent
 * data last (the page lists them apart, unranked). A center is listed only when its lines name the
 * service: a live one's now, a silent one's in its last report; one that never sent any lines is
 * left out, since nothing says it offers the service or how busy it is (walk of 2026-12-05: a center
 * that had never reported was listed among "the least busy"). Null when the governorate (a code or
 * a name the list knows) has no active center at all.
 */
export function leastBusy(src: OpenDataSources, asked: string, service: NationalService): LeastBusy | null {
  const governorate = governorateFilter(asked)!
  const inGovernorate = publicCenters(src).filter((x) => x.governorate === governorate)
  if (inGovernorate.length === 0) return null
  const known = catalogueCodes(src)
  const centers: LeastBusyCenter[] = []
  for (const c of inGovernorate) {
    const lines = liveLines(src, known, c)
    if (!lines) {
      const offered = src.reports.get(c.id)?.queues.some((q) => q.nationalCode === service.code) ?? false
      if (offered)
        centers.push({ ...centerFields(src, c), status: 'no_recent_data', updatedAt: null, waiting: null, waitSeconds: null, open: null })
      continue
    }
    const q = lines.queues.find((x) => x.nationalCode === service.code)
    if (q)
      centers.push({
        ...centerFields(src, c),
        status: 'live',
        updatedAt: lines.at,
        waiting: q.waiting,
        waitSeconds: q.waitSeconds ?? null,
        open: q.open,
      })
  }
  centers.sort(
    (a, b) =>
      rank(a) - rank(b) || (a.waitSeconds ?? 0) - (b.waitSeconds ?? 0) || (a.waiting ?? 0) - (b.waiting ?? 0) || a.id.localeCompare(b.id),
  )
  return {
    generatedAt: src.now,
    governorate,
    service: { code: service.code, nameAr: service.nameAr, nameEn: service.nameEn },
    centers,
  }
}
