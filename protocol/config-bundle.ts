/**
 * Central configuration (issue 23): the hub publishes versioned configuration bundles, signed
 * with its Ed25519 key, to all centers, a governorate or a list of centers. A center learns from
 * its heartbeat answer that a newer bundle exists, fetches it, checks the signature against the
 * hub key pinned at registration (config upstream.hubPublicKey), validates it, and applies it in
 * one transaction, or refuses it with a stable code that its next heartbeat reports to the hub.
 *
 * The signature covers the exact UTF-8 bytes of `payload` (the JSON text of ConfigBundlePayload):
 * a center verifies those bytes before it parses them, so one changed byte is a refusal.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value'
import { CalendarDate, OpenInterval, WeeklyHours } from './calendar.ts'
import { Lang, literalUnion, Nullable } from './common.ts'
import { MESSAGE_KINDS } from './messages/citizen.ts'
import { NationalCatalogue, NationalCode } from './national-catalogue.ts'
import { Category } from './settings.ts'

/** A priority category or a finish outcome: the center's own shape (protocol/settings.ts). */
export const BundleChoice = Category

/** A national holiday or closure: replaces the weekly hours from `from` to `to` (both included) at the centers that get it. */
export const BundleHoliday = Type.Object(
  {
    /** Stable id within the hub: the center keeps it as the exception's uid (`hub:<id>`), so the next bundle replaces it. */
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
    from: CalendarDate,
    to: CalendarDate,
    nameAr: Type.String({ maxLength: 120 }),
    nameEn: Type.String({ maxLength: 120 }),
    /** The hours on those days; empty: closed. */
    hours: Type.Array(OpenInterval, { maxItems: 8 }),
    /** Only the services mapped to these national codes; absent: the whole center. A code no service of the center maps to is a refusal. */
    nationalCodes: Type.Optional(Type.Array(NationalCode, { minItems: 1, maxItems: 100 })),
  },
  { additionalProperties: false },
)
export type BundleHoliday = Static<typeof BundleHoliday>

/** One citizen message text (SMS/WhatsApp) in one language; its placeholders are the kind's own. */
export const BundleMessageText = Type.Object(
  { kind: literalUnion(MESSAGE_KINDS), lang: Lang, text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
)

/** A center's local service code (its prefix: A, B, …), as the center and the hub's "unmapped" rows name it. */
export const LocalServiceCode = Type.String({ pattern: '^[A-Z]{1,3}$', description: 'a service prefix of the center, e.g. A' })

/** One center's mapping: local service code → national code. */
export const CenterServiceMapping = Type.Record(LocalServiceCode, NationalCode, { maxProperties: 200, additionalProperties: false })
export type CenterServiceMapping = Static<typeof CenterServiceMapping>

/** A center id as the hub registers it. */
const MappedCenterId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' })

/**
 * What a national admin writes (POST /api/hub/v1/config-bundles `contents`). Every key is required: a bundle states all that the hub
 * manages (an empty list, an empty mapping or a null is a choice, a missing key is a refusal).
 */
export const ConfigBundleDraft = Type.Object(
  {
    /** The priority categories a ticket may carry (center setting priorityCategories). */
    priorityCategories: Type.Array(BundleChoice, { maxItems: 20 }),
    /** What a clerk may finish a ticket with; the first is the default (config queue.finishOutcomes). */
    finishOutcomes: Type.Array(BundleChoice, { minItems: 1, maxItems: 20 }),
    /** National holidays and closures, merged into the center's calendar (its own exceptions stay). */
    holidays: Type.Array(BundleHoliday, { maxItems: 200 }),
    /** The displays' news line (an empty text: none). */
    announcement: Type.Object(
      { ar: Type.String({ maxLength: 500 }), en: Type.String({ maxLength: 500 }) },
      { additionalProperties: false },
    ),
    /** Citizen message texts; kinds and languages not listed keep the center's own. */
    messageTexts: Type.Array(BundleMessageText, { maxItems: 2 * MESSAGE_KINDS.length }),
    /**
     * Per center id, its local services' national codes. A center with an entry has exactly those services' codes set and
     * locked (its admin sees them, cannot change them); its services not named stay its own to map. A center without an
     * entry maps its services itself (codes an earlier bundle locked are unlocked, and kept).
     */
    serviceMapping: Type.Record(MappedCenterId, CenterServiceMapping, { maxProperties: 1000, additionalProperties: false }),
    /** The center's weekly opening hours (the calendar's own schema); null: each center keeps its own. */
    weeklyHours: Nullable(WeeklyHours),
  },
  { additionalProperties: false },
)
export type ConfigBundleDraft = Static<typeof ConfigBundleDraft>

/**
 * What a bundle sets at a center: the draft, and the national catalogue the hub held when it signed it (the hub adds it; the
 * mapping's codes are checked against it). Every key is required: a bundle states all that the hub
 * manages (an empty list is a choice, a missing key is a refusal, TABOUR_BUNDLE_MISSING_FIELD).
 */
export const ConfigBundleContents = Type.Object(
  { ...ConfigBundleDraft.properties, nationalCatalogue: NationalCatalogue },
  { additionalProperties: false },
)
export type ConfigBundleContents = Static<typeof ConfigBundleContents>
/** The keys a bundle may manage, for the center admin's "managed by the hub" note. */
/** The uid prefix of calendar exceptions a bundle's holidays become: the next bundle replaces them, the center's own stay. */
export const HUB_EXCEPTION_UID = 'hub:'

/** Whether a calendar exception is a holiday the hub's bundle set (the hours tab says so beside it). */
export const setByHub = (e: { uid?: string }): boolean => e.uid?.startsWith(HUB_EXCEPTION_UID) === true

export const BUNDLE_KEYS = Object.keys(ConfigBundleContents.properties) as (keyof ConfigBundleContents)[]

/** What a bundle manages at the center `centerId`: every key but the mapping when it has no entry, and the hours when they are null. */
export function managedKeys(contents: ConfigBundleContents, centerId: string | undefined): (keyof ConfigBundleContents)[] {
  // `?? …`: a bundle applied before these keys existed (kept as the last good one) manages neither
  const mapping = contents.serviceMapping ?? {}
  return BUNDLE_KEYS.filter(
    (k) =>
      (k !== 'serviceMapping' || (centerId !== undefined && Object.hasOwn(mapping, centerId))) &&
      (k !== 'weeklyHours' || (contents.weeklyHours ?? null) !== null) &&
      (k !== 'nationalCatalogue' || contents.nationalCatalogue !== undefined),
  )
}

/** The signed text, parsed. */
export const ConfigBundlePayload = Type.Object(
  {
    /** 1, 2, …: a center runs the newest one published for it. */
    version: Type.Integer({ minimum: 1 }),
    /** When the hub made it (epoch ms). */
    issuedAt: Type.Integer({ minimum: 0 }),
    contents: ConfigBundleContents,
  },
  { additionalProperties: false },
)
export type ConfigBundlePayload = Static<typeof ConfigBundlePayload>

/** Largest payload a center accepts (a bundle is configuration, not data). */
export const MAX_BUNDLE_BYTES = 256 * 1024

/** A bundle as it travels: the payload's exact text and the hub's Ed25519 signature of it (base64). */
export const SignedConfigBundle = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  payload: Type.String({ maxLength: MAX_BUNDLE_BYTES }),
  signature: Type.String({ maxLength: 200 }),
})
export type SignedConfigBundle = Static<typeof SignedConfigBundle>

/** The center's ask for a bundle (signed like a heartbeat). */
export const ConfigBundleRequest = Type.Object(
  { centerId: Type.String({ minLength: 1, maxLength: 64 }), version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
)
export type ConfigBundleRequest = Static<typeof ConfigBundleRequest>

/** Why a center refused a bundle: stable codes, shown at the hub. */
export const BundleRefusalCodes = {
  /** The center has no hub key pinned (upstream.hubPublicKey unset or unreadable). */
  NO_PINNED_KEY: 'TABOUR_BUNDLE_NO_PINNED_KEY',
  /** The signature does not match the payload under the pinned key (changed bytes, another key). */
  BAD_SIGNATURE: 'TABOUR_BUNDLE_BAD_SIGNATURE',
  /** The payload is not JSON, or its version is not the one asked for. */
  MALFORMED: 'TABOUR_BUNDLE_MALFORMED',
  /** A required key or field is missing (the reason names it). */
  MISSING_FIELD: 'TABOUR_BUNDLE_MISSING_FIELD',
  /** A value the center's rules refuse (duplicate codes, a holiday that ends before it starts, a placeholder a message cannot use). */
  INVALID: 'TABOUR_BUNDLE_INVALID',
  /** It names something the center does not have (a national service code no service maps to). */
  UNKNOWN_REFERENCE: 'TABOUR_BUNDLE_UNKNOWN_REFERENCE',
  /** Its mapping names a local service (prefix) this center does not have. */
  UNKNOWN_SERVICE: 'TABOUR_BUNDLE_UNKNOWN_SERVICE',
  /** Its mapping names a national code that the bundle's own national catalogue does not hold. */
  UNKNOWN_NATIONAL_CODE: 'TABOUR_BUNDLE_UNKNOWN_NATIONAL_CODE',
  /** Storing it failed; nothing of it applies. */
  APPLY_FAILED: 'TABOUR_BUNDLE_APPLY_FAILED',
} as const
export type BundleRefusalCode = (typeof BundleRefusalCodes)[keyof typeof BundleRefusalCodes]

/** What a center's heartbeat says about bundles: the version it runs, and the last one it refused (newer than that). */
export const BundleReport = Type.Object(
  {
    running: Nullable(Type.Integer({ minimum: 1 })),
    refused: Type.Optional(
      Type.Object(
        {
          version: Type.Integer({ minimum: 1 }),
          code: Type.String({ maxLength: 64 }),
          reason: Type.String({ maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
export type BundleReport = Static<typeof BundleReport>

/** The heartbeat answer's offer: a newer bundle exists for this center. */
export const BundleOffer = Type.Object({ version: Type.Integer({ minimum: 1 }) })
export type BundleOffer = Static<typeof BundleOffer>

/** A hub public key as given at registration: base64 of its DER SubjectPublicKeyInfo (Ed25519, 44 bytes). */
export const HubPublicKey = Type.String({ pattern: '^[A-Za-z0-9+/]{40,120}={0,2}$' })

/** The first thing wrong with `value` under `schema`: its path (`/contents/finishOutcomes`) and whether it is a missing key; null when it fits. */
export function firstBundleProblem(schema: TSchema, value: unknown): { path: string; missing: boolean; message: string } | null {
  const found = Value.Errors(schema, value).First()
  if (!found) return null
  let first: ValueError = found
  // a union (a value or null) says only "Expected union value": name what is wrong inside the branch that got furthest
  while (first.type === ValueErrorType.Union) {
    const depth = first.path.length
    const inner: ValueError | undefined = first.errors
      .map((e) => e.First())
      .filter((e): e is ValueError => e !== undefined)
      .sort((x, y) => y.path.length - x.path.length)[0]
    if (!inner || inner.path.length <= depth) break
    first = inner
  }
  const missing = first.type === ValueErrorType.ObjectRequiredProperty
  return { path: first.path || '/', missing, message: missing ? 'is missing' : first.message }
}

/** GET /center/config-bundle: what the hub manages at this center (a center admin sees it; changes come only from the hub). */
export const CenterBundleState = Type.Object({
  /** Whether a hub key is pinned (upstream.hubPublicKey): without one every bundle is refused. */
  keyPinned: Type.Boolean(),
  /** The bundle running, or null when the hub manages nothing here yet. */
  running: Nullable(
    Type.Object({
      version: Type.Integer(),
      issuedAt: Type.Integer(),
      appliedAt: Type.Integer(),
      /** The settings the hub manages: a later bundle replaces what an admin changes there. */
      managed: Type.Array(Type.String()),
      /**
       * The citizen message texts it sets, by kind and language (the others stay the center's own): the
       * messages editor says so above each (walk s53: it said nothing). Absent from an older center.
       */
      messageTexts: Type.Optional(Type.Array(Type.Object({ kind: Type.String(), lang: Type.String() }))),
    }),
  ),
  /** The last bundle refused after the running one, with its code and reason (as the hub sees it). */
  lastRefusal: Nullable(Type.Object({ version: Type.Integer(), code: Type.String(), reason: Type.String(), at: Type.Integer() })),
})
export type CenterBundleState = Static<typeof CenterBundleState>

/** A bundle's target as the hub's routes give it. */
export const BundleTargetView = Type.Union([
  Type.Object({ kind: Type.Literal('all') }),
  Type.Object({ kind: Type.Literal('governorate'), governorate: Type.String() }),
  Type.Object({ kind: Type.Literal('centers'), centerIds: Type.Array(Type.String()) }),
])
export type BundleTargetView = Static<typeof BundleTargetView>

/** What a targeted center did with a bundle, from its last heartbeat. */
export const CenterBundleStatus = Type.Union([
  Type.Literal('applied'),
  Type.Literal('refused'),
  Type.Literal('superseded'),
  Type.Literal('pending'),
])
export type CenterBundleStatus = Static<typeof CenterBundleStatus>

/** A bundle without its contents, as POST /config-bundles and /:version/publish answer it. */
export const BundleSummary = Type.Object({
  version: Type.Integer(),
  target: BundleTargetView,
  note: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.Number(),
  publishedAt: Nullable(Type.Number()),
})
export type BundleSummary = Static<typeof BundleSummary>

/** GET /api/hub/v1/config-bundles: one bundle, without its contents, with its centers counted by status. */
export const BundleListItem = Type.Object({
  ...BundleSummary.properties,
  centers: Type.Object({
    targeted: Type.Integer(),
    applied: Type.Integer(),
    refused: Type.Integer(),
    superseded: Type.Integer(),
    pending: Type.Integer(),
  }),
})
export type BundleListItem = Static<typeof BundleListItem>

/** A targeted or registered center as the bundle routes list it: who, the bundle it runs, when it last reported (null: never). */
const bundleCenter = {
  centerId: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  governorate: Type.String(),
  running: Nullable(Type.Integer()),
  /** False: the operator deactivated the center; it sends nothing, so a bundle never reaches it. */
  active: Type.Boolean(),
  /** When the center first reported this state (what it runs, its refusal): stored on a change, not on every heartbeat. */
  reportedAt: Nullable(Type.Number()),
}

/** GET /api/hub/v1/config-bundles/:version: the bundle, its contents and every center it targets. */
export const BundleDetail = Type.Object({
  ...BundleSummary.properties,
  /** Null when the stored payload no longer parses (a damaged row shows as such). */
  contents: Nullable(Type.Unknown()),
  centers: Type.Array(
    Type.Object({
      ...bundleCenter,
      status: CenterBundleStatus,
      refusedCode: Type.Optional(Type.String()),
      refusedReason: Type.Optional(Type.String()),
    }),
  ),
})
export type BundleDetail = Omit<Static<typeof BundleDetail>, 'contents'> & { contents: ConfigBundleContents | null }

/** GET /api/hub/v1/config-bundles/centers: every registered center, the bundle it runs and its last refusal. */
export const CenterBundleRow = Type.Object({
  ...bundleCenter,
  refused: Nullable(Type.Object({ version: Type.Integer(), code: Type.String(), reason: Type.String() })),
})
export type CenterBundleRow = Static<typeof CenterBundleRow>

/** GET /api/hub/v1/config-bundles/public-key: the key centers pin. */
export const HubPublicKeyAnswer = Type.Object({ publicKey: Type.String(), algorithm: Type.Literal('ed25519') })
export type HubPublicKeyAnswer = Static<typeof HubPublicKeyAnswer>
