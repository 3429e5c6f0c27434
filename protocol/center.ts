import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp, literalUnion } from './common.ts'

/**
 * Center-wide settings the manager edits and every display shows: the news line (a sentence
 * in each language, scrolled along the bottom of the waiting-room displays; empty = none).
 */
export const CenterNews = Type.Object({
  ar: Type.String({ maxLength: 500 }),
  en: Type.String({ maxLength: 500 }),
  /** When it was last changed; null when it never was. */
  updatedAt: Nullable(Timestamp),
})
export type CenterNews = Static<typeof CenterNews>

/** PUT /center/news. */
export const PutNewsBody = Type.Object({
  ar: Type.String({ maxLength: 500 }),
  en: Type.String({ maxLength: 500 }),
})
export type PutNewsBody = Static<typeof PutNewsBody>

/** One file of `<dataDir>/media/` that displays may show. */
export const MediaItem = Type.Object({
  name: Type.String(),
  kind: literalUnion(['image', 'video']),
  /** Where to load it: `<base>/media/<name>`. */
  url: Type.String(),
  size: Type.Integer(),
})
export type MediaItem = Static<typeof MediaItem>
