/**
 * The wire contract between a center's upstream reporter (server/upstream/) and the national
 * hub (hub/): the batch a center sends for one local hour, the health it reports, how both are
 * signed, and the hub's error codes. Only aggregate figures travel: no ticket ids, phone numbers
 * or names of people ever leave the center.
 *
 * Signing (version 2, issue 16): HMAC-SHA256 with the center's secret over
 *   `tabour-upstream-v2\nPOST ${path}\n${centerId}\n${timestamp}\n${nonce}\n${seq}\n${sha256hex(body)}`
 * sent as lowercase hex in `x-tabour-signature`; `path` is the route's own path from
 * `UpstreamPaths` (not the URL a proxy may prefix), so a batch signed for `/batches` is refused on
 * `/heartbeat`. Version 1 (without the first two lines) is refused: a center must be upgraded
 * with its hub; until then its outbox keeps every batch and delivers them after the upgrade. `timestamp` is epoch ms; the hub refuses one
 * more than `maxSkewMs` away from its clock (stale) and a nonce it has seen (replay). `seq` is
 * the outbox id of the batch (0 for a heartbeat): batches go out in `seq` order.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { Type, type Static } from '@sinclair/typebox'
import { NationalCatalogue, NationalCode } from './national-catalogue.ts'
import { BundleOffer, BundleReport } from './config-bundle.ts'
import { LiveQueues, LocalLiveQueues } from './open-data.ts'
import { CalendarDate } from './calendar.ts'

export const UpstreamHeaders = {
  center: 'x-tabour-center',
  timestamp: 'x-tabour-timestamp',
  nonce: 'x-tabour-nonce',
  seq: 'x-tabour-seq',
  signature: 'x-tabour-signature',
} as const

/** The hub's ingest paths (relative to `upstream.url`). */
export const UpstreamPaths = {
  batches: '/api/hub/v1/batches',
  heartbeat: '/api/hub/v1/heartbeat',
  /** Several of a center's hour batches in one request (a backlog), stored together or not at all. */
  backlog: '/api/hub/v1/batches/backlog',
  /** A center fetches the configuration bundle its heartbeat answer offered (protocol/config-bundle.ts). */
  configBundle: '/api/hub/v1/config-bundle',
} as const

/**
 * Upper bounds of what one batch may claim (issue 16): beyond them a figure is a bug or an attack,
 * and the hub refuses the batch with 400 HUB_ERR_VALIDATION naming the field, before it can
 * distort national totals or overflow a column. Sums stay within an INTEGER's range: at most
 * `count` calls of at most `seconds` each (1.7e9 < 2^31).
 */
export const FigureLimits = {
  /** Tickets (calls, finishes, …) of one service in one hour: a large center's whole day. Default 20,000. */
  count: 20_000,
  /** One wait or one service, and the longest wait, in seconds: a day. */
  seconds: 86_400,
  /** Counter-minutes of one service in one hour: 500 counters open the whole hour. */
  counterMinutes: 30_000,
  /** Rows of one batch: the services of one center. */
  services: 200,
  /** Revisions of one hour. */
  revision: 1_000_000,
  /** Counters open, devices faulty, batches waiting (a center's health). */
  health: 10_000_000,
} as const

const count = () => Type.Integer({ minimum: 0, maximum: FigureLimits.count })
const secondsSum = () => Type.Integer({ minimum: 0, maximum: FigureLimits.count * FigureLimits.seconds })

/** One service's figures for one local hour at one center. Sums and counts, never averages, so the hub can add them up. */
export const HourFigures = Type.Object(
  {
    /** The center's service prefix (A, B, …): unique within the center at one time, meaningless across centers. */
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    serviceNameAr: Type.String({ maxLength: 200 }),
    serviceNameEn: Type.String({ maxLength: 200 }),
    /**
     * The national code the center maps this service to (protocol/national-catalogue.ts): the key
     * of the service at the hub. Absent when unmapped (and from older centers): the hub then shows
     * the service per center, never merged with another center's.
     */
    nationalCode: Type.Optional(NationalCode),
    /** The local service's id at the center (its prefix may be reused later for another service). */
    serviceId: Type.Optional(Type.Integer({ minimum: 1 })),
    issued: count(),
    called: count(),
    served: count(),
    noShow: count(),
    cancelled: count(),
    transferredIn: count(),
    transferredOut: count(),
    /** Seconds waited, summed over the calls of the hour (issue or last transfer → call). */
    waitSumSeconds: secondsSum(),
    waitCount: count(),
    waitMaxSeconds: Type.Integer({ minimum: 0, maximum: FigureLimits.seconds }),
    /** Calls made within the service's target wait. */
    waitWithinTarget: count(),
    /**
     * Tickets that left the line uncalled in the hour after their target wait had passed
     * (cancelled by staff, by the citizen or by the day's close): misses that no call counts; and,
     * in the running hour only, the tickets still waiting past their target at the time of sending
     * (they move on with the running hour and are counted once, where they finally leave).
     * Within target % = waitWithinTarget ÷ (waitCount + this). Absent from older centers (0).
     */
    waitMissedUncalled: Type.Optional(count()),
    /**
     * Of `waitMissedUncalled`, the tickets still waiting past their target at the time of sending
     * (the running hour only; 0 in any other): the rest left the line uncalled, known misses. Lets
     * the hub say which is which; the within-target share counts both, as before. Absent from
     * older centers (0 at the hub: their running hour's still-waiting read as left).
     */
    waitingPastTarget: Type.Optional(count()),
    /** Call → finish seconds, summed over the tickets finished in the hour. */
    serviceSumSeconds: secondsSum(),
    serviceCount: count(),
    /** Minutes counters serving this service were open during the hour (a counter serving 3 services counts for each). */
    counterOpenMinutes: Type.Integer({ minimum: 0, maximum: FigureLimits.counterMinutes }),
    /**
     * Minutes this service was inside its opening hours during the hour (the center's calendar;
     * up to 120 for the repeated hour of a DST day). Absent from older centers and from centers
     * without opening hours (0 at the hub).
     */
    openMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    /**
     * Citizen ratings (issue 21) given in the hour for this service: how many, their scores
     * summed (1-5 each) and how many were low (2 or less). Absent from older centers (0).
     */
    ratingCount: Type.Optional(count()),
    ratingScoreSum: Type.Optional(Type.Integer({ minimum: 0, maximum: FigureLimits.count * 5 })),
    ratingLow: Type.Optional(count()),
    /**
     * Parked tickets (issue 21) of this service by the hour of each event: parks, resumes and
     * tickets abandoned (not back in time; never no-shows). Absent from older centers (0).
     */
    parked: Type.Optional(count()),
    parkResumed: Type.Optional(count()),
    parkAbandoned: Type.Optional(count()),
    /**
     * Appointments (issue 19), each in the hour it happened: bookings made, cancelled, checked in
     * (appointment.* events) and no-shows (in the hour the booking's check-in window closed
     * unused). Absent from older centers (0).
     */
    appointmentsBooked: Type.Optional(count()),
    appointmentsCancelled: Type.Optional(count()),
    appointmentsCheckedIn: Type.Optional(count()),
    appointmentNoShows: Type.Optional(count()),
    /** Appointment tickets first called in the hour, and their waits (issue → first call) summed. */
    appointmentCalls: Type.Optional(count()),
    appointmentWaitSecondsSum: Type.Optional(secondsSum()),
    /** Places taken from a phone in the hour (remote tickets issued). */
    remoteJoins: Type.Optional(count()),
    /** Remote tickets first called in the hour, and their waits (arrival, or join in call-ahead mode → first call) summed. */
    remoteCalls: Type.Optional(count()),
    remoteWaitSecondsSum: Type.Optional(secondsSum()),
    /**
     * Visits with several steps (issue 21): calls in the hour of this service as a later step of
     * a visit (after a `ticket.next_step`), and their waits summed (from the step before's finish
     * to the call). Also counted in `called` and the waits above. Absent from older centers (0).
     */
    stepCalls: Type.Optional(count()),
    stepWaitSumSeconds: Type.Optional(secondsSum()),
  },
  { additionalProperties: false },
)
export type HourFigures = Static<typeof HourFigures>

/** The counts of an hour's figures: what the center and the hub both add up. */
export type HourCounts = Required<Omit<HourFigures, 'serviceCode' | 'serviceNameAr' | 'serviceNameEn' | 'nationalCode' | 'serviceId'>>

/** Every count at zero: the start of a sum, at the center (one hour) and at the hub (any range). */
export const zeroCounts = (): HourCounts => ({
  issued: 0,
  called: 0,
  served: 0,
  noShow: 0,
  cancelled: 0,
  transferredIn: 0,
  transferredOut: 0,
  waitSumSeconds: 0,
  waitCount: 0,
  waitMaxSeconds: 0,
  waitWithinTarget: 0,
  waitMissedUncalled: 0,
  waitingPastTarget: 0,
  serviceSumSeconds: 0,
  serviceCount: 0,
  counterOpenMinutes: 0,
  openMinutes: 0,
  ratingCount: 0,
  ratingScoreSum: 0,
  ratingLow: 0,
  parked: 0,
  parkResumed: 0,
  parkAbandoned: 0,
  appointmentsBooked: 0,
  appointmentsCancelled: 0,
  appointmentsCheckedIn: 0,
  appointmentNoShows: 0,
  appointmentCalls: 0,
  appointmentWaitSecondsSum: 0,
  remoteJoins: 0,
  remoteCalls: 0,
  remoteWaitSecondsSum: 0,
  stepCalls: 0,
  stepWaitSumSeconds: 0,
})

export const CenterHealth = Type.Object(
  {
    /** When the center measured this (epoch ms). */
    at: Type.Integer({ minimum: 0 }),
    countersOpen: Type.Integer({ minimum: 0, maximum: FigureLimits.health }),
    devicesFaulty: Type.Integer({ minimum: 0, maximum: FigureLimits.health }),
    /** Tabour version running at the center (optional: a build without one still reports its health). */
    version: Type.Optional(Type.String({ maxLength: 64 })),
    /** Batches waiting in the center's outbox. */
    outboxPending: Type.Integer({ minimum: 0, maximum: FigureLimits.health }),
    /**
     * How often this center sends a heartbeat (its upstream.heartbeatSeconds): the hub flags it
     * offline after HUB_OFFLINE_MISSED_HEARTBEATS of them are missed. Absent from older centers
     * (the hub then uses HUB_OFFLINE_MINUTES).
     */
    heartbeatSeconds: Type.Optional(Type.Number({ minimum: 0.05, maximum: 86_400 })),
    /** The hub's configuration bundle the center runs, its version as text (absent: none; centers before 23 sent a catalogue hash). */
    configVersion: Type.Optional(Type.String({ maxLength: 64 })),
    /** The center's last backup (config backup.dir): when it finished (epoch ms) and whether it succeeded; absent when backups are off or none ran. */
    lastBackupAt: Type.Optional(Type.Integer({ minimum: 0 })),
    lastBackupOk: Type.Optional(Type.Boolean()),
    /** The center's scheduled backups are off (no backup.dir): the hub then says so instead of a dash (walk s52). Absent: an older center. */
    backupsOff: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type CenterHealth = Static<typeof CenterHealth>

/** A center's figures for one local hour (all its services), revision `revision`; a later revision replaces an earlier one. */
export const HourBatch = Type.Object(
  {
    centerId: Type.String({ minLength: 1, maxLength: 64 }),
    /** The outbox id at the center: increases with every batch. */
    seq: Type.Integer({ minimum: 1 }),
    /** The center's local date YYYY-MM-DD and hour 0–23, in its IANA `timeZone`. */
    day: CalendarDate,
    hour: Type.Integer({ minimum: 0, maximum: 23 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    /** 1, 2, …: the running figure of an hour is revised as the hour goes on. */
    revision: Type.Integer({ minimum: 1, maximum: FigureLimits.revision }),
    /** The hour is over: this revision is the last. */
    final: Type.Boolean(),
    generatedAt: Type.Integer({ minimum: 0 }),
    rows: Type.Array(HourFigures, { maxItems: FigureLimits.services }),
    health: Type.Optional(CenterHealth),
  },
  { additionalProperties: false },
)
export type HourBatch = Static<typeof HourBatch>

/** At most this many hour batches in one backlog request (a day): with 200 services a batch it stays under the route's 4 MB. */
export const MAX_BACKLOG_BATCHES = 24

/**
 * A center's several hour batches in one request (`UpstreamPaths.backlog`), oldest first: the hub
 * stores all of them in one transaction or none, and acknowledges the last `seq` (the `x-tabour-seq`
 * header carries it too). A refusal refuses them all; the center then sends them one at a time, so
 * a malformed one is parked alone.
 */
export const HourBacklog = Type.Object(
  {
    centerId: Type.String({ minLength: 1, maxLength: 64 }),
    batches: Type.Array(HourBatch, { minItems: 1, maxItems: MAX_BACKLOG_BATCHES }),
  },
  { additionalProperties: false },
)
export type HourBacklog = Static<typeof HourBacklog>

/**
 * What the schema cannot say about a batch: the same service twice, a wait sum longer than its
 * calls could have waited, more calls within target than calls. The offending field's path
 * (`rows/2/waitSumSeconds`) and why, or null when the batch is plausible.
 */
export function implausibleField(batch: HourBatch): string | null {
  const seen = new Set<string>()
  for (const [i, r] of batch.rows.entries()) {
    if (seen.has(r.serviceCode)) return `rows/${i}/serviceCode: ${r.serviceCode} appears twice`
    seen.add(r.serviceCode)
    if (r.waitSumSeconds > r.waitCount * FigureLimits.seconds) return `rows/${i}/waitSumSeconds: more than a day per call`
    if (r.serviceSumSeconds > r.serviceCount * FigureLimits.seconds) return `rows/${i}/serviceSumSeconds: more than a day per service`
    if (r.waitWithinTarget > r.waitCount) return `rows/${i}/waitWithinTarget: more than waitCount`
    if ((r.waitingPastTarget ?? 0) > (r.waitMissedUncalled ?? 0)) return `rows/${i}/waitingPastTarget: more than waitMissedUncalled`
    const ratings = r.ratingCount ?? 0
    if ((r.ratingScoreSum ?? 0) < ratings || (r.ratingScoreSum ?? 0) > ratings * 5) return `rows/${i}/ratingScoreSum: not 1 to 5 per rating`
    if ((r.ratingLow ?? 0) > ratings) return `rows/${i}/ratingLow: more than ratingCount`
    if ((r.appointmentWaitSecondsSum ?? 0) > (r.appointmentCalls ?? 0) * FigureLimits.seconds)
      return `rows/${i}/appointmentWaitSecondsSum: more than a day per call`
    if ((r.remoteWaitSecondsSum ?? 0) > (r.remoteCalls ?? 0) * FigureLimits.seconds)
      return `rows/${i}/remoteWaitSecondsSum: more than a day per call`
    if ((r.stepCalls ?? 0) > r.called) return `rows/${i}/stepCalls: more than called`
    if ((r.stepWaitSumSeconds ?? 0) > (r.stepCalls ?? 0) * FigureLimits.seconds)
      return `rows/${i}/stepWaitSumSeconds: more than a day per call`
  }
  return null
}

/** A center's own name in both languages, as its settings say it (server/config.ts centerName; 120 characters there). */
export const CenterOwnName = Type.Object(
  { ar: Type.String({ minLength: 1, maxLength: 200 }), en: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
export type CenterOwnName = Static<typeof CenterOwnName>

export const Heartbeat = Type.Object(
  {
    centerId: Type.String({ minLength: 1, maxLength: 64 }),
    health: CenterHealth,
    /** The version of the national catalogue the center holds (absent: none); the hub answers with the catalogue when it differs. */
    catalogueVersion: Type.Optional(Type.String({ maxLength: 64 })),
    /** The configuration bundle the center runs and the last it refused (absent: a center without bundles). */
    configBundle: Type.Optional(BundleReport),
    /** Open data (protocol/open-data.ts): each mapped service's line now; absent from older centers (older hubs drop it unread). */
    live: Type.Optional(LiveQueues),
    /** Open data: each of its own services' line now (no national code); absent from older centers (older hubs drop it unread). */
    localLive: Type.Optional(LocalLiveQueues),
    /**
     * The name the center calls itself now (its settings' centerName: its kiosk, screens and tickets
     * say it), not the one it was registered under at the hub, which the hub keeps showing: the fleet
     * says this one beside it when they differ. Absent from older centers (older hubs drop it unread).
     */
    centerName: Type.Optional(CenterOwnName),
  },
  { additionalProperties: false },
)
export type Heartbeat = Static<typeof Heartbeat>

/** The hub's answer to a heartbeat: the national catalogue, only when the center's copy is not the current one. */
export const HeartbeatAck = Type.Object({
  ok: Type.Literal(true),
  catalogue: Type.Optional(NationalCatalogue),
  /** A newer configuration bundle exists for this center: fetch it (UpstreamPaths.configBundle). */
  configBundle: Type.Optional(BundleOffer),
})
export type HeartbeatAck = Static<typeof HeartbeatAck>

export const BatchAck = Type.Object({
  ack: Type.Integer(),
  /** Rows written (new, or a newer revision of a stored row). */
  stored: Type.Integer(),
  /** Rows already held at this revision or a newer one (a resend): nothing changed. */
  ignored: Type.Integer(),
  /**
   * National codes of the batch that the hub's catalogue does not hold (HUB_ERR_UNKNOWN_NATIONAL_CODE):
   * their rows are kept, shown as unmapped, and counted once the code is added. Absent when none.
   */
  unknownNationalCodes: Type.Optional(Type.Array(Type.String())),
})
export type BatchAck = Static<typeof BatchAck>

/** The hub's error codes (`{statusCode, code, error, message}` like the center's). */
export const HubErrorCodes = {
  UNSIGNED: 'HUB_ERR_UNSIGNED',
  UNKNOWN_CENTER: 'HUB_ERR_UNKNOWN_CENTER',
  BAD_SIGNATURE: 'HUB_ERR_BAD_SIGNATURE',
  STALE_TIMESTAMP: 'HUB_ERR_STALE_TIMESTAMP',
  REPLAYED: 'HUB_ERR_REPLAYED',
  /** The body names another center than the signed header: a center can write only its own figures. */
  CENTER_MISMATCH: 'HUB_ERR_CENTER_MISMATCH',
  CENTER_INACTIVE: 'HUB_ERR_CENTER_INACTIVE',
  VALIDATION: 'HUB_ERR_VALIDATION',
  /** 401: no or a wrong bearer token — the admin API's (HUB_ADMIN_TOKEN), or the read side's (HUB_READ_TOKEN, the admin token accepted too) when it is set. */
  UNAUTHENTICATED: 'HUB_ERR_UNAUTHENTICATED',
  ADMIN_DISABLED: 'HUB_ERR_ADMIN_DISABLED',
  CENTER_NOT_FOUND: 'HUB_ERR_CENTER_NOT_FOUND',
  CENTER_EXISTS: 'HUB_ERR_CENTER_EXISTS',
  NOT_FOUND: 'HUB_ERR_NOT_FOUND',
  /** A national service code the hub's catalogue does not hold: refused in the admin API; in a batch the rows are kept as unmapped and counted under this code. */
  UNKNOWN_NATIONAL_CODE: 'HUB_ERR_UNKNOWN_NATIONAL_CODE',
  /** 429 (with Retry-After, in seconds): more than HUB_INGEST_PER_MINUTE batches, or heartbeats, from one center in a minute; back off and send the same batch again. */
  RATE_LIMITED: 'HUB_ERR_RATE_LIMITED',
  /** 403: a governorate-scoped analyst asked for another governorate (or a center of one). */
  FORBIDDEN_GOVERNORATE: 'HUB_ERR_FORBIDDEN_GOVERNORATE',
  /** 400: a governorate that is none of Egypt's 27 (protocol/governorates.ts): the answer lists the valid codes (`validCodes`). */
  UNKNOWN_GOVERNORATE: 'HUB_ERR_UNKNOWN_GOVERNORATE',
  /** 401: a wrong username or password at sign-in (which of the two is not said). */
  BAD_CREDENTIALS: 'HUB_ERR_BAD_CREDENTIALS',
  ANALYST_EXISTS: 'HUB_ERR_ANALYST_EXISTS',
  /** 400: a configuration bundle that does not match its schema (a missing key names it), or names an unknown center. */
  BUNDLE_INVALID: 'HUB_ERR_BUNDLE_INVALID',
  /** 404: no configuration bundle of that version (or none for this center). */
  BUNDLE_NOT_FOUND: 'HUB_ERR_BUNDLE_NOT_FOUND',
  /** 409: the bundle is published already (a published bundle never changes). */
  BUNDLE_PUBLISHED: 'HUB_ERR_BUNDLE_PUBLISHED',
  /** 403: only the admin token or a national analyst may manage configuration bundles. */
  NATIONAL_ONLY: 'HUB_ERR_NATIONAL_ONLY',
  INTERNAL: 'HUB_ERR_INTERNAL',
  /** 400: a national view asked for more days than it may cover (366; 31 "by hour"): ask for a shorter range. */
  RANGE_TOO_LONG: 'HUB_ERR_RANGE_TOO_LONG',
  /** 503: a national figures query ran past the hub's statement timeout (PostgreSQL): ask for a shorter range, or later. */
  QUERY_TIMEOUT: 'HUB_ERR_QUERY_TIMEOUT',
} as const
export type HubErrorCode = (typeof HubErrorCodes)[keyof typeof HubErrorCodes]

export interface SignedParts {
  /** The route's path from UpstreamPaths: bound into the signature. */
  path: string
  centerId: string
  timestamp: number
  nonce: string
  seq: number
  body: string
}

export function signingString(p: SignedParts): string {
  const bodyHash = createHash('sha256').update(p.body, 'utf8').digest('hex')
  return `tabour-upstream-v2\nPOST ${p.path}\n${p.centerId}\n${p.timestamp}\n${p.nonce}\n${p.seq}\n${bodyHash}`
}

export function sign(secret: string, p: SignedParts): string {
  return createHmac('sha256', secret).update(signingString(p), 'utf8').digest('hex')
}

/** Constant-time check of a hex signature. */
export function signatureMatches(secret: string, p: SignedParts, signature: string): boolean {
  const expected = Buffer.from(sign(secret, p), 'hex')
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The headers of a signed request. */
export function signedHeaders(secret: string, p: SignedParts): Record<string, string> {
  return {
    'content-type': 'application/json',
    [UpstreamHeaders.center]: p.centerId,
    [UpstreamHeaders.timestamp]: String(p.timestamp),
    [UpstreamHeaders.nonce]: p.nonce,
    [UpstreamHeaders.seq]: String(p.seq),
    [UpstreamHeaders.signature]: sign(secret, p),
  }
}
