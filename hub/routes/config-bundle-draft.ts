/**
 * What the hub checks in a configuration bundle's draft beyond its schema, before it signs it:
 * the centers it names exist and are among its targets, every national code is in the catalogue,
 * and the hours template passes the calendar's own rules. The centers check again (a bundle signed
 * by another hub version), but an admin should hear about a mistake when typing it, not from a
 * refusal a heartbeat later.
 */
import { weeklyProblems, wireField } from '../../protocol/calendar-validation.ts'
import type { ConfigBundleDraft } from '../../protocol/config-bundle.ts'
import type { NationalCatalogue } from '../../protocol/national-catalogue.ts'
import { HubErrorCodes } from '../../protocol/upstream.ts'
import { HubError } from '../errors.ts'
import { type BundleTarget, targets } from '../store/config-bundles.ts'
import type { HubStore } from '../store/store.ts'

const invalid = (message: string) => new HubError(400, HubErrorCodes.BUNDLE_INVALID, message)

/**
 * Throws HUB_ERR_BUNDLE_INVALID or HUB_ERR_UNKNOWN_NATIONAL_CODE naming the first problem's path.
 * `catalogue` is the one the bundle will carry: its codes are checked against that very copy.
 */
export async function checkDraft(
  store: HubStore,
  draft: ConfigBundleDraft,
  target: BundleTarget,
  catalogue: Pick<NationalCatalogue, 'services'>,
): Promise<void> {
  const centers = await store.listCenters()
  const byId = new Map(centers.map((c) => [c.id, c]))
  if (target.kind === 'centers') {
    const unknown = target.centerIds.filter((id) => !byId.has(id))
    if (unknown.length > 0) throw invalid(`body/target/centerIds: no center ${unknown.slice(0, 5).join(', ')}`)
  }
  for (const id of Object.keys(draft.serviceMapping)) {
    const center = byId.get(id)
    if (!center) throw invalid(`body/contents/serviceMapping/${id}: no center ${id}`)
    // a mapping for a center the bundle never reaches would be signed and shown, yet never applied
    if (!targets(target, center)) throw invalid(`body/contents/serviceMapping/${id}: center ${id} is not among this bundle's targets`)
  }

  const named: { path: string; code: string }[] = [
    ...draft.holidays.flatMap((h, n) => (h.nationalCodes ?? []).map((code) => ({ path: `holidays/${n}`, code }))),
    ...Object.entries(draft.serviceMapping).flatMap(([id, m]) =>
      Object.entries(m).map(([prefix, code]) => ({ path: `serviceMapping/${id}/${prefix}`, code })),
    ),
  ]
  const known = new Set(catalogue.services.map((s) => s.code))
  const first = named.find((n) => !known.has(n.code))
  if (first)
    throw new HubError(
      400,
      HubErrorCodes.UNKNOWN_NATIONAL_CODE,
      `body/contents/${first.path}: the national catalogue has no code ${first.code}`,
    )

  const weekly = draft.weeklyHours
  const hours = weeklyProblems('weeklyHours', weekly ?? null)[0]
  if (hours) throw invalid(`body/contents/${wireField(hours.field)} ${hours.message}`)
}
