/**
 * Whether a counter serves citizens now, one rule for every screen that says so (the kiosk's
 * service on sale, the display's "no counter is open here", the status page's "sent to counter N,
 * which is not open now" and "go to counter N"): server/queue/staffing.ts's. An away counter
 * (its clerk with no live console for queue.awayAfterSeconds: server/realtime/console-presence.ts)
 * stays open in its clerk's name but calls nobody, so it is not open to a citizen: the display
 * listed it as serving and the status page as open while the kiosk greyed its services out as
 * unstaffed (s49: counters opened over the API, then a restart with no console).
 */
import type { Counter } from './entities.ts'

type CounterFacts = Pick<Counter, 'active' | 'state' | 'awaySince'>

/** Open or paused (a paused clerk is back in a moment), active, and its clerk not away: it makes its services staffed. */
export function servesNow(c: CounterFacts): boolean {
  return c.active && c.state !== 'closed' && c.awaySince === null
}

/** Open, active and its clerk not away: it calls this minute (the estimates' capacity). */
export function callsNow(c: CounterFacts): boolean {
  return servesNow(c) && c.state === 'open'
}
