import { Type, type Static } from '@sinclair/typebox'
import { Lang, Nullable, Timestamp, literalUnion } from './common.ts'
import { FinishOutcome, PriorityCategory } from './entities.ts'
import { DigitStyleName } from './settings.ts'

/** GET /center: what every screen needs to know about the center. */
export const CenterInfo = Type.Object({
  nameAr: Type.String(),
  nameEn: Type.String(),
  timeZone: Type.String(),
  callPolicy: Type.String(),
  /**
   * With callPolicy `priority`: an ordinary ticket that has waited this long is called with the
   * priority ones (config queue.priorityAgingSeconds); the console lists a line in the order a
   * call takes it. Absent from an older server.
   */
  priorityAgingSeconds: Type.Optional(Type.Integer({ minimum: 1 })),
  /** The policy's caps (queue.maxPriorityInARow, queue.maxAppointmentsInARow), for the same order. Absent from an older server. */
  maxPriorityInARow: Type.Optional(Type.Integer({ minimum: 1 })),
  maxAppointmentsInARow: Type.Optional(Type.Integer({ minimum: 1 })),
  /** How long a no-show can be undone, in minutes (config queue.noShowGraceMinutes; 0: never): the console's confirm says it. Absent from an older server. */
  noShowGraceMinutes: Type.Optional(Type.Integer({ minimum: 0 })),
  priorityCategories: Type.Array(PriorityCategory),
  /** What a clerk may finish a ticket with (config queue.finishOutcomes); the first is the default. */
  finishOutcomes: Type.Array(FinishOutcome),
  /** The center's one digits setting (config screens.digits or the admin's), for Arabic text on every screen and ticket; rule in messages/digits.ts. */
  digits: DigitStyleName,
  /** The language kiosks start in and return to when idle (config screens.language or the admin's setting). */
  language: Lang,
  /** The center sends messages (config messages.provider set): screens offer consent and promise texts only then. */
  messagesOn: Type.Boolean(),
})
export type CenterInfo = Static<typeof CenterInfo>

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
