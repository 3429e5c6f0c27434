import { ErrorCodes, type ErrorCode } from '../protocol/error-codes.ts'

export { ErrorCodes, type ErrorCode }

/**
 * An error meant for the caller: it carries the HTTP status and a stable code from
 * protocol/error-codes.ts (the wire contract, shared with the UIs). The app's error handler
 * answers `{statusCode, code, error, message}` from it; anything that is not a TabourError
 * and not a Fastify client error is a bug and answers 500 TABOUR_ERR_INTERNAL.
 */
export class TabourError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'TabourError'
  }
}

export const badRequest = (code: ErrorCode, message: string) => new TabourError(400, code, message)
export const unauthorized = (code: ErrorCode, message: string) => new TabourError(401, code, message)
export const forbidden = (code: ErrorCode, message: string) => new TabourError(403, code, message)
export const notFound = (code: ErrorCode, message: string) => new TabourError(404, code, message)
export const conflict = (code: ErrorCode, message: string) => new TabourError(409, code, message)
export const unprocessable = (code: ErrorCode, message: string) => new TabourError(422, code, message)
