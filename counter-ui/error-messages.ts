/**
 * Which message the console shows for a failed request: the server's stable error codes
 * (protocol/error-codes.ts) and, for a refused field, the error body's `field`, mapped to the
 * console's own bilingual strings (never the server's English message).
 */
import { ErrorCodes } from '../protocol/error-codes.ts'
import { ApiError, NetworkError } from '../ui-common/api-client.ts'
import type { ConsoleMessageKey } from '../protocol/messages/console.ts'

const BY_CODE: Readonly<Record<string, ConsoleMessageKey>> = {
  [ErrorCodes.BAD_CREDENTIALS]: 'err.badCredentials',
  [ErrorCodes.RATE_LIMITED]: 'err.rateLimited',
  [ErrorCodes.TOKEN_EXPIRED]: 'err.sessionExpired',
  [ErrorCodes.UNAUTHENTICATED]: 'err.sessionExpired',
  [ErrorCodes.FORBIDDEN]: 'err.forbidden',
  [ErrorCodes.NOT_YOUR_COUNTER]: 'err.notYourCounter',
  [ErrorCodes.COUNTER_TAKEN]: 'err.counterTaken',
  [ErrorCodes.CLERK_AT_OTHER_COUNTER]: 'err.atOtherCounter',
  [ErrorCodes.COUNTER_NOT_OPEN]: 'err.counterNotOpen',
  [ErrorCodes.COUNTER_BUSY]: 'err.counterBusy',
  [ErrorCodes.COUNTER_IDLE]: 'err.counterIdle',
  [ErrorCodes.ILLEGAL_TRANSITION]: 'err.illegal',
  [ErrorCodes.NO_SHOW_TOO_SOON]: 'err.noShowTooSoon',
  [ErrorCodes.GRACE_EXPIRED]: 'err.graceExpired',
  [ErrorCodes.TICKET_NOT_FOUND]: 'err.ticketNotFound',
  [ErrorCodes.COUNTER_NOT_FOUND]: 'err.counterNotFound',
  [ErrorCodes.SERVICE_NOT_FOUND]: 'err.serviceNotFound',
  [ErrorCodes.SERVICE_INACTIVE]: 'err.serviceInactive',
  [ErrorCodes.SERVICE_DAILY_CAP]: 'err.serviceCap',
  [ErrorCodes.SERVICE_NOT_AT_COUNTER]: 'err.notForThisCounter',
  [ErrorCodes.SERVICE_NOT_SERVED_HERE]: 'err.serviceNotServedHere',
  [ErrorCodes.UNKNOWN_OUTCOME]: 'err.unknownOutcome',
  [ErrorCodes.TRANSFER_TARGET]: 'err.transferTarget',
  [ErrorCodes.TRANSFER_COUNTER_INACTIVE]: 'err.transferCounterInactive',
  [ErrorCodes.VALIDATION]: 'err.invalid',
  [ErrorCodes.BAD_BODY]: 'err.invalid',
  [ErrorCodes.BAD_PRIORITY]: 'err.invalid',
  [ErrorCodes.PARK_TOO_LONG]: 'err.parkTooLong',
  [ErrorCodes.UNKNOWN_PARK_REASON]: 'err.unknownParkReason',
  [ErrorCodes.TICKET_NOT_PARKED]: 'err.ticketNotParked',
  [ErrorCodes.PARK_EXPIRED]: 'err.parkExpired',
}

/** Refusals that name a field the console's own forms fill (the error body's `field`): worded for that field. */
const BY_FIELD: Readonly<Record<string, ConsoleMessageKey>> = {
  note: 'err.noteTooLong',
  reason: 'err.reasonTooLong',
}

/** The message key for an error code; a generic one for codes the console does not know. */
export function messageForCode(code: string): ConsoleMessageKey {
  return Object.hasOwn(BY_CODE, code) ? BY_CODE[code] : 'err.generic'
}

/** The message key for anything a request threw. */
export function messageForError(err: unknown): ConsoleMessageKey {
  if (err instanceof NetworkError) return 'err.network'
  if (err instanceof ApiError) {
    const field = err.detail?.field
    return field && Object.hasOwn(BY_FIELD, field) ? BY_FIELD[field]! : messageForCode(err.code)
  }
  return 'err.generic'
}

/** Errors after which the console's picture of the counter is wrong (someone else holds it, or it closed): reload it. */
export function counterLost(err: unknown): boolean {
  return err instanceof ApiError && (err.code === ErrorCodes.NOT_YOUR_COUNTER || err.code === ErrorCodes.COUNTER_NOT_OPEN)
}
