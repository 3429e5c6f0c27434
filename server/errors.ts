import { ErrorCodes, type ErrorCode, type ErrorDetail } from '../protocol/error-codes.ts'

export { ErrorCodes, type ErrorCode, type ErrorDetail }

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
    /** Which field of the request is at fault and why, sent in the error body (`field`, `reason`, `limit`); default none. */
    readonly detail?: ErrorDetail,
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

/** RATE_LIMITED with the seconds to wait (whole, at least 1); the edge sends them as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCodes.RATE_LIMITED, message)
  }
}
