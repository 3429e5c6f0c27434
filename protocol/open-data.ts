/**
 * Open data for citizens (issue 23): what each center's heartbeat says about its lines right now,
 * per national service code, and the hub's public, unauthenticated API built on it. Counts only:
 * no ticket, no name, no phone number, no clerk or counter ever leaves the center this way.
 *
 * "Typical wait now" is the wait the center's kiosk would print on a ticket taken at that moment
 * (server/queue/queue-view.ts `newTicketEstimate`: the call policy played forward over the open
 * counters with the services' recent service times). It is not the mean of past waits, which
 * lags the line by an hour; when no open counter serves the service there is no estimate (null),
 * and nobody is promised a wait that cannot happen.
 *
 * This file imports nothing of upstream.ts (which imports it): no cycle.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable } from './common.ts'
import { NationalCode } from './national-catalogue.ts'
import { CityFields } from './hub-city.ts'

/** Paths of the public API, under the hub's /api/hub/v1. */
export const OpenDataPaths = {
  catalogue: '/api/hub/v1/open/catalogue',
  centers: '/api/hub/v1/open/centers',
  leastBusy: '/api/hub/v1/open/least-busy',
} as const

/** The public page, served by the hub. */
export const OPEN_DATA_PAGE = '/open/'

/** The longest wait a heartbeat may report (a week); the center leaves out a longer one. */
export const MAX_WAIT_SECONDS = 7 * 86_400

/** A service's line now at one center, as the heartbeat reports it (a national service's or the center's own). */
const lineFields = {
  /** Tickets waiting now (those holding a place from a phone included). */
  waiting: Type.Integer({ minimum: 0, maximum: 100_000 }),
  /**
   * The wait a ticket taken now would be told, in seconds; absent when no open counter serves it.
   * Absent, not null: the hub's validator coerces types, and a null in an integer-or-null union
   * would arrive as 0, "less than a minute", the very promise that cannot be kept.
   */
  waitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_WAIT_SECONDS })),
  /** Whether the center's kiosks issue tickets for it now (inside its hours, staffed as its rule asks, cap not reached). */
  open: Type.Boolean(),
}

/** One national service's line at one center, as the center's heartbeat reports it. */
export const LiveQueue = Type.Object({ nationalCode: NationalCode, ...lineFields }, { additionalProperties: false })
export type LiveQueue = Static<typeof LiveQueue>

/** Every mapped service of a center (its own services without a national code: LocalLiveQueues). */
export const LiveQueues = Type.Array(LiveQueue, { maxItems: 2000 })
export type LiveQueues = Static<typeof LiveQueues>

/**
 * One of a center's own services without a national code, its line now: named by the center (its
 * prefix and its names), since the public cannot know it by the catalogue's. Shown on the center's
 * card marked "this center's own service", never ranked against other centers (nothing says two
 * centers' own services are the same one).
 */
export const LocalLiveQueue = Type.Object(
  {
    /** The service's prefix at the center (A, B, …): unique within the center. */
    serviceCode: Type.String({ minLength: 1, maxLength: 16 }),
    nameAr: Type.String({ maxLength: 200 }),
    nameEn: Type.String({ maxLength: 200 }),
    ...lineFields,
  },
  { additionalProperties: false },
)
export type LocalLiveQueue = Static<typeof LocalLiveQueue>

/** Every active service of a center without a national code (a center has at most 200 services, as a batch). */
export const LocalLiveQueues = Type.Array(LocalLiveQueue, { maxItems: 200 })
export type LocalLiveQueues = Static<typeof LocalLiveQueues>

/** Whether the hub shows a center's figures as live: only while its heartbeats keep arriving. */
export const OpenStatus = Type.Union([Type.Literal('live'), Type.Literal('no_recent_data')])
export type OpenStatus = Static<typeof OpenStatus>

/** A national service as the public sees it (no groups, no internal fields). */
export const OpenService = Type.Object(
  { code: Type.String(), nameAr: Type.String(), nameEn: Type.String() },
  { additionalProperties: false },
)
export type OpenService = Static<typeof OpenService>

/** GET open/catalogue: what the page's pickers offer. */
export const OpenCatalogue = Type.Object(
  {
    /** The national services some active center offers (in its latest live report), in the catalogue's order. */
    services: Type.Array(OpenService),
    /** The governorates that have an active center, sorted. */
    governorates: Type.Array(Type.String()),
  },
  { additionalProperties: false },
)
export type OpenCatalogue = Static<typeof OpenCatalogue>

/** A service's line now as the public API answers it (a wait unknown is null there). */
const serviceNowFields = {
  code: Type.String(),
  waiting: Type.Integer(),
  waitSeconds: Nullable(Type.Integer()),
  open: Type.Boolean(),
}

/** One service's line now at a live center. */
export const OpenServiceNow = Type.Object(serviceNowFields, { additionalProperties: false })
export type OpenServiceNow = Static<typeof OpenServiceNow>

const centerFields = {
  id: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  governorate: Type.String(),
  ...CityFields,
  status: OpenStatus,
  /** When the figures were received (epoch ms); null with no recent data. */
  updatedAt: Nullable(Type.Integer()),
  /**
   * Whether the hub has ever had its lines (a heartbeat that said them): false for a center that has
   * not reported yet, which the page says so, not as "no recent data" (that implied old data: walk of 2026-12-06).
   */
  everReported: Type.Boolean(),
}

/** One of the center's own services (no national code) now: its prefix at the center and the center's names for it. */
export const OpenLocalServiceNow = Type.Object(
  { ...serviceNowFields, nameAr: Type.String(), nameEn: Type.String() },
  { additionalProperties: false },
)
export type OpenLocalServiceNow = Static<typeof OpenLocalServiceNow>

/** A center with its lines now (none when its data is not recent): the national services', then its own services'. */
export const OpenCenter = Type.Object(
  { ...centerFields, services: Type.Array(OpenServiceNow), localServices: Type.Array(OpenLocalServiceNow) },
  { additionalProperties: false },
)
export type OpenCenter = Static<typeof OpenCenter>

/** GET open/centers[?governorate=]: every active center, live ones with their lines. */
export const OpenCenters = Type.Object({ generatedAt: Type.Integer(), centers: Type.Array(OpenCenter) }, { additionalProperties: false })
export type OpenCenters = Static<typeof OpenCenters>

/** A center in the "least busy near me" answer: its line for the one service asked about (nulls with no recent data). */
export const LeastBusyCenter = Type.Object(
  {
    ...centerFields,
    waiting: Nullable(Type.Integer()),
    waitSeconds: Nullable(Type.Integer()),
    open: Nullable(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type LeastBusyCenter = Static<typeof LeastBusyCenter>

/**
 * GET open/least-busy?governorate=&service=: the governorate's centers for one service, the
 * shortest typical wait first; a center with no open counter for it after those with a wait, one
 * not taking tickets now after those, and centers with no recent data last.
 */
export const LeastBusy = Type.Object(
  { generatedAt: Type.Integer(), governorate: Type.String(), service: OpenService, centers: Type.Array(LeastBusyCenter) },
  { additionalProperties: false },
)
export type LeastBusy = Static<typeof LeastBusy>

/** The query strings of the public API. */
export const OpenCentersQuery = Type.Object(
  { governorate: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
  { additionalProperties: false },
)
export const LeastBusyQuery = Type.Object(
  { governorate: Type.String({ minLength: 1, maxLength: 100 }), service: NationalCode },
  { additionalProperties: false },
)
