/**
 * The API's shapes for messages to citizens (issue 20): the templates an admin edits, the
 * preview with its segment count, the day's figures and the message log.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Lang, literalUnion, Nullable } from './common.ts'
import { MESSAGE_KINDS } from './messages/citizen.ts'

export const MessageKindName = literalUnion(MESSAGE_KINDS)
export const MessageStatusName = literalUnion(['queued', 'accepted', 'delivered', 'failed', 'expired'])

export const Segments = Type.Object({
  encoding: literalUnion(['gsm7', 'ucs2']),
  units: Type.Integer(),
  segments: Type.Integer(),
  perSegment: Type.Integer(),
})

export const MessageTemplate = Type.Object({
  kind: MessageKindName,
  lang: Lang,
  text: Type.String(),
  /** False while the built-in default applies. */
  edited: Type.Boolean(),
  placeholders: Type.Array(Type.String()),
  /** The text with sample values, as a citizen would read it. */
  preview: Type.String(),
  segments: Segments,
})
export type MessageTemplate = Static<typeof MessageTemplate>

export const PutMessageTemplateBody = Type.Object(
  {
    /** The new text (ICU; only the kind's placeholders), or null for the default. */
    text: Nullable(Type.String({ minLength: 1, maxLength: 1000 })),
  },
  { additionalProperties: false },
)

export const PreviewMessageBody = Type.Object(
  { kind: MessageKindName, lang: Lang, text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
)
export const MessagePreview = Type.Object({ preview: Type.String(), segments: Segments })

/** One line of the day's figures: how many messages of a kind, through a provider, ended in a status. */
export const MessageCount = Type.Object({
  kind: MessageKindName,
  provider: Nullable(Type.String()),
  status: MessageStatusName,
  count: Type.Integer(),
})
export const MessagesToday = Type.Object({
  day: Type.String(),
  /** The provider configured; null when messages are off. */
  provider: Nullable(Type.String()),
  health: Nullable(
    Type.Object({
      /** The provider answers (SMPP bound; HTTP: the last request got an answer, a refusal included). */
      up: Type.Boolean(),
      lastError: Nullable(Type.String()),
      since: Nullable(Type.Number()),
      pending: Type.Integer(),
      /**
       * When the latest messages the provider answered all failed (refused: "provider answered 404"): how
       * many in a row (of the last RECENT_ATTEMPTS), the newest's error and when. An answering provider
       * that refuses everything is no "connected" (walk s52: «متصل» while every message failed with a 404).
       */
      failing: Type.Optional(Type.Object({ count: Type.Integer({ minimum: 1 }), lastError: Type.String(), at: Type.Number() })),
    }),
  ),
  counts: Type.Array(MessageCount),
  /** Hours before its slot a booking's reminder goes (messages.reminderHoursBefore); 0: no reminders. */
  reminderHoursBefore: Type.Integer({ minimum: 0 }),
  /**
   * What the links in the messages start with (the ticket's status page, the booking's page), as the
   * previews count them: the config's publicUrl when set (`publicUrl` true), else the center's own
   * address on its network, which a phone off that network cannot open.
   */
  links: Type.Object({ base: Type.String(), publicUrl: Type.Boolean() }),
})
export type MessagesToday = Static<typeof MessagesToday>

export const MessageLogEntry = Type.Object({
  id: Type.Integer(),
  kind: MessageKindName,
  status: MessageStatusName,
  /** Masked (last three digits) for everyone but admins; null once erased. */
  phone: Nullable(Type.String()),
  provider: Nullable(Type.String()),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: Type.Number(),
  statusAt: Type.Number(),
})
