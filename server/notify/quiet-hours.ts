/**
 * Quiet hours: from `quietFrom` to `quietTo` (center-local, may span midnight) nothing is sent;
 * a message made then waits for the end (and expires if that is past its time).
 */
import { localTime, nextLocalTimeMs } from '../../protocol/center-clock.ts'

/** `now` when outside quiet hours (or none are set), else when they end. */
export function quietUntil(now: number, quiet: { quietFrom?: string; quietTo?: string }, timeZone: string): number {
  const { quietFrom: from, quietTo: to } = quiet
  if (!from || !to || from === to) return now
  const at = localTime(now, timeZone).slice(0, 5)
  const inside = from < to ? at >= from && at < to : at >= from || at < to
  if (!inside) return now
  return nextLocalTimeMs(now, to, timeZone)
}
