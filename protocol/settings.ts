import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { literalUnion, Nullable, Zone } from './common.ts'

/**
 * Center settings an admin edits in the dashboard. Each key's value comes from, later wins:
 * the built-in default, the config file, the environment, then the admin's override kept in
 * the database (table center_settings, key `overrides`). PUT a key as null to drop its
 * override (the config value applies again).
 */
const Name = Type.String({ minLength: 1, maxLength: 120 })
/** A priority category (or a finish outcome: the hub's bundles use the same shape, protocol/config-bundle.ts). */
export const Category = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$', description: 'lower-case letters, digits, _ (not none)' }),
    nameAr: Name,
    nameEn: Name,
  },
  { additionalProperties: false },
)

/** A zone's name in each language (an empty one: the zone's id is shown in that language). */
export const ZoneName = Type.Object(
  { nameAr: Type.String({ maxLength: 60 }), nameEn: Type.String({ maxLength: 60 }) },
  { additionalProperties: false },
)
export type ZoneName = Static<typeof ZoneName>

export const CallPolicyName = literalUnion(['fifo', 'priority', 'sla'])
export const DigitStyleName = literalUnion(['western', 'arabic-indic'])

export { policyHonoursPriority } from './call-policy.ts'

const Fields = {
  nameAr: Name,
  nameEn: Name,
  /** IANA zone, e.g. Africa/Cairo. */
  timeZone: Type.String({ minLength: 1, maxLength: 64 }),
  callPolicy: CallPolicyName,
  maxPriorityInARow: Type.Integer({ minimum: 1, maximum: 50 }),
  priorityAgingSeconds: Type.Integer({ minimum: 60, maximum: 86_400 }),
  priorityCategories: Type.Array(Category, { maxItems: 20 }),
  /** How the screens write numbers by default. */
  digits: DigitStyleName,
  /** The language screens start in. */
  language: literalUnion(['ar', 'en']),
  /** Citizen feedback (config `feedback`, issue 21): minutes after a finish a ticket may be rated. */
  feedbackWindowMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  /** The low-rating alert: a counter's average over the last `feedbackAlertWindowMinutes` below this… */
  feedbackAlertBelowAverage: Type.Number({ minimum: 1, maximum: 5 }),
  /** …once it has at least this many ratings in that stretch. */
  feedbackAlertMinRatings: Type.Integer({ minimum: 1, maximum: 1000 }),
  feedbackAlertWindowMinutes: Type.Integer({ minimum: 5, maximum: 1440 }),
  /**
   * What each zone (a counter's or device's `zone`, an id such as `ground`) is called on the
   * screens, in each language (the walk of 2026-12-06 read «ground» on Arabic pages). The id stays
   * the key everywhere; a zone without a name here is shown as its id.
   */
  // a key that is not a zone id is refused, not dropped (the server's validator drops unknown properties)
  zoneNames: Type.Record(Type.String(), ZoneName, {
    maxProperties: 100,
    propertyNames: { type: 'string', minLength: Zone.minLength, maxLength: Zone.maxLength, pattern: Zone.pattern },
  }),
}

export const CenterSettings = Type.Object(Fields)
export type CenterSettings = Static<typeof CenterSettings>
export type SettingKey = keyof CenterSettings

const o = <T extends TSchema>(t: T) => Type.Optional(Nullable(t))
export const PutSettingsBody = Type.Object(
  {
    nameAr: o(Fields.nameAr),
    nameEn: o(Fields.nameEn),
    timeZone: o(Fields.timeZone),
    callPolicy: o(Fields.callPolicy),
    maxPriorityInARow: o(Fields.maxPriorityInARow),
    priorityAgingSeconds: o(Fields.priorityAgingSeconds),
    priorityCategories: o(Fields.priorityCategories),
    digits: o(Fields.digits),
    language: o(Fields.language),
    feedbackWindowMinutes: o(Fields.feedbackWindowMinutes),
    feedbackAlertBelowAverage: o(Fields.feedbackAlertBelowAverage),
    feedbackAlertMinRatings: o(Fields.feedbackAlertMinRatings),
    feedbackAlertWindowMinutes: o(Fields.feedbackAlertWindowMinutes),
    zoneNames: o(Fields.zoneNames),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type PutSettingsBody = Static<typeof PutSettingsBody>

export const SettingsReply = Type.Object({
  /** What applies now. */
  values: CenterSettings,
  /** The keys an admin has overridden (the rest come from config). */
  overridden: Type.Array(Type.String()),
  /** What applies without the overrides (config file, env, built-in defaults). */
  defaults: CenterSettings,
})
export type SettingsReply = Static<typeof SettingsReply>

/** One audited configuration change (event log row `config.changed`). */
export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  userId: Nullable(Type.Integer()),
  username: Nullable(Type.String()),
  /** The device that made the change (a pairing: its code traded for a token), by its name; else null. */
  deviceName: Nullable(Type.String()),
  /** The configuration command (server/config/config-audit.ts CONFIG_COMMANDS), null on rows older than commands. */
  command: Nullable(Type.String()),
  /** The name of what was changed (a service, counter, user or device), as named now; null for center-wide changes. */
  subject: Nullable(Type.String()),
  method: Type.String(),
  route: Type.String(),
  params: Type.Record(Type.String(), Type.Unknown()),
  body: Type.Unknown(),
  /**
   * What an edit of a counter, service, user, device or the center settings changed, field by field: its value before and
   * after, what it names by id named as now (a zone by its names «ar · en», services by name and weight;
   * a zone's names as the setting `zoneNames.<zone>`);
   * a password only as changed (no `from`, no `to`). Null on rows older than it and on other commands.
   */
  changes: Nullable(
    Type.Array(Type.Object({ field: Type.String(), from: Type.Optional(Type.Unknown()), to: Type.Optional(Type.Unknown()) })),
  ),
  /** What the change answered (200, 201, 204); 422 for a hub bundle the center refused (its code and reason in `body`). */
  status: Type.Integer(),
})
export type AuditEntry = Static<typeof AuditEntry>
