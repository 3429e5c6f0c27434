import type { HubErrorCode } from '../protocol/upstream.ts'

/** An error the hub answers as `{statusCode, code, error, message}` (the center's shape), with the valid values when a value is not one. */
export class HubError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: HubErrorCode,
    message: string,
    readonly validCodes?: readonly string[],
  ) {
    super(message)
  }
}
