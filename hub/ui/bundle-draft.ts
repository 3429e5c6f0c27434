/**
 * The bundle form's state and the draft it sends (POST /api/hub/v1/config-bundles). A new bundle
 * replaces the last one whole at the centers it reaches, so the form starts from the last
 * published bundle's contents; what the form does not edit (message texts, a holiday's hours or
 * national codes, a day's second interval) is carried over as it was.
 */
import { WEEKDAYS, type WeeklyHours } from '../../protocol/calendar.ts'
import type {
  BundleHoliday,
  BundleSummary,
  BundleTargetView,
  CenterBundleRow,
  ConfigBundleContents,
  ConfigBundleDraft,
} from '../../protocol/config-bundle.ts'
import { DEFAULT_FINISH_OUTCOMES } from '../../protocol/finish-outcomes.ts'
import { byGovernorateName } from './governorate-order.ts'
import type { Lang } from '../../ui-common/i18n.ts'

export interface Choice {
  code: string
  nameAr: string
  nameEn: string
}

export interface MappingRow {
  centerId: string
  local: string
  code: string
}

export interface BundleFormState {
  kind: BundleTargetView['kind']
  governorate: string
  centerIds: string[]
  note: string
  priorityCategories: Choice[]
  finishOutcomes: Choice[]
  newsAr: string
  newsEn: string
  holidays: BundleHoliday[]
  mapping: MappingRow[]
  /** null: each center keeps its own hours. */
  weeklyHours: WeeklyHours | null
  messageTexts: ConfigBundleDraft['messageTexts']
}

/** A working day's default when hours are first set: 08:00–15:00, the government centers' usual day. */
export const DEFAULT_DAY = { open: '08:00', close: '15:00' }

/** Sunday to Thursday open, Friday and Saturday closed: the Egyptian government week. */
export function defaultWeek(): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, d === 'fri' || d === 'sat' ? [] : [{ ...DEFAULT_DAY }]])) as WeeklyHours
}

/**
 * What the centers' finish outcomes are before this bundle: the last bundle's, or (a first
 * bundle) a center's defaults. The form starts from them and calls out any it drops.
 */
export function outcomesBefore(last: ConfigBundleContents | null): Choice[] {
  return (last?.finishOutcomes ?? DEFAULT_FINISH_OUTCOMES).map((c) => ({ ...c }))
}

/**
 * The bundle the form starts from: the newest published one, or none (the form starts blank).
 * What the centers run is published bundles; the newest bundle of all may be someone's unfinished
 * draft, which a new bundle started from it would publish without its author or its reader knowing (walk s48).
 */
export function startingBundle<B extends Pick<BundleSummary, 'version' | 'publishedAt'>>(list: readonly B[]): B | null {
  return list
    .filter((b) => b.publishedAt !== null)
    .reduce<B | null>((newest, b) => (newest && newest.version > b.version ? newest : b), null)
}

/** The form as a copy of `last` (the newest bundle's contents), or blank (outcomes: a center's defaults). */
export function stateFrom(last: ConfigBundleContents | null): BundleFormState {
  return {
    kind: 'governorate',
    governorate: '',
    centerIds: [],
    note: '',
    priorityCategories: (last?.priorityCategories ?? []).map((c) => ({ ...c })),
    finishOutcomes: outcomesBefore(last),
    newsAr: last?.announcement.ar ?? '',
    newsEn: last?.announcement.en ?? '',
    holidays: (last?.holidays ?? []).map((h) => ({ ...h })),
    mapping: Object.entries(last?.serviceMapping ?? {}).flatMap(([centerId, m]) =>
      Object.entries(m).map(([local, code]) => ({ centerId, local, code })),
    ),
    weeklyHours: last?.weeklyHours ?? null,
    messageTexts: last?.messageTexts ?? [],
  }
}

/**
 * Whether the analyst has typed anything in the form since it started from `base` (the contents it
 * copied): its target is left out, since the form keeps the target chosen whatever it starts from.
 */
export function typedSince(s: BundleFormState, base: ConfigBundleContents | null): boolean {
  const contents = ({ kind: _k, governorate: _g, centerIds: _c, ...rest }: BundleFormState) => JSON.stringify(rest)
  return contents(s) !== contents(stateFrom(base))
}

/**
 * What the form does when a newer bundle is published while it is open: it starts again from that
 * one only when nothing it holds would be lost — nothing was typed, or the newer bundle is the one
 * this form just published. Otherwise it keeps what was typed and offers the newer bundle (walk s49:
 * another analyst's publish made the form start over, the typing lost without a word).
 */
export function onNewerBundle(s: BundleFormState, base: ConfigBundleContents | null, publishedHere: boolean): 'startAgain' | 'offer' {
  return publishedHere || !typedSince(s, base) ? 'startAgain' : 'offer'
}

/**
 * What the bundle leaves empty at every center it reaches: a bundle replaces these whole, so an
 * empty list removes the centers' own categories and an empty news line clears their displays'
 * one. The form names them before publishing and asks to confirm (an operator's first bundle
 * starts blank, and would otherwise wipe what each center set itself without a word).
 */
export type EmptiedPart = 'priorityCategories' | 'announcement'

export function emptiedParts(s: BundleFormState): EmptiedPart[] {
  const out: EmptiedPart[] = []
  if (s.priorityCategories.length === 0) out.push('priorityCategories')
  if (!s.newsAr.trim() && !s.newsEn.trim()) out.push('announcement')
  return out
}

/**
 * The outcomes the centers have now (`outcomesBefore`) that the bundle drops: a clerk could no
 * longer finish a ticket with them, so the form names them and asks to confirm, as for an emptied list.
 */
export function droppedOutcomes(s: BundleFormState, last: ConfigBundleContents | null): Choice[] {
  const kept = new Set(s.finishOutcomes.map((c) => c.code.trim()))
  return outcomesBefore(last).filter((c) => !kept.has(c.code))
}

type TargetCenter = Pick<CenterBundleRow, 'centerId' | 'governorate' | 'active'>

/**
 * The centers' governorates as the picker lists them: by name in the page's language, as the
 * analysis map's table and the open-data page do (by code, «القاهرة» came before «أسوان»: walk of 2026-12-06).
 */
export function governoratesInOrder(centers: readonly Pick<TargetCenter, 'governorate'>[], lang: Lang): string[] {
  return [...new Set(centers.map((c) => c.governorate))].sort(byGovernorateName(lang))
}

/**
 * The governorate the form's target starts on: the first (in the picker's order) with an active
 * center. A governorate whose only center is deactivated would make a bundle that stays "0 of 1,
 * not yet" forever. Empty when no center is active (the form then says the target reaches none).
 */
export function defaultGovernorate(centers: readonly TargetCenter[], lang: Lang): string {
  return (
    governoratesInOrder(
      centers.filter((c) => c.active),
      lang,
    )[0] ?? ''
  )
}

/** How many active centers the form's target reaches (0: the form says so before publishing). */
export function activeReached(s: Pick<BundleFormState, 'kind' | 'governorate' | 'centerIds'>, centers: readonly TargetCenter[]): number {
  return centers.filter(
    (c) =>
      c.active && (s.kind === 'all' || (s.kind === 'governorate' ? c.governorate === s.governorate : s.centerIds.includes(c.centerId))),
  ).length
}

/** The request body: the target and the draft (text trimmed, local codes in capitals); the hub checks the rest. */
export function requestOf(s: BundleFormState): { target: Record<string, unknown>; note: string; contents: ConfigBundleDraft } {
  const target =
    s.kind === 'all'
      ? { kind: 'all' }
      : s.kind === 'governorate'
        ? { kind: 'governorate', governorate: s.governorate }
        : { kind: 'centers', centerIds: s.centerIds }
  const serviceMapping: ConfigBundleDraft['serviceMapping'] = {}
  for (const row of s.mapping) {
    if (!row.centerId || !row.local.trim()) continue
    serviceMapping[row.centerId] = { ...serviceMapping[row.centerId], [row.local.trim().toUpperCase()]: row.code }
  }
  const choice = (c: Choice) => ({ code: c.code.trim(), nameAr: c.nameAr.trim(), nameEn: c.nameEn.trim() })
  return {
    target,
    note: s.note.trim(),
    contents: {
      priorityCategories: s.priorityCategories.map(choice),
      finishOutcomes: s.finishOutcomes.map(choice),
      holidays: s.holidays.map((h) => ({ ...h, id: h.id.trim(), nameAr: h.nameAr.trim(), nameEn: h.nameEn.trim() })),
      announcement: { ar: s.newsAr.trim(), en: s.newsEn.trim() },
      messageTexts: s.messageTexts,
      serviceMapping,
      weeklyHours: s.weeklyHours,
    },
  }
}
