import type { QueueContext } from './queue-context.ts'
import type { CounterRecord } from '../db/repositories/counters-repo.ts'
import { ParkingRepo } from '../db/repositories/parking-repo.ts'

/**
 * A paused counter opens again or closes at `now`: the tickets it parked keep the time it was
 * paused (the park clock does not run during a clerk's break, parking-rules.ts), so their stored
 * deadline moves later by it. Call it before the counter's state changes, wherever a counter leaves
 * a pause (the clerk resumes, the clerk closes, a manager takes it over or closes it away).
 */
export function keepPausedParkTime(ctx: QueueContext, counter: CounterRecord, now: number): void {
  if (counter.state !== 'paused' || !counter.pausedSince) return
  new ParkingRepo(ctx.db).holdForPause(counter.id, Date.parse(counter.pausedSince), now)
}
