import {
  Type,
  type Static,
  type TBoolean,
  type TInteger,
  type TNull,
  type TNumber,
  type TSchema,
  type TString,
  type TUnion,
  type TUnsafe,
} from '@sinclair/typebox'

/** Why a kiosk may not issue for a service now: the service is closed, past its last-ticket time, or the wait would run past closing (protocol/calendar.ts re-exports it). */
export const ClosedReason = Type.Union([Type.Literal('closed'), Type.Literal('last-ticket'), Type.Literal('wait-past-close')])
export type ClosedReason = Static<typeof ClosedReason>

/**
 * The error body of every 4xx/5xx answer; `code` is one of protocol/error-codes.ts. When one
 * field of the request is at fault, `field` names it, `reason` says why and `limit` gives the
 * bound (protocol/error-codes.ts ErrorDetail): screens word it themselves, never the message.
 */
export const ErrorResponse = Type.Object({
  statusCode: Type.Integer(),
  code: Type.String({ description: 'stable, from protocol/error-codes.ts' }),
  error: Type.String(),
  message: Type.String({ description: 'for logs and integrators, in English; screens show their own sentence' }),
  field: Type.Optional(
    Type.String({ description: 'the request field at fault, `/` between levels: prefix, config/printer/interface, services/0/weight' }),
  ),
  reason: Type.Optional(
    Type.String({
      description:
        'why the field was refused: required, minLength, maxLength, minimum, maximum, pattern, type, enum, duplicate, unknown, not-allowed, too-short, too-weak, has-username, invalid; the calendar: overlap, close-before-open, ends-before-start, recurrence, time-of-day, time-zone, no-start',
    }),
  ),
  limit: Type.Optional(Type.Number({ description: 'the bound the value broke (a minimum length, a maximum)' })),
  // a refusal for the service's hours (422 TABOUR_ERR_SERVICE_CLOSED; protocol/error-codes.ts ClosedDetail): the hours' own facts, so a screen words it without guessing
  closedReason: Type.Optional(
    Type.Union(ClosedReason.anyOf, { description: 'TABOUR_ERR_SERVICE_CLOSED: closed, last-ticket or wait-past-close' }),
  ),
  opensAt: Type.Optional(
    Nullable(Type.String({ description: 'TABOUR_ERR_SERVICE_CLOSED: the next opening (ISO); null when none within a year' })),
  ),
  closesAt: Type.Optional(
    Nullable(Type.String({ description: 'TABOUR_ERR_SERVICE_CLOSED: the closing a wait-past-close refusal names (ISO)' })),
  ),
  lastTicketAt: Type.Optional(
    Nullable(Type.String({ description: 'TABOUR_ERR_SERVICE_CLOSED: the last-ticket time a last-ticket refusal names (ISO)' })),
  ),
  dayClose: Type.Optional(
    Type.Boolean({ description: "TABOUR_ERR_SERVICE_CLOSED: closesAt is the business day's close, not the end of the hours" }),
  ),
  at: Type.Optional(
    Type.String({
      description: 'TABOUR_ERR_SERVICE_CLOSED: the server instant of the refusal (ISO): "opens today / tomorrow" is said from it',
    }),
  ),
  // a counter edit that would leave a waiting line with no counter (409 TABOUR_ERR_LAST_COUNTER_OF_WAITING_SERVICE; protocol/error-codes.ts UnservedDetail)
  unserved: Type.Optional(
    Type.Array(Type.Object({ serviceId: Type.Integer(), waiting: Type.Integer() }), {
      description:
        'TABOUR_ERR_LAST_COUNTER_OF_WAITING_SERVICE: each service no active counter would serve, and how many of its tickets wait; send confirmUnserved: true to save anyway',
    }),
  ),
})
export type ErrorResponse = Static<typeof ErrorResponse>

type TScalar = TNumber | TInteger | TString | TBoolean

/**
 * `T` or null: an anyOf of the two (what every request body and the center's answers use). With
 * `asTypeList`, a number, string or boolean is one JSON Schema type list instead (`type: ['number',
 * 'null']`): fast-json-stringify writes it without trying each branch (the hub's year summary
 * serializes 4× faster) and @fastify/swagger writes it as OpenAPI 3.0's `nullable`. The hub's
 * figures use that; the anyOf form stays where it was, so no schema on the wire changes.
 */
export function Nullable<T extends TScalar>(schema: T, asTypeList: true): TUnsafe<Static<T> | null>
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]>
export function Nullable(schema: TSchema, asTypeList = false): TSchema {
  return asTypeList ? Type.Unsafe({ ...schema, type: [schema.type, 'null'] }) : Type.Union([schema, Type.Null()])
}

/** A union of string literals, e.g. literalUnion(['a', 'b']) for 'a' | 'b'. */
export const literalUnion = <const T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v as T[number])))

/** Timestamps on the wire are ISO 8601 strings in UTC. */
export const Timestamp = Type.String({ format: 'date-time' })

export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) })
export type IdParam = Static<typeof IdParam>

export const Lang = literalUnion(['ar', 'en'])
export type Lang = Static<typeof Lang>

export const Role = literalUnion(['admin', 'manager', 'clerk'])
export type Role = Static<typeof Role>

export const DeviceKind = literalUnion(['kiosk', 'display', 'printer', 'board', 'keypad', 'feedback'])
export type DeviceKind = Static<typeof DeviceKind>

export const TicketStatus = literalUnion(['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'remote', 'parked', 'abandoned'])
export const CounterState = literalUnion(['closed', 'open', 'paused'])

/** A zone name groups counters and the displays that show them. */
export const Zone = Type.String({ minLength: 1, maxLength: 40, pattern: '^[\\p{L}\\p{N}_-]+$' })

/** The error answers a route may give, for its response schema (and the OpenAPI document). */
export const errorResponses = (...statuses: (400 | 401 | 403 | 404 | 409 | 410 | 422 | 429)[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as Record<number, typeof ErrorResponse>
