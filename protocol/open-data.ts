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

/** One national service's line at one center, as the center's heartbeat reports it. */
export const LiveQueue = Type.Object(
  {
    nationalCode: NationalCode,
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
  },
  { additionalProperties: false },
)
export type LiveQueue = Static<typeof LiveQueue>

/**
 * Every mapped service of a center (a local service without a national code is not listed: the
 * public knows services by the national catalogue's names, and the page says some may be missing).
 */
export const LiveQueues = Type.Array(LiveQueue, { maxItems: 2000 })
export type LiveQueues = Static<typeof LiveQueues>

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

/** One service's line now at a live center. */
export const OpenServiceNow = Type.Object(
  {
    code: Type.String(),
    waiting: Type.Integer(),
    waitSeconds: Nullable(Type.Integer()),
    open: Type.Boolean(),
  },
  { additionalProperties: false },
)
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

/** A center with its lines now (none when its data is not recent). */
export const OpenCenter = Type.Object({ ...centerFields, services: Type.Array(OpenServiceNow) }, { additionalProperties: false })
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
