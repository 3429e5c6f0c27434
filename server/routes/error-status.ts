import { type DomainError, type ErrorCode, ErrorCodes } from '../errors.ts'

/**
 * The HTTP status every error code answers, in one place: the domain throws codes
 * (DomainError), the edge chooses the status. A new code does not compile until it is given one.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  [ErrorCodes.VALIDATION]: 400,
  [ErrorCodes.BAD_BODY]: 400,
  [ErrorCodes.BAD_IDEMPOTENCY_KEY]: 400,
  [ErrorCodes.BAD_PRIORITY]: 400,
  [ErrorCodes.BAD_URL]: 400,
  [ErrorCodes.REQUEST_TIMEOUT]: 408,
  [ErrorCodes.UNAUTHENTICATED]: 401,
  [ErrorCodes.BAD_CREDENTIALS]: 401,
  [ErrorCodes.TOKEN_EXPIRED]: 401,
  [ErrorCodes.BAD_PAIRING_CODE]: 401,
  [ErrorCodes.FORBIDDEN]: 403,
  [ErrorCodes.NOT_YOUR_COUNTER]: 403,
  [ErrorCodes.ROUTE_NOT_FOUND]: 404,
  [ErrorCodes.SERVICE_NOT_FOUND]: 404,
  [ErrorCodes.COUNTER_NOT_FOUND]: 404,
  [ErrorCodes.USER_NOT_FOUND]: 404,
  [ErrorCodes.DEVICE_NOT_FOUND]: 404,
  [ErrorCodes.TICKET_NOT_FOUND]: 404,
  [ErrorCodes.MEDIA_NOT_FOUND]: 404,
  [ErrorCodes.ILLEGAL_TRANSITION]: 409,
  [ErrorCodes.TICKET_NOT_WAITING]: 409,
  [ErrorCodes.BAD_WATCH]: 400,
  [ErrorCodes.BAD_DEVICE_PATH]: 400,
  [ErrorCodes.PRINTER_HOST_NOT_ALLOWED]: 400,
  [ErrorCodes.COUNTER_TAKEN]: 409,
  [ErrorCodes.COUNTER_NOT_OPEN]: 409,
  [ErrorCodes.COUNTER_BUSY]: 409,
  [ErrorCodes.SERVICE_UNSTAFFED]: 409,
  [ErrorCodes.COUNTER_NOT_AWAY]: 409,
  [ErrorCodes.COUNTER_IDLE]: 409,
  [ErrorCodes.CLERK_AT_OTHER_COUNTER]: 409,
  [ErrorCodes.DUPLICATE_PREFIX]: 409,
  [ErrorCodes.NATIONAL_CODE_LOCKED]: 409,
  [ErrorCodes.DUPLICATE_COUNTER_NUMBER]: 409,
  [ErrorCodes.DUPLICATE_USERNAME]: 409,
  [ErrorCodes.IDEMPOTENCY_CONFLICT]: 409,
  [ErrorCodes.NO_SHOW_TOO_SOON]: 409,
  [ErrorCodes.GRACE_EXPIRED]: 410,
  [ErrorCodes.SERVICE_INACTIVE]: 422,
  [ErrorCodes.SERVICE_DAILY_CAP]: 422,
  [ErrorCodes.SERVICE_NOT_AT_COUNTER]: 422,
  [ErrorCodes.SERVICE_NOT_SERVED_HERE]: 422,
  [ErrorCodes.UNKNOWN_OUTCOME]: 422,
  [ErrorCodes.UNKNOWN_NATIONAL_CODE]: 422,
  [ErrorCodes.TRANSFER_TARGET]: 422,
  [ErrorCodes.LAST_ADMIN]: 422,
  [ErrorCodes.NO_PRINTER]: 422,
  [ErrorCodes.PASSWORD_TOO_SHORT]: 422,
  [ErrorCodes.PASSWORD_TOO_WEAK]: 422,
  [ErrorCodes.PASSWORD_HAS_USERNAME]: 422,
  [ErrorCodes.REORDERING_CONTROL]: 422,
  [ErrorCodes.SERVICE_CLOSED]: 422,
  [ErrorCodes.CALENDAR_ICS]: 422,
  [ErrorCodes.RATE_LIMITED]: 429,
  [ErrorCodes.INTERNAL]: 500,
  [ErrorCodes.NOT_READY]: 503,
  [ErrorCodes.REMOTE_JOIN_OFF]: 422,
  [ErrorCodes.REMOTE_JOIN_CAP]: 422,
  [ErrorCodes.REMOTE_PHONE_LIMIT]: 429,
  [ErrorCodes.REMOTE_ADDRESS_LIMIT]: 429,
  [ErrorCodes.NOT_AT_CENTER]: 403,
  [ErrorCodes.ALREADY_ARRIVED]: 409,
  [ErrorCodes.NOT_REMOTE_TICKET]: 409,
  [ErrorCodes.REMOTE_PLACE_LOST]: 410,
}

/**
 * Cases of a code that answer another status. A disabled counter cannot be opened at all (422),
 * while a closed one merely is not open yet (409); both say COUNTER_NOT_OPEN, as the API always has.
 */
const VARIANT_STATUS: Record<string, number> = {
  [`${ErrorCodes.COUNTER_NOT_OPEN}/disabled`]: 422,
}

/** The HTTP status a domain error answers. */
export function httpStatusOf(err: DomainError): number {
  return (err.variant && VARIANT_STATUS[`${err.code}/${err.variant}`]) || ERROR_STATUS[err.code]
}
