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
  IDEMPOTENCY_CONFLICT: 'TABOUR_ERR_IDEMPOTENCY_CONFLICT',
  /** A citizen cancelling their own ticket that is no longer waiting (called, served, cancelled): only staff act on it now. */
  TICKET_NOT_WAITING: 'TABOUR_ERR_TICKET_NOT_WAITING',
  /** A no-show marked sooner than queue.minSecondsBeforeNoShow after the call, with no recall since; the message says how many seconds remain. */
  NO_SHOW_TOO_SOON: 'TABOUR_ERR_NO_SHOW_TOO_SOON',
  /** A service's national code changed by the center while the hub's configuration manages it (nationalCodeLocked). */
  NATIONAL_CODE_LOCKED: 'TABOUR_ERR_NATIONAL_CODE_LOCKED',
  /** A kiosk asked for a ticket of a `not-offered` service that no open or paused counter serves now. */
  SERVICE_UNSTAFFED: 'TABOUR_ERR_SERVICE_UNSTAFFED',
  /** A manager closing a counter whose clerk is not away (the clerk closes it, or a manager takes it over). */
  COUNTER_NOT_AWAY: 'TABOUR_ERR_COUNTER_NOT_AWAY',
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
  /** A national service code that the hub's catalogue (as last received, GET /services/national-codes) does not hold. */
  UNKNOWN_NATIONAL_CODE: 'TABOUR_ERR_UNKNOWN_NATIONAL_CODE',
  TRANSFER_TARGET: 'TABOUR_ERR_TRANSFER_TARGET',
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
  /** 409: the remote ticket has already been checked in. */
  ALREADY_ARRIVED: 'TABOUR_ERR_ALREADY_ARRIVED',
  /** 409: an arrival for a ticket that was not joined from a phone (a walk-in ticket is in the line already). */
  NOT_REMOTE_TICKET: 'TABOUR_ERR_NOT_REMOTE_TICKET',
  /** 410: the remote ticket's place is gone (cancelled, abandoned after its turn, or served): join again or take a ticket. */
  REMOTE_PLACE_LOST: 'TABOUR_ERR_REMOTE_PLACE_LOST',
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
