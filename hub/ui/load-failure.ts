/**
 * What the hub page shows when a tab's request fails, whichever tab asked: one rule, here. The
 * answer of before is not kept under the error: the fleet's "Online" badges and the day's figures
 * of minutes ago, under "Could not load", read as now, and nothing said they were old (walk s48).
 * What is left is why: sign in again, a range too long, a refusal (not retried: the same request
 * would be refused again), or a failure the page retries every minute.
 */
import type { HubDashboard, HubFleet } from '../../protocol/hub-api.ts'
import { ApiError } from '../../ui-common/api-client.ts'

export interface LoadFailure {
  /** The answers the tabs show: none, after any failure. */
  data: HubDashboard | null
  fleet: HubFleet | null
  /** The hub said 401: the token is missing or wrong, the sign-in form asks for one. */
  signIn: boolean
  /** HUB_ERR_RANGE_TOO_LONG: said as such, not as a failure to retry. */
  rangeTooLong: boolean
  /** Another 4xx: its code and message; not retried. */
  refused: { code: string; message: string } | null
  /** No answer, a 5xx, a timeout or a 429: retried at the next refresh. */
  failed: boolean
}

export function loadFailure(err: unknown): LoadFailure {
  const none = { data: null, fleet: null, signIn: false, rangeTooLong: false, refused: null, failed: false }
  if (!(err instanceof ApiError)) return { ...none, failed: true }
  if (err.status === 401) return { ...none, signIn: true }
  if (err.code === 'HUB_ERR_RANGE_TOO_LONG') return { ...none, rangeTooLong: true }
  if (err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429)
    return { ...none, refused: { code: err.code, message: err.message } }
  return { ...none, failed: true }
}
