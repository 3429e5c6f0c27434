import { ErrorCodes, type ClosedDetail, type ErrorCode, type ErrorDetail, type UnservedDetail } from '../protocol/error-codes.ts'
import type { ClosedReason, HoursNow } from '../protocol/calendar.ts'

export { ErrorCodes, type ClosedDetail, type ErrorCode, type ErrorDetail, type UnservedDetail }

/**
 * A refusal the caller should hear about: a stable code from protocol/error-codes.ts (the wire
 * contract, shared with the UIs) and a message. It carries no HTTP status: the edge chooses one
 * from the code (server/routes/error-status.ts), so the domain can be used without HTTP (the
 * keypads, the CLI) and one table says what every code answers. Anything thrown that is not a
 * DomainError and not a Fastify client error is a bug and answers 500 TABOUR_ERR_INTERNAL.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Names a case of the code that the edge answers differently (e.g. `disabled`); default none. */
    readonly variant?: string,
    /** Sent in the error body: which field of the request is at fault and why (`field`, `reason`, `limit`), the hours that refused (SERVICE_CLOSED) or the lines left with no counter (LAST_COUNTER_OF_WAITING_SERVICE); default none. */
    readonly detail?: ErrorDetail | ClosedDetail | UnservedDetail,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

/** A DomainError with `code`; see DomainError. */
export const domainError = (code: ErrorCode, message: string, variant?: string) => new DomainError(code, message, variant)

/**
 * A DomainError about one field of the request (`field` as the body names it, `/` between
 * levels: `prefix`, `config/printer/interface`), so a screen puts its own sentence next to that
 * field instead of parsing the message. `reason` is a stable word (see ErrorDetail).
 */
export const fieldError = (code: ErrorCode, detail: ErrorDetail, message: string) => new DomainError(code, message, undefined, detail)

/**
 * SERVICE_CLOSED for a service whose `hours` refuse a kiosk's ticket or a phone's join now: the
 * body carries the hours' facts (ClosedDetail) beside the message for the logs.
 */
export function serviceClosedError(message: string, hours: HoursNow & { closedReason: ClosedReason }): DomainError {
  const { closedReason, opensAt, closesAt, lastTicketAt, dayClose, at } = hours
  return new DomainError(ErrorCodes.SERVICE_CLOSED, message, undefined, { closedReason, opensAt, closesAt, lastTicketAt, dayClose, at })
}

/** RATE_LIMITED with the seconds to wait (whole, at least 1); the edge sends them as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCodes.RATE_LIMITED, message)
  }
}
