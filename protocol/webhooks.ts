/**
 * Webhooks for integrators (issue 20): the event types a URL can subscribe to, the payload each
 * delivery carries (versioned), the headers, and the API's request and reply shapes. Shared by
 * the server, the dashboard and the README.
 */
import { Type, type Static } from '@sinclair/typebox'
import { Nullable, Timestamp } from './common.ts'

/**
 * The event-log types an integrator can subscribe to: every ticket, counter and clerk change the
 * center records. Left out on purpose: `config.changed` (the audit log is for admins) and
 * `ticket.not_printed` (a kiosk's printer incident, not a change of the ticket: the consoles' and
 * the dashboard's printer banner and the ticket's own history tell it).
 */
export const WEBHOOK_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.finished',
  'ticket.next_step',
  'ticket.no_show',
  'ticket.cancelled',
  'ticket.transferred',
  'ticket.reinstated',
  'ticket.parked',
  'ticket.resumed',
  'ticket.abandoned',
  'ticket.arrived',
  'ticket.rated',
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'appointment.checked_in',
  'counter.opened',
  'counter.resumed',
  'counter.paused',
  'counter.closed',
  'counter.away',
  'counter.back',
  'counter.taken_over',
  'clerk.logged_in',
  'clerk.logged_out',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** The payload version every delivery states (`version`); a change that breaks a receiver gets a new one. */
export const WEBHOOK_PAYLOAD_VERSION = 1

/**
 * Which facts of each event's log row go out in `data.details` (a whitelist: free-text notes,
 * idempotency keys and anything personal stay in the center).
 */
export const WEBHOOK_DETAILS: Record<WebhookEventType, readonly string[]> = {
  'ticket.issued': ['number', 'position', 'estimatedWaitSeconds', 'outsideHours', 'origin'],
  'ticket.called': ['how', 'waitedSeconds', 'targetWaitSeconds', 'withinTarget', 'afterUndo'],
  'ticket.recalled': ['recallCount'],
  'ticket.started': [],
  'ticket.finished': ['outcome', 'serviceSeconds', 'handlingSeconds'],
  // a step of a visit finished and the visit goes on at the next step's service (the visit's end is ticket.finished)
  'ticket.next_step': ['fromServiceId', 'toServiceId', 'step', 'of', 'outcome', 'serviceSeconds', 'handlingSeconds'],
  'ticket.no_show': ['recallCount'],
  'ticket.cancelled': ['reason', 'waitedSeconds', 'withinTarget'],
  'ticket.transferred': ['fromServiceId', 'toServiceId', 'toCounterId', 'serviceSeconds'],
  'ticket.reinstated': [],
  'ticket.parked': ['reason', 'minutes', 'deadlineAt', 'serviceSeconds'],
  'ticket.resumed': ['reason', 'parkedSeconds'],
  // a parked ticket not back by its deadline, or a place held from a phone nobody checked in (reason turn_passed, day_closed)
  'ticket.abandoned': ['reason', 'deadlineAt', 'parkedSeconds', 'joinedAt'],
  'ticket.arrived': ['way', 'mode', 'afterTurnSeconds'],
  'ticket.rated': ['score', 'reasons', 'source'],
  // the booking's id and slot only: its name and phone stay in the center
  'appointment.booked': ['booking', 'slotStart'],
  'appointment.moved': ['booking', 'slotStart', 'from'],
  'appointment.cancelled': ['booking', 'slotStart'],
  'appointment.checked_in': ['booking', 'slotStart'],
  'counter.opened': [],
  'counter.resumed': [],
  'counter.paused': ['reason'],
  'counter.closed': ['reason'],
  'counter.away': ['since'],
  'counter.back': [],
  'counter.taken_over': ['from'],
  'clerk.logged_in': [],
  'clerk.logged_out': [],
}

/** The JSON body of every delivery (payload version 1). */
export interface WebhookPayload {
  /** The event's id, the same in every delivery of this event (`evt_<n>`, n increasing). */
  id: string
  type: WebhookEventType
  version: typeof WEBHOOK_PAYLOAD_VERSION
  /** When it happened (ISO 8601, UTC). */
  occurredAt: string
  /** The center's business day it belongs to (YYYY-MM-DD). */
  day: string
  data: {
    /** Ticket events: the ticket as it is known at delivery time (label and priority never change). */
    ticket: { id: string; label: string; serviceId: number; priority: string } | null
    /** The counter involved, if any (number and name as configured when the event was queued). */
    counter: { id: number; number: number; name: string } | null
    serviceId: number | null
    /** The acting staff member's user id, if any (never a name). */
    userId: number | null
    /** The event's own facts, whitelisted per type (WEBHOOK_DETAILS). */
    details: Record<string, unknown>
  }
}

/** Headers of every delivery. */
export const WebhookHeaders = {
  /** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` keyed with the subscription's secret. */
  signature: 'Tabour-Signature',
  /** The delivery's idempotency id: a retry of the same delivery carries the same one (drop a repeat). */
  delivery: 'Tabour-Delivery',
  /** The event type, e.g. `ticket.called`. */
  event: 'Tabour-Event',
} as const

export const WebhookEventTypeName = Type.String({ minLength: 1, maxLength: 64 })

export const CreateWebhookBody = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2000 }),
    eventTypes: Type.Array(WebhookEventTypeName, { minItems: 1, maxItems: 64 }),
    description: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
)
export type CreateWebhookBody = Static<typeof CreateWebhookBody>

export const UpdateWebhookBody = Type.Partial(CreateWebhookBody, { additionalProperties: false })
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>

/** A subscription as the API shows it: never its secret (that is shown once, at creation or rotation). */
export const WebhookSubscription = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  description: Type.String(),
  eventTypes: Type.Array(Type.String()),
  /** null: delivering; else when and why it was paused (`failing`: the endpoint kept failing). */
  pausedAt: Nullable(Timestamp),
  pausedReason: Nullable(Type.Union([Type.Literal('manual'), Type.Literal('failing')])),
  /** Since when its oldest pending delivery has been failing, null when it is not failing. */
  failingSince: Nullable(Timestamp),
  pending: Type.Integer(),
  delivered: Type.Integer(),
  failed: Type.Integer(),
  createdAt: Timestamp,
})
export type WebhookSubscription = Static<typeof WebhookSubscription>

/** A subscription with its secret: the answer to a creation or a rotation, the only time the secret is shown. */
export const WebhookWithSecret = Type.Composite([WebhookSubscription, Type.Object({ secret: Type.String() })])
export type WebhookWithSecret = Static<typeof WebhookWithSecret>

export const WebhookDeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')])

/** One row of the delivery log. */
export const WebhookDelivery = Type.Object({
  id: Type.Integer(),
  /** The idempotency id sent in Tabour-Delivery. */
  deliveryId: Type.String(),
  eventId: Type.String(),
  eventType: Type.String(),
  status: WebhookDeliveryStatus,
  attempts: Type.Integer(),
  lastStatusCode: Nullable(Type.Integer()),
  /** The stable code of the last failure (TABOUR_ERR_WEBHOOK_…), null after a success. */
  lastErrorCode: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  lastAttemptAt: Nullable(Timestamp),
  /** When the next try is due; null when nothing is left to try or its subscription is paused (it goes after the resume). */
  nextAttemptAt: Nullable(Timestamp),
  deliveredAt: Nullable(Timestamp),
  createdAt: Timestamp,
})
export type WebhookDelivery = Static<typeof WebhookDelivery>

/** A paused or failing subscription, for the dashboard's alert (managers see it, like device health). */
export const WebhookAlert = Type.Object({
  id: Type.Integer(),
  host: Type.String(),
  pausedAt: Nullable(Timestamp),
  pausedReason: Nullable(Type.Union([Type.Literal('manual'), Type.Literal('failing')])),
  failingSince: Nullable(Timestamp),
  pending: Type.Integer(),
})
export type WebhookAlert = Static<typeof WebhookAlert>
