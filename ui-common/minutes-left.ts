/**
 * Whole minutes left of a window (an undo, a parking) ending at `endsAt`, rounded up, at least 1:
 * what the console's lists and the citizen's status page count down. Measured from the later of
 * the screen's own "now" (`shownNow`: a console's 15 s ticker, the moment a status page was told)
 * and the clock: a window read just after it opened showed 31 of its 30 minutes when the ticker
 * was stale. `clock` must be on the clock `endsAt` is on: the screen's own (the default) where the screen
 * made `endsAt` from its own clock (a status page: told at, plus the seconds left); the center's
 * where `endsAt` is the server's (a console's lists: the console's `now` on the center's clock).
 * A console whose PC clock ran ahead of the center's counted "1 min left" of a 10-minute park.
 */
export function minutesLeft(endsAt: number, shownNow: number, clock = Date.now()): number {
  return Math.max(1, Math.ceil((endsAt - Math.max(shownNow, clock)) / 60_000))
}
