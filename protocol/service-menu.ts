/**
 * What the kiosk's service menu and the "what to bring" step share with the server: the built-in
 * icons, the limits on a service's document list and the service groups. The rule that decides
 * between a flat grid and a two-level menu, and the search, are in menu-layout.ts.
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
