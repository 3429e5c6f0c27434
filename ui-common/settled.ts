/**
 * A promise's outcome as a value: start a request now, decide later (once the others answered)
 * whether its failure matters. The promise it wraps can no longer reject unhandled.
 */

/** The value, or the error the promise rejected with. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** Resolves (never rejects) with the outcome of `promise`. */
export function settled<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  )
}
