import type { ClosedReason, HoursNow } from './calendar.ts'

/**
 * Every error code the center server can answer with. They are part of the API v1 contract:
 * clients (kiosk, console, dashboard, integrators) switch on them, so a code never changes
 * meaning and is never removed. server/routes/error-status.ts gives each its HTTP status.
 */
export const ErrorCodes = {
  // 400: the request itself is malformed
  VALIDATION: 'TABOUR_ERR_VALIDATION',
  BAD_BODY: 'TABOUR_ERR_BAD_BODY',
  BAD_IDEMPOTENCY_KEY: 'TABOUR_ERR_BAD_IDEMPOTENCY_KEY',
  BAD_PRIORITY: 'TABOUR_ERR_BAD_PRIORITY',
  /** The address itself is malformed (a bad %-escape, a path segment past the router's limit: 414); found by fuzzing, issue 8. */
  BAD_URL: 'TABOUR_ERR_BAD_URL',
  /** 408: the request's headers or body did not arrive within config http.*TimeoutSeconds (a stalled or slowloris client); the connection closes. */
  REQUEST_TIMEOUT: 'TABOUR_ERR_REQUEST_TIMEOUT',
  /** A public socket asked to watch more tickets than realtime allows (WATCH_LIMIT), or gave no usable ticket id. */
  BAD_WATCH: 'TABOUR_ERR_BAD_WATCH',
  /** A printer or serial device path that is not a canonical absolute path under config devicePaths.allowedRoots (e.g. `/dev/../etc/x`). */
  BAD_DEVICE_PATH: 'TABOUR_ERR_BAD_DEVICE_PATH',
  /** A tcp:// printer on an address that is neither private nor loopback, while config devicePaths.allowPublicPrinterHosts is off. */
  PRINTER_HOST_NOT_ALLOWED: 'TABOUR_ERR_PRINTER_HOST_NOT_ALLOWED',
  // 401 / 403: who is asking
  UNAUTHENTICATED: 'TABOUR_ERR_UNAUTHENTICATED',
  BAD_CREDENTIALS: 'TABOUR_ERR_BAD_CREDENTIALS',
  TOKEN_EXPIRED: 'TABOUR_ERR_TOKEN_EXPIRED',
  BAD_PAIRING_CODE: 'TABOUR_ERR_BAD_PAIRING_CODE',
  FORBIDDEN: 'TABOUR_ERR_FORBIDDEN',
  NOT_YOUR_COUNTER: 'TABOUR_ERR_NOT_YOUR_COUNTER',
  // 404
  ROUTE_NOT_FOUND: 'TABOUR_ERR_ROUTE_NOT_FOUND',
  SERVICE_NOT_FOUND: 'TABOUR_ERR_SERVICE_NOT_FOUND',
  COUNTER_NOT_FOUND: 'TABOUR_ERR_COUNTER_NOT_FOUND',
  USER_NOT_FOUND: 'TABOUR_ERR_USER_NOT_FOUND',
  DEVICE_NOT_FOUND: 'TABOUR_ERR_DEVICE_NOT_FOUND',
  TICKET_NOT_FOUND: 'TABOUR_ERR_TICKET_NOT_FOUND',
  MEDIA_NOT_FOUND: 'TABOUR_ERR_MEDIA_NOT_FOUND',
  // 409: the request is well-formed but the current state refuses it
  ILLEGAL_TRANSITION: 'TABOUR_ERR_ILLEGAL_TRANSITION',
  COUNTER_TAKEN: 'TABOUR_ERR_COUNTER_TAKEN',
  COUNTER_NOT_OPEN: 'TABOUR_ERR_COUNTER_NOT_OPEN',
  COUNTER_BUSY: 'TABOUR_ERR_COUNTER_BUSY',
  COUNTER_IDLE: 'TABOUR_ERR_COUNTER_IDLE',
  CLERK_AT_OTHER_COUNTER: 'TABOUR_ERR_CLERK_AT_OTHER_COUNTER',
  DUPLICATE_PREFIX: 'TABOUR_ERR_DUPLICATE_PREFIX',
  DUPLICATE_COUNTER_NUMBER: 'TABOUR_ERR_DUPLICATE_COUNTER_NUMBER',
  DUPLICATE_USERNAME: 'TABOUR_ERR_DUPLICATE_USERNAME',
  /** A calendar exception (a holiday, special hours) with the same dates and services as one already there; `field` names the second (`exceptions/4/from`), reason `duplicate`. */
  DUPLICATE_EXCEPTION: 'TABOUR_ERR_DUPLICATE_EXCEPTION',
  IDEMPOTENCY_CONFLICT: 'TABOUR_ERR_IDEMPOTENCY_CONFLICT',
  /** A citizen cancelling their own ticket that is no longer waiting (called, served, cancelled): only staff act on it now. */
  TICKET_NOT_WAITING: 'TABOUR_ERR_TICKET_NOT_WAITING',
  /** A no-show marked sooner than queue.minSecondsBeforeNoShow after the call, with no recall since; the message says how many seconds remain. */
  NO_SHOW_TOO_SOON: 'TABOUR_ERR_NO_SHOW_TOO_SOON',
  /** A service's national code changed by the center while the hub's configuration manages it (nationalCodeLocked). */
  NATIONAL_CODE_LOCKED: 'TABOUR_ERR_NATIONAL_CODE_LOCKED',
  /**
   * A service's letter changed while the hub's configuration maps it (nationalCodeLocked): the
   * bundle's mapping names services by letter, so a renamed one would refuse the next bundle whole.
   */
  SERVICE_PREFIX_LOCKED: 'TABOUR_ERR_SERVICE_PREFIX_LOCKED',
  /**
   * A setting the national hub's configuration bundle sets at this center (the finish outcomes,
   * while a bundle runs; its holidays; the weekly hours, while the running bundle sets them): it
   * changes with the hub's next bundle, not here.
   */
  HUB_MANAGED: 'TABOUR_ERR_HUB_MANAGED',
  /** A kiosk asked for a ticket of a `not-offered` service that no open or paused counter serves now. */
  SERVICE_UNSTAFFED: 'TABOUR_ERR_SERVICE_UNSTAFFED',
  /** A manager closing a counter whose clerk is not away (the clerk closes it, or a manager takes it over). */
  COUNTER_NOT_AWAY: 'TABOUR_ERR_COUNTER_NOT_AWAY',
  /**
   * A counter edit (its services, or active: false) that would leave a service with tickets waiting
   * served by no active counter, so nobody calls them: the body lists each such service and how many
   * wait (UnservedDetail); the same edit with `confirmUnserved: true` is saved (decision 0008).
   */
  LAST_COUNTER_OF_WAITING_SERVICE: 'TABOUR_ERR_LAST_COUNTER_OF_WAITING_SERVICE',
  // 410: too late for good
  /** A no-show undone after queue.noShowGraceMinutes: the citizen takes a new ticket. */
  GRACE_EXPIRED: 'TABOUR_ERR_GRACE_EXPIRED',
  // 422: understood, but cannot be done with these values
  SERVICE_INACTIVE: 'TABOUR_ERR_SERVICE_INACTIVE',
  SERVICE_DAILY_CAP: 'TABOUR_ERR_SERVICE_DAILY_CAP',
  SERVICE_NOT_AT_COUNTER: 'TABOUR_ERR_SERVICE_NOT_AT_COUNTER',
  /** A clerk called a ticket of a service the counter does not serve (a manager may; issue 16). */
  SERVICE_NOT_SERVED_HERE: 'TABOUR_ERR_SERVICE_NOT_SERVED_HERE',
  /** A finish outcome that is not in the configured list (queue.finishOutcomes; issue 16). */
  UNKNOWN_OUTCOME: 'TABOUR_ERR_UNKNOWN_OUTCOME',
  /** A pairing code asked for a printer, LED board or keypad: the server opens those itself, they never pair. */
  DEVICE_NEVER_PAIRS: 'TABOUR_ERR_DEVICE_NEVER_PAIRS',
  /** A kiosk, display or feedback tablet asked to be reactivated: it comes back by pairing again, with a new code. */
  DEVICE_PAIRS_AGAIN: 'TABOUR_ERR_DEVICE_PAIRS_AGAIN',
  /** 422: a device's zone that a counter's zone matches only in other capitals ("Ground" for "ground"): zones match exactly, so its TV would show no call. */
  ZONE_SPELLED_OTHERWISE: 'TABOUR_ERR_ZONE_SPELLED_OTHERWISE',
  /** A national service code that the hub's catalogue (as last received, GET /services/national-codes) does not hold. */
  UNKNOWN_NATIONAL_CODE: 'TABOUR_ERR_UNKNOWN_NATIONAL_CODE',
  TRANSFER_TARGET: 'TABOUR_ERR_TRANSFER_TARGET',
  /** 422: a transfer to a disabled counter: nobody can open it to call the ticket (the console lists only active counters). */
  TRANSFER_COUNTER_INACTIVE: 'TABOUR_ERR_TRANSFER_COUNTER_INACTIVE',
  LAST_ADMIN: 'TABOUR_ERR_LAST_ADMIN',
  NO_PRINTER: 'TABOUR_ERR_NO_PRINTER',
  /** A staff password shorter than the role's minimum (config passwords.*MinLength); the message names the minimum. */
  PASSWORD_TOO_SHORT: 'TABOUR_ERR_PASSWORD_TOO_SHORT',
  /** A staff password that is common or easy to guess (a strength estimate below config passwords.*MinScore). */
  PASSWORD_TOO_WEAK: 'TABOUR_ERR_PASSWORD_TOO_WEAK',
  /** A staff password that contains the username. */
  PASSWORD_HAS_USERNAME: 'TABOUR_ERR_PASSWORD_HAS_USERNAME',
  /** A name or text shown publicly holds an invisible direction control (U+202A–U+202E, U+2066–U+2069, …); the message names the field. */
  REORDERING_CONTROL: 'TABOUR_ERR_REORDERING_CONTROL',
  /** A kiosk asked for a ticket outside the service's opening hours, past its last-ticket time, or when the wait would run past closing (issue 18); staff may still issue. */
  SERVICE_CLOSED: 'TABOUR_ERR_SERVICE_CLOSED',
  /** An .ics file that cannot be honoured (not iCalendar, a timed event, an unknown zone, a recurrence other than yearly); the message names the event. */
  CALENDAR_ICS: 'TABOUR_ERR_CALENDAR_ICS',
  // 429
  RATE_LIMITED: 'TABOUR_ERR_RATE_LIMITED',
  // 5xx: never the caller's fault
  INTERNAL: 'TABOUR_ERR_INTERNAL',
  NOT_READY: 'TABOUR_ERR_NOT_READY',
  // issue 21, the kiosk menu and what to bring
  /** 422: a service's document list with more than MAX_DOCUMENTS items or a text over MAX_DOCUMENT_LENGTH characters (protocol/service-menu.ts); detail names the field and the limit. */
  DOCUMENTS_TOO_LONG: 'TABOUR_ERR_DOCUMENTS_TOO_LONG',
  /** 422: an icon that is not one of the built-in SERVICE_ICONS (protocol/service-menu.ts). */
  UNKNOWN_ICON: 'TABOUR_ERR_UNKNOWN_ICON',
  /** 404: a service group that does not exist (by id, or named as a service's groupId). */
  SERVICE_GROUP_NOT_FOUND: 'TABOUR_ERR_SERVICE_GROUP_NOT_FOUND',
  /** 403: a kiosk asked for a ticket of a service its config (`serviceIds`) does not offer. */
  SERVICE_NOT_OFFERED_HERE: 'TABOUR_ERR_SERVICE_NOT_OFFERED_HERE',
  // webhooks for integrators (issue 20)
  /** 404: no webhook subscription with this id. */
  WEBHOOK_NOT_FOUND: 'TABOUR_ERR_WEBHOOK_NOT_FOUND',
  /** 404: no delivery with this id. */
  WEBHOOK_DELIVERY_NOT_FOUND: 'TABOUR_ERR_WEBHOOK_DELIVERY_NOT_FOUND',
  /** 409: a redeliver asked for a delivery still pending (it goes out on its own). */
  WEBHOOK_DELIVERY_PENDING: 'TABOUR_ERR_WEBHOOK_DELIVERY_PENDING',
  /** 422: a webhook URL that is not an absolute http(s) URL, or carries a user name or password. */
  WEBHOOK_BAD_URL: 'TABOUR_ERR_WEBHOOK_BAD_URL',
  /** 422: a webhook URL whose host is not in config webhooks.allowedHosts. */
  WEBHOOK_HOST_NOT_ALLOWED: 'TABOUR_ERR_WEBHOOK_HOST_NOT_ALLOWED',
  /** 422: a plain http:// webhook URL for a host not in config webhooks.httpHosts (https is required). */
  WEBHOOK_HTTPS_REQUIRED: 'TABOUR_ERR_WEBHOOK_HTTPS_REQUIRED',
  /** 422: an event type a webhook cannot subscribe to (the list: protocol/webhooks.ts WEBHOOK_EVENT_TYPES). */
  WEBHOOK_UNKNOWN_EVENT: 'TABOUR_ERR_WEBHOOK_UNKNOWN_EVENT',
  /** A delivery attempt (kept in the delivery log, never an API answer): the host resolved to a private or loopback address while not listed by name in webhooks.allowedHosts. */
  WEBHOOK_PRIVATE_ADDRESS: 'TABOUR_ERR_WEBHOOK_PRIVATE_ADDRESS',
  /** A delivery attempt: the receiver did not answer within webhooks.timeoutSeconds. */
  WEBHOOK_RECEIVER_TIMEOUT: 'TABOUR_ERR_WEBHOOK_RECEIVER_TIMEOUT',
  /** A delivery attempt: the receiver could not be reached (refused, reset, DNS). */
  WEBHOOK_RECEIVER_UNREACHABLE: 'TABOUR_ERR_WEBHOOK_RECEIVER_UNREACHABLE',
  /** A delivery attempt: the receiver answered something that is not HTTP. */
  WEBHOOK_BAD_RESPONSE: 'TABOUR_ERR_WEBHOOK_BAD_RESPONSE',
  /** A delivery attempt: the receiver answered a status other than 2xx. */
  WEBHOOK_RECEIVER_REFUSED: 'TABOUR_ERR_WEBHOOK_RECEIVER_REFUSED',
  /** A delivery attempt: the receiver answered a redirect (never followed). */
  WEBHOOK_REDIRECT_REFUSED: 'TABOUR_ERR_WEBHOOK_REDIRECT_REFUSED',
  /** A delivery given up: still not accepted after webhooks.maxAgeHours. */
  WEBHOOK_EXPIRED: 'TABOUR_ERR_WEBHOOK_EXPIRED',
  // messages to citizens (issue 20)
  /** A mobile number that is not a valid number to text (E.164, or a local Egyptian 01x number). 422. */
  INVALID_PHONE: 'TABOUR_ERR_INVALID_PHONE',
  /** A message template naming a placeholder its kind does not fill (the message names it). 422. */
  MESSAGE_PLACEHOLDER: 'TABOUR_ERR_MESSAGE_PLACEHOLDER',
  /** A message template that is not valid ICU MessageFormat. 422. */
  MESSAGE_TEMPLATE: 'TABOUR_ERR_MESSAGE_TEMPLATE',
  /** An SMS or WhatsApp provider answered something it should not (not JSON, no message id): the message stays queued and is retried. 502. */
  MESSAGE_PROVIDER_GARBAGE: 'TABOUR_ERR_MESSAGE_PROVIDER_GARBAGE',
  /** An SMS or WhatsApp provider could not be reached or refused for now: the message stays queued and is retried. 503. */
  MESSAGE_PROVIDER_DOWN: 'TABOUR_ERR_MESSAGE_PROVIDER_DOWN',
  /** An SMS or WhatsApp provider refused this message for good (a number it does not serve): the message is failed. 422. */
  MESSAGE_REFUSED: 'TABOUR_ERR_MESSAGE_REFUSED',
  /** The number already had its daily share of messages (config messages.dailyCapPerNumber): the message is failed, not sent. 429. */
  MESSAGE_DAILY_CAP: 'TABOUR_ERR_MESSAGE_DAILY_CAP',
  /** 401: a WhatsApp status webhook without a valid X-Hub-Signature-256 (HMAC-SHA256 of the body with the app secret). */
  WHATSAPP_SIGNATURE: 'TABOUR_ERR_WHATSAPP_SIGNATURE',
  /** 403: the WhatsApp webhook handshake's hub.verify_token is not messages.whatsapp.verifyToken. */
  WHATSAPP_VERIFY_TOKEN: 'TABOUR_ERR_WHATSAPP_VERIFY_TOKEN',
  /** 404: the WhatsApp status webhook is off (the provider is not whatsapp, or no app secret / verify token is set). */
  WHATSAPP_WEBHOOK_OFF: 'TABOUR_ERR_WHATSAPP_WEBHOOK_OFF',
  // citizen feedback (issue 21; protocol/feedback.ts)
  /** 409: the ticket already has its one rating. */
  RATING_EXISTS: 'TABOUR_ERR_RATING_EXISTS',
  /** 409: the ticket was not served (not finished `done`): only a served ticket is rated. */
  TICKET_NOT_SERVED: 'TABOUR_ERR_TICKET_NOT_SERVED',
  /** 410: the rating came later than feedback.windowMinutes after the finish. */
  RATING_WINDOW_CLOSED: 'TABOUR_ERR_RATING_WINDOW_CLOSED',
  /** 422: a reason code not in FEEDBACK_REASONS. */
  UNKNOWN_REASON: 'TABOUR_ERR_UNKNOWN_REASON',
  /** 403: a feedback tablet rating a ticket finished at another counter than the one it is bound to. */
  FEEDBACK_OTHER_COUNTER: 'TABOUR_ERR_FEEDBACK_OTHER_COUNTER',
  /** 409: a feedback tablet with no counter in its config, or a keypad rating with no finished ticket at its counter. */
  NOTHING_TO_RATE: 'TABOUR_ERR_NOTHING_TO_RATE',
  // parking a ticket (issue 21)
  /** 422: a park longer than queue.maxParkMinutes; the message names the maximum. */
  PARK_TOO_LONG: 'TABOUR_ERR_PARK_TOO_LONG',
  /** 422: a park reason that is not one of queue.parkReasons (free text goes in the note). */
  UNKNOWN_PARK_REASON: 'TABOUR_ERR_UNKNOWN_PARK_REASON',
  /** 409: resuming a ticket that is not parked (waiting, being served, finished…). */
  TICKET_NOT_PARKED: 'TABOUR_ERR_TICKET_NOT_PARKED',
  /** 410: resuming a parked ticket whose time ran out: it was abandoned, the citizen takes a new ticket. */
  PARK_EXPIRED: 'TABOUR_ERR_PARK_EXPIRED',
  // appointments (issue 19)
  /** 422: the service does not take bookings (appointments off, or the service inactive). */
  APPOINTMENTS_OFF: 'TABOUR_ERR_APPOINTMENTS_OFF',
  /** 422: no slot of the service starts at that time (not on the day's grid, or outside its hours). */
  SLOT_NOT_FOUND: 'TABOUR_ERR_SLOT_NOT_FOUND',
  /** 422: the slot (or the booking's time) has already begun. */
  SLOT_IN_PAST: 'TABOUR_ERR_SLOT_IN_PAST',
  /** 422: the slot is further ahead than the service's bookAheadDays. */
  SLOT_TOO_FAR: 'TABOUR_ERR_SLOT_TOO_FAR',
  /** 422: the center or the service is closed that day, or a manager blocked it for bookings. */
  DAY_CLOSED: 'TABOUR_ERR_DAY_CLOSED',
  /** 409: every place of the slot is taken. */
  SLOT_FULL: 'TABOUR_ERR_SLOT_FULL',
  /** 429: the phone already holds its limit of live bookings for that day or week (variant `day` or `week`). */
  BOOKING_LIMIT_PHONE: 'TABOUR_ERR_BOOKING_LIMIT_PHONE',
  /** 429: too many bookings from one client address in the last hour. */
  BOOKING_LIMIT_ADDRESS: 'TABOUR_ERR_BOOKING_LIMIT_ADDRESS',
  /** 422: not a booking code of any center (mistyped or made up: its check characters do not match). */
  BOOKING_CODE_INVALID: 'TABOUR_ERR_BOOKING_CODE_INVALID',
  /** 422: a genuine-looking code of another center: the citizen is at the wrong center. */
  BOOKING_OTHER_CENTER: 'TABOUR_ERR_BOOKING_OTHER_CENTER',
  /** 404: a well-formed code of this center that names no booking. */
  BOOKING_NOT_FOUND: 'TABOUR_ERR_BOOKING_NOT_FOUND',
  /** 409: the booking was already used to check in. */
  BOOKING_USED: 'TABOUR_ERR_BOOKING_USED',
  /** 409: the booking was cancelled. */
  BOOKING_CANCELLED: 'TABOUR_ERR_BOOKING_CANCELLED',
  /** 422: a scanned or typed text that no check-in resolver recognises (neither a booking code nor a link to one). */
  CHECK_IN_UNRECOGNISED: 'TABOUR_ERR_CHECK_IN_UNRECOGNISED',
  // remote join (issue 19, server/queue/remote-join.ts)
  /** 422: the service does not take joins from a phone (config remoteJoin.services does not list it). */
  REMOTE_JOIN_OFF: 'TABOUR_ERR_REMOTE_JOIN_OFF',
  /** 422: the service has given its daily share of remote joins (remoteJoin.services[].dailyCap); a ticket at the kiosk is still possible. */
  REMOTE_JOIN_CAP: 'TABOUR_ERR_REMOTE_JOIN_CAP',
  /** 429: this mobile number has joined remoteJoin.perPhonePerDay times today. */
  REMOTE_PHONE_LIMIT: 'TABOUR_ERR_REMOTE_PHONE_LIMIT',
  /** 429: this client address has joined remoteJoin.perAddressPerHour times in the last hour. */
  REMOTE_ADDRESS_LIMIT: 'TABOUR_ERR_REMOTE_ADDRESS_LIMIT',
  /** 403: "I am here" from an address outside the center's network (remoteJoin.centerNetworks): scan at the kiosk instead. */
  NOT_AT_CENTER: 'TABOUR_ERR_NOT_AT_CENTER',
  /** 409: the remote ticket has already been checked in, and waits to be called. */
  ALREADY_ARRIVED: 'TABOUR_ERR_ALREADY_ARRIVED',
  /** 409: the remote ticket has already been checked in and called (or is being served, or parked at a counter): its page names the counter. */
  ALREADY_CALLED: 'TABOUR_ERR_ALREADY_CALLED',
  /** 409: an arrival for a ticket that was not joined from a phone (a walk-in ticket is in the line already). */
  NOT_REMOTE_TICKET: 'TABOUR_ERR_NOT_REMOTE_TICKET',
  /** 410: the remote ticket has ended (served, a no-show, cancelled, or abandoned after its turn), whether or not it had checked in: nothing left to check in. */
  REMOTE_PLACE_LOST: 'TABOUR_ERR_REMOTE_PLACE_LOST',
  // visits with several steps (issue 21, server/queue/visit-steps.ts)
  /** 422: a route of steps that names a service twice, or the service it starts at: a visit would go round. */
  STEP_ROUTE_LOOP: 'TABOUR_ERR_STEP_ROUTE_LOOP',
  /** 422: a route with more steps than MAX_ROUTE_STEPS (protocol/visit-steps.ts). */
  STEP_ROUTE_TOO_LONG: 'TABOUR_ERR_STEP_ROUTE_TOO_LONG',
} as const

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes]

/**
 * Why a field was refused, as a stable word a screen turns into its own sentence: the schema's
 * keywords (`required`, `minLength`, `maxLength`, `minimum`, `maximum`, `pattern`, `type`,
 * `enum`) and the domain's (`duplicate`, `unknown`, `not-allowed`, `too-short`, `too-weak`,
 * `has-username`, `invalid`).
 */
export const FIELD_REASONS = [
  'required',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'type',
  'enum',
  'duplicate',
  'unknown',
  'not-allowed',
  'reordering-control',
  'too-short',
  'too-weak',
  'has-username',
  'invalid',
  // the center's calendar (issue 18): an interval overlapping another, a close not after its
  // open, a date range ending before it starts; an .ics event with a recurrence, a time of day,
  // a time zone or no start that cannot be honoured
  'overlap',
  'close-before-open',
  'ends-before-start',
  'recurrence',
  'time-of-day',
  'time-zone',
  'no-start',
  // a new start of the business day that would put the present moment in another business day
  'moves-business-day',
  // a list with more items than allowed (a service's documents, issue 21)
  'maxItems',
  // a holiday or the weekly hours the hub's configuration bundle set, changed at the center
  // (server/config/hub-holidays.ts, hub-weekly-hours.ts)
  'hub-managed',
  // a value the national hub's configuration bundle sets (a mapped service's letter)
  'locked',
] as const
export type FieldReason = (typeof FIELD_REASONS)[number]

/** The structured part of an error body: which request field is at fault (`/` between levels), why, and the limit it broke. */
export interface ErrorDetail {
  /** The field as the request body names it: `prefix`, `config/printer/widthMm`, `services/0/weight`. */
  field: string
  reason: FieldReason
  /** The bound that was broken (a minimum length, a maximum value), when there is one. */
  limit?: number
}

/**
 * The structured part of a 409 LAST_COUNTER_OF_WAITING_SERVICE body: each service the edit would
 * leave with no active counter, and how many of its tickets wait for any counter of it (a ticket
 * sent to one counter is left out: that counter calls it).
 */
export interface UnservedDetail {
  unserved: { serviceId: number; waiting: number }[]
}

/**
 * The structured part of a 422 SERVICE_CLOSED body (a kiosk's tap or a phone's join refused for
 * the service's hours): the hours' own facts at the refusal (protocol/calendar.ts HoursNow), so the
 * kiosk and the join page say why and when it opens in their own words, without parsing the message
 * or waiting for the hours to be polled again.
 */
export type ClosedDetail = Pick<HoursNow, 'opensAt' | 'closesAt' | 'lastTicketAt' | 'dayClose' | 'at'> & {
  closedReason: ClosedReason
}
