/**
 * The national service catalogue (issue 23): the hub owns national service codes with Arabic and
 * English names and a group; each center maps each of its local services (prefix A, B, …, which
 * mean different things at different centers) to one national code, and its hourly batches carry
 * that code, so the hub adds up like with like. A local service without a code stays unmapped
 * and the hub shows it per center instead of merging it with another center's prefix.
 */
import { Type, type Static } from '@sinclair/typebox'

/** A national service code: capital Latin letters, digits, `.`, `_` or `-`, 1–32 characters (e.g. `CIV-BIRTH`). */
export const NationalCode = Type.String({
  pattern: '^[A-Z0-9][A-Z0-9._-]{0,31}$',
  description: 'a national service code of the hub catalogue, e.g. CIV-BIRTH',
})
export type NationalCode = Static<typeof NationalCode>

/** One entry of the hub's national service catalogue. */
export const NationalService = Type.Object(
  {
    code: NationalCode,
    nameAr: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    /** The group it belongs to (civil registry, traffic, …), in both languages; '' when none. */
    groupAr: Type.String({ maxLength: 200 }),
    groupEn: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
)
export type NationalService = Static<typeof NationalService>

/** The whole catalogue as the hub hands it to centers, with a version (the hub's) that changes whenever any entry does. */
export const NationalCatalogue = Type.Object(
  { version: Type.String({ maxLength: 64 }), services: Type.Array(NationalService, { maxItems: 2000 }) },
  { additionalProperties: false },
)
export type NationalCatalogue = Static<typeof NationalCatalogue>
