/**
 * What the kiosk's service menu and the "what to bring" step share with the server: the built-in
 * icons, the limits on a service's document list, the service groups, the rule that decides
 * between a flat grid and a two-level menu, and the search that finds a service by either name
 * however its Arabic is spelled (hamza and alef forms, taa marbuta, diacritics).
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from './common.ts'

/** The icons a group or service may show (SVGs built into the kiosk: ui-common/service-icons.ts). */
export const SERVICE_ICONS = [
  'id-card',
  'birth',
  'family',
  'car',
  'house',
  'money',
  'document',
  'stamp',
  'passport',
  'health',
  'work',
  'education',
  'utility',
  'law',
  'info',
] as const
export type ServiceIcon = (typeof SERVICE_ICONS)[number]

/** Whether `name` is one of SERVICE_ICONS. */
export const isServiceIcon = (name: string): name is ServiceIcon => (SERVICE_ICONS as readonly string[]).includes(name)

/** At most this many documents per service (the paper ticket stays short enough to tear). */
export const MAX_DOCUMENTS = 10
/** At most this many characters per document, in each language. */
export const MAX_DOCUMENT_LENGTH = 100

/**
 * One required document, in both languages. The schema admits longer lists and texts than the
 * limits so that the center refuses them with its own code (TABOUR_ERR_DOCUMENTS_TOO_LONG) and
 * the field at fault, not a generic validation error.
 */
export const RequiredDocument = Type.Object(
  { ar: Type.String({ minLength: 1, maxLength: 2000 }), en: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
)
export type RequiredDocument = Static<typeof RequiredDocument>
/** A service's document list as a request body carries it (limits checked by the center). */
export const RequiredDocuments = Type.Array(RequiredDocument, { maxItems: 200 })

/** An icon name as a request carries it (checked against SERVICE_ICONS by the center: TABOUR_ERR_UNKNOWN_ICON). */
export const IconName = Nullable(Type.String({ minLength: 1, maxLength: 64 }))

/** A group of services on the kiosk's two-level menu. */
export const ServiceGroup = Type.Object({
  id: Type.Integer(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  /** One of SERVICE_ICONS; null: none. */
  icon: Nullable(Type.String()),
  sortOrder: Type.Integer(),
})
export type ServiceGroup = Static<typeof ServiceGroup>

const GroupName = Type.String({ minLength: 1, maxLength: 120 })
export const CreateServiceGroupBody = Type.Object(
  {
    nameAr: GroupName,
    nameEn: GroupName,
    icon: Type.Optional(IconName),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  },
  { additionalProperties: false },
)
export type CreateServiceGroupBody = Static<typeof CreateServiceGroupBody>
export const UpdateServiceGroupBody = Type.Partial(CreateServiceGroupBody, { additionalProperties: false, minProperties: 1 })
export type UpdateServiceGroupBody = Static<typeof UpdateServiceGroupBody>

/** A kiosk offering more services than this shows a search box and, when groups exist, the two-level menu. */
export const FLAT_MENU_MAX = 12

/** How a kiosk lays out its services: a flat grid, or groups then services; `search` when the search box shows. */
export interface MenuLayout {
  mode: 'flat' | 'grouped'
  search: boolean
}

/**
 * The rule: up to FLAT_MENU_MAX services keep the flat grid (no search, no groups: one tap
 * fewer). More than that get the search box, and the two-level menu when at least one of
 * them is in a group (services in no group are listed after the groups, as a group of their own).
 */
export function menuLayout(services: readonly { groupId?: number | null }[]): MenuLayout {
  if (services.length <= FLAT_MENU_MAX) return { mode: 'flat', search: false }
  const grouped = services.some((s) => s.groupId !== undefined && s.groupId !== null)
  return { mode: grouped ? 'grouped' : 'flat', search: true }
}

// harakat (fathatan … sukun), superscript alef, tatweel: spelling aids, not letters
const MARKS = /[\u064b-\u065f\u0670\u0640]/g
const ALEFS = /[\u0622\u0623\u0625\u0671]/g

/**
 * A name folded for search: lower case, Arabic without diacritics or tatweel, every alef form
 * (أ إ آ ٱ) as ا, ى as ي, ة as ه, ؤ as و, ئ as ي, and runs of spaces as one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(ALEFS, '\u0627')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064a')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The services whose Arabic or English name holds every word of `query` (folded); all of them for a blank query. */
export function searchServices<S extends { nameAr: string; nameEn: string }>(services: readonly S[], query: string): S[] {
  const words = foldForSearch(query).split(' ').filter(Boolean)
  if (words.length === 0) return [...services]
  return services.filter((s) => {
    const names = `${foldForSearch(s.nameAr)} ${foldForSearch(s.nameEn)}`
    return words.every((w) => names.includes(w))
  })
}

/** A kiosk's services: those its config offers (`serviceIds`; absent: all). */
export function offeredOn<S extends { id: number }>(services: readonly S[], serviceIds: readonly number[] | undefined): S[] {
  if (!serviceIds) return [...services]
  const offered = new Set(serviceIds)
  return services.filter((s) => offered.has(s.id))
}
