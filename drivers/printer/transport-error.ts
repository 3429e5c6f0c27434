/**
 * Why a transport call failed:
 * - `unreachable`: the connection or device could not be opened; not a byte was sent, so a job may be retried.
 * - `write-failed`: the link broke or timed out during a job; some bytes may have printed, so it is never resent.
 * - `no-reply`: the printer did not answer a status query in time.
 * - `bad-reply`: it answered with bytes that are not a status.
 * - `closed`: the transport was closed.
 */
export type TransportErrorCode = 'unreachable' | 'write-failed' | 'no-reply' | 'bad-reply' | 'closed'

/** A transport failure; `nothingWritten` says whether resending the job is safe. */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'TransportError'
  }

  /** True only when the printer cannot have received a byte of the job (it could not be reached). */
  get nothingWritten(): boolean {
    return this.code === 'unreachable' || this.code === 'closed'
  }
}

/** `err.message` (plus the errno code, e.g. ECONNREFUSED, when the message lacks it) for an Error, `String(err)` otherwise: reasons shown to staff. */
export function describeError(err: unknown): string {
  if (err instanceof TransportError) return err.message
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code
    return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message
  }
  return String(err)
}
